import { planForms, projectItems, type FormsRequest, type ProjectItem } from '../taskpane/project-forms';
import type { Message } from '../taskpane/i18n';
import type { SheetPlan } from '../core/plan/types';
import { readWorkbookModels } from './validate';
import { insertPlans, officeSupport, type SupportCheck } from './writer';

/**
 * The 绩效表 section's Office.js work: list the projects of the open workbook's U2 table, and
 * insert the chosen forms. Both read the workbook through `readWorkbookModels`, the same path
 * as 校验; inserting reads it again, so what is planned matches the workbook as it is now.
 */

/** Three syncs for a workbook under 1 MB; changes nothing. */
export async function listProjects(context: Excel.RequestContext): Promise<ProjectItem[]> {
  const { sheets } = await readWorkbookModels(context);
  return projectItems(sheets);
}

export interface FormsInsertResult {
  plans: SheetPlan[];
  /** per plan, the name it would have had without the workbook's sheets */
  wanted: string[];
  /** the names the sheets were made under, in plan order */
  sheets: string[];
  notes: Message[];
}

/**
 * Reads the workbook (three syncs under 1 MB), plans the forms with names no sheet has (hidden
 * sheets included), and inserts them (two more for a few forms). Never overwrites a sheet.
 */
export async function insertProjectForms(
  context: Excel.RequestContext,
  req: FormsRequest,
  support: SupportCheck = officeSupport,
  now: Date = new Date(),
): Promise<FormsInsertResult> {
  const { sheets, sheetNames } = await readWorkbookModels(context);
  const { plans, wanted, notes } = planForms(sheets, req, sheetNames, now);
  const result = await insertPlans(context, plans, support);
  return { plans, wanted, sheets: result.sheets, notes };
}
