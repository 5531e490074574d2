import { address, parseRange } from './a1';
import { DEFAULT_ROW_POINTS, LINE_POINTS, wrappedCells, wrappedLines } from './text-height';
import { plannedText, isPlanText } from './text-cells';
import type { SheetPlan } from './types';

/**
 * How a planned sheet prints: the page both writers set up (A4, these margins) and the scale
 * a reader prints it at, so the plans can choose widths that keep the text legible and a test
 * can measure it. The district templates print their 12-point text at 100 %; ours is 11 point
 * and must not shrink below `MIN_PRINT_POINTS` when fitted to the page width.
 */

export const A4_POINTS = { short: 595.28, long: 841.89 } as const;
/** inches, as Excel's page setup and ExcelJS take them */
export const PAGE_MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;
export const BODY_POINTS = 11;
export const MIN_PRINT_POINTS = 10;

type Orientation = SheetPlan['print']['orientation'];

export function printableWidth(orientation: Orientation): number {
  const page = orientation === 'landscape' ? A4_POINTS.long : A4_POINTS.short;
  return page - (PAGE_MARGINS.left + PAGE_MARGINS.right) * 72;
}

export function printableHeight(orientation: Orientation): number {
  const page = orientation === 'landscape' ? A4_POINTS.short : A4_POINTS.long;
  return page - (PAGE_MARGINS.top + PAGE_MARGINS.bottom) * 72;
}

/**
 * A column `w` units wide in points, as each reader draws it. A width unit is one digit of the
 * workbook's Normal font: Excel (Calibri 11) draws 7 px a unit and 5 px more a column;
 * LibreOffice without Calibri falls back to DejaVu Sans, whose digits are wider: 7.13 pt a unit,
 * measured by fitting 200 units of columns to a landscape page (the text printed at 54 %).
 * The wider one decides how far a fitted page shrinks; the narrower how text wraps.
 */
export const COLUMN_POINTS = {
  excel: (w: number): number => w * 5.25 + 3.75,
  libreoffice: (w: number): number => w * 7.13,
} as const;

/** Columns that print: those of the print area (all when none), less the hidden ones. */
export function printedColumns(plan: SheetPlan): number[] {
  const width = plan.columnWidths.length;
  const { c1, c2 } = plan.print.area ? parseRange(plan.print.area) : { c1: 1, c2: width };
  const out: number[] = [];
  for (let c = c1; c <= Math.min(c2, width); c++) if (!plan.hiddenColumns.includes(c)) out.push(c);
  return out;
}

/** The printed width of the sheet in points, for the reader that draws it widest. */
export function printedWidth(plan: SheetPlan): number {
  const cols = printedColumns(plan).map((c) => plan.columnWidths[c - 1]);
  return Math.max(...Object.values(COLUMN_POINTS).map((pts) => cols.reduce((s, w) => s + pts(w), 0)));
}

/** The scale the sheet prints at: fitted one page wide (never enlarged), or its fixed scale. */
export function printScale(plan: SheetPlan): number {
  if (!plan.print.fitToWidth) return (plan.print.scale ?? 100) / 100;
  return Math.min(1, printableWidth(plan.print.orientation) / printedWidth(plan));
}

/** The printed size of the body text, in points. */
export function printedTextPoints(plan: SheetPlan): number {
  return BODY_POINTS * printScale(plan);
}

/**
 * The widest a sheet's columns may be (in Excel's units, every column `columns` counted) to
 * print its body text at `MIN_PRINT_POINTS` or more on the page: what a planner sizes against.
 */
export function maxUnitsForPage(orientation: Orientation): number {
  return Math.floor((printableWidth(orientation) * BODY_POINTS) / MIN_PRINT_POINTS / COLUMN_POINTS.libreoffice(1));
}

export function rowHeight(plan: SheetPlan, row: number): number {
  return plan.rowHeights[row] ?? DEFAULT_ROW_POINTS;
}

/** The smallest whole percentage that still prints the body text at `MIN_PRINT_POINTS`. */
export const SMALLEST_LEGIBLE_SCALE = Math.ceil((MIN_PRINT_POINTS / BODY_POINTS) * 100);

/** A cell whose words do not fit the height of its row(s): where, and what it needs. */
export interface ClippedCell {
  cell: string;
  text: string;
  lines: number;
  needs: number;
  has: number;
}

/**
 * Header and label cells (wrapped, in the header rows or styled as wrapped anywhere) whose
 * lines need more height than their rows have, merged rows counted together.
 */
