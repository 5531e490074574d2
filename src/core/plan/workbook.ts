import type { BudgetContext, SheetData, TextData } from '../model';
import { TABLE_SPECS } from '../specs/tables';
import { PROJECT_STATEMENT, TEXT_SPECS } from '../specs/texts';
import type { Spec, SpecId } from '../specs/types';
import { PACK_SPECS, CONTENTS } from '../specs/pack';
import { planSheet, PlanOptions } from './build';
import { planContents } from './pack';
import type { SheetPlan } from './types';

export interface WorkbookRequest {
  ctx: BudgetContext;
  /** which sheets; all of the level's when omitted */
  specs?: SpecId[];
  /** data to fill in, per spec (the sample); none makes an empty template */
  data?: Partial<Record<SpecId, SheetData>>;
  /** one 项目经费情况说明 per entry */
  projects?: TextData[];
  options?: PlanOptions;
}

/** Every spec in the official order: 封面 and 目录, the texts, then the tables, then the other notes. */
export function specsForLevel(level: BudgetContext['level']): Spec[] {
  const texts = TEXT_SPECS.filter((s) => s.id !== 'project' && s.levels.includes(level));
  return [...PACK_SPECS.filter((s) => s.levels.includes(level)), ...texts, ...TABLE_SPECS.filter((s) => s.levels.includes(level))].sort((a, b) => a.order - b.order);
}

const titleOf = (plan: SheetPlan): string => {
  const v = plan.cells[0]?.[0];
  return typeof v === 'string' ? v : v !== null && typeof v === 'object' ? v.text : '';
};

export function planWorkbook(req: WorkbookRequest): SheetPlan[] {
  const wanted = req.specs ? new Set(req.specs) : null;
  const plans = specsForLevel(req.ctx.level)
    .filter((s) => !wanted || wanted.has(s.id))
    .map((s) => planSheet(s, req.ctx, req.data?.[s.id], req.options));
  const wantProjects = !wanted || wanted.has('project');
  if (wantProjects) {
    const projects = req.projects && req.projects.length > 0 ? req.projects : wanted?.has('project') ? [undefined] : [];
    for (const p of projects) plans.push(planSheet(PROJECT_STATEMENT, req.ctx, p, req.options));
  }
  // The 目录 lists the sheets this request makes, under the names they were planned with.
  const contents = plans.findIndex((p) => p.specId === 'contents');
  if (contents >= 0) plans[contents] = planContents(CONTENTS, req.ctx, plans.map((p) => ({ specId: p.specId, title: titleOf(p), sheet: p.name })));
  return plans;
}
