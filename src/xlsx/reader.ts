// Types only: check reads through the streaming reader and never loads ExcelJS.
import type ExcelJS from 'exceljs';
import { Catalog } from '../core/catalog/catalog';
import { CATALOG_SHEET_NAME, parseCatalogSheet } from '../core/catalog/catalog-sheet';
import { isConsolidationGrid } from '../core/consolidate/read-breakdown';
import type { ModelSheet } from '../core/model';
import { LISTS_MARKER } from '../core/plan/lists';
import { cellAt, type GridValue, type SheetGrid } from '../core/read/grid';
import { readSheet, ReadIssue } from '../core/read/parse';
import { readXlsxFileAhead } from './stream/workbook';

export { WorkbookReadError } from './stream/limits';

function gridValue(v: ExcelJS.CellValue): GridValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('error' in v) return { error: String(v.error) };
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      return gridValue(result as ExcelJS.CellValue);
    }
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  }
  return String(v);
}

/** A worksheet as the neutral grid: values (formula results), formulas, merged non-anchor cells empty. */
export function gridFromWorksheet(ws: ExcelJS.Worksheet): SheetGrid {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const values: GridValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const vr: GridValue[] = [];
    const fr: (string | null)[] = [];
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      const anchor = !cell.isMerged || cell.master.address === cell.address;
      vr.push(anchor ? gridValue(cell.value) : null);
      fr.push(anchor && cell.formula ? '=' + cell.formula : null);
    }
    values.push(vr);
    formulas.push(fr);
  }
  return { name: ws.name, values, formulas };
}

export interface WorkbookRead {
  sheets: ModelSheet[];
  issues: ReadIssue[];
  /** The catalog the sheets were read against (built-in plus the workbook's 科目目录). */
  catalog: Catalog;
}

export interface WorkbookFileRead extends WorkbookRead {
  /** Every worksheet's grid, in sheet order (formulas included), for checks beyond the model. */
  grids: SheetGrid[];
}

function catalogFromGrids(grids: readonly SheetGrid[], base: Catalog): Catalog {
  const grid = grids.find((g) => g.name === CATALOG_SHEET_NAME);
  return grid ? base.withOverrides(parseCatalogSheet(grid.values).entries) : base;
}

/** The built-in catalog, extended or overridden by the workbook's 科目目录 sheet when it has one. */
export function workbookCatalog(wb: ExcelJS.Workbook, base: Catalog = Catalog.builtIn()): Catalog {
  const ws = wb.getWorksheet(CATALOG_SHEET_NAME);
  if (!ws) return base;
  return base.withOverrides(parseCatalogSheet(gridFromWorksheet(ws).values).entries);
}

/** The sheets of a workbook, as grids, into the model. */
export function readGrids(grids: readonly SheetGrid[], catalog: Catalog = catalogFromGrids(grids, Catalog.builtIn())): WorkbookRead {
  const sheets: ModelSheet[] = [];
  const issues: ReadIssue[] = [];
  for (const grid of grids) {
    // The catalog is read above; the forms' drop-down lists are known by the marker in their A1
    // (a clerk's own sheet named `_BT_LISTS` is checked like any other).
    if (grid.name === CATALOG_SHEET_NAME || cellAt(grid, 1, 1) === LISTS_MARKER) continue;
    // 分单位明细 and 部门绩效目标汇总表 are consolidation's (consolidate/read-breakdown.ts), not tables.
    if (isConsolidationGrid(grid)) continue;
    const result = readSheet(grid, catalog);
    if (result.sheet) sheets.push(result.sheet);
    issues.push(...result.issues);
  }
  return { sheets, issues, catalog };
}

/** A workbook ExcelJS has loaded (tests, and callers that also write it back). */
export function readWorkbook(wb: ExcelJS.Workbook, catalog: Catalog = workbookCatalog(wb)): WorkbookRead {
  return readGrids(
    wb.worksheets.map((ws) => gridFromWorksheet(ws)),
    catalog,
  );
}

/**
 * An .xlsx file through the streaming reader (one pass, sparse grids, capped: see
 * stream/limits.ts). Throws `WorkbookReadError` with one line of Chinese when the file is
 * not a workbook or passes a cap.
 */
export async function readWorkbookFile(path: string, catalog?: Catalog): Promise<WorkbookFileRead> {
  return readGridsWithCatalog((await readXlsxFileAhead(path)).sheets.map((s) => s.grid), catalog);
}

/** Grids read from a file into the model, against `catalog` or the built-in one with the file's 科目目录. */
export function readGridsWithCatalog(grids: SheetGrid[], catalog?: Catalog): WorkbookFileRead {
  const read = readGrids(grids, catalog ?? catalogFromGrids(grids, Catalog.builtIn()));
  return { ...read, grids };
}
