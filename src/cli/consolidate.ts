import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { Catalog } from '../core/catalog/catalog';
import { consolidate, ConsolidationRefused } from '../core/consolidate/consolidate';
import { consolidationPlans, errorNotice } from '../core/consolidate/plans';
import { figureId, figuresOf } from '../core/consolidate/figures';
import type { Consolidation, UnitWorkbook } from '../core/consolidate/types';
import { formatAmount, type Money } from '../core/money';
import { readWorkbook } from '../xlsx/reader';
import { workbookFromPlans } from '../xlsx/writer';
import type { Tier } from '../core/tier';
import { YEARS } from './args';
import { parseTier } from './tier-option';
import { expandInputs, UnreadableFile } from './inputs';
import { readUnitFile } from './read-unit';
import type { Outcome } from './run-check';
import { guardOutput } from './outputs';
import { plain, safeMessage } from './terminal';

/** `budget-tables consolidate` as parsed: unit files or folders, the department, year and output. */
export interface ConsolidateOptions {
  units: string[];
  department: string;
  year: number;
  out: string;
  allowErrors: boolean;
  /** 财政级次 of the department's wording (名词解释) */
  tier?: Tier;
  /** replace an existing --out */
  force: boolean;
  /** `--jobs`: threads reading the units (undefined: as check decides without --jobs) */
  jobs?: number;
}

/** What the clerk typed wrong, in one line; the command exits 2. */
export class ConsolidateInputError extends Error {}

export function consolidateOptions(flags: Record<string, string>, files: string[]): ConsolidateOptions {
  const department = flags.department?.trim();
  if (!department) throw new ConsolidateInputError('--department 缺少部门名称，如 --department 上海市公安局');
  const year = Number(flags.year);
  if (!/^\d{4}$/.test(flags.year ?? '') || year < YEARS.min || year > YEARS.max) {
    throw new ConsolidateInputError(`--year 应为 ${YEARS.min}–${YEARS.max} 之间的四位年份，如 2026（收到“${plain(flags.year ?? '')}”）`);
  }
  const out = flags.out;
  if (!out || !out.toLowerCase().endsWith('.xlsx')) throw new ConsolidateInputError('--out 应为 .xlsx 文件路径，如 --out 部门预算.xlsx');
  if (files.length === 0) throw new ConsolidateInputError('consolidate 需要至少一个单位工作簿或文件夹，如 budget-tables consolidate 单位1.xlsx 单位2.xlsx …');
  let tier: Tier | undefined;
  try {
    tier = parseTier(flags.tier);
  } catch (e) {
    throw new ConsolidateInputError((e as Error).message);
  }
  let jobs: number | undefined;
  if (flags.jobs !== undefined) {
    if (!/^\d+$/.test(flags.jobs) || Number(flags.jobs) < 1 || Number(flags.jobs) > 256) throw new ConsolidateInputError(`--jobs 应为 1 到 256 之间的整数（收到“${plain(flags.jobs)}”）`);
    jobs = Number(flags.jobs);
  }
  return { units: files, department, year, out, allowErrors: flags['allow-errors'] === 'true', force: flags.force === 'true', ...(jobs ? { jobs } : {}), ...(tier ? { tier } : {}) };
}

/**
 * Reads unit workbooks (files, or the .xlsx files in folders), each with its own 科目目录: on
 * worker threads (the check pool, this thread taking part) when the files are big enough to
 * pay for them (run-check.ts planThreads), in input order either way.
 */
export async function readUnitFiles(inputs: string[], jobs?: number): Promise<UnitWorkbook[]> {
  const files = expandInputs(inputs);
  if (files.length === 0) throw new ConsolidateInputError(`${inputs.join('、')} 中没有 .xlsx 文件`);
  const { checkOnWorkers, parseJobs, planThreads, workerScript } = await import('./run-check');
  const threads = jobs ? Math.min(jobs, files.length) : planThreads(files, parseJobs(undefined));
  const script = threads > 1 ? workerScript() : null;
  const here = async (file: string) => {
    try {
      return { file, unit: await readUnitFile(file) };
    } catch (e) {
      if (!(e instanceof UnreadableFile)) throw e;
      return { file, unreadable: e.message };
    }
  };
  const out: Outcome[] = new Array(files.length);
  if (script) await checkOnWorkers(files, threads, script, (i, o) => (out[i] = o), here, true);
  else for (let i = 0; i < files.length; i++) out[i] = await here(files[i]);
  // The first unit that cannot be read, in input order, stops consolidation (as before).
  const bad = out.find((o) => o.unit === undefined);
  if (bad) throw new ConsolidateInputError(bad.unreadable ?? `无法读取单位工作簿 ${bad.file}`);
  return out.map((o) => o.unit!);
}

