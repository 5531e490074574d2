import { address, parseRange } from './a1';
import { isPlanText, plannedText } from './text-cells';
import type { SheetPlan } from './types';

/**
 * Row heights for wrapped text. Excel does not grow a row for text written by a program (nor
 * for merged cells at all), so a long 偏差原因分析 or 年度总体目标 would spill over its
 * neighbours in print; the plans size those rows themselves.
 *
 * Widths are in Excel's column-width units (about one `0` of the default font); a CJK or
 * full-width character takes about two.
 */

/** one line of 11-point text */
export const LINE_POINTS = 15;
const PADDING_POINTS = 4;
const MAX_ROW_POINTS = 409;
/** Excel's height of a row the plan leaves unset (11-point text) */
export const DEFAULT_ROW_POINTS = 15;

export function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += ch.codePointAt(0)! > 0x2e80 ? 2 : 1;
  return units;
}

/** Lines a text takes in a cell `width` units wide, each typed line break starting a new one. */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textUnits(line) / usable)), 0);
}

/** Points for `lines` lines of 11-point text, within Excel's 409-point limit. */
export function heightForLines(lines: number): number {
  return Math.min(MAX_ROW_POINTS, lines * LINE_POINTS + PADDING_POINTS);
}

/**
 * The cells (`row,col`) whose text wraps, the last style given to a cell deciding as in the
 * writers; shared by the row fitting below and the print check (print.ts).
 */
export function wrappedCells(plan: SheetPlan): Set<string> {
  const wrapped = new Set<string>();
  for (const { range, style } of plan.styles) {
    if (style.wrap === undefined) continue;
    const { r1, c1, r2, c2 } = parseRange(range);
    for (let r = r1; r <= r2; r++) {
      for (let c = c1; c <= c2; c++) {
        if (style.wrap) wrapped.add(`${r},${c}`);
        else wrapped.delete(`${r},${c}`);
      }
    }
  }
  return wrapped;
}

/**
 * Raises each row where a wrapped text cell needs more than one line to the height it needs
 * (never lowers a planned height). A cell merged over several rows (a header spanning 科目编码
 * rows, an indicator's 一级) gets what it lacks spread over its rows, so its words are not cut
 * at the top and bottom.
 */
export function fitRowHeights(plan: SheetPlan): SheetPlan {
  const wrapped = wrappedCells(plan);
  const spans = new Map<string, { rows: number; width: number }>();
  for (const m of plan.merges) {
    const { r1, c1, r2, c2 } = parseRange(m);
    let width = 0;
    for (let c = c1; c <= c2; c++) width += plan.columnWidths[c - 1] ?? 8.43;
    spans.set(`${r1},${c1}`, { rows: r2 - r1 + 1, width });
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) spans.set(`${r},${c}`, { rows: 0, width: 0 });
  }
  const rowHeights = { ...plan.rowHeights };
  const tall: { r1: number; rows: number; needs: number }[] = [];
  plan.cells.forEach((row, i) => {
    const r = i + 1;
    let lines = 1;
    row.forEach((v, j) => {
      const c = j + 1;
      // a formula's words as planned (a 填写提示, a linked name) count like typed text
      const text = (typeof v === 'string' || isPlanText(v) ? plannedText(v) : null) ?? plan.textResults?.[address(r, c)] ?? null;
      if (!text || !wrapped.has(`${r},${c}`)) return;
      const span = spans.get(`${r},${c}`) ?? { rows: 1, width: plan.columnWidths[j] ?? 8.43 };
      if (span.rows === 0) return;
      const needs = wrappedLines(text, span.width);
      if (span.rows === 1) lines = Math.max(lines, needs);
      else if (needs > 1) tall.push({ r1: r, rows: span.rows, needs: heightForLines(needs) });
    });
    if (lines > 1) rowHeights[r] = Math.max(rowHeights[r] ?? 0, heightForLines(lines));
  });
  for (const { r1, rows, needs } of tall) {
    let has = 0;
    for (let r = r1; r < r1 + rows; r++) has += rowHeights[r] ?? DEFAULT_ROW_POINTS;
    if (has >= needs) continue;
    const more = Math.ceil(((needs - has) / rows) * 4) / 4;
    for (let r = r1; r < r1 + rows; r++) rowHeights[r] = Math.min(MAX_ROW_POINTS, (rowHeights[r] ?? DEFAULT_ROW_POINTS) + more);
  }
  return { ...plan, rowHeights };
}
