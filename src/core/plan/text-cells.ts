import type { CellValue } from './types';

/**
 * Texts that start with `=` (targets such as `=100.00(%)`) would be taken for formulas, so the
 * plans write them as the formula `="=100.00(%)"`, which shows the same words. These are the
 * one encoder and the one decoder of that form, for the plans, the row sizing and the reader.
 */

/** Text for a cell: a leading `=` would make it a formula, so it becomes `="…"`. */
export function textCell(v: string | null | undefined): CellValue {
  if (v === null || v === undefined || v === '') return null;
  return v.startsWith('=') ? `="${v.replace(/"/g, '""')}"` : v;
}

/** The words of a formula that is one quoted string (`"=100%"`, without its leading `=`); null for any other. */
export function quotedText(formula: string): string | null {
  const m = /^"((?:[^"]|"")*)"$/.exec(formula);
  return m ? m[1].replace(/""/g, '"') : null;
}

/** The words a cell planned by `textCell` shows (a value, or an ExcelJS `{ formula }`). */
export function formText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && 'formula' in v) return quotedText(String((v as { formula: string }).formula));
  if (typeof v === 'object' && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  return String(v);
}

/** The words a planned cell shows: a value, or the text of a `="…"` formula; null when blank or another formula. */
export function plannedText(v: CellValue): string | null {
  if (v === null || v === '') return null;
  if (typeof v !== 'string') return String(v);
  return v.startsWith('=') ? quotedText(v.slice(1)) : v;
}
