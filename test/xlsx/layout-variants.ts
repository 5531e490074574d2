import ExcelJS from 'exceljs';
import { Money } from '../../src/core/money';
import { planWorkbook } from '../../src/core/plan/workbook';
import { validateSheets, type Validation } from '../../src/core/rules/validate';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import type { SpecId } from '../../src/core/specs/types';
import { readWorkbook, workbookCatalog } from '../../src/xlsx/reader';
import { workbookFromPlans } from '../../src/xlsx/writer';

/**
 * The seed budgets' sample workbooks turned into the other layouts real publications use
 * (issue 11): 万元 rounded cell by cell, one code column, tables over several sheets, and no
 * add-in marker anywhere. Each transformation works on the ExcelJS workbook as a person
 * would retype it; nothing is copied from a published file.
 */

export async function seedBook(id: string): Promise<ExcelJS.Workbook> {
  const sample = sampleFromSeed(SEED_BUDGETS.find((s) => s.id === id)!);
  const specs = [...(Object.keys(sample.data) as SpecId[]), 'project' as SpecId];
  const plans = planWorkbook({ ctx: sample.ctx, data: sample.data, projects: sample.projects, options: { subtotals: 'values' }, specs });
  const wb = await workbookFromPlans(plans);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back;
}

export interface Checked extends Validation {
  codedRows: number;
  ms: number;
}

export function checkBook(wb: ExcelJS.Workbook): Checked {
  const t0 = Date.now();
  const catalog = workbookCatalog(wb);
  const read = readWorkbook(wb, catalog);
  const v = validateSheets(read.sheets, read.issues, catalog);
  const codedRows = read.sheets.reduce((n, s) => n + (s.data.kind === 'coded' ? s.data.rows.length : 0), 0);
  return { ...v, codedRows, ms: Date.now() - t0 };
}

const text = (c: ExcelJS.Cell) => (typeof c.value === 'string' ? c.value.replace(/\s+/g, '') : '');

function eachCell(ws: ExcelJS.Worksheet, fn: (c: ExcelJS.Cell, row: number, col: number) => void): void {
  ws.eachRow({ includeEmpty: false }, (row, r) => row.eachCell({ includeEmpty: false }, (c, col) => fn(c, r, col)));
}

/** Real files carry no add-in marker: tables are found by title and headers alone. */
export function dropMarkers(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) eachCell(ws, (c, r) => {
    if (r === 1 && typeof c.value === 'string' && c.value.startsWith('budget-tables/')) c.value = null;
  });
}

/** The sheets printed in 元 (their `单位：元` cell), with that cell. */
function yuanSheets(wb: ExcelJS.Workbook): { ws: ExcelJS.Worksheet; unitCell: ExcelJS.Cell }[] {
  const out: { ws: ExcelJS.Worksheet; unitCell: ExcelJS.Cell }[] = [];
  for (const ws of wb.worksheets) {
    let unitCell: ExcelJS.Cell | undefined;
    eachCell(ws, (c, r) => {
      if (r <= 4 && /^单位[:：]元$/.test(text(c))) unitCell = c;
    });
    if (unitCell) out.push({ ws, unitCell });
  }
  return out;
}

/** Every 元 table in 万元, each cell rounded on its own to two decimals (half up), as published. */
export function toWan(wb: ExcelJS.Workbook, decimals = 2, only: (sheetName: string) => boolean = () => true): void {
  for (const { ws, unitCell } of yuanSheets(wb).filter((x) => only(x.ws.name))) {
    unitCell.value = '单位：万元';
    const skip = new Set<number>();
    eachCell(ws, (c, _r, col) => {
      if (text(c) === '序号') skip.add(col);
    });
    eachCell(ws, (c, _r, col) => {
      if (typeof c.value === 'number' && !skip.has(col)) c.value = new Money(c.value).div(10000).toDecimalPlaces(decimals, Money.ROUND_HALF_UP).toNumber();
    });
  }
}

