import {
  blockAddress,
  blockValues,
  cellAddress,
  findBudgetFormulas,
  isErrorValue,
  isNotReady,
  parseSheetAddress,
  valueToWrite,
  writeBlocks,
  type GridCell,
} from '../core/prepare';
import { jsonBytes, SyncBudget } from './payload';
import { readUsedRanges } from './read-ranges';
import { officeSupport, type SupportCheck } from './writer';

/**
 * 报送前准备: every `BUDGET.*` formula in the workbook becomes the value it shows, so the
 * workbook reads the same where the add-in is absent (no `#NAME?`). Nothing else changes:
 * other formulas, values and formats stay, and a protected sheet is protected again with the
 * options it had.
 *
 * Office.js traffic, growing with the data only (1 MB a sync at most, `PAYLOAD_BUDGET_BYTES`):
 * 1. the sheet names (the sheets must be known before their ranges can be asked for);
 * 2. where each sheet's used range lies, and its protection;
 * 3. the used ranges' `formulas` and `values`: one sync for a few tables, more as they grow;
 * 4. only when a sheet with `BUDGET` formulas has spilled arrays (ExcelApi 1.12): where each
 *    of its `BUDGET` formulas spills, so the spilled cells are kept as values too;
 * 5. the writes: per sheet, unprotect if protected, a few 2D `values` writes, protect again;
 *    sheets are grouped into syncs under the budget, a sheet never split between two.
 * Counting stops after 3. Freezing with nothing to freeze stops after 3 and changes nothing.
 */

export interface SheetCount {
  name: string;
  /** cells whose formula calls a BUDGET function */
  cells: number;
}

/** A BUDGET formula whose value must not be frozen yet (`#BUSY!`, `#NAME?`, `#SPILL!`…). */
export interface NotReadyCell {
  sheet: string;
  /** A1, on that sheet */
  address: string;
  value: string;
}

export interface BudgetFormulaCount {
  /** cells whose formula calls a BUDGET function, in all sheets */
  cells: number;
  /** the sheets that have any, in workbook order */
  sheets: SheetCount[];
  /** the ones showing no usable value now; freezing refuses while there are any */
  notReady: NotReadyCell[];
}

export interface FrozenSheet extends SheetCount {
  /** cells a frozen formula had spilled into, now values too */
  spilled: number;
  /** frozen cells that hold an error value (`#N/A`…), kept as that error */
  errors: number;
  /** the sheet was protected: unprotected for the writes and protected again */
  protected: boolean;
}

export interface FreezeResult {
  /** formulas turned into values, in all sheets */
  cells: number;
  /** the sheets changed, in workbook order */
  sheets: FrozenSheet[];
}

/** Thrown, before anything is written, when a BUDGET formula shows no usable value. */
export class NotReadyError extends Error {
  constructor(readonly cells: NotReadyCell[]) {
    super(`${cells.length} BUDGET formula(s) show no usable value yet: ${cells.map((c) => `${c.sheet}!${c.address} ${c.value}`).join(', ')}`);
    this.name = 'NotReadyError';
  }
}

/** One spill lookup in a request and its answer (`'名称'!G2:I9`), with room to spare. */
const SPILL_LOOKUP_BYTES = 200;

interface ScannedSheet {
  ws: Excel.Worksheet;
  name: string;
  /** sheet row and column of the grids' top-left */
  originRow: number;
  originCol: number;
  values: unknown[][];
  /** the cells holding BUDGET formulas, in the grids */
  found: GridCell[];
  /** false when the sheet has no spilled array (or the host cannot tell: no dynamic arrays) */
  mayHaveSpill: boolean;
  protection: Excel.WorksheetProtection | null;
}

/** Syncs 1 to 3: each sheet's used range, and (for freezing) its protection. */
async function scan(context: Excel.RequestContext, forFreeze: boolean, support: SupportCheck): Promise<ScannedSheet[]> {
  const spillAware = forFreeze && support('ExcelApi', '1.12');
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();

  const reads = await readUsedRanges(
    context,
    worksheets.items,
    worksheets.items.map((ws) => ws.name),
    ['values', 'formulas'],
    { spill: spillAware, alongside: forFreeze ? (ws) => ws.protection.load('protected,options') : undefined },
  );

  const out: ScannedSheet[] = [];
  for (const read of reads) {
    if (read.address === null) continue;
    const { r1, c1 } = parseSheetAddress(read.address);
    const found = findBudgetFormulas(read.formulas, read.values);
    if (found.length === 0) continue;
    out.push({
      ws: read.ws,
      name: read.name,
      originRow: r1,
      originCol: c1,
      values: read.values,
      found,
      mayHaveSpill: spillAware && read.hasSpill,
      protection: forFreeze ? read.ws.protection : null,
    });
  }
  return out;
}

