import { Money, sum, wholeNumber, ZERO } from '../money';
import { agree, printed, type Scale } from './tolerance';

/**
 * The sum of whole figures in a double, a blank being zero: exact when every figure is a whole
 * number and all of them together stay far below 2^53 (every partial sum is then an integer
 * below 2^53); null when a figure is not whole or they are too large.
 */
export function wholeSum(values: readonly (Money | null | undefined)[]): number | null {
  let n = 0;
  let magnitude = 0;
  for (let i = 0; i < values.length; i++) {
    const m = values[i];
    if (m === null || m === undefined) continue;
    const w = wholeNumber(m);
    if (w === null) return null;
    n += w;
    magnitude += Math.abs(w);
  }
  return magnitude > 2 ** 51 ? null : n;
}

/**
 * The exact sum of figures, a blank being zero: what `values.reduce((s, m) => s.plus(v(m)), ZERO)`
 * gives. Made in doubles (wholeSum) when it is exact there, and turned into one Money; else in
 * Decimal. A small workbook's rules spent most of their time in one Decimal plus per figure, run
 * cold. Equal values either way: Decimal keeps whole numbers of fewer than 40 digits exactly,
 * and a zero sum is +0 both ways (a Decimal sum from ZERO is never −0, nor is a double sum from 0).
 */
export function sumOf(values: readonly (Money | null | undefined)[]): Money {
  const n = wholeSum(values);
  if (n === null) return sum(values);
  return n === 0 ? ZERO : new Money(n);
}

/**
 * Does the sum of `parts` agree with `stated` (tolerance.ts agree, every printed figure of
 * either counting as rounded)? In 元 with whole figures it is the double sum against the stated
 * figure (agree in 元 is equality, and both numbers are exact): no Money is made of a sum that
 * adds up, which most do (a Money of 10^7 or more is made by formatting and parsing the number).
 * Otherwise agree on sumOf, as the checks asked before.
 */
export function sumAgrees(parts: readonly (Money | null | undefined)[], stated: Money | null | undefined, scale: Scale): boolean {
  if (scale.unit === '元') {
    const n = wholeSum(parts);
    const s = stated === null || stated === undefined ? 0 : wholeNumber(stated);
    if (n !== null && s !== null) return n === s;
  }
  return agree(sumOf(parts), stated ?? ZERO, printed(stated, ...parts), scale);
}
