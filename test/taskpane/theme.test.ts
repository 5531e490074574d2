import * as fs from 'fs';
import * as path from 'path';
import { webDarkTheme, webLightTheme } from '@fluentui/tokens';
import { contrast, MIN_CONTRAST, paneTheme, parseHex, THEME_VARS } from '../../src/taskpane/theme';

const css = fs.readFileSync(path.join(__dirname, '../../src/taskpane/taskpane.css'), 'utf8');

/** The `--token: value` pairs of the first block whose selector is exactly `selector`. */
function block(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  expect(start).toBeGreaterThanOrEqual(0);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--(\w+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

describe('Fluent tokens in taskpane.css', () => {
  test('the light block is webLightTheme, value for value', () => {
    const light = block(':root');
    expect(Object.keys(light).length).toBeGreaterThan(30);
    for (const [name, value] of Object.entries(light)) {
      expect({ name, value }).toEqual({ name, value: String((webLightTheme as unknown as Record<string, unknown>)[name]) });
    }
  });

  test('the dark block is webDarkTheme and overrides every light colour', () => {
    const light = block(':root');
    const dark = block(":root[data-theme='dark']");
    for (const [name, value] of Object.entries(dark)) {
      expect({ name, value }).toEqual({ name, value: String((webDarkTheme as unknown as Record<string, unknown>)[name]) });
    }
    for (const name of Object.keys(light).filter((n) => n.startsWith('color'))) expect({ name, dark: name in dark }).toEqual({ name, dark: true });
  });

  test('text and its background read at 4.5:1 in both themes (the tokens the pane pairs)', () => {
    for (const theme of [webLightTheme, webDarkTheme] as unknown as Record<string, string>[]) {
      const pairs: [string, string][] = [
        ['colorNeutralForeground1', 'colorNeutralBackground1'],
        ['colorNeutralForeground3', 'colorNeutralBackground1'],
        ['colorNeutralForeground3', 'colorNeutralBackground2'],
        ['colorBrandForeground1', 'colorNeutralBackground1'],
        ['colorNeutralForegroundOnBrand', 'colorBrandBackground'],
        ['colorPaletteRedForeground1', 'colorPaletteRedBackground1'],
        ['colorPaletteGreenForeground1', 'colorPaletteGreenBackground1'],
      ];
      for (const [fg, bg] of pairs) {
        const ratio = contrast(parseHex(theme[fg])!, parseHex(theme[bg])!);
        expect({ fg, bg, ok: ratio >= MIN_CONTRAST }).toEqual({ fg, bg, ok: true });
      }
    }
  });
});

describe('paneTheme', () => {
  test('no Office theme: the system preference decides, no colours set', () => {
    expect(paneTheme(null, false)).toEqual({ mode: 'light', vars: {} });
    expect(paneTheme(undefined, true)).toEqual({ mode: 'dark', vars: {} });
  });

  test('Office’s colours are used when they read well', () => {
    const t = paneTheme({ bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#262626', controlBackgroundColor: '#F3F3F3', controlForegroundColor: '#262626' });
    expect(t.mode).toBe('light');
    expect(t.vars['--office-body-bg']).toBe('#ffffff');
    expect(t.vars['--office-body-fg']).toBe('#262626');
    expect(t.vars['--office-control-bg']).toBe('#f3f3f3');
    const mutedText = parseHex(t.vars['--office-body-fg-muted'])!;
    expect(contrast(mutedText, parseHex('#F3F3F3')!)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(contrast(mutedText, parseHex('#FFFFFF')!)).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });

  test('a dark Office theme makes the pane dark, whatever the system says', () => {
    const black = { bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#3B3B3B', controlForegroundColor: '#FFFFFF' };
    expect(paneTheme(black, false).mode).toBe('dark');
    expect(paneTheme({ ...black, isDarkTheme: true }, false).mode).toBe('dark');
    expect(paneTheme({ ...black, isDarkTheme: () => true }, false).mode).toBe('dark');
    expect(paneTheme({ themeId: 'DarkGray' }, false).mode).toBe('dark');
    expect(paneTheme({ themeId: 'Colorful' }, true).mode).toBe('light');
    expect(paneTheme(black, false).vars['--office-body-bg']).toBe('#262626');
  });

  test('colours that do not read, or do not fit the mode, are left to the Fluent tokens', () => {
    expect(paneTheme({ bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#BBBBBB' }).vars).toEqual({});
    expect(paneTheme({ bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000', isDarkTheme: true }).vars).toEqual({});
    expect(paneTheme({ bodyBackgroundColor: 'red', bodyForegroundColor: '#000000' }).vars).toEqual({});
    const t = paneTheme({ bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000', controlBackgroundColor: '#202020' });
    expect(t.vars['--office-body-bg']).toBe('#ffffff');
    expect(t.vars['--office-control-bg']).toBeUndefined();
  });

  test('an isDarkTheme that throws falls back to the colours', () => {
    const t = paneTheme({ isDarkTheme: () => { throw new Error('not here'); }, bodyBackgroundColor: '#1F1F1F', bodyForegroundColor: '#F0F0F0' });
    expect(t.mode).toBe('dark');
  });

  test('every variable it can set is listed for removal', () => {
    const t = paneTheme({ bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000', controlBackgroundColor: '#FAFAFA' });
    for (const name of Object.keys(t.vars)) expect(THEME_VARS).toContain(name);
    expect(Object.keys(t.vars).length).toBe(THEME_VARS.length);
  });

  test('parseHex reads #RGB and #RRGGBB only', () => {
    expect(parseHex('#fff')).toEqual([255, 255, 255]);
    expect(parseHex('#0F6CBD')).toEqual([15, 108, 189]);
    expect(parseHex('rgb(0,0,0)')).toBeNull();
    expect(parseHex(12)).toBeNull();
  });
});
