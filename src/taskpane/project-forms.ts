import type { BudgetContext, ModelSheet, ProjectTableData } from '../core/model';
import { formatAmount, parseAmount, type Money } from '../core/money';
import { chooseProjects, planProjectForms, projectChoices, UnknownProjectsError } from '../core/plan/prefill';
import type { SheetPlan } from '../core/plan/types';
import { defaultYear, ORG_MAX } from './form';
import { joinList, t, type Lang, type Message } from './i18n';
import { codeOf, errorDetail, explainExcelError, type SheetOutcome } from './result';

/**
 * The 绩效表 section as plain data: the projects of the workbook's U2 list to choose from, what
 * was asked for and whether it can be done, the plans and the notes under the result. Pure: no
 * DOM and no Office, so it is unit tested; taskpane.ts renders it and src/excel/project-forms.ts
 * reads and writes the workbook.
 */

/** One project to tick: a name of the U2 list, its 预算数 over every U2 row of that name. */
export interface ProjectItem {
  name: string;
  /** 元, as `formatAmount` writes it (1,234,567.00); null when the U2 cells were blank */
  amount: string | null;
}

export interface FormKinds {
  /** 绩效目标申报表 */
  target: boolean;
  /** 绩效自评表 */
  self: boolean;
  /** 项目经费情况说明 */
  statement: boolean;
  /** 绩效目标汇总表 */
  summary: boolean;
}

export interface FormsRequest {
  /** ticked project names, as listed */
  projects: string[];
  kinds: FormKinds;
  /** 主管部门, as typed; may be empty */
  department: string;
}

export type FormsField = 'projects' | 'typed' | 'kinds' | 'department';
/** In the order they appear, so the first error is the one to focus. */
export const FORMS_FIELDS: readonly FormsField[] = ['projects', 'typed', 'kinds', 'department'];
export type FormsErrors = Partial<Record<FormsField, Message>>;

export const DEFAULT_KINDS: FormKinds = { target: true, self: false, statement: false, summary: false };

/** The projects of every U2 table in the workbook, one per name (a name under two 项 is one project). */
export function projectItems(sheets: ModelSheet[]): ProjectItem[] {
  const names = projectChoices(sheets).map((c) => c.name);
  if (names.length === 0) return [];
  return chooseProjects(sheets, names).map((p) => ({ name: p.name, amount: p.amount ? formatAmount(p.amount, 2) : null }));
}

/** How a project reads in the list: its name and 预算数. */
export function projectLabel(lang: Lang, item: ProjectItem): string {
  return item.amount === null ? t(lang, 'forms.project.noAmount', { name: item.name }) : t(lang, 'forms.project', { name: item.name, amount: item.amount });
}

/** A project the clerk typed in the pane (a department workbook has no U2 of its own). */
export interface TypedProject {
  name: string;
  /** 元; null when the line gave none */
  amount: Money | null;
}

export interface TypedProjects {
  projects: TypedProject[];
  /** 1-based numbers of the lines whose amount does not read as a number */
  badLines: number[];
}

/** The sheet name the typed projects go under in the plan (never written: it names where they came from). */
export const TYPED_SHEET = '__typed';

/**
 * The projects typed one a line: the name, then optionally the amount in 元 after a space, a
 * tab or a full-width comma (`信息系统运维 1,234,567.00`). A name typed twice is one project.
 */
export function parseTypedProjects(text: string): TypedProjects {
  const projects: TypedProject[] = [];
  const badLines: number[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const m = /^(.*?)[\s\u3000，,]+([-+]?[\d０-９,，.．]+)\s*(?:元)?$/.exec(line);
    let name = line;
    let amount: Money | null = null;
    if (m && m[1].trim()) {
      const parsed = parseAmount(m[2].replace(/，/g, ','));
      if (parsed.kind === 'number') {
        name = m[1].trim();
        amount = parsed.value;
      } else badLines.push(i + 1);
    }
    if (seen.has(name)) return;
    seen.add(name);
    projects.push({ name, amount });
  });
  return { projects, badLines };
}

/**
 * The typed projects as a U2 list the planners read like one in the workbook. Its 编制单位 is
 * empty, not unknown, so the forms leave 实施单位 blank for the clerk rather than take another unit's.
 */
export function typedProjectsSheet(projects: readonly TypedProject[], year: number | null): ModelSheet | null {
  if (projects.length === 0) return null;
  const data: ProjectTableData = {
    kind: 'projects',
    rows: [{ code: '', name: '', amount: null, projects: projects.map((p, i) => ({ no: i + 1, name: p.name, amount: p.amount })) }],
    total: null,
  };
  return { sheetName: TYPED_SHEET, specId: 'U2', context: year === null ? { org: '' } : { org: '', year }, data };
}

