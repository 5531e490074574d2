import * as fs from 'fs';
import * as path from 'path';
import evals from '../../seeds/performance/2021-self-evaluations.json';
import targets from '../../seeds/performance/2026-targets.json';
import { callsBudget } from '../core/prepare';
import { planSelfEvaluation, planTargetForm } from '../core/plan/forms';
import { address } from '../core/plan/a1';
import type { SheetPlan } from '../core/plan/types';
import type { SeedSelfEvaluation, SeedTargetForm } from '../core/seed-types';
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

const formCtx = (f: { unit: string | null; year: number }) => ({ level: 'unit' as const, org: f.unit ?? '', year: f.year });

export function seedTargetPlans(): SheetPlan[] {
  return SEED_TARGET_FORMS.map((f) => planTargetForm(formCtx(f), f));
}

export function seedSelfEvaluationPlans(): SheetPlan[] {
  return SEED_SELF_EVALUATIONS.map((f) => planSelfEvaluation(formCtx(f), f));
}

export function seedFormPlans(): SheetPlan[] {
  return [...seedTargetPlans(), ...seedSelfEvaluationPlans()];
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
      const result = plan.results[address(r + 1, c + 1)];
      return result === undefined ? null : result;
    }),
  );
  return { ...plan, cells };
}

/** The seeds' forms as sample workbooks, beside the seed budgets of the same unit. */
export const FORM_SAMPLES: readonly { file: string; describe: string; plans: () => SheetPlan[] }[] = [
  { file: '2021-shanghai-social-security-card-unit-self-evaluations.xlsx', describe: `2021年 上海市社会保障卡服务中心 绩效自评表`, plans: seedSelfEvaluationPlans },
  { file: '2026-shanghai-social-security-card-unit-performance-targets.xlsx', describe: `2026年 上海市社会保障卡服务中心 绩效目标申报表`, plans: seedTargetPlans },
];

export async function runForms(outDir: string, log: (s: string) => void): Promise<string> {
  fs.mkdirSync(outDir, { recursive: true });
  const plans = seedFormPlans();
  const wb = await workbookFromPlans(plans);
  const file = path.join(outDir, FORMS_FILE);
  await wb.xlsx.writeFile(file);
  log(`已生成 ${file}：${SEED_TARGET_FORMS.length} 张绩效目标申报表，${SEED_SELF_EVALUATIONS.length} 张绩效自评表`);
  return file;
}
