import type { ModelSheet } from '../core/model';
import type { SheetPlan } from '../core/plan/types';
import { readWorkbookModels } from './validate';
import { insertPlans, officeSupport, type SupportCheck } from './writer';

/**
 * Sheets planned from the open workbook as it is now: read it through `readWorkbookModels`
 * (the same path as 校验), let the caller plan from the models and the names already taken,
 * insert what was planned. The planning is the caller's (the pane's 绩效表 or 起草说明), so
 * this adapter knows nothing of the pane.
 */

export interface WorkbookForPlanning {
  sheets: ModelSheet[];
  /** every sheet's name, hidden ones included: a planned name never takes one of them */
  sheetNames: string[];
}

/** Three syncs for a workbook under 1 MB; changes nothing. */
export async function readForPlanning(context: Excel.RequestContext): Promise<WorkbookForPlanning> {
  const { sheets, sheetNames } = await readWorkbookModels(context);
  return { sheets, sheetNames };
}

export interface Planned {
  plans: SheetPlan[];
}

/**
 * Reads the workbook, plans with `plan`, and inserts (two more syncs for a few sheets). Never
 * overwrites a sheet: `insertPlans` takes the next free name for a name that is taken.
 */
export async function insertPlannedFromWorkbook<T extends Planned>(
  context: Excel.RequestContext,
  plan: (read: WorkbookForPlanning) => T,
  support: SupportCheck = officeSupport,
): Promise<T & { sheets: string[] }> {
  const planned = plan(await readForPlanning(context));
  const result = await insertPlans(context, planned.plans, support);
  return { ...planned, sheets: result.sheets };
}
