import { address, columnLetter as columnLetters, parseRange } from '../core/plan/a1';
import { freeName, freeSheetName } from '../core/plan/names';
import { withMadeNames } from '../core/plan/pack';
import { PAGE_MARGINS } from '../core/plan/print';
import { cutText, isPlanFormula, isPlanText, MAX_CELL_TEXT } from '../core/plan/text-cells';
import type { CellStyle, CellValue, HelperSheetPlan, SheetPlan, ValidationPlan } from '../core/plan/types';
import { jsonBytes, SyncBudget } from './payload';

/**
 * Applies sheet plans to the open workbook through Office.js, the way Microsoft's
 * performance guidance asks: work is queued and sent in batches, values and formulas go as
 * one 2D array per sheet. One sync learns the existing names; then every sheet the plans make
 * (`_BT_LISTS` too) is added before anything that refers to one is written (Excel turns a
 * reference to a sheet missing at that moment into `#REF!` and refuses such a list rule); the
 * sheets' contents follow in syncs of at most `PAYLOAD_BUDGET_BYTES`, so a few templates take
 * one sync and 60 projects' forms a handful, never one per cell.
 */

/** Requirement sets beyond the manifest's minimum (ExcelApi 1.7) that the writer uses when present. */
export type SupportCheck = (set: string, version: string) => boolean;

export const officeSupport: SupportCheck = (set, version) =>
  typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported(set, version) === true;

export const SHEET_FONT = '宋体';

/** Page margins are in inches in a file, in points in Office.js. */
const inchPoints = (inches: number): number => Math.round(inches * 7200) / 100;

/** Excel column widths are in characters in a file, in points in Office.js. */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 5.25 + 3.75) * 100) / 100;
}

function lastCell(plan: SheetPlan): string {
  return address(Math.max(plan.cells.length, 1), plan.cells[0]?.length ?? 1);
}

function applyStyle(range: Excel.Range, s: CellStyle, support: SupportCheck): void {
  const f = range.format;
  // Number formats are set by the caller before the values, as full-size 2D arrays.
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.fontSize !== undefined) f.font.size = s.fontSize;
  if (s.hAlign) f.horizontalAlignment = s.hAlign === 'left' ? 'Left' : s.hAlign === 'center' ? 'Center' : 'Right';
  if (s.vAlign) f.verticalAlignment = s.vAlign === 'top' ? 'Top' : s.vAlign === 'center' ? 'Center' : 'Bottom';
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.indent !== undefined && support('ExcelApi', '1.9')) f.indentLevel = s.indent;
  if (s.fill) f.fill.color = s.fill;
  if (s.color) f.font.color = s.color;
  if (s.border) {
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const) {
      const b = f.borders.getItem(edge);
      b.style = 'Continuous';
      b.weight = 'Thin';
      b.color = '#000000';
    }
  }
  if (s.locked !== undefined) f.protection.locked = s.locked;
}

function fill2D<T>(range: string, value: T): T[][] {
  const { r1, c1, r2, c2 } = parseRange(range);
  return Array.from({ length: r2 - r1 + 1 }, () => Array<T>(c2 - c1 + 1).fill(value));
}

function validationRule(v: ValidationPlan): Excel.DataValidationRule {
  switch (v.kind) {
    case 'decimal':
      return { decimal: { formula1: v.min, formula2: v.max, operator: 'Between' } };
    case 'textLength':
      return { textLength: { formula1: v.min, formula2: v.max, operator: 'Between' } };
    case 'list':
      return { list: { inCellDropDown: true, source: v.items.join(',') } };
    case 'listFormula':
      // A source starting with `=` is a formula (Microsoft's own sample uses "=Names!$A$1:$A$3").
      return { list: { inCellDropDown: true, source: v.formula } };
  }
}

/** The cells the plan formats as text (`@`), the last style naming a format winning. */
function textFormatted(plan: SheetPlan): Set<string> {
  const formats = new Map<string, string>();
  for (const { range, style } of plan.styles) {
    if (style.numberFormat === undefined) continue;
    const { r1, c1, r2, c2 } = parseRange(range);
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) formats.set(address(r, c), style.numberFormat);
  }
  return new Set([...formats].filter(([, f]) => f === '@').map(([a]) => a));
}

/**
 * What to send for a planned cell. Office.js reads a string as if typed: `=…` a formula,
 * `+x`/`-x`/`@x` formulas too, `001` a number, `TRUE` a boolean. So a text goes in a text
 * (`@`) cell as it is, and elsewhere behind the `'` that makes Excel keep it as typed (the
 * apostrophe is not part of the value). The planner's own words are prefixed only when they
 * start with one of those characters.
 */
