import type { Tier } from '../core/tier';
import { draftText, type Draft } from '../core/draft/text';
import type { BudgetContext, ModelSheet } from '../core/model';
import { planSheet } from '../core/plan/build';
import type { SheetPlan } from '../core/plan/types';
import type { Money } from '../core/money';
import { budgetYearOf, comparisonWithReasons, planComparison, planProcurement, previousOf, reasonsIn, thresholdFor } from '../core/previous';
import { EXPLANATION, OTHER } from '../core/specs/texts';
import type { Message } from './i18n';
import { errorDetail, explainExcelError } from './result';

/**
 * The 起草说明 section as plain data: the 预算编制说明 and 其他相关情况说明 drafted by the core
 * (src/core/draft) from the open workbook's tables, planned as new sheets beside the clerk's
 * own text sections, which are never written over. Pure: no DOM, no Office.
 */

/** Where the draft asks a person: a reason, a purpose, a figure no table holds. */
const PLACEHOLDER = /【请填写[^】]*】/g;

export type DraftPlanned = { ok: true; draft: Draft; plans: SheetPlan[]; placeholders: number } | { ok: false; message: Message };

/** Last year's workbook as the clerk picked it for 上年对比, and the threshold typed (null: the sheet's, else 10 %). */
export interface PreviousPick {
  file: string;
  sheets: readonly ModelSheet[];
  threshold: Money | null;
}

/**
 * The drafted sections as sheets, named as `template` names them, so a workbook that has them
 * gets `单位编制说明 (2)` (the insert takes the next free name). `tier`: the pane's 财政级次.
 * With last year's workbook the changes are stated (【请填写增减原因】 where one is required),
 * and a 上年对比 sheet follows, with the reasons already typed in an earlier one carried over; a
 * 政府采购 input sheet follows when the workbook has none, as `draft --out` does.
 */
export function planDraft(sheets: readonly ModelSheet[], tier: Tier, previous?: PreviousPick): DraftPlanned {
  let threshold: Money | null = null;
  if (previous) {
    const p = budgetYearOf(previous.sheets);
    const c = budgetYearOf(sheets);
    if (p === undefined) return { ok: false, message: { key: 'draft.previousNoYear', params: { file: previous.file } } };
    if (c !== undefined && p >= c) return { ok: false, message: { key: 'draft.previousYear', params: { file: previous.file, previous: p, current: c } } };
    threshold = thresholdFor(previous.threshold, sheets);
  }
  const draft = draftText(sheets, { tier, ...(previous && threshold ? { previous: previousOf(previous.sheets, threshold, reasonsIn(sheets)) } : {}) });
  const f = draft.figures;
  if (f.org === null || f.year === null) return { ok: false, message: { key: f.org === null ? 'draft.noOrg' : 'draft.noYear' } };
  if (!f.income && !f.fiscal && !f.threePublic) return { ok: false, message: { key: 'draft.noTables' } };
  const ctx: BudgetContext = { level: f.level, org: f.org, year: f.year, tier };
  const plans = draft.sections.map((s) => planSheet(s.id === 'explanation' ? EXPLANATION : OTHER, ctx, { kind: 'text', paragraphs: s.paragraphs }));
  if (previous && threshold) plans.push(planComparison(ctx, comparisonWithReasons(previous.sheets, sheets, threshold)));
  if (!sheets.some((s) => s.data.kind === 'procurement')) plans.push(planProcurement(ctx));
  const placeholders = draft.sections.reduce((n, s) => n + s.paragraphs.reduce((m, p) => m + (p.match(PLACEHOLDER)?.length ?? 0), 0), 0);
  return { ok: true, draft, plans, placeholders };
}

export function explainDraftError(err: unknown): Message {
  const known = explainExcelError(err);
  if (known.key !== 'excel.generic' && known.key !== 'excel.genericNoDetail') return known;
  const detail = errorDetail(err);
  return detail ? { key: 'draft.error.generic', params: { detail } } : { key: 'draft.error.genericNoDetail' };
}
