import * as fs from 'fs';
import * as path from 'path';
import { planWorkbook, specsForLevel } from '../core/plan/workbook';
import { sampleFromSeed } from '../core/sample';
import { SEED_BUDGETS } from '../core/sample-seeds';
import type { BudgetLevel, SpecId } from '../core/specs/types';
import { workbookFromPlans } from '../xlsx/writer';
import { checkFile, expandInputs, formatText, UnreadableFile } from './check';
import { ConsolidateInputError, consolidateCommand, unitsForCheck } from './consolidate';
import { FORM_SAMPLES, FormsInputError, runBudgetForms, runForms, withBudgetValues } from './forms';

/**
 * `budget-tables` on the command line. Every failure is one line saying what is wrong and
 * what to do, never a stack trace.
 */
export class UsageError extends Error {}

const USAGE = `用法 / usage:
  budget-tables sample [--out DIR] [--subtotals values|formulas]
      为每份种子预算生成一个填好数据的工作簿（模板版式），另有 2021 年绩效自评表与 2026 年绩效目标申报表各一个工作簿。
      类、款、合计行与执行率默认填公布数（values）；formulas 则写 BUDGET 公式（需在装有本加载项的 Excel 中打开）。
      Writes one filled workbook per seed budget, in the template layout, and the seeds' performance forms
      (2021 self-evaluations, 2026 target forms) as two more workbooks (default DIR: ./sample-output).
      Subtotal rows and 执行率 hold the published figures (values, the default) or BUDGET formulas.
  budget-tables template --level unit|department --org NAME --year YYYY --out FILE.xlsx [--tables T1,T2,…]
      生成空白模板工作簿 / writes an empty template workbook.
  budget-tables forms [--out DIR]
      生成种子中的绩效表：10 张 2026 年绩效目标申报表与 10 张 2021 年绩效自评表，合为一个工作簿。
      Writes one workbook with the seeds' ten 2026 target forms and ten 2021 self-evaluations (default DIR: ./sample-output).
  budget-tables forms --from BUDGET.xlsx [--projects all|"名称1,名称2"] [--self-evaluation] [--statement] [--summary] [--department 名] --out DIR
      按预算工作簿 U2 表中的项目生成预填的绩效目标申报表（及自评表、项目经费情况说明、绩效目标汇总表），
      写为 DIR/<单位>-绩效表.xlsx；项目名称以逗号分隔，找不到的项目名称退出码 2。
      Writes prefilled performance forms for the U2 projects of a budget workbook; unknown project names exit 2.
  budget-tables check FILE.xlsx|DIR … [--format text|json] [--units DIR|FILE[,FILE…]]
      校验工作簿：表内、表间勾稽关系，科目编码与名称。退出码 0 无错误，1 有错误，2 文件无法读取。
      --units：核对部门各数是否等于所属单位之和（部门工作簿含“分单位明细”时不给也核对）。
      Validates workbooks; exit 0 when there is no 错误, 1 when there is, 2 when a file cannot be read.
  budget-tables consolidate UNIT.xlsx|DIR … --department 名称 --year YYYY --out DEPT.xlsx [--allow-errors]
      将所属单位工作簿汇总为部门预算表（T1–T9 与分单位明细）；单位有错误等问题时不汇总（退出码 1），除非 --allow-errors。
      Sums unit workbooks into the department's tables and a 分单位明细 sheet; refuses units with problems unless --allow-errors.
  budget-tables help`;

/** Flags that take no value, per command. */
const SWITCHES: Record<string, string[]> = { forms: ['self-evaluation', 'statement', 'summary'], consolidate: ['allow-errors'] };

export function parseArgs(argv: string[]): { command: string; flags: Record<string, string>; files: string[] } {
  const [command = 'help', ...rest] = argv;
  const flags: Record<string, string> = {};
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('--')) {
      if (command === 'check' || command === 'consolidate') {
        files.push(a);
        continue;
      }
      throw new UsageError(`不认识的参数“${a}”（参数以 -- 开头，如 --out）`);
    }
    const key = a.slice(2);
    if (SWITCHES[command]?.includes(key)) {
      flags[key] = 'true';
      continue;
    }
    const value = rest[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`参数 --${key} 缺少取值`);
    flags[key] = value;
    i++;
  }
  return { command, flags, files };
}

