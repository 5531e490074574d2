import type { ModelSheet } from '../core/model';
import type { SheetPlan } from '../core/plan/types';
import { insertPlannedFromWorkbook, readForPlanning } from '../excel/project-forms';
import { officeSupport, type SupportCheck } from '../excel/writer';
import type { Message } from './i18n';
import { planForms, projectItems, type FormsRequest, type ProjectItem } from './project-forms';

/**
 * The 绩效表 section's work on the open workbook: list the projects of its U2 tables, and
 * insert the chosen forms, planned from the workbook as it is when 插入绩效表 is clicked.
 */

/** Three syncs for a workbook under 1 MB; changes nothing. */
export async function listProjects(context: Excel.RequestContext): Promise<ProjectItem[]> {
  return projectItems((await readForPlanning(context)).sheets);
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
 * Reads the workbook, plans the forms with names no sheet has (hidden sheets included), and
 * inserts them. `extra` are sheets the pane adds to the workbook's (the projects typed in it).
 */
export async function insertProjectForms(
  context: Excel.RequestContext,
  req: FormsRequest,
  support: SupportCheck = officeSupport,
  now: Date = new Date(),
  extra: readonly ModelSheet[] = [],
): Promise<FormsInsertResult> {
  return insertPlannedFromWorkbook(context, ({ sheets, sheetNames }) => planForms([...sheets, ...extra], req, sheetNames, now), support);
}