/** What is missing before inserting; `loaded` is false until there is a list, read or typed. */
export function validateFormsRequest(req: FormsRequest, loaded: boolean, badTypedLines: readonly number[] = []): FormsErrors {
  const errors: FormsErrors = {};
  if (!loaded) errors.projects = { key: 'forms.error.notLoaded' };
  else if (req.projects.length === 0) errors.projects = { key: 'forms.error.noProject' };
  if (badTypedLines.length > 0) errors.typed = { key: 'forms.error.typedAmount', params: { line: badTypedLines[0] } }; // one at a time: the error follows the typing
  if (!req.kinds.target && !req.kinds.self && !req.kinds.statement && !req.kinds.summary) errors.kinds = { key: 'forms.error.noKind' };
  // the summary's rows are formulas linking to each project's target form
  else if (req.kinds.summary && !req.kinds.target) errors.kinds = { key: 'forms.error.summaryNeedsTarget' };
  const n = [...req.department.trim()].length;
  if (n > ORG_MAX) errors.department = { key: 'forms.error.departmentTooLong', params: { n, max: ORG_MAX } };
  return errors;
}

export function formsErrorFields(errors: FormsErrors): FormsField[] {
  return FORMS_FIELDS.filter((f) => errors[f]);
}

/**
 * The unit and year the forms are for: those of the U2 sheet the first chosen project is on;
 * next year when the sheet does not say.
 */
export function formsContext(sheets: ModelSheet[], projects: string[], now: Date = new Date()): BudgetContext {
  const chosen = projects.length > 0 ? chooseProjects(sheets, projects) : [];
  const first = chosen[0]?.choices[0] ?? projectChoices(sheets)[0];
  return { level: 'unit', org: first?.org ?? '', year: first?.year ?? defaultYear(now) };
}

export interface FormsPlan {
  plans: SheetPlan[];
  /** per plan, the name it would have had in a workbook without those sheets: a different one was taken */
  wanted: string[];
  /** said under the list of sheets made (none yet: the names renamed are said from `wanted`) */
  notes: Message[];
}

/** Sheet names already used (compared as Excel does, ignoring case) are never planned. */
export function planForms(sheets: ModelSheet[], req: FormsRequest, existingSheetNames: string[], now: Date = new Date()): FormsPlan {
  const ctx = formsContext(sheets, req.projects, now);
  const options = {
    targetForm: req.kinds.target,
    selfEvaluation: req.kinds.self,
    statement: req.kinds.statement,
    summary: req.kinds.summary,
    department: req.department.trim(),
  };
  const plans = planProjectForms(ctx, sheets, req.projects, { ...options, existingSheetNames });
  // Planned again as if the workbook were empty, for the names the clerk would expect; where
  // they differ, the result says which sheet took another name and why.
  const wanted = existingSheetNames.length === 0 ? plans.map((p) => p.name) : planProjectForms(ctx, sheets, req.projects, options).map((p) => p.name);
  return { plans, wanted, notes: [] };
}

/** The sheets made, each with the name it would have had, for the result list and its notes. */
export function formsOutcomes(wanted: readonly string[], made: readonly string[]): SheetOutcome[] {
  return made.map((name, i) => ({ wanted: wanted[i] ?? name, name, renamed: (wanted[i] ?? name) !== name }));
}

/** What to tell the clerk when reading the list (`read`) or inserting the forms (`insert`) fails. */
export function explainFormsError(err: unknown, phase: 'read' | 'insert'): Message {
  const detail = errorDetail(err);
  if (err instanceof ReferenceError && /\b(Excel|Office)\b/.test(detail)) return { key: 'forms.needsExcel' };
  // projects no longer in U2: the workbook changed since the list was read
  if (err instanceof UnknownProjectsError) return { key: 'forms.error.projectsGone', params: { names: joinList('zh-CN', err.names) } };
  if (!codeOf(err) && /^找不到以下项目/.test(detail)) return { key: 'forms.error.projectsGone', params: { names: detail } };
  if (phase === 'insert') return explainExcelError(err);
  const known = explainExcelError(err);
  if (known.key !== 'excel.generic' && known.key !== 'excel.genericNoDetail') return known;
  return detail ? { key: 'forms.error.read', params: { detail } } : { key: 'forms.error.readNoDetail' };
}
