import * as fs from 'fs';
import * as path from 'path';
import evals from '../../seeds/performance/2021-self-evaluations.json';
import longTarget from '../../seeds/performance/2020-social-insurance-service-target.json';
import targets from '../../seeds/performance/2026-targets.json';
import { callsBudget } from '../core/prepare';
import { planSelfEvaluation, planTargetForm } from '../core/plan/forms';
import { planLongTargetForm } from '../core/plan/long-form';
import { address } from '../core/plan/a1';
import type { BudgetContext } from '../core/model';
import { planProjectForms, projectChoices, UnknownProjectsError } from '../core/plan/prefill';
import type { SheetPlan } from '../core/plan/types';
import type { FormFormulaFlavour } from '../core/plan/form-formulas';
import type { SeedSelfEvaluation, SeedTargetForm } from '../core/seed-types';
import type { SeedLongTargetForm } from '../core/seed-types-2020-form';
import { readWorkbookFile } from '../xlsx/reader';
import { guardOutput } from './outputs';
import { workbookFromPlans } from '../xlsx/writer';

/**
 * `budget-tables forms --out DIR`: one workbook with the performance forms of the seeds, the
 * ten 2026 绩效目标申报表 then the ten 2021 绩效自评表. JSON imports widen literal types, so
 * each form is checked for its kind at load.
 */
export const FORMS_FILE = 'performance-forms.xlsx';

function asForms<T extends { kind: string }>(json: unknown, kind: T['kind']): T[] {
  const list = json as T[];
  if (!Array.isArray(list) || list.some((f) => f.kind !== kind)) throw new Error(`seed performance forms are not all of kind ${kind}`);
  return list;
}

export const SEED_TARGET_FORMS: readonly SeedTargetForm[] = asForms<SeedTargetForm>(targets, 'target');
export const SEED_SELF_EVALUATIONS: readonly SeedSelfEvaluation[] = asForms<SeedSelfEvaluation>(evals, 'self-evaluation');
/** Seed 003: the long 2020 财政项目支出绩效目标申报表 of 社会保险服务费. */
export const SEED_LONG_TARGET_FORM: SeedLongTargetForm = asForms<SeedLongTargetForm>([longTarget], 'target-2020')[0];

const formCtx = (f: { unit: string | null; year: number }) => ({ level: 'unit' as const, org: f.unit ?? '', year: f.year });

export function seedTargetPlans(formulas: FormFormulaFlavour = 'rollup'): SheetPlan[] {
  return SEED_TARGET_FORMS.map((f) => planTargetForm(formCtx(f), f, { formulas }));
}

export function seedSelfEvaluationPlans(formulas: FormFormulaFlavour = 'rollup'): SheetPlan[] {
  return SEED_SELF_EVALUATIONS.map((f) => planSelfEvaluation(formCtx(f), f, { formulas }));
}

export function seedLongTargetPlans(): SheetPlan[] {
  return [planLongTargetForm(formCtx(SEED_LONG_TARGET_FORM), SEED_LONG_TARGET_FORM)];
}

export function seedFormPlans(formulas: FormFormulaFlavour = 'rollup'): SheetPlan[] {
  return [...seedTargetPlans(formulas), ...seedSelfEvaluationPlans(formulas)];
}

/**
 * A plan whose `BUDGET.*` formulas hold the value they show (the published 执行率), as
 * 报送前准备 leaves a workbook: a sample file then reads the same in any spreadsheet and
 * `check` sees the forms' own problems, not leftover formulas. Other formulas stay.
 */
export function withBudgetValues(plan: SheetPlan): SheetPlan {
  const cells = plan.cells.map((row, r) =>
    row.map((v, c) => {
      if (typeof v !== 'string' || !callsBudget(v)) return v;
      const result = plan.results[address(r + 1, c + 1)] ?? plan.textResults?.[address(r + 1, c + 1)];
      return result === undefined ? null : result;
    }),
  );
  return { ...plan, cells };
}

/** The seeds' forms as sample workbooks, beside the seed budgets of the same unit. */
export const FORM_SAMPLES: readonly { file: string; describe: string; plans: () => SheetPlan[] }[] = [
  { file: '2020-shanghai-hrss-social-insurance-service-target.xlsx', describe: `2020年 ${SEED_LONG_TARGET_FORM.unit} 财政项目支出绩效目标申报表（社会保险服务费）`, plans: seedLongTargetPlans },
  { file: '2021-shanghai-social-security-card-unit-self-evaluations.xlsx', describe: `2021年 上海市社会保障卡服务中心 绩效自评表`, plans: () => seedSelfEvaluationPlans() },
  { file: '2026-shanghai-social-security-card-unit-performance-targets.xlsx', describe: `2026年 上海市社会保障卡服务中心 绩效目标申报表`, plans: () => seedTargetPlans() },
];

