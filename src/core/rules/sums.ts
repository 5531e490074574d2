import { Money, wholeNumber, ZERO } from '../money';

/**
 * The exact sum of figures, a blank being zero: what `values.reduce((s, m) => s.plus(v(m)), ZERO)`
 * gives. When every figure is a whole number and all of them together stay far below 2^53, the
 * sum is made in doubles (exact there: every partial sum is an integer below 2^53) and turned
 * into one Money; else in Decimal. A small workbook's rules spent most of their time in one
 * Decimal plus per figure, run cold. Equal values either way: Decimal keeps whole numbers of
 * fewer than 40 digits exactly, and a zero sum is +0 both ways (a Decimal sum from ZERO is
 * never −0, nor is a double sum from 0).
 */
export function sumOf(values: readonly (Money | null | undefined)[]): Money {
  let n = 0;
  let magnitude = 0;
  for (let i = 0; i < values.length; i++) {
    const m = values[i];
    if (m === null || m === undefined) continue;
    const w = wholeNumber(m);
    if (w === null) return decimalSum(values);
    n += w;
    magnitude += Math.abs(w);
  }
  if (magnitude > 2 ** 51) return decimalSum(values);
  return n === 0 ? ZERO : new Money(n);
}

function decimalSum(values: readonly (Money | null | undefined)[]): Money {
  let s = ZERO;
  for (const m of values) s = s.plus(m ?? ZERO);
  return s;
}
