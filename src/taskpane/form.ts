import type { BudgetContext, TextData } from '../core/model';
import { fill } from '../core/plan/build';
import { specsForLevel, WorkbookRequest } from '../core/plan/workbook';
import type { SampleBudget } from '../core/sample';
import { PROJECT_STATEMENT } from '../core/specs/texts';
import type { BudgetLevel, Spec, SpecId } from '../core/specs/types';
import { TIERS, type Tier } from '../core/tier';
import { t, type Lang, type Message } from './i18n';

export { isTier, TIERS, type Tier } from '../core/tier';

/**
 * The task pane's form as plain data, its validation and the plan request it makes.
 * Pure: no DOM and no Office, so every rule here is unit tested.
 */

export interface FormState {
  level: BudgetLevel;
  /** 财政级次; 市级 as in the seeds unless chosen */
  tier: Tier;
  /** 编制单位 / 部门名称, as typed */
  org: string;
  /** 预算年度, as typed (the field is text so a wrong entry can be explained, not silently dropped) */
  year: string;
  /** the ticked tables and text sections of the level (not 'project') */
  specs: SpecId[];
  /** 项目经费情况说明 ticked */
  project: boolean;
  /** its project name; optional */
  projectName: string;
}

export type Field = 'org' | 'year' | 'tables' | 'projectName';
/** In the order the fields appear, so the first error is the one to focus. */
export const FIELDS: readonly Field[] = ['org', 'year', 'tables', 'projectName'];
export type FormErrors = Partial<Record<Field, Message>>;

export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;
export const ORG_MAX = 60;
export const PROJECT_NAME_MAX = 60;
/** Characters Excel refuses in sheet names; the project name becomes part of one. */
export const SHEET_NAME_FORBIDDEN = [':', '\\', '/', '?', '*', '[', ']'] as const;

export function defaultYear(now: Date = new Date()): number {
  return now.getFullYear() + 1;
}

/** The specs the checklist offers for a level (项目经费情况说明 has its own field). */
export function checklistSpecs(level: BudgetLevel): Spec[] {
  return specsForLevel(level);
}

export function initialState(level: BudgetLevel = 'unit', now: Date = new Date()): FormState {
  return {
    level,
    tier: TIERS[0],
    org: '',
    year: String(defaultYear(now)),
    specs: checklistSpecs(level).map((s) => s.id),
    project: true,
    projectName: '',
  };
}

/** Full-width digits (typed with a Chinese IME) count as digits; surrounding spaces are ignored. */
export function normalizeYear(raw: string): string {
  return raw.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
}

/** Characters, not UTF-16 units, so a CJK name is counted as a clerk counts it. */
const length = (s: string): number => [...s].length;

export function validateOrg(level: BudgetLevel, org: string): Message | undefined {
  const name = org.trim();
  if (!name) return { key: level === 'unit' ? 'error.org.empty.unit' : 'error.org.empty.department' };
  if (length(name) > ORG_MAX) return { key: 'error.org.tooLong', params: { n: length(name), max: ORG_MAX } };
  return undefined;
}

export function validateYear(year: string, now: Date = new Date()): Message | undefined {
  const y = normalizeYear(year);
  const example = defaultYear(now);
  if (!y) return { key: 'error.year.empty', params: { example } };
  if (!/^\d{4}$/.test(y)) return { key: 'error.year.notNumber', params: { example } };
  const n = Number(y);
  if (n < YEAR_MIN || n > YEAR_MAX) return { key: 'error.year.range', params: { min: YEAR_MIN, max: YEAR_MAX } };
  return undefined;
}

export function validateProjectName(name: string): Message | undefined {
  const p = name.trim();
  const bad = SHEET_NAME_FORBIDDEN.filter((c) => p.includes(c));
  if (bad.length > 0) return { key: 'error.projectName.badChars', params: { chars: bad.join(' ') } };
  if (length(p) > PROJECT_NAME_MAX) return { key: 'error.projectName.tooLong', params: { n: length(p), max: PROJECT_NAME_MAX } };
  return undefined;
}

/** The ticked specs that exist at the form's level, in the official order. */
export function selectedSpecs(state: FormState): SpecId[] {
  const ticked = new Set(state.specs);
  return checklistSpecs(state.level)
    .map((s) => s.id)
    .filter((id) => ticked.has(id));
}

export function validateForm(state: FormState, now: Date = new Date()): FormErrors {
  const errors: FormErrors = {};
  const org = validateOrg(state.level, state.org);
  if (org) errors.org = org;
  const year = validateYear(state.year, now);
  if (year) errors.year = year;
  if (selectedSpecs(state).length === 0 && !state.project) errors.tables = { key: 'error.tables.none' };
  if (state.project) {
    const p = validateProjectName(state.projectName);
    if (p) errors.projectName = p;
  }
  return errors;
}

export function errorFields(errors: FormErrors): Field[] {
  return FIELDS.filter((f) => errors[f] !== undefined);
}

/** The context the titles are filled with; tolerant of a half-typed form (for live titles). */
export function contextOf(state: FormState, now: Date = new Date()): BudgetContext {
  const y = normalizeYear(state.year);
  const year = /^\d{4}$/.test(y) ? Number(y) : defaultYear(now);
  return { level: state.level, org: state.org.trim(), year, tier: state.tier };
}

/** A spec's title as it will appear on the sheet, e.g. 2027年部门财务收支预算总表. */
export function specTitle(spec: Spec, state: FormState, now: Date = new Date()): string {
  return fill(spec.title[state.level], contextOf(state, now)).trim();
}

/** The blank 项目经费情况说明 for a named project: the official outline, titled with the name. */
export function projectStatement(ctx: BudgetContext, projectName: string): TextData {
  const subject = projectName.trim() || 'XX';
  return {
    kind: 'text',
    subject,
    paragraphs: fill(PROJECT_STATEMENT.outline[ctx.level], ctx, { project: subject }).split('\n'),
  };
}

/** Builds the plan request from a valid form (check `validateForm` first). */
export function buildRequest(state: FormState): WorkbookRequest {
  const ctx: BudgetContext = { level: state.level, org: state.org.trim(), year: Number(normalizeYear(state.year)), tier: state.tier };
  const specs = selectedSpecs(state);
  if (!state.project) return { ctx, specs };
  return { ctx, specs: [...specs, 'project'], projects: [projectStatement(ctx, state.projectName)] };
}

export type Prepared = { ok: true; request: WorkbookRequest } | { ok: false; errors: FormErrors };

export function prepareInsert(state: FormState, now: Date = new Date()): Prepared {
  const errors = validateForm(state, now);
  return errorFields(errors).length > 0 ? { ok: false, errors } : { ok: true, request: buildRequest(state) };
}

/** The request that inserts a sample budget's sheets, as the CLI's `sample` command does. */
export function sampleRequest(sample: SampleBudget): WorkbookRequest {
  const specs = [...(Object.keys(sample.data) as SpecId[]), ...(sample.projects.length > 0 ? (['project'] as SpecId[]) : [])];
  return { ctx: sample.ctx, data: sample.data, projects: sample.projects, specs };
}

/** What the sample select shows for a seed, e.g. 2021年 上海市社会保障卡服务中心（单位）. */
export function sampleLabel(lang: Lang, seed: { year: number; org: string; level: BudgetLevel }): string {
  return t(lang, 'sample.option', { year: seed.year, org: seed.org, level: t(lang, seed.level === 'unit' ? 'level.unit' : 'level.department') });
}
