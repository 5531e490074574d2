import { parseAmount, type Money } from '../money';
import { cellAt, compactText, plainText, type SheetGrid } from '../read/grid';

/** The department's 绩效目标汇总表 as read back from its sheet (plan/department-targets.ts lays it out). */
export interface ReadDepartmentTargets {
  sheet: string;
  lines: { unit: string; project: string; amount: Money | null; row: number }[];
  total: Money | null;
  /** the 合计 row, 0 when the sheet has none */
  totalRow: number;
}

const TARGETS_MARKER = /^budget-tables\/1 unit-targets /;
const UNIT_COL = 2;
const PROJECT_COL = 3;
const AMOUNT_COL = 4;

const amountAt = (grid: SheetGrid, row: number): Money | null => {
  const p = parseAmount(cellAt(grid, row, AMOUNT_COL));
  return p.kind === 'number' ? p.value : null;
};

/** The lines and 合计 of a 部门绩效目标汇总表 (its marker in row 1); null when the grid is not one. */
export function readDepartmentTargetsGrid(grid: SheetGrid): ReadDepartmentTargets | null {
  if (!(grid.values[0] ?? []).some((v) => typeof v === 'string' && TARGETS_MARKER.test(v))) return null;
  let header = 0;
  for (let r = 2; r <= Math.min(grid.values.length, 10) && !header; r++) if (compactText(cellAt(grid, r, UNIT_COL)) === '单位名称') header = r;
  if (!header) return null;
  const lines: ReadDepartmentTargets['lines'] = [];
  let total: Money | null = null;
  let totalRow = 0;
  for (let r = header + 1; r <= grid.values.length; r++) {
    if (compactText(cellAt(grid, r, 1)) === '合计') {
      total = amountAt(grid, r);
      totalRow = r;
      break;
    }
    const unit = plainText(cellAt(grid, r, UNIT_COL)).trim();
    const project = plainText(cellAt(grid, r, PROJECT_COL)).trim();
    if (unit || project) lines.push({ unit, project, amount: amountAt(grid, r), row: r });
  }
  return { sheet: grid.name, lines, total, totalRow };
}
