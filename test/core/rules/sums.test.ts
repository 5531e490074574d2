import { Money, ZERO } from '../../../src/core/money';
import { sumOf } from '../../../src/core/rules/sums';

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
