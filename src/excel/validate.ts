import { Catalog } from '../core/catalog/catalog';
import { isConsolidationGrid, readBreakdownGrid, type ReadBreakdown } from '../core/consolidate/read-breakdown';
import { CATALOG_SHEET_NAME, parseCatalogSheet } from '../core/catalog/catalog-sheet';
import { LISTS_MARKER } from '../core/plan/lists';
import type { ModelSheet } from '../core/model';
import { isErrorValue, parseSheetAddress } from '../core/prepare';
import type { GridValue, SheetGrid } from '../core/read/grid';
import { readSheet, type ReadIssue } from '../core/read/parse';
import { validateSheets, type Validation } from '../core/rules/validate';
import { readUsedRanges, type UsedRangeRead } from './read-ranges';
import { setCatalogInForce } from './workbook-catalog';

/**
 * 校验: reads every sheet of the open workbook and runs the rules on it. Reads only; changes
 * nothing. Office.js traffic:
 * 1. the sheet names;
 * 2. where every sheet's used range lies;
 * 3. the cells (`values`, `formulas`) in syncs of at most 1 MB (`readUsedRanges`): one for a
 *    few tables, more only as the data grows. The 科目目录 sheet, when there is one, is read
 *    with the others, so the catalog costs no extra sync.
 */

export interface ValidateProgress {
  /** sheets parsed so far */
  done: number;
  total: number;
  sheet: string;
}

export interface WorkbookValidation extends Validation {
  /** sheets read (the catalog and the forms' lists sheet are not) */
  sheets: number;
  /** entries of the workbook's 科目目录 sheet; 0 when there is none */
  catalogEntries: number;
}

function gridValue(v: unknown): GridValue {
  if (v === '' || v === null || v === undefined) return null;
  if (isErrorValue(v)) return { error: v };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/**
 * A used range as a grid from A1: `values` and `formulas` as Office.js reads them, padded with
 * empty rows and columns up to the used range's top-left, so the core's A1 addresses are the
 * sheet's own.
 */
export function gridFromUsedRange(name: string, address: string, values: unknown[][], formulas: unknown[][]): SheetGrid {
  const { r1, c1 } = parseSheetAddress(address);
  const width = c1 - 1 + (values[0]?.length ?? 0);
  const pad = <T>(): T[] => Array<T>(c1 - 1).fill(null as T);
  const gridValues: GridValue[][] = [];
  const gridFormulas: (string | null)[][] = [];
  for (let r = 1; r < r1; r++) {
    gridValues.push(Array<GridValue>(width).fill(null));
    gridFormulas.push(Array<string | null>(width).fill(null));
  }
  values.forEach((row, i) => {
    gridValues.push([...pad<GridValue>(), ...row.map(gridValue)]);
    gridFormulas.push([
      ...pad<string | null>(),
      ...row.map((_, j) => {
        const f = formulas[i]?.[j];
        return typeof f === 'string' && f.startsWith('=') ? f : null;
      }),
    ]);
  });
  return { name, values: gridValues, formulas: gridFormulas };
}

/** The open workbook read into the core's models: what 校验 checks and the 绩效表 section lists. */
export interface WorkbookModels {
  /** every sheet read as a table or text section, in workbook order */
  sheets: ModelSheet[];
  issues: ReadIssue[];
  catalog: Catalog;
  /** entries of the workbook's 科目目录 sheet; 0 when there is none */
  catalogEntries: number;
  /** every worksheet's name, hidden ones too: new sheets must not take one */
  sheetNames: string[];
  /** a department's 分单位明细, read back: 校验 checks the department against it */
  breakdown?: ReadBreakdown | null;
}

/**
 * Reads every sheet of the open workbook into models. Three syncs for a few tables, more as
 * the data grows (1 MB a sync); changes nothing. `onProgress` is told after each sheet is parsed.
 */
export async function readWorkbookModels(context: Excel.RequestContext, onProgress?: (p: ValidateProgress) => void): Promise<WorkbookModels> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();

  const sheetNames = worksheets.items.map((ws) => ws.name);
  const queued = await readUsedRanges(context, worksheets.items, sheetNames, ['values', 'formulas']);

  let catalog = Catalog.builtIn();
  let catalogEntries = 0;
  const catalogSheet = queued.find((q) => q.name === CATALOG_SHEET_NAME);
  if (catalogSheet && catalogSheet.address !== null) {
    const { entries } = parseCatalogSheet(catalogSheet.values);
    catalog = catalog.withOverrides(entries);
    catalogEntries = entries.length;
  }
  // the functions (BUDGET.NAME, BUDGET.ROLLUP) use what 校验 has just read
  setCatalogInForce(catalog);

  // The forms' drop-down lists (`_BT_LISTS`) are known by the marker in their A1, not by the
  // name: a clerk's own sheet of that name is checked like any other.
  const isLists = (q: UsedRangeRead) => {
    if (q.address === null) return false;
    const { r1, c1 } = parseSheetAddress(q.address);
    return r1 === 1 && c1 === 1 && q.values[0]?.[0] === LISTS_MARKER;
  };
  const toRead = queued.filter((q) => q.name !== CATALOG_SHEET_NAME && !isLists(q));
  const sheets: ModelSheet[] = [];
  const issues: ReadIssue[] = [];
  let breakdown: ReadBreakdown | null = null;
  toRead.forEach((q, i) => {
    if (q.address !== null) {
      const grid = gridFromUsedRange(q.name, q.address, q.values, q.formulas);
      // Consolidation's own sheets are no tables; 分单位明细 is what a department is checked against.
      const ours = isConsolidationGrid(grid);
      if (ours) breakdown = breakdown ?? readBreakdownGrid(grid);
      const result = ours ? { sheet: null, issues: [] } : readSheet(grid, catalog);
      if (result.sheet) sheets.push(result.sheet);
      issues.push(...result.issues);
    }
    onProgress?.({ done: i + 1, total: toRead.length, sheet: q.name });
  });
  return { sheets, issues, catalog, catalogEntries, sheetNames, breakdown };
}

/** Validates the open workbook (see `readWorkbookModels` for its syncs); changes nothing. */
export async function validateWorkbook(
  context: Excel.RequestContext,
  onProgress?: (p: ValidateProgress) => void,
): Promise<WorkbookValidation> {
  const { sheets, issues, catalog, catalogEntries, breakdown } = await readWorkbookModels(context, onProgress);
  const validation = validateSheets(sheets, issues, catalog, breakdown ? { breakdown } : undefined);
  return { ...validation, sheets: sheets.length, catalogEntries };
}
