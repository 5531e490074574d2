import { Money } from '../../../src/core/money';
import { needsReason, needsReasonScaled } from '../../../src/core/previous/compare';

/**
 * needsReasonScaled decides in doubles only where Decimal's needsReason would say the same:
 * every answer it gives is checked against needsReason on the same figures (scaled back), and
 * figures on the rounding edge of the threshold are left to Decimal.
 */
const m = (x: number | string) => new Money(x);

/** A deterministic stream of numbers in [0, 1) (no Math.random: a failure must replay). */
function stream(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function decimal(previous: number, current: number, scale: number, threshold: Money): boolean {
  const unit = m(10).pow(-scale);
  return needsReason(m(previous).times(unit), m(current).times(unit), threshold);
}

describe('needsReasonScaled', () => {
  test('agrees with needsReason wherever it answers', () => {
    const next = stream(2021);
    let answered = 0;
    for (let i = 0; i < 20000; i++) {
      const digits = 1 + Math.floor(next() * 15);
      const previous = Math.floor(next() * 10 ** digits) * (next() < 0.1 ? -1 : 1);
      // changes clustered around ±10 % (the default threshold) and spread wide
      const rate = next() < 0.5 ? 0.1 + (next() - 0.5) * 0.002 : (next() - 0.5) * 4;
      const current = Math.round(previous * (1 + (next() < 0.5 ? rate : -rate)));
      const scale = Math.floor(next() * 4);
      const threshold = next() < 0.8 ? m(10) : m((Math.floor(next() * 3000) / 100).toFixed(2));
      const fast = needsReasonScaled(previous, current, threshold.toNumber());
      if (fast === null) continue;
      answered++;
      expect([previous, current, scale, threshold.toFixed(), fast]).toEqual([previous, current, scale, threshold.toFixed(), decimal(previous, current, scale, threshold)]);
    }
    expect(answered).toBeGreaterThan(15000);
  });

  test('the rounding edge goes to Decimal; clear rates are answered', () => {
    // 10.005 % rounds to 10.01, 9.995 % to 10.00: both need a reason at 10 %, and both are left to Decimal
    expect(needsReasonScaled(200000, 220010, 10)).toBeNull();
    expect(needsReasonScaled(200000, 219990, 10)).toBeNull();
    expect(needsReason(m(2000), m('2199.90'))).toBe(true);
    // 9.996 % rounds to 10.00 (a reason, left to Decimal); 9.994 % is below 9.995, so it rounds below 10 whatever its last digits
    expect(needsReasonScaled(1000000, 1099960, 10)).toBeNull();
    expect(needsReason(m(10000), m('10999.60'))).toBe(true);
    expect(needsReasonScaled(1000000, 1099940, 10)).toBe(false);
    expect(needsReason(m(10000), m('10999.40'))).toBe(false);
    expect(needsReasonScaled(100, 111, 10)).toBe(true);
    expect(needsReasonScaled(100, 89, 10)).toBe(true);
    expect(needsReasonScaled(100, 109, 10)).toBe(false);
    expect(needsReasonScaled(-100, -95, 10)).toBe(false);
    expect(needsReasonScaled(0, 5, 10)).toBe(true);
    expect(needsReasonScaled(0, 0, 10)).toBe(false);
  });

  test('figures beyond 2^53 and thresholds that are not numbers go to Decimal', () => {
    expect(needsReasonScaled(2 ** 53, 1, 10)).toBeNull();
    expect(needsReasonScaled(2 ** 52, -(2 ** 52), 10)).toBeNull();
    expect(needsReasonScaled(100, 150, NaN)).toBeNull();
    expect(needsReasonScaled(1.5, 3, 10)).toBeNull();
  });
});
