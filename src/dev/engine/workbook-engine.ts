import { DetailedCellError, HyperFormula } from 'hyperformula';
import { parseRect, spillOn, type FakeRequestContext, type FakeSheetState, type Scalar } from '../host/excel/fake-excel';
import { isProblem, rollup } from '../../functions/logic';
import { HF_CONFIG, registerBudgetFunctions } from './budget-plugin';
import { resolveOffsets } from './offsets';

/**
 * Recalculates every formula of the in-memory workbook with HyperFormula and gives each
 * formula cell the value Excel would show (`#VALUE!` and friends as Office.js reads errors).
 * The whole workbook is rebuilt each time: a preview workbook is a few thousand cells, and a
 * rebuild cannot go stale the way incremental edits mirrored into a second model could.
 */
export function recalculate(ctx: Pick<FakeRequestContext, 'sheets'>): void {
  registerBudgetFunctions();
  // spills are the engine's to make: each recalculation lays them out afresh
  for (const sheet of ctx.sheets) sheet.spills.length = 0;
  const sheets: Record<string, (Scalar | null)[][]> = {};
  const formulaCells: { sheet: string; key: string; row: number; col: number }[] = [];
  for (const sheet of ctx.sheets) {
    const rows: (Scalar | null)[][] = [];
    for (const [key, cell] of sheet.cells) {
      const content = cell.formula ?? cell.value;
      if (content === null) continue;
      const { r1, c1 } = parseRect(key);
      while (rows.length < r1) rows.push([]);
      const row = rows[r1 - 1];
      while (row.length < c1) row.push(null);
      if (cell.formula) {
        row[c1 - 1] = resolveOffsets(cell.formula);
        formulaCells.push({ sheet: sheet.name, key, row: r1 - 1, col: c1 - 1 });
      } else {
        // an apostrophe keeps a text such as 02 or 2040201 text, as the cell holds it
        row[c1 - 1] = typeof content === 'string' ? `'${content}` : content;
      }
    }
    sheets[sheet.name] = rows;
  }
  if (formulaCells.length === 0) return;
  const hf = HyperFormula.buildFromSheets(sheets, HF_CONFIG);
  try {
    for (const f of formulaCells) {
      const id = hf.getSheetId(f.sheet);
      const cell = ctx.sheets.find((s) => s.name === f.sheet)!.cells.get(f.key)!;
      if (id === undefined) continue;
      const v = hf.getCellValue({ sheet: id, row: f.row, col: f.col });
      cell.result = shown(v);
      cell.resultMessage = v instanceof DetailedCellError ? v.message : undefined;
      const list = SPILLED_ROLLUP.exec(resolveOffsets(cell.formula!));
      if (list) spillRollup(hf, id, ctx.sheets.find((s) => s.name === f.sheet)!, f.key, list[1], list[2]);
    }
  } finally {
    hf.destroy();
  }
}

/** A HyperFormula value as Office.js `values` reads it: errors as their text, blank as 0. */
function shown(v: unknown): Scalar {
  if (v instanceof DetailedCellError) return v.value;
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return '#VALUE!';
}

/** `BUDGET.ROLLUP(codes, amounts)` without a code: the list of every 类 and 款 that Excel spills. */
const SPILLED_ROLLUP = /^=BUDGET\.ROLLUP\(\s*([^,()]+?)\s*,\s*([^,()]+?)\s*\)$/i;

/**
 * HyperFormula needs an array's size before it evaluates it, which a rollup list only knows
 * after; so the list is computed here from the ranges' calculated values and spilled into
 * the fake as Excel spills it (`#SPILL!` when a cell in the way holds something). Formulas
 * that read the spilled cells see them empty; the templates have none.
 */
function spillRollup(hf: HyperFormula, sheetId: number, sheet: FakeSheetState, key: string, codesText: string, amountsText: string): void {
  const cell = sheet.cells.get(key)!;
  const codes = hf.simpleCellRangeFromString(codesText.replace(/\$/g, ''), sheetId);
  const amounts = hf.simpleCellRangeFromString(amountsText.replace(/\$/g, ''), sheetId);
  if (!codes || !amounts) return;
  const plainValues = (range: typeof codes) => hf.getRangeValues(range).map((row) => row.map((v) => (v instanceof DetailedCellError ? v.value : v)));
  const r = rollup(plainValues(codes), plainValues(amounts));
  if (isProblem(r)) {
    cell.result = '#VALUE!';
    cell.resultMessage = r.message;
    return;
  }
  if (!Array.isArray(r)) return;
  try {
    spillOn(sheet, key, r);
    cell.resultMessage = undefined;
  } catch (err) {
    cell.result = '#SPILL!';
    cell.resultMessage = String((err as Error).message);
  }
}
