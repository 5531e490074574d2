import { parseAmount } from '../money';
import type { Money } from '../money';
import { address } from '../plan/a1';
import { BREAKDOWN_HEADER, FIXED_COLUMNS, isBreakdownMarker, isConsolidationMarker } from '../plan/breakdown-layout';
import { cellAt, compactText, plainText, type SheetGrid } from '../read/grid';
import type { TableId } from '../specs/types';
import type { Breakdown, BreakdownLine, FigureKind } from './types';

export interface ReadBreakdown extends Breakdown {
  sheet: string;
  /** header cell of each unit's column, in `units` order */
  unitCells: string[];
  /** cell of a share that could not be read as an amount */
  problems: { cell: string; message: string }[];
}

const KINDS: FigureKind[] = ['coded', 'income', 'expenditure', 'three-public'];

/** Whether the grid is a 分单位明细 sheet: its marker sits in row 1. */
export function isBreakdownGrid(grid: SheetGrid): boolean {
  return (grid.values[0] ?? []).some(isBreakdownMarker);
}

/** Whether the grid is a sheet consolidation adds (分单位明细, 部门绩效目标汇总表): not a table. */
export function isConsolidationGrid(grid: SheetGrid): boolean {
  return (grid.values[0] ?? []).some(isConsolidationMarker);
}

/**
 * Reads a 分单位明细 sheet back (the sheet `planUnitBreakdown` lays out): the units from the
 * header, one line per row by its hidden `kind:key` column. Null when the grid is not one.
 */
export function readBreakdownGrid(grid: SheetGrid): ReadBreakdown | null {
  if (!isBreakdownGrid(grid)) return null;
  const row1 = grid.values[0] ?? [];
  const keyCol = row1.findIndex(isBreakdownMarker) + 1;
  let header = 0;
  for (let r = 2; r <= Math.min(grid.values.length, 40); r++) {
    if (compactText(cellAt(grid, r, 1)) === BREAKDOWN_HEADER) {
      header = r;
      break;
    }
  }
  if (!header) return null;
  const totalCol = keyCol - 1;
  const units: string[] = [];
  const unitCells: string[] = [];
  for (let c = FIXED_COLUMNS + 1; c < totalCol; c++) {
    units.push(plainText(cellAt(grid, header, c)).trim());
    unitCells.push(address(header, c));
  }
  const lines: BreakdownLine[] = [];
  const problems: ReadBreakdown['problems'] = [];
  for (let r = header + 1; r <= grid.values.length; r++) {
    const [kind, key] = plainText(cellAt(grid, r, keyCol)).split(':');
    const table = plainText(cellAt(grid, r, 1)).trim().split(/\s+/)[0] as TableId;
    if (!KINDS.includes(kind as FigureKind) || !key || !table) continue;
    const amount = (c: number): Money | null => {
      const p = parseAmount(cellAt(grid, r, c));
      if (p.kind === 'number') return p.value;
      if (p.kind === 'invalid') problems.push({ cell: address(r, c), message: `${address(r, c)}“${p.text}”不能读作金额` });
      return null;
    };
    const shares = units.map((_, j) => amount(FIXED_COLUMNS + 1 + j));
    lines.push({
      table,
      kind: kind as FigureKind,
      code: plainText(cellAt(grid, r, 2)).trim(),
      name: plainText(cellAt(grid, r, 3)).trim(),
      key,
      shares,
      total: amount(totalCol),
    });
  }
  return { sheet: grid.name, units, unitCells, lines, problems };
}
