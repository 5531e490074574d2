import * as fs from 'fs';
import * as path from 'path';
import { planWorkbook, specsForLevel } from '../core/plan/workbook';
import { sampleFromSeed } from '../core/sample';
import { SEED_BUDGETS } from '../core/sample-seeds';
import type { BudgetLevel, SpecId } from '../core/specs/types';
import { workbookFromPlans } from '../xlsx/writer';
import { UsageError, YEARS } from './args';
import { parseTier } from './tier-option';
import { FORM_SAMPLES, withBudgetValues } from './forms';
import { guardOutput } from './outputs';

/** `sample` and `template`: the commands that write budget workbooks. */


export async function runSample(outDir: string, log: (s: string) => void, subtotals: 'values' | 'formulas' = 'values', force = false): Promise<string[]> {
  const names = [...SEED_BUDGETS.map((s) => `${s.id}.xlsx`), ...FORM_SAMPLES.map((s) => s.file)];
  // Every file is checked before any is written, so a refusal leaves the folder as it was.
  for (const name of names) guardOutput(path.join(outDir, name), force);
  fs.mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  for (const seed of SEED_BUDGETS) {
    const sample = sampleFromSeed(seed);
    const specs = [...(Object.keys(sample.data) as SpecId[]), ...(sample.projects.length ? (['project'] as SpecId[]) : [])];
    const plans = planWorkbook({ ctx: sample.ctx, data: sample.data, projects: sample.projects, specs, options: { subtotals } });
    const wb = await workbookFromPlans(plans);
    const file = path.join(outDir, `${seed.id}.xlsx`);
    await wb.xlsx.writeFile(file);
    files.push(file);
    log(`已生成 ${file}：${seed.year}年 ${seed.org}，${plans.length} 张工作表`);
    for (const m of sample.missing) log(`  原文缺失：${m.table} ${m.where}（${m.reason}），单元格留空`);
  }
  for (const s of FORM_SAMPLES) {
    const plans = subtotals === 'values' ? s.plans().map(withBudgetValues) : s.plans();
    const file = path.join(outDir, s.file);
    await (await workbookFromPlans(plans)).xlsx.writeFile(file);
    files.push(file);
    log(`已生成 ${file}：${s.describe}，${plans.length} 张工作表`);
  }
  return files;
}

export async function runTemplate(flags: Record<string, string>, log: (s: string) => void): Promise<string> {
  const level = flags.level as BudgetLevel;
  if (level !== 'unit' && level !== 'department') throw new UsageError('--level 应为 unit（单位）或 department（部门）');
  const org = flags.org?.trim();
  if (!org) throw new UsageError('--org 缺少编制单位/部门名称，如 --org 上海市社会保障卡服务中心');
  const year = Number(flags.year);
  if (!/^\d{4}$/.test(flags.year ?? '') || year < YEARS.min || year > YEARS.max) {
    throw new UsageError(`--year 应为 ${YEARS.min}–${YEARS.max} 之间的四位年份，如 2026（收到“${flags.year ?? ''}”）`);
  }
  const out = flags.out;
  if (!out || !out.toLowerCase().endsWith('.xlsx')) throw new UsageError('--out 应为 .xlsx 文件路径，如 --out 2026预算.xlsx');
  const subtotalFormula = flags.subtotals ?? 'standard';
  if (subtotalFormula !== 'standard' && subtotalFormula !== 'rollup') throw new UsageError('--subtotals 应为 standard（标准函数，任何电子表格都能计算）或 rollup（BUDGET.ROLLUP，需加载项）');
  const known = [...specsForLevel(level).map((s) => s.id as string), 'project'];
  let specs: SpecId[] | undefined;
  if (flags.tables !== undefined) {
    const wanted = flags.tables.split(',').map((t) => t.trim()).filter(Boolean);
    const unknown = wanted.filter((t) => !known.includes(t));
    const which = level === 'unit' ? '单位' : '部门';
    if (unknown.length) throw new UsageError(`--tables 中的 ${unknown.join('、')} 不是${which}的表；可选：${known.join(',')}（各 id 的名称见 budget-tables template --help）`);
    if (wanted.length === 0) throw new UsageError(`--tables 没有列出任何表；可选：${known.join(',')}`);
    specs = wanted as SpecId[];
  }
  const tier = parseTier(flags.tier);
  guardOutput(out, flags.force === 'true');
  const plans = planWorkbook({ ctx: { level, org, year, ...(tier ? { tier } : {}) }, specs, options: { subtotalFormula } });
  const wb = await workbookFromPlans(plans);
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  await wb.xlsx.writeFile(out);
  log(`已生成 ${out}：${plans.map((p) => p.name).join('、')}`);
  return out;
}
