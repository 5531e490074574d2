import * as fs from 'fs';
import * as path from 'path';
import evals from '../../seeds/performance/2021-self-evaluations.json';
import targets from '../../seeds/performance/2026-targets.json';
import { planSelfEvaluation, planTargetForm } from '../core/plan/forms';
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

export function seedFormPlans(): SheetPlan[] {
  const ctx = (f: { unit: string | null; year: number }) => ({ level: 'unit' as const, org: f.unit ?? '', year: f.year });
  return [...SEED_TARGET_FORMS.map((f) => planTargetForm(ctx(f), f)), ...SEED_SELF_EVALUATIONS.map((f) => planSelfEvaluation(ctx(f), f))];
}

export async function runForms(outDir: string, log: (s: string) => void): Promise<string> {
  fs.mkdirSync(outDir, { recursive: true });
  const plans = seedFormPlans();
  const wb = await workbookFromPlans(plans);
  const file = path.join(outDir, FORMS_FILE);
  await wb.xlsx.writeFile(file);
  log(`已生成 ${file}：${SEED_TARGET_FORMS.length} 张绩效目标申报表，${SEED_SELF_EVALUATIONS.length} 张绩效自评表`);
  return file;
}
