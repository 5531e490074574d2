import { Money, ZERO } from '../../../src/core/money';
import { sumAgrees, sumOf } from '../../../src/core/rules/sums';
import { agree, printed, WAN_2, YUAN } from '../../../src/core/rules/tolerance';

const decimalSum = (xs: (Money | null | undefined)[]) => xs.reduce<Money>((s, m) => s.plus(m ?? ZERO), ZERO);

describe('sumOf', () => {
  it('sums whole figures to the Decimal sum, blanks as zero', () => {
    const xs = [new Money(444818547), null, new Money(-15147), undefined, new Money(0)];
    expect(sumOf(xs).toFixed()).toBe(decimalSum(xs).toFixed());
    expect(sumOf(xs).eq(new Money(444803400))).toBe(true);
  });

  it('keeps decimals and very large figures exact (in Decimal)', () => {
    const cents = [new Money('0.1'), new Money('0.2')];
    expect(sumOf(cents).toFixed()).toBe('0.3');
    const big = [new Money('9007199254740993'), new Money(1)];
    expect(sumOf(big).toFixed()).toBe('9007199254740994');
  });

  it('gives +0 for an empty or cancelling sum, as the Decimal sum does', () => {
    for (const xs of [[], [null], [new Money(5), new Money(-5)], [new Money('-0')]]) {
      const got = sumOf(xs);
      expect(got.isZero()).toBe(true);
      expect(got.isNegative()).toBe(decimalSum(xs).isNegative());
    }
  });
});

describe('sumAgrees', () => {
  /** What the checks asked before: agree on the Decimal sum, every printed figure counting. */
  const before = (parts: (Money | null)[], stated: Money | null, scale: typeof YUAN) => agree(decimalSum(parts), stated ?? ZERO, printed(stated, ...parts), scale);
  const figures = ['0', '1', '-1', '12345678', '4706', '9007199254740993', '0.5', '1.25', '-0', '2251799813685248'];

  it('answers as agree on the Decimal sum, in 元 and in 万元, for whole, decimal, huge and blank figures', () => {
    let n = 0;
    for (const a of [...figures, null]) {
      for (const b of [...figures, null]) {
        for (const c of [...figures, null]) {
          const parts = [a, b].map((x) => (x === null ? null : new Money(x)));
          const sums = [c === null ? null : new Money(c), decimalSum(parts), decimalSum(parts).plus('0.005'), decimalSum(parts).plus(1)];
          for (const stated of sums) {
            for (const scale of [YUAN, WAN_2]) {
              expect([a, b, stated?.toFixed(), scale.unit, sumAgrees(parts, stated, scale)]).toEqual([a, b, stated?.toFixed(), scale.unit, before(parts, stated, scale)]);
              n++;
            }
          }
        }
      }
    }
    expect(n).toBeGreaterThan(1000);
  });
});
