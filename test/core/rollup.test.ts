import { Money } from '../../src/core/money';
import { leafRows, readRollupInput, rollupAll, rollupTotal, rollupUnder, RollupRow, sumRows } from '../../src/core/rollup';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import type { AmountKey, SeedAmount } from '../../src/core/seed-types';

const rows = (list: [string, string][]): RollupRow[] => list.map(([code, amount], i) => ({ code, amount: new Money(amount), index: i + 1 }));

describe('rollup over the code hierarchy', () => {
  const table = rows([
    ['204', '999'], // a subtotal row: not added again
    ['20402', '888'],
    ['2040201', '100.10'],
    ['2040202', '200.20'],
    ['20403', '50'], // a 款 with no 项 below: a leaf
    ['208', '0'],
    ['2080505', '549.30'],
    ['2080506', '173.90'],
    ['2080599', '335.50'],
  ]);

  it('adds each amount once, skipping rows that have descendants in the range', () => {
    expect(leafRows(table).map((r) => r.code)).toEqual(['2040201', '2040202', '20403', '2080505', '2080506', '2080599']);
    expect(rollupUnder(table, '204').toFixed(2)).toBe('350.30');
    expect(rollupUnder(table, '20402').toFixed(2)).toBe('300.30');
    expect(rollupUnder(table, '2040201').toFixed(2)).toBe('100.10');
    expect(rollupUnder(table, '208').toFixed(2)).toBe('1058.70');
    expect(rollupUnder(table, '205').toFixed(2)).toBe('0.00');
    expect(rollupTotal(table).toFixed(2)).toBe('1409.00');
  });

  it('sums 分 exactly on the fast path and past the safe-integer range', () => {
    const read = readRollupInput([['2040201'], ['2040202'], ['2040203']], [[0.1], [0.2], [90071992547409.91]]);
    expect(!('error' in read) && read.rows.map((r) => r.cents)).toEqual([10, 20, 9007199254740991]);
    expect(!('error' in read) && rollupTotal(read.rows).toFixed(2)).toBe('90071992547410.21');
  });

  it('lists every 类 and 款 with its total', () => {
    expect(rollupAll(table).map((l) => [l.code, l.total.toFixed(2)])).toEqual([
      ['204', '350.30'],
      ['20402', '300.30'],
      ['20403', '50.00'],
      ['208', '1058.70'],
      ['20805', '1058.70'],
    ]);
  });
});

describe('reading the ranges Excel passes', () => {
  it('reads one code column in any form, or a 类|款|项 block, text and blank amounts', () => {
    const one = readRollupInput([['204 02 01'], ['204-02-02'], [''], [2040203]], [[1], ['1,234.50'], [null], ['１０']]);
    expect('error' in one).toBe(false);
    if (!('error' in one)) {
      expect(one.rows.map((r) => [r.code, sumRows([r]).toFixed()])).toEqual([['2040201', '1'], ['2040202', '1234.5'], ['2040203', '10']]);
      expect(one.textAmounts).toEqual([2, 4]);
    }
    const block = readRollupInput([['204', '', ''], ['204', 2, ''], ['204', '02', '01']], [[''], [''], [5]]);
    expect(!('error' in block) && block.rows.map((r) => r.code)).toEqual(['204', '20402', '2040201']);
  });

  it.each([
    [[['2040201']], [[1], [2]], '行数应相同'],
    [[['2040201', '1', '2', '3']], [[1]], '三列'],
    [[['2040201']], [['12万']], '第 1 行的金额“12万”不是数字'],
    [[['abc'], ['']], [[1], [2]], '第 1 行'],
    [[['2040201'], ['']], [[1], [2]], '第 2 行有金额但没有科目编码'],
  ])('refuses %j / %j with a message naming the problem', (codes, amounts, words) => {
    const r = readRollupInput(codes as unknown[][], amounts as unknown[][]);
    expect('error' in r && r.error).toContain(words);
  });
});

const AMOUNT_KEYS: AmountKey[] = ['total', 'fiscal', 'business', 'operating', 'other', 'basic', 'project', 'personnel', 'public'];
const money = (a: SeedAmount | undefined) => new Money(typeof a === 'string' ? a : 0);

/**
 * The published figures: ROLLUP over the lowest rows reproduces every 类, 款 and 合计 of every
 * coded table of the three seed budgets, to the 元. A mismatch the seed itself contains
 * would be listed here as a finding; the transcriptions found none, and neither does this.
 */
describe.each(SEED_BUDGETS.map((s) => [s.id, s] as const))('published figures of %s', (_id, seed) => {
  const coded = (['T2', 'T3', 'T5', 'T6', 'T7', 'T8', 'U1'] as const).filter((id) => seed.tables[id]);
  it.each(coded)('%s: every 类, 款 and 合计 equals the rollup of its lowest rows', (id) => {
    const t = seed.tables[id]!;
    const findings: string[] = [];
    let checked = 0;
    for (const key of AMOUNT_KEYS) {
      if (!t.rows.some((r) => key in r.amounts) && !(key in t.total)) continue;
      const data = t.rows.map((r, i) => ({ code: r.code, amount: money(r.amounts[key]), index: i + 1 }));
      const leaves = new Set(leafRows(data).map((r) => r.code));
      for (const r of t.rows) {
        if (leaves.has(r.code)) continue;
        checked++;
        const expected = money(r.amounts[key]);
        const got = rollupUnder(data, r.code);
        if (!got.eq(expected)) findings.push(`${id} ${r.code} ${key}: published ${expected.toFixed()} rollup ${got.toFixed()}`);
      }
      checked++;
      const total = rollupTotal(data);
      if (!total.eq(money(t.total[key]))) findings.push(`${id} 合计 ${key}: published ${money(t.total[key]).toFixed()} rollup ${total.toFixed()}`);
    }
    expect(findings).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  if (seed.tables.U2) {
    it('U2: projects under each code sum to its amount, and to the 合计', () => {
      const u2 = seed.tables.U2!;
      const leaves: RollupRow[] = u2.rows.flatMap((g) => g.projects.map((p) => ({ code: g.code, amount: money(p.amount), index: p.no })));
      for (const g of u2.rows) expect([g.code, rollupUnder(leaves, g.code).toFixed()]).toEqual([g.code, money(g.amount).toFixed()]);
      expect(rollupTotal(leaves).toFixed()).toBe(money(u2.total).toFixed());
    });
  }
});
