import { tr } from './pane-state';

/** The few DOM helpers every section of the pane uses. */

export function $<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`taskpane.html lacks #${id}`);
  return el as T;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * The spinner of a working status line. Shown only once the work has lasted half a second
 * (body.show-progress); a Fluent spinner once its chunk is loaded, a CSS ring before that.
 */
export function spinner(): HTMLElement {
  const s = document.createElement('fluent-spinner');
  s.className = 'spinner';
  s.setAttribute('size', 'tiny');
  s.setAttribute('role', 'progressbar');
  s.setAttribute('aria-label', tr('progress.label'));
  return s;
}

/** Moves focus to a result box and brings it into view, so a keyboard or screen-reader user lands on it. */
export function focusOutput(id: string): void {
  const box = $(id);
  box.focus({ preventScroll: true });
  box.scrollIntoView({ block: 'nearest' });
}

/**
 * An output box emptied for its next state: no content, no state class, not busy, and no
 * question's role or label left from an earlier render (each render says again what it is).
 */
export function clearOutput(id: string): HTMLElement {
  const box = $(id);
  box.textContent = '';
  box.className = 'output';
  box.removeAttribute('aria-busy');
  box.removeAttribute('role');
  box.removeAttribute('aria-labelledby');
  return box;
}
