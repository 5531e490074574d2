import type { PrintedUnit } from '../model';
import { formatAmount, Money, wholeNumber, ZERO } from '../money';
import type { CurrencyUnit } from '../specs/types';

/**
 * The one rounding rule of every comparison (domain.md §2, issue 11 point 2).
 *
 * A table printed in 元 is exact: its figures must add up to the 元 (and 分), no tolerance.
 * A table printed in 万元 rounds each cell on its own to the decimals it prints, so each
 * printed figure may be off its true value by at most half a unit of its last decimal
 * (0.005 万元 at two decimals). A comparison of printed figures may therefore differ by the
 * sum of those half units over every rounded figure involved (the stated one and each part
 * that is printed, blanks being exact zeros) and still be right; beyond it, it is wrong.
 * Between a 元 table and a 万元 table the comparison is made in 万元: the 元 side converted
 * exactly, only the 万元 side's figures counting as rounded.
 */
export interface Scale {
  unit: CurrencyUnit;
  /** decimals printed; only meaningful in 万元 */
  decimals: number;
}

export const YUAN: Scale = { unit: '元', decimals: 0 };
export const WAN_2: Scale = { unit: '万元', decimals: 2 };

/** A table's scale as read; data without one is in the unit its spec prints (`fallback`). */
export function scaleOf(data: PrintedUnit, fallback: CurrencyUnit = '元'): Scale {
  const unit = data.unit ?? fallback;
  return unit === '元' ? YUAN : { unit, decimals: data.decimals ?? 2 };
}

/** The most rounding can have moved one printed figure: 0 in 元, half a last unit in 万元. */
export function halfUnit(s: Scale): Money {
  if (s.unit === '元') return ZERO;
  // Every 万元 comparison asks it (a power and a division in Decimal): each is made once.
  let h = HALF_UNITS.get(s.decimals);
  if (h === undefined) HALF_UNITS.set(s.decimals, (h = new Money(5).div(new Money(10).pow(s.decimals + 1))));
  return h;
}

const HALF_UNITS = new Map<number, Money>();

/** The figures of a comparison that were printed (not blank): what may carry rounding. */
export function printed(...values: (Money | null | undefined)[]): number {
  let n = 0;
  for (const x of values) if (x !== null && x !== undefined) n++;
  return n;
}

/**
 * `a = b` (−1 when a < b, 1 when a > b, as Decimal's cmp): for two whole figures below 2^53 in
 * numbers, which are then exact (money.ts wholeNumber reads Decimal's words), else in Decimal.
 * Most comparisons of the rules are of whole 元, and Decimal's cmp copies its argument into a
 * new Decimal first: in a small workbook's cold run each cost as much as the rest of its check.
 */
function order(a: Money, b: Money): number {
  const x = wholeNumber(a);
  const y = x === null ? null : wholeNumber(b);
  if (x === null || y === null) return a.cmp(b);
  return x === y ? 0 : x < y ? -1 : 1;
}

/** Do `a` and `b`, both in `s`, agree once `rounded` printed figures may each be off by rounding? */
export function agree(a: Money, b: Money, rounded: number, s: Scale): boolean {
  // In 元 the allowance is zero: |a − b| ≤ 0 is a equal to b (a difference of two finite figures
  // is zero only when they are equal, and no figure is infinite), asked without making a − b.
  if (s.unit === '元') return order(a, b) === 0;
  return a.minus(b).abs().lte(rounded === 1 ? halfUnit(s) : halfUnit(s).times(rounded));
}

/** `1,234元` or `12.34万元`: a figure with the unit it is compared in. */
export function show(value: Money, s: Scale): string {
  if (s.unit === '元' || !value.isFinite()) return `${formatAmount(value)}${s.unit}`;
  return `${formatAmount(value, Math.max(s.decimals, value.decimalPlaces()))}万元`;
}

/** One side of a comparison across tables: its value in its own table's unit and how many printed figures made it. */
export interface Side {
  value: Money;
  scale: Scale;
  rounded: number;
}

export interface Compared {
  agree: boolean;
  /** both values and their difference in the unit compared in */
  a: Money;
  b: Money;
  scale: Scale;
}

function inWan(x: Money, s: Scale): Money {
  return s.unit === '元' ? x.div(10000) : x;
}

/**
 * What rounding may have moved one side: each of its printed figures' half unit (nothing in 元).
 * One figure's is the half unit itself, and a side without any adds nothing: no Decimal times
 * or plus for them (most comparisons across tables are of one figure each side).
 */
function rounding(s: Side): Money {
  if (s.scale.unit === '元' || s.rounded === 0) return ZERO;
  const half = halfUnit(s.scale);
  return s.rounded === 1 ? half : half.times(s.rounded);
}

function slackOf(a: Side, b: Side): Money {
  const x = rounding(a);
  const y = rounding(b);
  return x === ZERO ? y : y === ZERO ? x : x.plus(y);
}

/** Both sides in 万元, with their rounding together and the decimals the finding shows. */
function bothInWan(a: Side, b: Side): { x: Money; y: Money; slack: Money; scale: Scale } {
  const decimals = Math.max(a.scale.unit === '万元' ? a.scale.decimals : 0, b.scale.unit === '万元' ? b.scale.decimals : 0);
  return { x: inWan(a.value, a.scale), y: inWan(b.value, b.scale), slack: slackOf(a, b), scale: { unit: '万元', decimals } };
}

/** Two figures of two tables: in 元 when both are, else in 万元 with each side's rounding. */
export function compareSides(a: Side, b: Side): Compared {
  if (a.scale.unit === '元' && b.scale.unit === '元') return { agree: order(a.value, b.value) === 0, a: a.value, b: b.value, scale: YUAN };
  const w = bothInWan(a, b);
  return { agree: w.x.minus(w.y).abs().lte(w.slack), a: w.x, b: w.y, scale: w.scale };
}

/** `a ≥ b` with the same allowance: `a` may fall short of `b` by rounding alone. */
export function atLeast(a: Side, b: Side): Compared {
  if (a.scale.unit === '元' && b.scale.unit === '元') return { agree: order(a.value, b.value) >= 0, a: a.value, b: b.value, scale: YUAN };
  const w = bothInWan(a, b);
  return { agree: w.x.plus(w.slack).gte(w.y), a: w.x, b: w.y, scale: w.scale };
}

/** A table figure in 万元, exact (元 divided, 万元 as printed): what the narrative quotes. */
export function toWan(value: Money, s: Scale): Money {
  return inWan(value, s);
}
