import { columnLetter } from './a1';

/**
 * The formulas of the 类/款/合计 rows of a coded table. Both flavours add the rows strictly
 * between the subtotal row (the anchor) and the 合计 row, and both take in a row inserted
 * anywhere in that block, even directly under the anchor or directly above the 合计:
 *
 * - the range is `INDEX($D:$D,ROW($A6)+1):INDEX($D:$D,ROW($A$20)-1)`: the anchor's own code
 *   cell and the 合计 cell move with insertions, so the range stretches over an inserted row.
 *   INDEX is not volatile (OFFSET and INDIRECT are: Excel would recalculate every subtotal,
 *   and so call the add-in, on every keystroke anywhere in the workbook);
 * - an empty block (every row under the anchor deleted) would turn the range upside down
 *   onto the formula's own cell, a circular reference: the IF gives 0 first.
 *
 * `rollup` calls BUDGET.ROLLUP (the task pane: the add-in is there to evaluate it);
 * `standard` uses SUMPRODUCT and COUNTIFS only, so Excel without the add-in, WPS 表格 and
 * LibreOffice Calc all evaluate it, with the same block semantics as BUDGET.ROLLUP: a row is
 * added when its code lies under the anchor's code and no other row of the block lies under
 * it (a row with descendants is itself a subtotal and is not added again). Unlike ROLLUP it
 * reads the code as the template writes it (类, 款, 项 each in its own column) and gives
 * #VALUE! for an amount typed as text, where ROLLUP reads it.
 */
export type SubtotalFlavour = 'rollup' | 'standard';

/** Column `letter`, rows strictly between the anchor and the 合计 row. */
function block(fromLetter: string, toLetter: string, anchorRow: number, totalRow: number): string {
  return `INDEX($${fromLetter}:$${fromLetter},ROW($A${anchorRow})+1):INDEX($${toLetter}:$${toLetter},ROW($A$${totalRow})-1)`;
}

function guarded(anchorRow: number, totalRow: number, body: string): string {
  return `=IF(ROW($A$${totalRow})-ROW($A${anchorRow})<2,0,${body})`;
}

/**
 * `BUDGET.ROLLUP` over the block, per amount column; `code` is the anchor's own code cells
 * (`$A6:$C6`) or `"合计"`.
 */
export function rollupFormula(anchorRow: number, totalRow: number, codeCols: number, amountCol: number, code: string): string {
  const codes = block('A', columnLetter(codeCols), anchorRow, totalRow);
  const amounts = block(columnLetter(amountCol), columnLetter(amountCol), anchorRow, totalRow);
  return guarded(anchorRow, totalRow, `BUDGET.ROLLUP(${codes},${amounts},${code})`);
}

/**
 * The same total with standard functions. `level` is the anchor's code length in parts (1 for
 * a 类 row, 2 for a 款 row), 0 for the 合计. A row of the block is a leaf when its deepest
 * code part is filled, or when no row of the block shares its parts and fills the next one
 * (COUNTIFS over the block, row by row inside SUMPRODUCT).
 */
export function standardSubtotalFormula(anchorRow: number, totalRow: number, codeCols: number, amountCol: number, level: 0 | 1 | 2): string {
  const part = (j: number) => block(columnLetter(j), columnLetter(j), anchorRow, totalRow);
  const parts = Array.from({ length: codeCols }, (_, j) => part(j + 1));
  const amounts = part(amountCol);
  const terms: string[] = [`(${parts[codeCols - 1]}<>"")`];
  // A row whose parts stop at j (0-based) is a leaf when no row with the same parts fills part j+1.
  for (let j = codeCols - 2; j >= Math.max(0, level - 1); j--) {
    const stopsHere = [`(${parts[j]}<>"")`, `(${parts[j + 1]}="")`];
    const criteria = [...parts.slice(0, j + 1).map((p) => `${p},${p}`), `${parts[j + 1]},"<>"`];
    terms.push(`${stopsHere.join('*')}*(COUNTIFS(${criteria.join(',')})=0)`);
  }
  const under = Array.from({ length: level }, (_, j) => `(${parts[j]}=$${columnLetter(j + 1)}${anchorRow})`);
  const body = `SUMPRODUCT(${[...under, `(${terms.join('+')})`, amounts].join('*')})`;
  return guarded(anchorRow, totalRow, body);
}