export async function runSample(outDir: string, log: (s: string) => void, subtotals: 'values' | 'formulas' = 'values'): Promise<string[]> {
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
  if (!/^\d{4}$/.test(flags.year ?? '')) throw new UsageError(`--year 应为四位年份，如 2026（收到“${flags.year ?? ''}”）`);
  const out = flags.out;
  if (!out || !out.toLowerCase().endsWith('.xlsx')) throw new UsageError('--out 应为 .xlsx 文件路径，如 --out 2026预算.xlsx');
  const known = specsForLevel(level).map((s) => s.id as string);
  let specs: SpecId[] | undefined;
  if (flags.tables) {
    const wanted = flags.tables.split(',').map((t) => t.trim()).filter(Boolean);
    const unknown = wanted.filter((t) => !known.includes(t) && t !== 'project');
    if (unknown.length) throw new UsageError(`--tables 中的 ${unknown.join('、')} 不是${level === 'unit' ? '单位' : '部门'}的表；可选：${known.join(',')},project`);
    specs = wanted as SpecId[];
  }
  const plans = planWorkbook({ ctx: { level, org, year: Number(flags.year) }, specs });
  const wb = await workbookFromPlans(plans);
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  await wb.xlsx.writeFile(out);
  log(`已生成 ${out}：${plans.map((p) => p.name).join('、')}`);
  return out;
}

export async function runCheck(inputs: string[], format: string, log: (s: string) => void, unitsArg?: string): Promise<number> {
  if (format !== 'text' && format !== 'json') throw new UsageError('--format 应为 text 或 json');
  if (inputs.length === 0) throw new UsageError('check 需要至少一个 .xlsx 文件或文件夹，如 budget-tables check 2026预算.xlsx');
  const files = expandInputs(inputs);
  if (files.length === 0) throw new UsageError(`${inputs.join('、')} 中没有 .xlsx 文件`);
  let worst = 0;
  const reports = [];
  const units = await unitsForCheck(unitsArg).catch((e: Error) => {
    throw e instanceof ConsolidateInputError ? new UsageError(e.message) : e;
  });
  for (const file of files) {
    try {
      const r = await checkFile(file, units);
      reports.push(r);
      if (!r.ready) worst = Math.max(worst, 1);
      if (format === 'text') log(files.length > 1 ? formatText(r).split('\n')[0] : formatText(r));
    } catch (e) {
      if (!(e instanceof UnreadableFile)) throw e;
      worst = 2;
      if (format === 'text') console.error(`无法读取 ${e.message}`);
      else reports.push({ file, error: e.message.slice(file.length + 1) });
    }
  }
  if (format === 'json') {
    const out = reports.map((r) => ('error' in r && typeof r.error === 'string' ? r : { file: r.file, ready: (r as { ready: boolean }).ready, findings: (r as { findings: unknown }).findings, counts: (r as { counts: unknown }).counts }));
    log(JSON.stringify(files.length === 1 ? out[0] : out, null, 2));
  }
  return worst;
}

export async function main(argv: string[], log: (s: string) => void = console.log): Promise<number> {
  try {
    const { command, flags, files } = parseArgs(argv);
    switch (command) {
      case 'sample': {
        const subtotals = flags.subtotals ?? 'values';
        if (subtotals !== 'values' && subtotals !== 'formulas') throw new UsageError('--subtotals 应为 values（公布数）或 formulas（BUDGET.ROLLUP 公式）');
        await runSample(flags.out ?? 'sample-output', log, subtotals);
        return 0;
      }
      case 'forms':
        if (flags.from === undefined) {
          for (const f of ['projects', 'self-evaluation', 'statement', 'summary', 'department']) {
            if (flags[f] !== undefined) throw new UsageError(`--${f} 需要与 --from 预算工作簿一起使用`);
          }
          await runForms(flags.out ?? 'sample-output', log);
          return 0;
        }
        if (!flags.out) throw new UsageError('--out 缺少输出文件夹，如 --out 绩效表');
        try {
          await runBudgetForms(
            {
              from: flags.from,
              outDir: flags.out,
              projects: flags.projects,
              selfEvaluation: flags['self-evaluation'] === 'true',
              statement: flags.statement === 'true',
              summary: flags.summary === 'true',
              department: flags.department,
            },
            log,
          );
        } catch (e) {
          if (e instanceof FormsInputError) throw new UsageError(e.message);
          throw e;
        }
        return 0;
      case 'template':
        await runTemplate(flags, log);
        return 0;
      case 'check':
        return await runCheck(files, flags.format ?? 'text', log, flags.units);
      case 'consolidate':
        return await consolidateCommand(flags, files, log);
      case 'help':
      case '--help':
      case '-h':
        log(USAGE);
        return 0;
      default:
        throw new UsageError(`不认识的命令“${command}”\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`错误：${e.message}`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && err.code && err.path) {
      console.error(`错误：无法写入 ${err.path}（${err.code}）`);
      return 2;
    }
    console.error(`错误：${(e as Error).message ?? String(e)}`);
    return 1;
  }
}