/** The 类 | 款 (| 项) columns of a coded table: the header row and the columns, or null. */
function levelColumns(ws: ExcelJS.Worksheet): { row: number; cols: number[] } | null {
  for (let r = 1; r <= 8; r++) {
    const row = ws.getRow(r);
    if (text(row.getCell(1)) !== '类' || text(row.getCell(2)) !== '款') continue;
    return { row: r, cols: text(row.getCell(3)) === '项' ? [1, 2, 3] : [1, 2] };
  }
  return null;
}

/**
 * Codes in one column (`2040201`) under the 科目编码 header. `splice`: the emptied 款/项
 * columns removed, as in a table laid out that way; otherwise left as blank spacer columns
 * (and the 类 | 款 | 项 header row as a blank spacer row), so every finding keeps its cell.
 */
export function toOneCodeColumn(wb: ExcelJS.Workbook, splice = false): void {
  for (const ws of wb.worksheets) {
    const lv = levelColumns(ws);
    if (!lv) continue;
    for (const c of lv.cols) ws.getRow(lv.row).getCell(c).value = null;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (r <= lv.row) return;
      const parts = lv.cols.map((c) => row.getCell(c).value);
      if (!parts.every((p) => p === null || typeof p === 'string') || !/^\d{3}$/.test(String(parts[0] ?? ''))) return;
      row.getCell(1).value = parts.filter((p) => p !== null && p !== '').join('');
      for (const c of lv.cols.slice(1)) row.getCell(c).value = null;
    });
    if (splice) {
      // ExcelJS does not move merged ranges with the columns: unmerge first (the values stay
      // in the anchors, which is all a reader sees).
      for (const range of [...((ws.model as { merges?: string[] }).merges ?? [])]) ws.unMergeCells(range);
      ws.spliceColumns(2, lv.cols.length - 1);
    }
  }
}

/**
 * Each coded table and U2 of more than `min` rows printed over two sheets: the second holds the title,
 * unit line and headers again, then the second half of the rows and the 合计.
 */
export function splitTables(wb: ExcelJS.Workbook, min = 6): string[] {
  const made: string[] = [];
  for (const ws of [...wb.worksheets]) {
    let header = 0;
    eachCell(ws, (c, r) => {
      if (r <= 8 && (text(c) === '类' || /科目编码/.test(text(c)))) header = Math.max(header, r);
    });
    if (!header) continue;
    // The headers run down to the first row of data (labels merged down may sit below 类).
    while (header < ws.actualRowCount && !/^(\d{3}|合计)/.test(text(ws.getRow(header + 1).getCell(1)))) header++;
    const last = ws.actualRowCount;
    let end = last;
    while (end > header && !ws.getRow(end).hasValues) end--;
    const rows = end - header;
    if (rows <= min) continue;
    const cut = header + Math.ceil(rows / 2);
    const next = wb.addWorksheet(`${ws.name}（续）`.slice(0, 31));
    made.push(next.name);
    const width = ws.actualColumnCount;
    const copyRow = (from: number, to: number) => {
      for (let c = 1; c <= width + 1; c++) next.getRow(to).getCell(c).value = ws.getRow(from).getCell(c).value;
    };
    for (let r = 1; r <= header; r++) copyRow(r, r);
    for (let r = cut; r <= end; r++) copyRow(r, r);
    for (let r = cut; r <= end; r++) for (let c = 1; c <= width + 1; c++) ws.getRow(r).getCell(c).value = null;
  }
  return made;
}

/**
 * A blank column in front of every table (text sections keep theirs: their paragraphs are
 * column A by definition), as tables laid out with a margin column are.
 */
export function leadingSpacer(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    let table = false;
    eachCell(ws, (c, r) => {
      if (r <= 4 && /单位[:：](万元|元)$/.test(text(c)) && !/^编制/.test(text(c))) table = true;
    });
    if (!table) continue;
    for (const range of [...((ws.model as { merges?: string[] }).merges ?? [])]) ws.unMergeCells(range);
    ws.spliceColumns(1, 0, []);
  }
}