/** `--units DIR|FILE[,FILE…]` of `check`: the units a department is checked against. */
export async function unitsForCheck(arg: string | undefined): Promise<UnitWorkbook[] | undefined> {
  if (arg === undefined) return undefined;
  return readUnitFiles(arg.split(',').map((s) => s.trim()).filter(Boolean));
}

const SHARES_IN_NOTE = 10;

/**
 * Each department figure's cell gets a note naming its units' shares (biggest first), so a
 * reviewer in Excel sees where a figure came from without opening 分单位明细.
 */
export function noteShares(wb: ExcelJS.Workbook, c: Consolidation): number {
  const cells = new Map<string, { sheet: string; cell: string }>();
  for (const f of figuresOf(readWorkbook(wb).sheets, 'department')) if (f.sheet && f.cell) cells.set(figureId(f), { sheet: f.sheet, cell: f.cell });
  let noted = 0;
  for (const line of c.breakdown.lines) {
    const at = cells.get(figureId(line));
    if (!at) continue;
    const shares = line.shares
      .map((m, i) => ({ unit: c.breakdown.units[i], m }))
      .filter((x): x is { unit: string; m: Money } => x.m !== null)
      .sort((a, b) => b.m.abs().comparedTo(a.m.abs()));
    const unit = line.table === 'T9' ? '万元' : '元';
    const text = shares.slice(0, SHARES_IN_NOTE).map((x) => `${x.unit}：${formatAmount(x.m)} ${unit}`);
    if (shares.length > SHARES_IN_NOTE) text.push(`……等 ${shares.length} 家，见“分单位明细”`);
    wb.getWorksheet(at.sheet)!.getCell(at.cell).note = `所属单位：\n${text.join('\n')}`;
    noted++;
  }
  return noted;
}

/**
 * Consolidates the units into the department workbook. Exit 0 when written, 1 when refused
 * (each unit's problem listed with its cell), 2 when the input is wrong.
 */
export async function runConsolidate(o: ConsolidateOptions, log: (s: string) => void): Promise<number> {
  guardOutput(o.out, o.force, expandInputs(o.units));
  const units = await readUnitFiles(o.units, o.jobs);
  let c;
  try {
    c = consolidate(units, { department: o.department, year: o.year, catalog: Catalog.builtIn(), allowErrors: o.allowErrors, ...(o.tier ? { tier: o.tier } : {}) });
  } catch (e) {
    if (!(e instanceof ConsolidationRefused)) throw e;
    console.error(`未汇总：${safeMessage(e.message)}`);
    console.error('请先改正上述问题；如确要照现状汇总，加 --allow-errors（结果首页会列出有错误的单位）。');
    return 1;
  }
  const wb = await workbookFromPlans(consolidationPlans(c));
  noteShares(wb, c);
  fs.mkdirSync(path.dirname(path.resolve(o.out)), { recursive: true });
  await wb.xlsx.writeFile(o.out);
  log(`已生成 ${plain(o.out)}：${o.year}年 ${plain(o.department)}，汇总 ${c.units.length} 个单位（${plain(c.units.join('、'))}），分单位明细 ${c.breakdown.lines.length} 行`);
  for (const line of errorNotice(c)) log(`  ${safeMessage(line)}`);
  for (const p of c.problems) log(`  提示：${safeMessage(p.message)}`);
  for (const n of c.notes) log(`  说明：${safeMessage(n)}`);
  return 0;
}

/** The command as `main` calls it: its own input errors are one line and exit 2. */
export async function consolidateCommand(flags: Record<string, string>, files: string[], log: (s: string) => void): Promise<number> {
  try {
    return await runConsolidate(consolidateOptions(flags, files), log);
  } catch (e) {
    if (!(e instanceof ConsolidateInputError)) throw e;
    console.error(`错误：${plain(e.message)}`);
    return 2;
  }
}
