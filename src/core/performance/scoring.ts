import Decimal from 'decimal.js';
import { Money, ZERO } from '../money';
import { parseTargetValue } from './targets';

/**
 * Scoring of 绩效自评表 as the seed forms score (domain.md §6):
 * - 执行率 = 全年执行数 / 全年预算数, shown as a percentage with two decimals; its 得分 is
 *   10 × 执行率, capped at 10, two decimals (98.27 % → 9.83);
 * - a quantitative indicator short of its target scores in proportion (89.5 % of a 20-point
 *   `=100%` target → 17.9), a `≤` target by target / actual, capped at the weight, one decimal
 *   as the forms print (96.78 % of 20 → 19.4); a zero target is met only by zero;
 * - a qualitative indicator scores its weight when met, half when “基本”-met (`健全` → `基本健全`,
 *   as every 2021 form of the seeds scores it), 0 when not;
 * - grade: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, otherwise 差.
 */
const HALF_UP = Decimal.ROUND_HALF_UP;

export function executionRate(budget: Money, executed: Money): Money | null {
  if (budget.isZero()) return null;
  return executed.div(budget).times(100).toDecimalPlaces(2, HALF_UP);
}

export function executionScore(ratePercent: Money, weight: Money = new Money(10)): Money {
  const score = weight.times(ratePercent).div(100);
  return Money.min(score, weight).toDecimalPlaces(2, HALF_UP);
}

export type IndicatorScore = { score: Money; basis: string } | { score: null; basis: string };

export function indicatorScore(target: string | null, actual: string | null, weight: Money): IndicatorScore {
  const t = parseTargetValue(target);
  if (t.kind === 'invalid') return { score: null, basis: t.reason };
  if (t.kind === 'phrase') {
    const a = (actual ?? '').trim();
    if (a === t.text) return { score: weight, basis: '定性指标已达成' };
    if (a === `基本${t.text}`) return { score: weight.div(2).toDecimalPlaces(1, HALF_UP), basis: `定性指标基本达成（“${a}”），得分减半` };
    return { score: ZERO, basis: `定性指标未达成（目标“${t.text}”，完成“${a}”）` };
  }
  // A completed value may be a bare number (`20`): it is what was done, no comparator needed.
  const done_ = (actual ?? '').trim();
  const a = parseTargetValue(/^[+-]?\d+(\.\d+)?$/.test(done_) ? `=${done_}` : done_);
  if (a.kind !== 'quantity') return { score: null, basis: `实际完成值“${actual ?? ''}”不是数量` };
  const target_ = t.value;
  const done = a.value;
  let ratio: Money;
  if (target_.isZero()) ratio = done.isZero() ? new Money(1) : ZERO;
  else if (t.comparator === '≤' || t.comparator === '<') ratio = done.isZero() ? new Money(1) : target_.div(done);
  else ratio = done.div(target_);
  const score = Money.min(weight, weight.times(ratio)).toDecimalPlaces(1, HALF_UP);
  return { score, basis: `完成${done.toFixed()}${a.unit}，目标${t.comparator}${target_.toFixed()}${t.unit}` };
}

export function grade(total: Money): '优' | '良' | '中' | '差' {
  if (total.gte(90)) return '优';
  if (total.gte(80)) return '良';
  if (total.gte(60)) return '中';
  return '差';
}