export function cellInput(v: CellValue, textCell: boolean): string | number | boolean {
  if (v === null) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (isPlanFormula(v)) return v;
  const own = !isPlanText(v);
  const text = own ? v : v.text;
  if (text === '' || textCell) return text;
  if (own && !/^[=+\-@']/.test(text)) return text;
  return `'${cutText(text, MAX_CELL_TEXT)}`;
}

/** Cells holding a formula that the plan formats as text (`@`), the last style naming a format winning. */
export function textFormattedFormulas(plan: SheetPlan): string[] {
  const formats = new Map<string, string>();
  for (const { range, style } of plan.styles) {
    if (style.numberFormat === undefined) continue;
    const { r1, c1, r2, c2 } = parseRange(range);
    for (let r = r1; r <= r2; r++) {
      for (let c = c1; c <= c2; c++) {
        const v = plan.cells[r - 1]?.[c - 1];
        if (typeof v === 'string' && v.startsWith('=')) formats.set(address(r, c), style.numberFormat);
      }
    }
  }
  return [...formats].filter(([, f]) => f === '@').map(([a]) => a);
}

/** Operations besides their data cost about this much each in a request. */
const OPERATION_BYTES = 40;

/** A close upper estimate of the request `queueSheet` makes for a plan besides its cells and number formats. */
export function planOperationBytes(plan: SheetPlan): number {
  let n = jsonBytes(plan.validations) + OPERATION_BYTES * 8;
  for (const { style } of plan.styles) n += OPERATION_BYTES * (4 + (style.border ? 18 : 0));
  n += OPERATION_BYTES * (plan.merges.length + plan.columnWidths.length + plan.hiddenColumns.length + Object.keys(plan.rowHeights).length);
  n += OPERATION_BYTES * (3 * plan.validations.length + plan.names.length + 8);
  // page setup: six margins, title columns, one operation per planned page break
  n += OPERATION_BYTES * (7 + (plan.print.rowBreaks?.length ?? 0));
  return n;
}

/**
 * Writes a 2D grid (formulas or number formats) from `r1`,`c1` in row blocks, each block sent
 * in a sync under the budget: a sheet of 50,000 rows is written in a few dozen syncs.
 */
async function writeGrid(ws: Excel.Worksheet, r1: number, c1: number, grid: unknown[][], prop: 'formulas' | 'numberFormat', budget: SyncBudget): Promise<void> {
  const width = grid[0]?.length ?? 0;
  if (width === 0) return;
  let r = 0;
  while (r < grid.length) {
    let bytes = OPERATION_BYTES;
    let end = r;
    while (end < grid.length) {
      const row = jsonBytes(grid[end]);
      if (end > r && bytes + row > budget.limit / 2) break;
      bytes += row;
      end++;
    }
    await budget.room(bytes);
    const range = ws.getRange(`${address(r1 + r, c1)}:${address(r1 + end - 1, c1 + width - 1)}`);
    const block = grid.slice(r, end) as unknown as string[][];
    if (prop === 'formulas') range.formulas = block;
    else range.numberFormat = block;
    r = end;
  }
}

/**
 * Queues one planned sheet's contents on its sheet, already added. The cells and number formats
 * go in row blocks under the budget (`writeGrid`); the rest, small, after them.
 */
async function queueSheet(
  context: Excel.RequestContext,
  plan: SheetPlan,
  ws: Excel.Worksheet,
  takenNames: Set<string>,
  support: SupportCheck,
  budget: SyncBudget,
): Promise<void> {
  await budget.room(planOperationBytes(plan));
  const all = ws.getRange(`A1:${lastCell(plan)}`);
  all.format.font.name = SHEET_FONT;
  all.format.font.size = 11;
  // Worksheet.showGridlines is ExcelApi 1.8; the manifest asks only for 1.7.
  if (support('ExcelApi', '1.8')) ws.showGridlines = false;

  plan.columnWidths.forEach((w, i) => {
    const letter = columnLetters(i + 1);
    ws.getRange(`${letter}:${letter}`).format.columnWidth = charsToPoints(w);
  });
  for (const c of plan.hiddenColumns) {
    const letter = columnLetters(c);
    ws.getRange(`${letter}:${letter}`).columnHidden = true;
  }
  // Number formats first: a code typed as `02` must land in a text cell to stay `02`.
  for (const { range, style } of plan.styles) {
    if (style.numberFormat === undefined) continue;
    const { r1, c1 } = parseRange(range);
    await writeGrid(ws, r1, c1, fill2D(range, style.numberFormat), 'numberFormat', budget);
  }
  // But Excel stores a formula written into a Text cell as its characters (`="=100%"` would show
  // as typed), so those cells are General while the formula goes in and Text again after: a
  // formula already in a cell stays a formula when the format changes.
  const textFormulas = textFormattedFormulas(plan);
  for (const a of textFormulas) ws.getRange(a).numberFormat = [['General']];
  const textCells = textFormatted(plan);
  const width = Math.max(plan.cells[0]?.length ?? 1, 1);
  const grid = plan.cells.map((row, r) => Array.from({ length: width }, (_, c) => cellInput(row[c] ?? null, textCells.has(address(r + 1, c + 1)))));
  await writeGrid(ws, 1, 1, grid.length > 0 ? grid : [['']], 'formulas', budget);
  for (const a of textFormulas) ws.getRange(a).numberFormat = [['@']];
  for (const { range, style } of plan.styles) applyStyle(ws.getRange(range), style, support);
  for (const m of plan.merges) ws.getRange(m).merge(false);
  for (const [row, h] of Object.entries(plan.rowHeights)) ws.getRange(`A${row}`).format.rowHeight = h * 1;

  if (support('ExcelApi', '1.8')) {
    for (const v of plan.validations) {
      const dv = ws.getRange(v.range).dataValidation;
      dv.rule = validationRule(v);
      dv.errorAlert = { title: v.error.title, message: v.error.text, showAlert: true, style: v.strict ? 'Stop' : 'Warning' };
      if (v.prompt) dv.prompt = { title: v.prompt.title, message: v.prompt.text, showPrompt: true };
    }
  }
  for (const n of plan.names) {
    const free = freeName(n.name, takenNames);
    takenNames.add(free);
    context.workbook.names.add(free, ws.getRange(n.range));
  }
  if (plan.freeze.rows > 0 && plan.freeze.columns > 0) {
    ws.freezePanes.freezeAt(ws.getRange(`A1:${columnLetters(plan.freeze.columns)}${plan.freeze.rows}`));
  } else if (plan.freeze.rows > 0) ws.freezePanes.freezeRows(plan.freeze.rows);
  else if (plan.freeze.columns > 0) ws.freezePanes.freezeColumns(plan.freeze.columns);

  if (support('ExcelApi', '1.9')) {
    const page = ws.pageLayout;
    page.orientation = plan.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    page.paperSize = 'A4';
    page.centerHorizontally = true;
    // One page wide, as tall as it takes: horizontalFitToPages alone (the reference gives no
    // meaning to 0 pages, which Excel refuses).
    if (plan.print.fitToWidth) page.zoom = { horizontalFitToPages: 1 };
    else if (plan.print.scale !== undefined) page.zoom = { scale: plan.print.scale };
    // The margins the plans' widths and page breaks are measured against (core/plan/print.ts), in points.
    page.leftMargin = inchPoints(PAGE_MARGINS.left);
    page.rightMargin = inchPoints(PAGE_MARGINS.right);
    page.topMargin = inchPoints(PAGE_MARGINS.top);
    page.bottomMargin = inchPoints(PAGE_MARGINS.bottom);
    page.headerMargin = inchPoints(PAGE_MARGINS.header);
    page.footerMargin = inchPoints(PAGE_MARGINS.footer);
    if (plan.print.titleRows) page.setPrintTitleRows(`$${plan.print.titleRows.replace(':', ':$')}`);
    if (plan.print.titleColumns) page.setPrintTitleColumns(`$${plan.print.titleColumns.replace(':', ':$')}`);
    if (plan.print.area) page.setPrintArea(plan.print.area);
    // Worksheet.horizontalPageBreaks is ExcelApi 1.9 too: a break goes above the cell given.
    for (const row of plan.print.rowBreaks ?? []) if (row > 1) ws.horizontalPageBreaks.add(`A${row}`);
  }
  if (plan.protect) {
    ws.protection.protect({
      allowInsertRows: true,
      allowDeleteRows: true,
      allowFormatColumns: true,
      allowFormatRows: true,
      selectionMode: 'Normal',
    });
  }
}

/** What the first sync learns of a helper sheet already in the workbook. */
interface HelperProbe {
  plan: HelperSheetPlan;
  sheet: Excel.Worksheet;
  used: Excel.Range;
}

/** The helper sheet there is the add-in's: its used range starts at A1 with the planned A1 (the marker). */
function isOurHelper(probe: HelperProbe): boolean {
  if (probe.used.isNullObject) return false;
  const topLeft = /!\$?A\$?1(:|$)/.test(probe.used.address);
  return topLeft && probe.used.values[0]?.[0] === probe.plan.cells[0]?.[0];
}

/** A helper sheet's cells as planned, blanks as '', trailing blanks dropped, for comparing. */
function helperRows(cells: unknown[][]): string {
  const rows = cells.map((r) => {
    const out = r.map((v) => (v === null || v === undefined ? '' : isPlanText(v) ? v.text : v));
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return JSON.stringify(rows);
}

/**
 * Queues a helper sheet (`_BT_LISTS`): nothing when the workbook has it with the same cells;
 * its cells rewritten when they differ (the lists are found by key, so earlier forms keep
 * working); else a new very hidden sheet (Worksheet.visibility, ExcelApi 1.1).
 */
function queueHelper(context: Excel.RequestContext, probe: HelperProbe, takenSheets: string[]): void {
  const { plan } = probe;
  const height = plan.cells.length;
  const width = Math.max(1, ...plan.cells.map((r) => r.length));
  if (!probe.sheet.isNullObject) {
    const existing = probe.used.isNullObject ? [] : (probe.used.values as unknown[][]);
    if (helperRows(existing) === helperRows(plan.cells)) return;
    const rows = Math.max(height, existing.length);
    const cols = Math.max(width, ...existing.map((r) => r.length));
    const grid = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cellInput(plan.cells[r]?.[c] ?? null, false)));
    probe.sheet.getRange(`A1:${address(rows, cols)}`).values = grid as unknown as string[][];
    probe.sheet.visibility = 'VeryHidden';
    return;
  }
  const ws = context.workbook.worksheets.add(plan.name);
  takenSheets.push(plan.name);
  const grid = Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => cellInput(plan.cells[r]?.[c] ?? null, false)));
  ws.getRange(`A1:${address(height, width)}`).values = grid as unknown as string[][];
  ws.visibility = 'VeryHidden';
}

