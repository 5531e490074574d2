import { address, parseRange } from '../core/plan/a1';
import { parseSheetAddress } from '../core/prepare';
import { jsonBytes, PAYLOAD_BUDGET_BYTES } from './payload';

/**
 * Reads sheets' used ranges in syncs of at most `PAYLOAD_BUDGET_BYTES` (Excel on the web
 * refuses a response over 5 MB). One sync learns where each used range lies; the cells then
 * come in row slices, as many slices per sync as the budget holds, so a small workbook takes
 * one sync more and a department's 50,000 rows a few dozen, whatever their width. The size of
 * a cell is first guessed and then measured on what has been read, so long texts shrink the
 * next slices.
 */

export type CellProperty = 'values' | 'formulas';

export interface UsedRangeRead {
  /** the worksheet, for further work on it */
  ws: Excel.Worksheet;
  name: string;
  /** the used range's address as Office.js gives it (`'名称'!A1:H30`); null when the sheet is empty */
  address: string | null;
  values: unknown[][];
  formulas: unknown[][];
  /** only when asked for: whether some cell may hold a spilled array (false when not asked) */
  hasSpill: boolean;
}

export interface ReadOptions {
  /** also load `hasSpill` (ExcelApi 1.12) of each slice */
  spill?: boolean;
  /** also queue in the first sync, with the addresses (a sheet's protection, say) */
  alongside?: (ws: Excel.Worksheet) => void;
  budget?: number;
}

/** A first guess of one property of one cell as JSON (`"2040201",`), before anything is measured. */
const FIRST_GUESS_BYTES = 16;

interface Slice {
  read: UsedRangeRead;
  range: Excel.Range;
  rows: number;
}

/** Reads the used ranges (values only: `getUsedRangeOrNullObject(true)`) of the sheets given. */
export async function readUsedRanges(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  names: string[],
  props: CellProperty[],
  options: ReadOptions = {},
): Promise<UsedRangeRead[]> {
  const budget = options.budget ?? PAYLOAD_BUDGET_BYTES;
  const located = sheets.map((ws, i) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address');
    options.alongside?.(ws);
    return { ws, name: names[i], used };
  });
  await context.sync();

  const reads: UsedRangeRead[] = [];
  // row slices still to read: sheet, first row, last row (sheet rows), columns
  const todo: { read: UsedRangeRead; sheetName: string; r1: number; r2: number; c1: number; c2: number }[] = [];
  for (const { ws, name, used } of located) {
    const read: UsedRangeRead = { ws, name, address: null, values: [], formulas: [], hasSpill: false };
    reads.push(read);
    if (used.isNullObject) continue;
    read.address = used.address;
    const { r1, c1, r2, c2 } = parseSheetAddress(used.address);
    todo.push({ read, sheetName: name, r1, r2, c1, c2 });
  }

  let bytesPerCell = FIRST_GUESS_BYTES * props.length;
  let measuredBytes = 0;
  let measuredCells = 0;
  while (todo.length > 0) {
    const slices: Slice[] = [];
    let room = budget;
    while (todo.length > 0 && room > 0) {
      const t = todo[0];
      const width = t.c2 - t.c1 + 1;
      const fit = Math.max(1, Math.floor(room / (width * bytesPerCell)));
      // a slice always takes at least one row, so a batch never comes back empty
      if (fit < 1 && slices.length > 0) break;
      const rows = Math.min(fit, t.r2 - t.r1 + 1);
      const range = t.read.ws.getRange(`${address(t.r1, t.c1)}:${address(t.r1 + rows - 1, t.c2)}`);
      range.load(options.spill ? [...props, 'hasSpill'].join(',') : props.join(','));
      slices.push({ read: t.read, range, rows });
      room -= rows * width * bytesPerCell;
      t.r1 += rows;
      if (t.r1 > t.r2) todo.shift();
    }
    await context.sync();
    for (const { read, range } of slices) {
      const values = props.includes('values') ? (range.values as unknown[][]) : [];
      const formulas = props.includes('formulas') ? (range.formulas as unknown[][]) : [];
      read.values.push(...values);
      read.formulas.push(...formulas);
      // hasSpill is null when only some of the slice's cells spill
      if (options.spill && range.hasSpill !== false) read.hasSpill = true;
      measuredBytes += (values.length ? jsonBytes(values) : 0) + (formulas.length ? jsonBytes(formulas) : 0);
      measuredCells += (values.length || formulas.length) * (values[0]?.length ?? formulas[0]?.length ?? 0);
    }
    // what the cells read so far weigh, never less than the first guess
    if (measuredCells > 0) bytesPerCell = Math.max(bytesPerCell, (measuredBytes / measuredCells) * 1.25);
  }
  return reads;
}

/** The top-left of a read's used range, sheet row and column (1-based). */
export function readOrigin(read: UsedRangeRead): { r1: number; c1: number } {
  if (read.address === null) return { r1: 1, c1: 1 };
  const cells = read.address.slice(read.address.lastIndexOf('!') + 1);
  const { r1, c1 } = parseRange(cells);
  return { r1, c1 };
}
