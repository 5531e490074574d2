import type { ModelSheet } from '../core/model';
import { Money } from '../core/money';
import { budgetYearOf } from '../core/previous/with-reasons';
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

/** The threshold: `--threshold` when given, else the workbook's 上年对比 (C3), else 10 %. */
export { thresholdFor, comparisonWithReasons } from '../core/previous/with-reasons';

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

/** Does the budget year of the previous workbook come before this one's? A one-line reason when not. */
export function checkYears(previous: readonly ModelSheet[], current: readonly ModelSheet[], file: string): void {
  const p = budgetYearOf(previous);
  const c = budgetYearOf(current);
  if (p !== undefined && c !== undefined && p >= c) throw new UsageError(`--previous ${file} 是 ${p} 年预算，不早于本年 ${c} 年；请给上一年度的工作簿`);
}
