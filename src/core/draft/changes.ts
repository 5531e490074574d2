import Decimal from 'decimal.js';
import type { ComparisonData, ModelSheet } from '../model';
import { formatAmount, type Money } from '../money';
import { DEFAULT_THRESHOLD } from '../previous/compare';
import { draftFigures, type DraftFigures } from './figures';

/** Last year's figures as the draft needs them, and the threshold above which a change needs its reason. */
export interface Previous {
  figures: DraftFigures;
  /** percent points */
  threshold: Money;
  /** 原因 a person gave in the 上年对比 sheet, by row key (`T9:reception`): worded in, never invented */
  reasons?: ReadonlyMap<string, string>;
}

export function previousOf(sheets: readonly ModelSheet[], threshold: Money = DEFAULT_THRESHOLD, reasons?: ReadonlyMap<string, string>): Previous {
  return { figures: draftFigures(sheets), threshold, ...(reasons ? { reasons } : {}) };
}

/** The reasons typed in a workbook's 上年对比 sheet, by row key. */
export function reasonsIn(sheets: readonly ModelSheet[]): Map<string, string> {
  const c = sheets.find((s) => s.data.kind === 'comparison')?.data as ComparisonData | undefined;
  return new Map((c?.rows ?? []).filter((r) => r.reason?.trim()).map((r) => [r.key, r.reason!.trim().replace(/[。；;，,]+$/, '')]));
}

/**
 * `比2020年预算增加23.56万元`, `比2020年预算减少1,457万元` or `与2020年预算持平`, as the seeds
 * word it: the change of the exact figures, rounded half up to the decimals the sentence prints
 * its figure with (whole 万元 in the 预算编制说明, two decimals for “三公”); a change that rounds
 * to nothing is 持平.
 */
export function changeWords(prevYear: string, previous: Money, current: Money, decimals: 0 | 2): string {
  const change = current.minus(previous).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  if (change.isZero()) return `与${prevYear}年预算持平`;
  return `比${prevYear}年预算${change.isPositive() ? '增加' : '减少'}${formatAmount(change.abs(), decimals)}万元`;
}
