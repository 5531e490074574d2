import type { BalanceTableData, ModelSheet } from '../../../src/core/model';
import { Money } from '../../../src/core/money';
import { chineseNumber, sumTables } from '../../../src/core/consolidate/sum';

const ctx = { level: 'department' as const, org: '某局', year: 2021 };

function t1(lines: [string, string, number][]): ModelSheet[] {
  const data: BalanceTableData = {
    kind: 'balance',
    income: [],
    incomeTotal: null,
    expenditure: lines.map(([code, label, n]) => ({ code, label, amounts: { total: new Money(n) } })),
    expenditureTotal: {},
  };
  return [{ sheetName: 'T1', specId: 'T1', context: { level: 'unit', year: 2021 }, data }];
}

describe('summing the units', () => {
  it('numbers the department’s 类 lines again, in code order where the units leave it open', () => {
    const sum = sumTables(
      [t1([['204', '一、公共安全支出', 5], ['221', '二、住房保障支出', 1]]), t1([['208', '一、社会保障和就业支出', 7], ['221', '二、住房保障支出', 2]])],
      ctx,
    ).T1 as BalanceTableData;
    expect(sum.expenditure.map((e) => [e.label, e.amounts.total!.toFixed()])).toEqual([
      ['一、公共安全支出', '5'],
      ['二、社会保障和就业支出', '7'],
      ['三、住房保障支出', '3'],
    ]);
  });

  it('writes Chinese numbers as the tables do', () => {
    expect([1, 9, 10, 12, 20, 21].map(chineseNumber)).toEqual(['一', '九', '十', '十二', '二十', '二十一']);
  });
});
