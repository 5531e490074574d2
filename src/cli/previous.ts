import type { ComparisonData, ModelSheet } from '../core/model';
import { Money } from '../core/money';
import { compareBudgets, DEFAULT_THRESHOLD, type Comparison } from '../core/previous/compare';
import { readWorkbookFile, WorkbookReadError } from '../xlsx/reader';
import { UsageError } from './args';
import { plain } from './terminal';

/** `--previous` and `--threshold`, shared by `draft` and `compare`. */

export function parseThreshold(raw: string | undefined): Money | null {
  if (raw === undefined) return null;
  const t = raw.trim().replace(/[%％]$/, '');
  if (!/^\d+(\.\d+)?$/.test(t) || Number(t) > 1000) throw new UsageError(`--threshold 应为 0–1000 之间的百分数，如 --threshold 10（收到“${plain(raw)}”）`);
  return new Money(t);
}

/**
 * The threshold: `--threshold` when given, else the one typed in the workbook's 上年对比 sheet
 * (C3), else 10 %.
 */
export function thresholdFor(flag: Money | null, current: readonly ModelSheet[]): Money {
  if (flag) return flag;
  const c = current.find((s) => s.data.kind === 'comparison')?.data as ComparisonData | undefined;
  return c?.threshold ?? DEFAULT_THRESHOLD;
}

/** A workbook's read sheets, with a missing or unreadable file said in one line. */
export async function readSheets(file: string, what: string): Promise<ModelSheet[]> {
  try {
    return (await readWorkbookFile(file)).sheets;
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new UsageError(`${what} ${file}：${e.message}`);
    const err = e as NodeJS.ErrnoException;
    if (err?.code === 'ENOENT') throw new UsageError(`找不到${what} ${file}`);
    throw e;
  }
}

/**
 * The comparison of this year's sheets with last year's, each 原因 a person already gave in
 * the workbook's 上年对比 sheet kept on its row (by the row's key), so a comparison made again
 * loses nothing that was typed.
 */
export function comparisonWithReasons(previous: readonly ModelSheet[], current: readonly ModelSheet[], threshold: Money): Comparison {
  const c = compareBudgets(previous, current, threshold);
  const before = current.find((s) => s.data.kind === 'comparison')?.data as ComparisonData | undefined;
  if (!before) return c;
  const reasons = new Map(before.rows.filter((r) => r.reason).map((r) => [r.key, r.reason]));
  return { ...c, rows: c.rows.map((r) => (reasons.has(r.key) ? { ...r, reason: reasons.get(r.key)! } : r)) };
}

/** Does the budget year of the previous workbook come before this one's? A one-line reason when not. */
export function checkYears(previous: readonly ModelSheet[], current: readonly ModelSheet[], file: string): void {
  const year = (s: readonly ModelSheet[]) => s.find((x) => /^[TU]\d$/.test(x.specId) && x.context.year !== undefined)?.context.year;
  const p = year(previous);
  const c = year(current);
  if (p !== undefined && c !== undefined && p >= c) throw new UsageError(`--previous ${file} 是 ${p} 年预算，不早于本年 ${c} 年；请给上一年度的工作簿`);
}
