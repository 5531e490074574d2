/**
 * A sheet as any adapter hands it to the core: cell values from A1 (numbers, strings,
 * booleans, null; an Excel error as `{ error: '#REF!' }`), and the formulas where a cell
 * has one. ExcelJS and Office.js readers both produce this; the core parses it.
 */
export type GridValue = string | number | boolean | null | { error: string };

export interface SheetGrid {
  name: string;
  values: GridValue[][];
  /** formula text (with `=`) per cell, or null */
  formulas?: (string | null)[][];
}

export function cellAt(grid: SheetGrid, row: number, col: number): GridValue {
  return grid.values[row - 1]?.[col - 1] ?? null;
}

/** Text of a cell with all white space (including line breaks inside names) removed. */
export function compactText(v: GridValue): string {
  if (v === null || typeof v === 'object') return '';
  // A number's or boolean's text has no white space; a string is copied only when it has some.
  if (typeof v !== 'string') return String(v);
  return WHITE.test(v) ? v.replace(WHITE_RUNS, '') : v;
}

const WHITE = /[\s\u3000]/;
const WHITE_RUNS = /[\s\u3000]+/g;

export function plainText(v: GridValue): string {
  if (v === null || typeof v === 'object') return '';
  return String(v);
}

/**
 * The 1-based numbers of the rows in `from`..`to` that hold a value or a formula, ascending.
 * A streamed grid is sparse (holes where nothing is), so this costs what the sheet holds, not
 * the distance to its farthest cell.
 */
export function existingRows(grid: SheetGrid, from: number, to: number): number[] {
  const seen = new Set<number>();
  for (const rows of [grid.values, grid.formulas ?? []]) {
    for (const k of Object.keys(rows)) {
      const r = Number(k) + 1;
      if (r >= from && r <= to && rows[r - 1]) seen.add(r);
    }
  }
  return [...seen].sort((a, b) => a - b);
}
