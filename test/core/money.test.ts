import { formatAmount, Money, parseAmount, sum, yuanToWan } from '../../src/core/money';

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
