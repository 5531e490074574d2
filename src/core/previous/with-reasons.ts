import type { ComparisonData, ModelSheet } from '../model';
import type { Money } from '../money';
import { compareBudgets, DEFAULT_THRESHOLD, type Comparison } from './compare';

/**
 * What the CLI's `draft --previous`/`compare` and the pane's 起草说明 share when last year's
 * workbook comes in: the threshold in force, the comparison that keeps the reasons a person
 * already typed, and the budget year each workbook is for.
 */

/** The threshold given, else the one typed in the workbook's 上年对比 sheet (C3), else 10 %. */
export function thresholdFor(given: Money | null, current: readonly ModelSheet[]): Money {
  if (given) return given;
  const c = current.find((s) => s.data.kind === 'comparison')?.data as ComparisonData | undefined;
  return c?.threshold ?? DEFAULT_THRESHOLD;
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

/** The budget year a workbook's tables state (T1–T9, U1–U2), if any does. */
export function budgetYearOf(sheets: readonly ModelSheet[]): number | undefined {
  return sheets.find((x) => /^[TU]\d$/.test(x.specId) && x.context.year !== undefined)?.context.year;
}