function notReadyCells(s: ScannedSheet, cells: readonly GridCell[]): NotReadyCell[] {
  return cells
    .filter((c) => isNotReady(s.values[c.row]?.[c.col]))
    .map((c) => ({ sheet: s.name, address: cellAddress(c, s.originRow, s.originCol), value: String(s.values[c.row]?.[c.col] ?? '') }));
}

/** How many cells hold BUDGET formulas, per sheet, and which of them show no usable value. Three syncs under 1 MB; changes nothing. */
export async function countBudgetFormulas(context: Excel.RequestContext, support: SupportCheck = officeSupport): Promise<BudgetFormulaCount> {
  const sheets = await scan(context, false, support);
  return {
    cells: sheets.reduce((n, s) => n + s.found.length, 0),
    sheets: sheets.map((s) => ({ name: s.name, cells: s.found.length })),
    notReady: sheets.flatMap((s) => notReadyCells(s, s.found)),
  };
}

/**
 * Turns every BUDGET formula in the workbook into the value it shows. Refuses (`NotReadyError`,
 * nothing written) while any shows `#BUSY!`, `#GETTING_DATA`, `#NAME?` or `#SPILL!`.
 *
 * The writes of each sheet are queued together (unprotect, values, protect), so if Excel stops
 * part-way (a sheet protected with a password cannot be unprotected) each sheet is either done
 * and protected again or untouched; running again finishes the rest.
 */
export async function freezeBudgetFormulas(context: Excel.RequestContext, support: SupportCheck = officeSupport): Promise<FreezeResult> {
  const sheets = await scan(context, true, support);
  const early = sheets.flatMap((s) => notReadyCells(s, s.found));
  if (early.length > 0) throw new NotReadyError(early);
  if (sheets.length === 0) return { cells: 0, sheets: [] };

  // Only with spilled arrays about: the cells each BUDGET formula spills into, looked up in
  // syncs under the budget (one for a few hundred formulas).
  const spilled = new Map<ScannedSheet, GridCell[]>();
  const lookups = new SyncBudget(context);
  const checks: { s: ScannedSheet; cell: GridCell; to: Excel.Range }[] = [];
  for (const s of sheets.filter((x) => x.mayHaveSpill)) {
    for (const cell of s.found) {
      // the request and the address it brings back, as JSON
      await lookups.room(SPILL_LOOKUP_BYTES);
      const to = s.ws.getRange(cellAddress(cell, s.originRow, s.originCol)).getSpillingToRangeOrNullObject();
      to.load('address');
      checks.push({ s, cell, to });
    }
  }
  if (checks.length > 0) {
    await lookups.flush();
    for (const { s, cell, to } of checks) {
      if (to.isNullObject) continue;
      const r = parseSheetAddress(to.address);
      const cells = spilled.get(s) ?? [];
      for (let row = r.r1 - s.originRow; row <= r.r2 - s.originRow; row++) {
        for (let col = r.c1 - s.originCol; col <= r.c2 - s.originCol; col++) {
          if (row === cell.row && col === cell.col) continue;
          if (row < 0 || col < 0 || row >= s.values.length || col >= (s.values[row]?.length ?? 0)) {
            // Spilled cells are used cells; if one is not in the used range, stop before writing anything.
            throw new Error(`${s.name}: the array spilled from ${cellAddress(cell, s.originRow, s.originCol)} reaches outside the used range`);
          }
          cells.push({ row, col });
        }
      }
      spilled.set(s, cells);
    }
    const late = sheets.flatMap((s) => notReadyCells(s, spilled.get(s) ?? []));
    if (late.length > 0) throw new NotReadyError(late);
  }

  // The last syncs: the writes, each sheet's unprotect, values and protect in one sync.
  const result: FreezeResult = { cells: 0, sheets: [] };
  const budget = new SyncBudget(context);
  for (const s of sheets) {
    const extra = spilled.get(s) ?? [];
    const protectedSheet = s.protection?.protected === true;
    const options = protectedSheet ? s.protection!.options : undefined;
    const writes = writeBlocks([...s.found, ...extra]).map((block) => ({
      address: blockAddress(block, s.originRow, s.originCol),
      values: blockValues(s.values, block).map((row) => row.map((v) => valueToWrite(v as string | number | boolean))),
    }));
    await budget.room(writes.reduce((n, w) => n + jsonBytes(w.values) + 40, 80));
    if (protectedSheet) s.ws.protection.unprotect();
    for (const w of writes) s.ws.getRange(w.address).values = w.values;
    if (protectedSheet) s.ws.protection.protect(options);
    const errors = [...s.found, ...extra].filter((c) => isErrorValue(s.values[c.row][c.col])).length;
    result.cells += s.found.length;
    result.sheets.push({ name: s.name, cells: s.found.length, spilled: extra.length, errors, protected: protectedSheet });
  }
  await context.sync();
  return result;
}