export interface InsertResult {
  /** the names the sheets were made under, in plan order */
  sheets: string[];
}

/**
 * Inserts the planned sheets into the open workbook. An existing sheet is never overwritten:
 * a plan whose name is taken gets the next free name. Two syncs for a few templates; one more
 * per `PAYLOAD_BUDGET_BYTES` of contents beyond that.
 */
export async function insertPlans(
  context: Excel.RequestContext,
  plans: SheetPlan[],
  support: SupportCheck = officeSupport,
): Promise<InsertResult> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const names = context.workbook.names;
  names.load('items/name');
  // Helper sheets the plans need, looked at in the same first sync (getItemOrNullObject and
  // getUsedRangeOrNullObject are ExcelApi 1.4).
  const helpers = new Map<string, HelperSheetPlan>();
  for (const p of plans) for (const h of p.helpers ?? []) helpers.set(h.name, h);
  const probes: HelperProbe[] = [...helpers.values()].map((plan) => {
    const sheet = sheets.getItemOrNullObject(plan.name);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('values,address');
    return { plan, sheet, used };
  });
  await context.sync();
  // A sheet of a helper's name without the helper's own A1 (its marker) is the clerk's: never rewritten.
  const foreign = probes.find((p) => !p.sheet.isNullObject && !isOurHelper(p));
  if (foreign) {
    throw new Error(`工作簿里已有名为“${foreign.plan.name}”的工作表，但它不是本加载项的下拉列表，为免改动它，没有插入。请先把它改名，再插入。`);
  }

  const takenSheets = sheets.items.map((s) => s.name);
  const takenNames = new Set(names.items.map((n) => n.name));
  // Every sheet first: the 绩效目标汇总表 links to the forms and the 二级 lists read _BT_LISTS.
  const made = plans.map((plan) => {
    const name = freeSheetName(plan.name, takenSheets);
    takenSheets.push(name);
    return { plan, name, ws: context.workbook.worksheets.add(name) };
  });
  // The 目录 names the sheets as made, a taken name's `(2)` included.
  const renames = new Map(made.filter((m) => m.name !== m.plan.name).map((m) => [m.plan.name, m.name] as const));
  for (const m of made) m.plan = withMadeNames(m.plan, renames);
  // After the sheets they serve in the tabs, so a new workbook never opens on a very hidden sheet.
  for (const probe of probes) queueHelper(context, probe, takenSheets);
  const budget = new SyncBudget(context);
  await budget.room(OPERATION_BYTES * made.length + probes.reduce((n, p) => n + jsonBytes(p.plan.cells), 0));
  for (const { plan, ws } of made) await queueSheet(context, plan, ws, takenNames, support, budget);
  if (made.length > 0) made[0].ws.activate();
  await context.sync();
  return { sheets: made.map((m) => m.name) };
}
