import type { Tier } from '../core/tier';
import { Catalog } from '../core/catalog/catalog';
import { consolidate } from '../core/consolidate/consolidate';
import { consolidationPlans } from '../core/consolidate/plans';
import { screenUnits } from '../core/consolidate/screen';
import type { Consolidation, UnitProblem, UnitWorkbook } from '../core/consolidate/types';
import type { SheetPlan } from '../core/plan/types';

/**
 * 汇总所属单位's work, loaded on demand with the file reader (its own webpack chunk): screen
 * the units read, then sum them with the core (src/core/consolidate) and plan the department's
 * sheets. Pure apart from reading the files (picked-workbooks.ts, re-exported here).
 */

export { readPickedWorkbooks } from './picked-workbooks';

export interface DepartmentOptions {
  department: string;
  year: number;
  /** 财政级次 of the pane's insert section */
  tier: Tier;
}

/** Everything that forbids summing blindly, by unit and cell (issue 17 point 2). */
export function screen(units: UnitWorkbook[], year: number): UnitProblem[] {
  return screenUnits(units, year, Catalog.builtIn());
}

export interface DepartmentPlans {
  consolidation: Consolidation;
  plans: SheetPlan[];
}

/**
 * The department's sheets: T1–T9 summed, the texts, 分单位明细 (first, with the notice, when
 * units with 错误 were summed because the clerk said to go on).
 */
export function departmentPlans(units: UnitWorkbook[], o: DepartmentOptions, goOn: boolean): DepartmentPlans {
  const consolidation = consolidate(units, { department: o.department, year: o.year, tier: o.tier, catalog: Catalog.builtIn(), allowErrors: goOn });
  return { consolidation, plans: consolidationPlans(consolidation) };
}