export function clippedCells(plan: SheetPlan, rows?: [number, number]): ClippedCell[] {
  const wrapped = wrappedCells(plan);
  const spans = new Map<string, { r2: number; c2: number }>();
  const covered = new Set<string>();
  for (const m of plan.merges) {
    const { r1, c1, r2, c2 } = parseRange(m);
    spans.set(`${r1},${c1}`, { r2, c2 });
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) covered.add(`${r},${c}`);
  }
  const printed = new Set(printedColumns(plan));
  const out: ClippedCell[] = [];
  plan.cells.forEach((line, i) => {
    const r = i + 1;
    if (rows && (r < rows[0] || r > rows[1])) return;
    line.forEach((v, j) => {
      const c = j + 1;
      if (!printed.has(c) || covered.has(`${r},${c}`)) return;
      const text = typeof v === 'string' || isPlanText(v) ? plannedText(v) : plan.textResults?.[address(r, c)] ?? null;
      if (!text) return;
      const span = spans.get(`${r},${c}`) ?? { r2: r, c2: c };
      let width = 0;
      for (let k = c; k <= span.c2; k++) width += plan.columnWidths[k - 1] ?? 8.43;
      // A cell that does not wrap keeps one line (it is cut at the side, not the top).
      const lines = wrapped.has(`${r},${c}`) ? wrappedLines(text, width) : 1;
      const needs = lines * LINE_POINTS;
      let has = 0;
      for (let k = r; k <= span.r2; k++) has += rowHeight(plan, k);
      if (needs > has) out.push({ cell: address(r, c), text, lines, needs, has });
    });
  });
  return out;
}

/**
 * Rows that start a new page, so a group of rows that belongs together (an indicator's 一级
 * block, the last block with 总分) never splits over two pages and never leaves its last
 * rows alone on one. Paged at 100 %, the largest a sheet prints (a page fitted narrower holds
 * more rows, so these breaks come before any the reader would make). A group taller than a
 * page breaks where it must. With print titles, a page after them starts below a copy of them.
 */
export function pageBreaks(plan: SheetPlan, groups: [number, number][]): number[] {
  const last = plan.print.area ? parseRange(plan.print.area).r2 : plan.cells.length;
  const page = printableHeight(plan.print.orientation);
  const titles = plan.print.titleRows ? plan.print.titleRows.split(':').map(Number) : null;
  const titleHeight = titles ? sumHeights(plan, titles[0], titles[1]) : 0;
  const starts = new Map(groups.map(([a, b]) => [a, b]));
  const breaks: number[] = [];
  let used = 0;
  const newPage = (row: number) => {
    breaks.push(row);
    used = titles && row > titles[1] ? titleHeight : 0;
  };
  for (let r = 1; r <= last; ) {
    const end = Math.min(starts.get(r) ?? r, last);
    const h = sumHeights(plan, r, end);
    if (used + h <= page) {
      used += h;
      r = end + 1;
      continue;
    }
    if (used > (titles && r > titles[1] ? titleHeight : 0)) {
      newPage(r);
      continue;
    }
    // Taller than a page by itself: as many of its rows as fit, then on.
    let k = r;
    while (k <= end && used + rowHeight(plan, k) <= page) used += rowHeight(plan, k++);
    if (k === r) used += rowHeight(plan, k++);
    if (k <= last) newPage(k);
    r = k;
  }
  return breaks;
}

function sumHeights(plan: SheetPlan, r1: number, r2: number): number {
  let h = 0;
  for (let r = r1; r <= r2; r++) h += rowHeight(plan, r);
  return h;
}

/**
 * An indicator table's page rules: its heading repeated on every page after the first it is
 * on, and breaks only between 一级 blocks, the heading kept with the first block and the last
 * rows (总分) with the last, so no page starts with rows nobody can name.
 */
export function withIndicatorPages(plan: SheetPlan, headerRow: number, blocks: [number, number][], lastRow: number): SheetPlan {
  const groups: [number, number][] = blocks.map(([a, b], i) => [i === 0 ? headerRow : a, i === blocks.length - 1 ? Math.max(b, lastRow) : b]);
  if (groups.length === 0) groups.push([headerRow, lastRow]);
  const titled: SheetPlan = { ...plan, print: { ...plan.print, titleRows: `${headerRow}:${headerRow}` } };
  const breaks = pageBreaks(titled, groups);
  return breaks.length > 0 ? { ...titled, print: { ...titled.print, rowBreaks: breaks } } : titled;
}
