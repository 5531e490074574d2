import { formatAmount, Money, parseAmount, sum, wholeNumber, yuanToWan } from '../../src/core/money';

describe('exact money', () => {
  it('adds the seed figures that binary floating point gets wrong', () => {
    expect(549.3 + 173.9 + 335.5).not.toBe(1058.7);
    expect(sum([new Money('549.30'), new Money('173.90'), new Money('335.50')]).eq(new Money('1058.70'))).toBe(true);
  });

  it('converts 元 to 万元 half up', () => {
    expect(yuanToWan(new Money('47061988')).toFixed(2)).toBe('4706.20');
    expect(yuanToWan(new Money('12345')).toFixed(2)).toBe('1.23');
    expect(yuanToWan(new Money('12350')).toFixed(2)).toBe('1.24');
    expect(yuanToWan(new Money('-12350')).toFixed(2)).toBe('-1.24');
  });

  it('formats with thousands separators', () => {
    expect(formatAmount(new Money('4168809452'))).toBe('4,168,809,452');
    expect(formatAmount(new Money('-1234.5'), 2)).toBe('-1,234.50');
  });
});

describe('parseAmount', () => {
  it('reads blanks and dashes as nothing', () => {
    for (const v of [null, undefined, '', '  ', '—', '-', '－']) expect(parseAmount(v).kind).toBe('blank');
  });

  it('reads numbers, and text amounts flagged as text', () => {
    const n = parseAmount(1234.5);
    expect(n.kind === 'number' && n.value.toFixed(2) === '1234.50' && !n.fromText).toBe(true);
    const t = parseAmount('1,234.50');
    expect(t.kind === 'number' && t.value.toFixed(2) === '1234.50' && t.fromText && !t.fullWidth).toBe(true);
    const f = parseAmount('１２３');
    expect(f.kind === 'number' && f.value.toFixed() === '123' && f.fullWidth).toBe(true);
  });

  it('strips a binary tail from doubles Excel hands over', () => {
    const n = parseAmount(0.1 + 0.2);
    expect(n.kind === 'number' && n.value.toFixed()).toBe('0.3');
  });

  it('refuses what is not a number', () => {
    for (const v of ['12万', 'abc', '1,23,4', '#REF!', Infinity, true]) expect(parseAmount(v).kind).toBe('invalid');
  });
});

describe('wholeNumber (the rules’ whole-元 fast paths)', () => {
  it('is the exact number of every whole amount below 2^53, whatever way the Decimal was made', () => {
    const samples = ['0', '-0', '1', '-1', '9999999', '10000000', '10000001', '123456789012345', '100000000000000', '9007199254740991', '-9007199254740991', '70000000', '1e15'];
    for (const s of samples) {
      for (const m of [new Money(s), new Money(s).plus(0), new Money(s).times(1), new Money(s).minus(1).plus(1)]) {
        // (+ 0: −0 and 0 are the same amount)
        expect(wholeNumber(m)! + 0).toBe(Number(s) + 0);
        expect(new Money(wholeNumber(m)!).eq(m)).toBe(true);
      }
    }
    // made by arithmetic: trailing zero words dropped, words beyond the first
    expect(wholeNumber(new Money(12345).times(10_000_000))).toBe(123450000000);
    expect(wholeNumber(new Money('4168809452').plus('0.00'))).toBe(4168809452);
  });

  it('is null for a fraction, a number past 2^53 and what is not finite', () => {
    for (const s of ['0.5', '-1.01', '123456789.1', '1e-7', '9007199254740992', '12345678901234567890', '1e16', 'NaN', 'Infinity', '-Infinity']) {
      expect(wholeNumber(new Money(s))).toBeNull();
    }
    expect(wholeNumber(new Money(10).div(4))).toBeNull();
  });
});
