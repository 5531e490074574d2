/**
 * The pane follows Office's theme: light or dark Fluent tokens (taskpane.css), and Office's own
 * body and control colours where they read well. Pure: the pane passes in what Office and the
 * browser said, and sets the result on the document.
 */

/** What `Office.context.officeTheme` may hold; every field can be missing, depending on host and version. */
export interface OfficeThemeLike {
  bodyBackgroundColor?: unknown;
  bodyForegroundColor?: unknown;
  controlBackgroundColor?: unknown;
  controlForegroundColor?: unknown;
  /** a boolean in newer Office.js, a function in the older documentation */
  isDarkTheme?: unknown;
  /** Office.ThemeId: Black, DarkGray, Colorful, White */
  themeId?: unknown;
}

export type ThemeMode = 'light' | 'dark';

export interface PaneTheme {
  mode: ThemeMode;
  /** CSS custom properties for the document element; empty when Office gave no usable colours */
  vars: Record<string, string>;
}

/** WCAG AA for body text. */
export const MIN_CONTRAST = 4.5;

/** `#RGB` or `#RRGGBB` (Office sends the latter) → [r, g, b] 0–255; anything else → null. */
export function parseHex(value: unknown): [number, number, number] | null {
  if (typeof value !== 'string') return null;
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!m) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const hex = (rgb: [number, number, number]): string => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;

/** Foreground a little towards the background: the hint colour, as long as it reads on every background given. */
function muted(fg: [number, number, number], bgs: [number, number, number][]): [number, number, number] | null {
  for (const share of [0.35, 0.25, 0.15, 0.05]) {
    const mix = fg.map((c, i) => Math.round(c * (1 - share) + bgs[0][i] * share)) as [number, number, number];
    if (bgs.every((bg) => contrast(mix, bg) >= MIN_CONTRAST)) return mix;
  }
  return null;
}

function darkFromOffice(theme: OfficeThemeLike): boolean | null {
  if (typeof theme.isDarkTheme === 'boolean') return theme.isDarkTheme;
  if (typeof theme.isDarkTheme === 'function') {
    try {
      const v = (theme.isDarkTheme as () => unknown).call(theme);
      if (typeof v === 'boolean') return v;
    } catch {
      /* an older host without it: decide by the colours */
    }
  }
  if (theme.themeId === 'Black' || theme.themeId === 'DarkGray') return true;
  if (theme.themeId === 'White' || theme.themeId === 'Colorful') return false;
  const bg = parseHex(theme.bodyBackgroundColor);
  return bg ? luminance(bg) < 0.4 : null;
}

/**
 * Light or dark, and Office's colours as CSS variables. Office decides when it says anything;
 * otherwise the browser's `prefers-color-scheme`. A colour pair that would not reach 4.5:1 is
 * left out, so the Fluent tokens (which do) are used instead.
 */
export function paneTheme(theme: OfficeThemeLike | null | undefined, prefersDark = false): PaneTheme {
  if (!theme) return { mode: prefersDark ? 'dark' : 'light', vars: {} };
  const dark = darkFromOffice(theme);
  const mode: ThemeMode = (dark ?? prefersDark) ? 'dark' : 'light';
  const vars: Record<string, string> = {};
  const bodyBg = parseHex(theme.bodyBackgroundColor);
  const bodyFg = parseHex(theme.bodyForegroundColor);
  const controlBg = parseHex(theme.controlBackgroundColor);
  // Office's colours must agree with the mode chosen, or the Fluent tokens around them would clash.
  const fitsMode = (bg: [number, number, number]): boolean => (luminance(bg) < 0.4) === (mode === 'dark');
  if (bodyBg && bodyFg && fitsMode(bodyBg) && contrast(bodyFg, bodyBg) >= MIN_CONTRAST) {
    vars['--office-body-bg'] = hex(bodyBg);
    vars['--office-body-fg'] = hex(bodyFg);
    // cards and inputs take the control colour only when body text reads on it too
    const control = controlBg && fitsMode(controlBg) && contrast(bodyFg, controlBg) >= MIN_CONTRAST ? controlBg : null;
    if (control) vars['--office-control-bg'] = hex(control);
    const m = muted(bodyFg, control ? [bodyBg, control] : [bodyBg]);
    if (m) vars['--office-body-fg-muted'] = hex(m);
  }
  return { mode, vars };
}

/** Every variable `paneTheme` can set, so a theme change removes what the new theme does not set. */
export const THEME_VARS = ['--office-body-bg', '--office-body-fg', '--office-body-fg-muted', '--office-control-bg'] as const;
