import type { CellValue, PlanText } from './types';

/**
 * Text from a person or a file (an org, a project name, a statement, a target `=100.00(%)`)
 * is data, never a formula. The plans carry it as `{ text }`, so a writer knows without
 * guessing that a leading `=`, `+`, `-` or `@` is part of the words; a plain string in a plan
 * is one of the planner's own words, and a formula only when it starts with `=`.
 *
 * Older workbooks hold such text as the formula `="=100.00(%)"`; `quotedText` and `formText`
 * still read it back.
 */

/**
 * Excel keeps at most 32,767 characters in a cell; one is left for the `'` with which the
 * Office.js writer keeps a text as typed. A longer text is cut rather than refused.
 */
export const MAX_CELL_TEXT = 32766;

/** Cut to `max` UTF-16 units without splitting a surrogate pair. */
export function cutText(v: string, max: number): string {
  if (v.length <= max) return v;
  const end = /[\uD800-\uDBFF]/.test(v[max - 1]) ? max - 1 : max;
  return v.slice(0, end);
}

/** Text for a cell, written as text whatever it starts with; null when blank. */
export function textCell(v: string | null | undefined): CellValue {
  if (v === null || v === undefined || v === '') return null;
  return { text: cutText(v, MAX_CELL_TEXT) };
}

export function isPlanText(v: unknown): v is PlanText {
  return typeof v === 'object' && v !== null && 'text' in v && typeof (v as PlanText).text === 'string';
}

/** A planned cell that is a formula (the planner's own `=…`); text and values are not. */
export function isPlanFormula(v: CellValue): v is string {
  return typeof v === 'string' && v.startsWith('=');
}

/** The words of a formula that is one quoted string (`"=100%"`, without its leading `=`); null for any other. */
export function quotedText(formula: string): string | null {
  const m = /^"((?:[^"]|"")*)"$/.exec(formula);
  return m ? m[1].replace(/""/g, '"') : null;
}

/** The words of a cell as ExcelJS reads or a plan holds it (a value, `{ text }`, rich text, or an old `="…"` formula). */
export function formText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (isPlanText(v)) return v.text;
  if (typeof v === 'object' && 'formula' in v) return quotedText(String((v as { formula: string }).formula));
  if (typeof v === 'object' && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  return String(v);
}

/** The words a planned cell shows: a value, `{ text }`, or the text of a `="…"` formula; null when blank or another formula. */
export function plannedText(v: CellValue): string | null {
  if (v === null || v === '') return null;
  if (isPlanText(v)) return v.text;
  if (typeof v !== 'string') return String(v);
  return v.startsWith('=') ? quotedText(v.slice(1)) : v;
}

/** A planned cell as a grid of values and formulas holds it: `{ text }` as its words. */
export function plainCell(v: CellValue): string | number | boolean | null {
  return isPlanText(v) ? v.text : v;
}
