import Decimal from 'decimal.js';
import type { ModelSheet } from '../model';
import { formatAmount, type Money } from '../money';
import { DEFAULT_THRESHOLD } from '../previous/compare';
import { draftFigures, type DraftFigures } from './figures';

/** Last year's figures as the draft needs them, and the threshold above which a change needs its reason. */
export interface Previous {
  figures: DraftFigures;
  /** percent points */
  threshold: Money;
}

export function previousOf(sheets: readonly ModelSheet[], threshold: Money = DEFAULT_THRESHOLD): Previous {
  return { figures: draftFigures(sheets), threshold };
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
