import ExcelJS from 'exceljs';
import { columnLetter as col, parseRange, sheetRef } from '../core/plan/a1';
import { freeSheetName, freeName } from '../core/plan/names';
import { PAGE_MARGINS } from '../core/plan/print';
import { isPlanFormula, isPlanText } from '../core/plan/text-cells';
import type { CellStyle, CellValue, HelperSheetPlan, SheetPlan } from '../core/plan/types';

/** The font of the official forms; LibreOffice and Excel substitute a CJK font where it is missing. */
export const SHEET_FONT = '宋体';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };

function argb(hex: string): string {
  return 'FF' + hex.replace('#', '').toUpperCase();
}

function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  if (s.numberFormat !== undefined) cell.numFmt = s.numberFormat;
  if (s.bold !== undefined || s.fontSize !== undefined || s.color) {
    cell.font = {
      ...cell.font,
      ...(s.bold !== undefined ? { bold: s.bold } : {}),
      ...(s.fontSize ? { size: s.fontSize } : {}),
      ...(s.color ? { color: { argb: argb(s.color) } } : {}),
    };
  }
  if (s.hAlign || s.vAlign || s.wrap !== undefined || s.indent !== undefined) {
    cell.alignment = {
      ...cell.alignment,
      ...(s.hAlign ? { horizontal: s.hAlign } : {}),
      ...(s.vAlign ? { vertical: s.vAlign === 'center' ? 'middle' : s.vAlign } : {}),
      ...(s.wrap !== undefined ? { wrapText: s.wrap } : {}),
      ...(s.indent !== undefined ? { indent: s.indent } : {}),
    };
  }
  if (s.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.locked !== undefined) cell.protection = { locked: s.locked };
}

/** A cell that is not a formula: a string value is always stored as text by ExcelJS, whatever it starts with. */
function plainValue(v: Exclude<CellValue, null>): string | number | boolean {
  return isPlanText(v) ? v.text : v;
}

/**
 * Adds one planned sheet to an ExcelJS workbook. An existing sheet of that name is never
 * touched: the new sheet takes a free name (`单位收入总表 (2)`). Returns the name used.
 */
export async function addPlannedSheet(wb: ExcelJS.Workbook, plan: SheetPlan, opts: { helpers?: boolean } = {}): Promise<string> {
  const name = freeSheetName(plan.name, wb.worksheets.map((w) => w.name));
  const ws = wb.addWorksheet(name, {
    views: [
      plan.freeze.rows || plan.freeze.columns
        ? { state: 'frozen', xSplit: plan.freeze.columns, ySplit: plan.freeze.rows, showGridLines: false }
        : { showGridLines: false },
    ],
    pageSetup: {
      paperSize: 9, // A4
      orientation: plan.print.orientation,
      fitToPage: plan.print.fitToWidth,
      scale: plan.print.fitToWidth ? 100 : plan.print.scale ?? 100,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      // The margins the plans' widths and page breaks are measured against (core/plan/print.ts).
      margins: { ...PAGE_MARGINS },
      ...(plan.print.titleRows ? { printTitlesRow: plan.print.titleRows } : {}),
      ...(plan.print.titleColumns ? { printTitlesColumn: plan.print.titleColumns } : {}),
      ...(plan.print.area ? { printArea: plan.print.area } : {}),
    },
  });
  quotePrintNames(wb);
  plan.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const c of plan.hiddenColumns) ws.getColumn(c).hidden = true;

  plan.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      cell.font = { name: SHEET_FONT, size: 11 };
      if (v === null) return;
      if (isPlanFormula(v)) {
        const result = plan.results[cell.address] ?? plan.textResults?.[cell.address];
        cell.value = result === undefined ? { formula: v.slice(1) } : { formula: v.slice(1), result };
      } else cell.value = plainValue(v);
    }),
  );
  for (const { range, style } of plan.styles) {
    const { r1, c1, r2, c2 } = parseRange(range);
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) applyStyle(ws.getCell(r, c), style);
  }
  for (const m of plan.merges) ws.mergeCells(m);
  for (const [row, h] of Object.entries(plan.rowHeights)) ws.getRow(Number(row)).height = h;
  // A planned break starts a page at its row; ExcelJS breaks after the row it is given.
  for (const row of plan.print.rowBreaks ?? []) if (row > 1) ws.getRow(row - 1).addPageBreak();

  for (const v of plan.validations) {
    const common = {
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: v.strict ? 'stop' : 'warning',
      errorTitle: v.error.title,
      error: v.error.text,
      ...(v.prompt ? { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.text } : {}),
    } as const;
    const rule: ExcelJS.DataValidation =
      v.kind === 'list'
        ? { type: 'list', formulae: [`"${v.items.join(',')}"`], ...common }
        : v.kind === 'listFormula'
          ? { type: 'list', formulae: [v.formula.replace(/^=/, '')], ...common }
          : { type: v.kind, operator: 'between', formulae: [v.min, v.max], ...common };
    (ws as unknown as { dataValidations: { add(a: string, d: ExcelJS.DataValidation): void } }).dataValidations.add(v.range, rule);
  }

  const taken = new Set<string>();
  wb.definedNames.forEach((n: string) => taken.add(n));
  for (const n of plan.names) {
    const free = freeName(n.name, taken);
    taken.add(free);
    const { r1, c1, r2, c2 } = parseRange(n.range);
    wb.definedNames.add(sheetRef(name, `$${col(c1)}$${r1}:$${col(c2)}$${r2}`), free);
  }

  if (opts.helpers !== false) for (const h of plan.helpers ?? []) ensureHelperSheet(wb, h);

  if (plan.protect) {
    await ws.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      insertRows: true,
      deleteRows: true,
    });
  }
  return name;
}