export async function runForms(outDir: string, log: (s: string) => void, force = false, formulas: FormFormulaFlavour = 'standard'): Promise<string> {
  const file = path.join(outDir, FORMS_FILE);
  guardOutput(file, force);
  fs.mkdirSync(outDir, { recursive: true });
  const plans = seedFormPlans(formulas);
  const wb = await workbookFromPlans(plans);
  await wb.xlsx.writeFile(file);
  log(`已生成 ${file}：${SEED_TARGET_FORMS.length} 张绩效目标申报表，${SEED_SELF_EVALUATIONS.length} 张绩效自评表`);
  return file;
}

/** A wrong call or an input that cannot be used: the CLI says it in one line, exit 2. */
export class FormsInputError extends Error {}

export interface BudgetFormsRequest {
  /** the budget workbook holding the U2 project list */
  from: string;
  outDir: string;
  /** 'all', or project names separated by commas */
  projects?: string;
  selfEvaluation?: boolean;
  statement?: boolean;
  summary?: boolean;
  department?: string;
  /** replace an existing output file (never the --from file itself) */
  force?: boolean;
  /** standard functions (the default, any spreadsheet) or the add-in's BUDGET.* (`--subtotals rollup`) */
  formulas?: FormFormulaFlavour;
}

/** Commas split the list; 、 does not, since project names use it (申领、补换卡网点运行费). */
export function splitProjectNames(list: string): string[] {
  return list
    .split(/[,，]/)
    .map((n) => n.trim())
    .filter((n) => n !== '');
}

/** A file name from a unit's name: Windows' forbidden characters dropped. */
function fileSafe(name: string): string {
  return name.replace(/[\\/:*?"<>|]/g, '').trim() || '单位';
}

/**
 * `budget-tables forms --from BUDGET.xlsx`: the performance forms of the projects in the
 * workbook's U2 table, prefilled (名称, 当年财政拨款, 主管部门, 实施单位), written as
 * `<单位>-绩效表.xlsx`. Returns the file written.
 */
export async function runBudgetForms(req: BudgetFormsRequest, log: (s: string) => void): Promise<string> {
  let read;
  try {
    read = await readWorkbookFile(req.from);
  } catch (e) {
    throw new FormsInputError(`无法读取 ${req.from}（${(e as Error).message}），--from 应为预算工作簿 .xlsx`);
  }
  const choices = projectChoices(read.sheets);
  if (choices.length === 0) throw new FormsInputError(`${req.from} 中没有找到财政拨款项目支出预算表（U2）或其中没有项目`);
  const u2 = read.sheets.find((s) => s.sheetName === choices[0].sheetName);
  const org = choices[0].org ?? u2?.context.org;
  const year = choices[0].year ?? u2?.context.year;
  if (!org) throw new FormsInputError(`${req.from} 的 U2 表没有写编制单位（“编制单位：…”），无法填写实施单位`);
  if (!year) throw new FormsInputError(`${req.from} 的 U2 表标题中没有预算年度`);
  const ctx: BudgetContext = { level: u2?.context.level ?? 'unit', org, year };
  const wanted = req.projects === undefined || req.projects.trim() === 'all' ? choices.map((c) => c.name) : splitProjectNames(req.projects);
  if (wanted.length === 0) throw new FormsInputError('--projects 应为 all 或以逗号分隔的项目名称');
  let plans: SheetPlan[];
  try {
    plans = planProjectForms(ctx, read.sheets, wanted, {
      selfEvaluation: req.selfEvaluation,
      statement: req.statement,
      summary: req.summary,
      department: req.department,
      formulas: req.formulas ?? 'standard',
    });
  } catch (e) {
    if (e instanceof UnknownProjectsError) throw new FormsInputError(e.message);
    throw e;
  }
  const file = path.join(req.outDir, `${fileSafe(org)}-绩效表.xlsx`);
  guardOutput(file, req.force === true, [req.from]);
  fs.mkdirSync(req.outDir, { recursive: true });
  const wb = await workbookFromPlans(plans);
  await wb.xlsx.writeFile(file);
  const count = (id: string) => plans.filter((p) => p.specId === id).length;
  const parts = [`${count('target-form')} 张绩效目标申报表`];
  if (req.selfEvaluation) parts.push(`${count('self-evaluation')} 张绩效自评表`);
  if (req.statement) parts.push(`${count('project')} 份项目经费情况说明`);
  if (req.summary) parts.push('1 张绩效目标汇总表');
  log(`已生成 ${file}：${year}年 ${org}，${parts.join('，')}`);
  return file;
}
