import { columnLetter, parseRange, rangeAddress } from './plan/a1';

/**
 * 报送前准备: which cells call a `BUDGET.*` custom function, and how to overwrite exactly
 * those cells with their current values in a few 2D writes. Pure: no Office, so every rule
 * here is unit tested; `src/excel/prepare.ts` applies it to the open workbook.
 */

/** A cell of a grid, 0-based from the grid's top-left. */
export interface GridCell {
  row: number;
  col: number;
}

/** A rectangle of a grid to overwrite, 0-based from the grid's top-left. */
export interface Block {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Characters of a name or reference token in a formula (letters of any script, digits, `_ . \ ?`). */
const NAME_CHAR = /[\p{L}\p{N}_.\\?]/u;
/** `BUDGET.X`, and `_xludf.BUDGET.X` as Excel may show a function it did not recognise when the file was opened. */
const BUDGET_NAME = /^(?:_xludf\.)?budget\.[\p{L}\p{N}_.]+$/iu;

/**
 * Does an A1 formula call a `BUDGET.*` function? Function names are case-insensitive. Text in
 * string literals (`"BUDGET.X("`), quoted sheet names (`'BUDGET.X('!A1`) and structured or
 * external references (`[…]`) is not a call; neither is a longer name that merely contains
 * the prefix (`MYBUDGET.X(`) or a name not followed by `(` (a defined name `BUDGET.RATE`).
 */
export function callsBudget(formula: string): boolean {
  if (!formula.startsWith('=')) return false;
  const n = formula.length;
  let i = 1;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // "…" and '…', each with its quote doubled inside
      for (i++; i < n; i++) {
        if (formula[i] === ch) {
          if (formula[i + 1] === ch) i++;
          else break;
        }
      }
      i++;
    } else if (ch === '[') {
      let depth = 0;
      for (; i < n; i++) {
        if (formula[i] === '[') depth++;
        else if (formula[i] === ']' && --depth === 0) break;
      }
      i++;
    } else if (NAME_CHAR.test(ch)) {
      const start = i;
      while (i < n && NAME_CHAR.test(formula[i])) i++;
      if (BUDGET_NAME.test(formula.slice(start, i))) {
        let j = i;
        while (j < n && /\s/.test(formula[j])) j++;
        if (formula[j] === '(') return true;
      }
    } else {
      i++;
    }
  }
  return false;
}

/**
 * The cells of a `Range.formulas` grid whose formula calls a `BUDGET.*` function, row by row.
 * With the matching `values` grid, a text constant that only looks like a formula (Office.js
 * reports a cell's value in `formulas` when it has no formula) is told apart: its value is
 * the same text.
 */
export function findBudgetFormulas(formulas: unknown[][], values?: unknown[][]): GridCell[] {
  const found: GridCell[] = [];
  formulas.forEach((row, r) =>
    row.forEach((f, c) => {
      if (typeof f !== 'string' || !callsBudget(f)) return;
      if (values && values[r]?.[c] === f) return;
      found.push({ row: r, col: c });
    }),
  );
  return found;
}

/** The cells as maximal runs along each row: one `Block` of one row per run, in reading order. */
export function rowRuns(cells: readonly GridCell[]): Block[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: Block[] = [];
  for (const { row, col } of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === row && col <= last.col + last.cols) {
      last.cols = Math.max(last.cols, col - last.col + 1); // a duplicate cell is absorbed
    } else {
      runs.push({ row, col, rows: 1, cols: 1 });
    }
  }
  return runs;
}

/**
 * The rectangles to overwrite: the row runs, with runs of the same columns on consecutive
 * rows stacked into one rectangle (a 类 row above a 款 row is one write, not two). Every given
 * cell is covered once and no other cell is; reading order by top-left.
 */
export function writeBlocks(cells: readonly GridCell[]): Block[] {
  const blocks: Block[] = [];
  /** the block each column span last grew, by `col:cols` */
  const open = new Map<string, Block>();
  for (const run of rowRuns(cells)) {
    const key = `${run.col}:${run.cols}`;
    const above = open.get(key);
    if (above && above.row + above.rows === run.row) {
      above.rows++;
    } else {
      blocks.push(run);
      open.set(key, run);
    }
  }
  return blocks.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** A block's cells taken from a grid (as loaded from the range the grid came from). */
export function blockValues<T>(grid: readonly (readonly T[])[], b: Block): T[][] {
  return grid.slice(b.row, b.row + b.rows).map((row) => row.slice(b.col, b.col + b.cols));
}

/** A block's A1 address on the sheet, given the sheet row and column of the grid's top-left. */
export function blockAddress(b: Block, originRow: number, originCol: number): string {
  const r1 = originRow + b.row;
  const c1 = originCol + b.col;
  return rangeAddress(r1, c1, r1 + b.rows - 1, c1 + b.cols - 1);
}

/** The A1 address of one grid cell on the sheet. */
export function cellAddress(cell: GridCell, originRow: number, originCol: number): string {
  return `${columnLetter(originCol + cell.col)}${originRow + cell.row}`;
}

/**
 * The part of an Office.js `address` after the sheet name: `'单位收入总表'!A1:I30` → rows and
 * columns (1-based). The sheet name may itself contain `!`; the cells never do.
 */
export function parseSheetAddress(address: string): { r1: number; c1: number; r2: number; c2: number } {
  const cells = address.slice(address.lastIndexOf('!') + 1);
  return parseRange(cells);
}

// ---------------------------------------------------------------- values

/** The error values Excel shows, as `Range.values` reports them. */
const ERROR_VALUE = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!|BUSY!|EXTERNAL!|PYTHON!)$/;

/**
 * Results that are not a result yet, or not the formula's real result: a custom function
 * still calculating (`#BUSY!`, `#GETTING_DATA`), a function Excel does not know (`#NAME?`,
 * the add-in's functions not loaded) and an array blocked from spilling (`#SPILL!`).
 * Freezing these would write the error into the table for good.
 */
const NOT_READY = new Set(['#BUSY!', '#GETTING_DATA', '#NAME?', '#SPILL!']);

export function isErrorValue(v: unknown): v is string {
  return typeof v === 'string' && ERROR_VALUE.test(v);
}

/** A value that must not be frozen: see `NOT_READY`; also anything that is not text, a number or a boolean. */
export function isNotReady(v: unknown): boolean {
  if (typeof v === 'string') return NOT_READY.has(v);
  return !(typeof v === 'number' && Number.isFinite(v)) && typeof v !== 'boolean';
}

/**
 * Would Excel read this text as something else when it is written to a cell? Writing
 * `Range.values` is like typing: `20402` becomes a number, `TRUE` a boolean, `1/2` a date,
 * `=x` a formula. Conservative: any digit (ASCII or full-width) or a leading sign, `=`, `@`
 * or `'` counts, and so does a boolean word. Quoting text that needed no quote is harmless.
 */
export function typesAsOther(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  if (/^[=+\-@']/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  return /[0-9\uFF10-\uFF19]/.test(t);
}

/**
 * What to write so a cell ends up holding exactly `value`: numbers and booleans as they are;
 * error values as their literal (Excel types `#N/A` back into the error); text that Excel
 * would read as something else behind a `'` prefix, which Excel keeps out of the value.
 */
export function valueToWrite(value: string | number | boolean): string | number | boolean {
  if (typeof value !== 'string') return value;
  if (isErrorValue(value)) return value;
  return typesAsOther(value) ? `'${value}` : value;
}
