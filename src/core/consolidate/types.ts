import type { ModelSheet, ProjectGroup, SheetData, TextData } from '../model';
import type { Money } from '../money';
import type { ReadIssue } from '../read/parse';
import type { BudgetContext } from '../model';
import type { SpecId, TableId } from '../specs/types';
import type { DepartmentTargets } from './targets';

/** One unit's workbook as read: the model sheets and what the reader could not take. */
export interface UnitWorkbook {
  /** where it came from (a file path), for messages */
  source: string;
  sheets: ModelSheet[];
  issues: ReadIssue[];
}

/** What kind of row a figure sits on; with `table`, `code` and `key` it names one cell. */
export type FigureKind = 'coded' | 'income' | 'expenditure' | 'three-public';

/**
 * One figure of a table, addressed by what it means rather than where it sits: a coded table's
 * cell by code and column, a T1/T4 income line by its key, an expenditure line by its 类, a
 * T9 item by its key. `code` is `合计` / `总计` on a total row; `cell` is the sheet cell when
 * the sheet was read from a file.
 */
export interface Figure {
  table: TableId;
  kind: FigureKind;
  code: string;
  name: string;
  key: string;
  amount: Money | null;
  sheet?: string;
  cell?: string;
}

/** A problem found in one unit before summing (issue 17 point 2). */
export interface UnitProblem {
  unit: string;
  source: string;
  kind: 'unit-errors' | 'other-year' | 'duplicate-unit' | 'code-conflict' | 'unknown-code' | 'no-tables';
  sheet: string;
  cell: string;
  message: string;
}

/** One line of 分单位明细: a figure's amount in each unit (in `Breakdown.units` order) and their sum. */
export interface BreakdownLine {
  table: TableId;
  kind: FigureKind;
  code: string;
  name: string;
  key: string;
  shares: (Money | null)[];
  total: Money | null;
}

export interface Breakdown {
  units: string[];
  lines: BreakdownLine[];
}

/** The U2 projects of one unit, kept per unit: a department has no U2 table of its own. */
export interface UnitProjects {
  unit: string;
  groups: ProjectGroup[];
}

/** The department made from its units: data the planners lay out like a seed budget's. */
export interface Consolidation {
  ctx: BudgetContext;
  data: Partial<Record<SpecId, SheetData>>;
  units: string[];
  breakdown: Breakdown;
  projects: UnitProjects[];
  problems: UnitProblem[];
  /** units summed although they had 错误 (only with allowErrors) */
  unitsWithErrors: string[];
  /** what the consolidation assumed, for the clerk (e.g. amounts taken as 元) */
  notes: string[];
  /** the units' target forms for the department's 绩效目标汇总表 */
  targets: DepartmentTargets;
  /** text sections the department writes itself; 机构设置 lists its units */
  texts: Partial<Record<'organization', TextData>>;
}