/** A helper sheet's values as planned, `null` for blank, trailing blanks dropped. */
function helperGrid(cells: unknown[][]): unknown[][] {
  const rows = cells.map((r) => {
    const out = r.map((v) => (v === undefined || v === '' ? null : v));
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

function worksheetGrid(ws: ExcelJS.Worksheet): unknown[][] {
  const cells: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) row.push(ws.getCell(r, c).value ?? null);
    cells.push(row);
  }
  return helperGrid(cells);
}

/**
 * Makes a helper sheet (`_BT_LISTS`) very hidden, once: one already there with the same cells
 * is used as it is; one with other cells is rewritten (see `SheetPlan.helpers`).
 */
export function ensureHelperSheet(wb: ExcelJS.Workbook, h: HelperSheetPlan): ExcelJS.Worksheet {
  const wanted = helperGrid(h.cells.map((r) => r.map((v) => (v === null ? null : plainValue(v)))));
  let ws = wb.getWorksheet(h.name);
  if (ws && JSON.stringify(worksheetGrid(ws)) === JSON.stringify(wanted)) return ws;
  if (ws) {
    for (let r = 1; r <= ws.rowCount; r++) for (let c = 1; c <= ws.columnCount; c++) ws.getCell(r, c).value = null;
  } else ws = wb.addWorksheet(h.name);
  h.cells.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = plainValue(v))));
  ws.state = 'veryHidden';
  return ws;
}

interface PageSetupModel {
  printArea?: string;
  printTitlesRow?: string;
  printTitlesColumn?: string;
}
interface WorkbookModel {
  worksheets: { name: string; pageSetup?: PageSetupModel }[];
  definedNames: { name: string; ranges: string[]; localSheetId?: number }[];
}
const QUOTED = Symbol('print names quoted');

/** `A1:F20` as the absolute `$A$1:$F$20` LibreOffice needs (`$A1:$F20` it ignores); `1:3` as `$1:$3`. */
function absoluteArea(area: string): string {
  return area
    .split(':')
    .map((end) => end.replace(/^\$?([A-Z]*)\$?(\d*)$/, (_m, c: string, r: string) => (c ? `$${c}` : '') + (r ? `$${r}` : '')))
    .join(':');
}

/**
 * ExcelJS writes each sheet's print area and print titles as `'<sheet name>'!…` without
 * doubling an apostrophe in the name, so a sheet named `Children's 项目` gets a defined name
 * no reader can parse (our own `check` included). This workbook writes those names itself,
 * quoted as `sheetRef` quotes them; the sheets' page setup keeps everything else.
 */
export function quotePrintNames(wb: ExcelJS.Workbook): void {
  const marked = wb as unknown as Record<symbol, boolean>;
  if (marked[QUOTED]) return;
  marked[QUOTED] = true;
  const proto = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(wb), 'model')!;
  Object.defineProperty(wb, 'model', {
    configurable: true,
    get(this: ExcelJS.Workbook): WorkbookModel {
      const model = proto.get!.call(this) as WorkbookModel;
      const extra: WorkbookModel['definedNames'] = [];
      model.worksheets.forEach((ws, localSheetId) => {
        const page = ws.pageSetup;
        if (!page || !(page.printArea || page.printTitlesRow || page.printTitlesColumn)) return;
        for (const area of (page.printArea ?? '').split('&&').filter(Boolean)) {
          extra.push({ name: '_xlnm.Print_Area', ranges: [sheetRef(ws.name, absoluteArea(area))], localSheetId });
        }
        const titles = [page.printTitlesColumn, page.printTitlesRow].filter((t): t is string => !!t).map((t) => sheetRef(ws.name, absoluteArea(t)));
        if (titles.length > 0) extra.push({ name: '_xlnm.Print_Titles', ranges: titles, localSheetId });
        ws.pageSetup = { ...page, printArea: undefined, printTitlesRow: undefined, printTitlesColumn: undefined };
      });
      model.definedNames = [...model.definedNames, ...extra];
      return model;
    },
    set(this: ExcelJS.Workbook, value: unknown) {
      proto.set!.call(this, value);
    },
  });
}

/** A new workbook holding the planned sheets, in order. */
export async function workbookFromPlans(plans: SheetPlan[]): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  quotePrintNames(wb);
  wb.creator = '预算编制助手 Budget Tables';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  for (const p of plans) await addPlannedSheet(wb, p, { helpers: false });
  // Helper sheets last: the visible sheets keep their order and the first one opens.
  for (const p of plans) for (const h of p.helpers ?? []) ensureHelperSheet(wb, h);
  return wb;
}
