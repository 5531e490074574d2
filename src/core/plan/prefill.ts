import type { BudgetContext, ModelSheet, ProjectTableData } from '../model';
import { formatAmount, Money, yuanToWan } from '../money';
import { PROJECT_STATEMENT } from '../specs/texts';
import { planSheet, safeSheetName } from './build';
import { planSelfEvaluation, planTargetForm, type FormPrefill } from './forms';
import type { FormFormulaFlavour } from './form-formulas';
import { freeSheetName } from './names';
import { planTargetSummary } from './summary';
import type { SheetPlan } from './types';

/**
 * Performance forms prefilled from the budget: each project of the U2 project list
 * (财政拨款项目支出预算表) gets its 绩效目标申报表 (and, if asked, its 绩效自评表 and
 * 项目经费情况说明) with the name, the 当年财政拨款 and who is responsible already typed in.
 */

/** One project of a U2 table, as the task pane lists it for choosing. */
export interface ProjectChoice {
  name: string;
  /** 预算数 (元); null when the cell was blank */
  amount: Money | null;
  /** the 功能分类 项 the project sits under ('' when the list had no code row above it) */
  groupCode: string;
  groupName: string;
  /** the U2 sheet and row it was read from (row null for data made from seeds) */
  sheetName: string;
  row: number | null;
  /** 编制单位 and budget year of the U2 sheet, when its context says */
  org: string | null;
  year: number | null;
}

export interface ProjectFormOptions {
  /** 绩效目标申报表, one per project (default true) */
  targetForm?: boolean;
  /** 绩效自评表, one per project */
  selfEvaluation?: boolean;
  /** 项目经费情况说明, one per project */
  statement?: boolean;
  /** 绩效目标汇总表 over the target forms, first in the list (`summary.ts`) */
  summary?: boolean;
  /** 主管部门 */
  department?: string;
  /** sheets already in the workbook: a planned name never equals one of them */
  existingSheetNames?: string[];
  /** the forms' formulas: the add-in's (`rollup`, the default) or standard functions (./form-formulas) */
  formulas?: FormFormulaFlavour;
}

/** Every project of every U2 table among the sheets, in sheet and row order. */
export function projectChoices(sheets: ModelSheet[]): ProjectChoice[] {
  const out: ProjectChoice[] = [];
  for (const sheet of sheets) {
    if (sheet.specId !== 'U2' || sheet.data.kind !== 'projects') continue;
    const data: ProjectTableData = sheet.data;
    for (const group of data.rows) {
      for (const p of group.projects) {
        if (!p.name) continue;
        out.push({
          name: p.name,
          amount: p.amount,
          groupCode: group.code,
          groupName: group.name,
          sheetName: sheet.sheetName,
          row: p.row ?? null,
          org: sheet.context.org ?? null,
          year: sheet.context.year ?? null,
        });
      }
    }
  }
  return out;
}

export { projectKey } from './project-key';
import { projectKey } from './project-key';

/** Names asked for that the U2 list does not have; the message names every one. */
export class UnknownProjectsError extends Error {
  constructor(
    readonly names: string[],
    message: string,
  ) {
    super(message);
    this.name = 'UnknownProjectsError';
  }
}

/** A project chosen by name, with its 预算数 over every U2 row of that name. */
export interface ChosenProject {
  name: string;
  amount: Money | null;
  choices: ProjectChoice[];
}

/**
 * The projects the names ask for, in the order of the U2 list. A project listed under two
 * 功能分类 项 (two U2 rows of one name) is one project with one set of forms: its amounts
 * are added. Unknown names throw, naming every one of them.
 */
export function chooseProjects(sheets: ModelSheet[], names: string[]): ChosenProject[] {
  const choices = projectChoices(sheets);
  const byKey = new Map<string, ChosenProject>();
  for (const c of choices) {
    const key = projectKey(c.name);
    const found = byKey.get(key);
    if (!found) byKey.set(key, { name: c.name, amount: c.amount, choices: [c] });
    else {
      found.choices.push(c);
      if (c.amount) found.amount = (found.amount ?? new Money(0)).plus(c.amount);
    }
  }
  const wanted = new Set<string>();
  const unknown: string[] = [];
  for (const n of names) {
    const key = projectKey(n);
    if (!key) continue;
    if (byKey.has(key)) wanted.add(key);
    else if (!unknown.includes(n.trim())) unknown.push(n.trim());
  }
  if (unknown.length > 0) {
    const where = choices.length === 0 ? '工作簿中没有找到财政拨款项目支出预算表（U2）或其中没有项目' : `U2 项目支出表共有 ${byKey.size} 个项目`;
    throw new UnknownProjectsError(unknown, `找不到以下项目：${unknown.map((n) => `“${n}”`).join('、')}（${where}；请核对项目名称）`);
  }
  return [...byKey.entries()].filter(([k]) => wanted.has(k)).map(([, p]) => p);
}

/**
 * Sheet plans for the chosen projects: the 绩效目标汇总表 if asked, then every 绩效目标申报表,
 * the 绩效自评表, the 项目经费情况说明, each in U2 order. Names are unique among themselves and never equal a
 * sheet already in the workbook (compared as Excel does, ignoring case), so writing them
 * never overwrites a clerk's sheet and the names planned are the names written.
 */
export function planProjectForms(ctx: BudgetContext, sheets: ModelSheet[], names: string[], opts: ProjectFormOptions = {}): SheetPlan[] {
  if (opts.summary && opts.targetForm === false) throw new Error('绩效目标汇总表链接各项目的绩效目标申报表，不能只要汇总表而不要申报表');
  const projects = chooseProjects(sheets, names);
  const taken = [...(opts.existingSheetNames ?? [])];
  const unique = (plan: SheetPlan): SheetPlan => {
    const name = freeSheetName(safeSheetName(plan.name), taken);
    taken.push(name);
    return { ...plan, name };
  };
  const prefill = (p: ChosenProject): FormPrefill => ({
    projectName: p.name,
    department: opts.department?.trim() || null,
    // each project's own unit: a department's list gathers several units' U2 tables
    unit: (p.choices[0]?.org ?? ctx.org) || null,
    fiscal: p.amount,
  });
  const plans: SheetPlan[] = [];
  if (opts.targetForm !== false) for (const p of projects) plans.push(unique(planTargetForm(ctx, undefined, { prefill: prefill(p), formulas: opts.formulas })));
  // Planned after the forms it links to, so it names them as they will be written.
  const summary = opts.summary ? [unique(planTargetSummary(ctx, plans))] : [];
  if (opts.selfEvaluation) for (const p of projects) plans.push(unique(planSelfEvaluation(ctx, undefined, { prefill: prefill(p), formulas: opts.formulas })));
  if (opts.statement) {
    for (const p of projects) {
      const plan = planSheet(PROJECT_STATEMENT, ctx, { kind: 'text', subject: p.name, paragraphs: statementOutline(p) });
      plans.push(unique(plan));
    }
  }
  return [...summary, ...plans];
}

/** The official outline with what the budget already says: the 年度预算安排 figure. */
function statementOutline(p: ChosenProject): string[] {
  const lines = PROJECT_STATEMENT.outline.unit.split('\n');
  const at = lines.findIndex((l) => l.trim() === '六、年度预算安排');
  if (at >= 0 && p.amount) {
    lines[at + 1] = ` 本项目当年财政拨款预算 ${formatAmount(p.amount, 2)} 元（${formatAmount(yuanToWan(p.amount), 2)} 万元）。（说明使用内容等）`;
  }
  return lines;
}
