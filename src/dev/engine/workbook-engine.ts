import { DetailedCellError, HyperFormula } from 'hyperformula';
import { parseRect, type FakeRequestContext, type Scalar } from '../host/excel/fake-excel';
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
