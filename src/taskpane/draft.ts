import type { Tier } from '../core/tier';
import { draftText, type Draft } from '../core/draft/text';
import type { BudgetContext, ModelSheet } from '../core/model';
import { planSheet } from '../core/plan/build';
import type { SheetPlan } from '../core/plan/types';
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

/**
 * The drafted sections as sheets, named as `template` names them, so a workbook that has them
 * gets `单位编制说明 (2)` (the insert takes the next free name). `tier`: the pane's 财政级次.
 */
export function planDraft(sheets: readonly ModelSheet[], tier: Tier): DraftPlanned {
  const draft = draftText(sheets, { tier });
  const f = draft.figures;
  if (f.org === null || f.year === null) return { ok: false, message: { key: f.org === null ? 'draft.noOrg' : 'draft.noYear' } };
  if (!f.income && !f.fiscal && !f.threePublic) return { ok: false, message: { key: 'draft.noTables' } };
  const ctx: BudgetContext = { level: f.level, org: f.org, year: f.year, tier };
  const plans = draft.sections.map((s) => planSheet(s.id === 'explanation' ? EXPLANATION : OTHER, ctx, { kind: 'text', paragraphs: s.paragraphs }));
  const placeholders = draft.sections.reduce((n, s) => n + s.paragraphs.reduce((m, p) => m + (p.match(PLACEHOLDER)?.length ?? 0), 0), 0);
  return { ok: true, draft, plans, placeholders };
}

export function explainDraftError(err: unknown): Message {
  const known = explainExcelError(err);
  if (known.key !== 'excel.generic' && known.key !== 'excel.genericNoDetail') return known;
  const detail = errorDetail(err);
  return detail ? { key: 'draft.error.generic', params: { detail } } : { key: 'draft.error.genericNoDetail' };
}
