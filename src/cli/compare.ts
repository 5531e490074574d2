import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { formatAmount, type Money } from '../core/money';
import { planComparison } from '../core/plan/comparison';
import type { Comparison, ComparisonRow } from '../core/previous/compare';
import { addPlannedSheet } from '../xlsx/writer';
import { UsageError } from './args';
import { guardOutput } from './outputs';
import { checkYears, comparisonWithReasons, parseThreshold, readSheets, thresholdFor } from './previous';
import { plain, safeMessage } from './terminal';

/**
 * `budget-tables compare FILE.xlsx --previous LAST.xlsx [--threshold 10] [--out OUT.xlsx]
 * [--format text] [--force]`: this year's budget beside last year's. With --out, a copy of FILE
 * with the 上年对比 sheet added (the input is never written); otherwise the rows needing a
 * reason are printed.
 */
export interface CompareOptions {
  file: string;
  previous: string;
  /** null: the workbook's 上年对比 threshold, else 10 */
  threshold: Money | null;
  out: string | null;
  text: boolean;
  force: boolean;
}

export function compareOptions(flags: Record<string, string>, files: string[]): CompareOptions {
  if (files.length !== 1) throw new UsageError(`compare 需要一个本年预算工作簿，如 budget-tables compare 2026预算.xlsx --previous 2025预算.xlsx（收到 ${files.length} 个）`);
  const previous = flags.previous;
  if (!previous) throw new UsageError('compare 需要 --previous 上年预算工作簿，如 --previous 2025预算.xlsx');
  if (!/\.xlsx$/i.test(previous)) throw new UsageError('--previous 应为上年预算工作簿（.xlsx），如 --previous 2025预算.xlsx');
  const format = flags.format;
  if (format !== undefined && format !== 'text') throw new UsageError(`--format 只能是 text（收到“${plain(format)}”）`);
  const out = flags.out ?? null;
  if (out !== null && !out.toLowerCase().endsWith('.xlsx')) throw new UsageError('--out 应为 .xlsx 文件路径，如 --out 2026预算-上年对比.xlsx');
  return { file: files[0], previous, threshold: parseThreshold(flags.threshold), out, text: format === 'text' || out === null, force: flags.force === 'true' };
}

function rate(r: ComparisonRow): string {
  return r.rate === null ? '上年为 0' : `${r.rate.toFixed(2)}%`;
}

function describe(r: ComparisonRow): string {
  const what = [r.code, r.label, r.column && r.column !== '合计' ? r.column : null].filter(Boolean).join(' ');
  const d = r.unit === '万元' ? 2 : undefined;
  const sign = r.change.isNegative() ? '' : '+';
  return `  ${what}：上年 ${formatAmount(r.previous, d)}，本年 ${formatAmount(r.current, d)} ${r.unit}，增减 ${sign}${formatAmount(r.change, d)}（${rate(r)}）${r.reason ? `，原因：${r.reason}` : ''}`;
}

export function printComparison(c: Comparison, log: (s: string) => void): void {
  const needed = c.rows.filter((r) => r.reasonRequired);
  log(safeMessage(`${c.year ?? ''}年预算与${c.previousYear ?? ''}年预算对比：${c.rows.length} 项，增减率达到 ${c.threshold.toFixed()}% 或上年为 0 须说明原因的 ${needed.length} 项`));
  for (const r of needed) log(safeMessage(describe(r)));
}

export async function runCompare(o: CompareOptions, log: (s: string) => void): Promise<number> {
  if (o.out !== null) guardOutput(o.out, o.force, [o.file, o.previous]);
  const current = await readSheets(o.file, '文件');
  const previous = await readSheets(o.previous, '上年工作簿');
  checkYears(previous, current, o.previous);
  const c = comparisonWithReasons(previous, current, thresholdFor(o.threshold, current));
  if (o.text) printComparison(c, log);
  if (o.out !== null) {
    const org = c.org;
    if (org === null || c.year === null) throw new UsageError(`${o.file} 中读不到${org === null ? '编制单位' : '预算年度'}，无法写入上年对比表；可先不加 --out 查看`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(o.file);
    const sheet = await addPlannedSheet(wb, planComparison({ level: c.level, org, year: c.year }, c));
    fs.mkdirSync(path.dirname(path.resolve(o.out)), { recursive: true });
    await wb.xlsx.writeFile(o.out);
    const missing = c.rows.filter((r) => r.reasonRequired && !r.reason).length;
    log(`已生成 ${plain(o.out)}：新增 ${plain(sheet)}，${missing ? `${missing} 处增减须在“原因”栏填写` : '没有须说明原因的增减'}`);
  }
  return 0;
}

export async function compareCommand(flags: Record<string, string>, files: string[], log: (s: string) => void): Promise<number> {
  return runCompare(compareOptions(flags, files), log);
}
