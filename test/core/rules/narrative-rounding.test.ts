import type { CodedTableData, ModelSheet, ThreePublicData } from '../../../src/core/model';
import { Money } from '../../../src/core/money';
import { checkNarrative } from '../../../src/core/rules/narrative';

/**
 * The narrative's quotes against a table total on the edges of half-up rounding: the integer
 * shortcut for 元 tables (narrative.ts quotedExactly) and the printed-digits one for 万元 tables
 * must pass exactly the quotes Decimal's rounding passes, and flag the rest.
 */
function book(total: string, unit: '元' | '万元', quote: string, t9?: { reception: string; unit: '元' | '万元'; quote: string }): ModelSheet[] {
  const t3: CodedTableData = { kind: 'coded', rows: [], total: { total: new Money(total) }, unit, decimals: unit === '万元' ? 2 : undefined };
  const sheets: ModelSheet[] = [
    { sheetName: '编制说明', specId: 'explanation', context: {}, data: { kind: 'text', paragraphs: [`2021年，本单位预算支出总额为${quote}万元。`] } },
    { sheetName: '支出总表', specId: 'T3', context: {}, data: t3 },
  ];
  if (t9) {
    const data: ThreePublicData = { kind: 'three-public', amounts: { reception: new Money(t9.reception) }, unit: t9.unit, decimals: t9.unit === '万元' ? 2 : undefined };
    sheets.push({ sheetName: '三公', specId: 'T9', context: {}, data });
    sheets.push({ sheetName: '其他', specId: 'other', context: {}, data: { kind: 'text', paragraphs: [`公务接待费${t9.quote}万元。`] } });
  }
  return sheets;
}

const flagged = (sheets: ModelSheet[]) => checkNarrative(sheets).map((f) => f.cell);

describe('narrative quotes on the rounding edge', () => {
  it.each([
    // 元 total, quote, flagged
    ['47055000', '4,706', false], // 4705.5 rounds up
    ['47055000', '4,705', true],
    ['47054999', '4,705', false],
    ['47054999', '4,706', true],
    ['47054999', '4,705.50', false], // 4705.4999 to two decimals
    ['47054999', '4,705.49', true],
    ['47054999', '4,705.4999', false],
    ['47054999', '4705.49990', false], // five decimals: left to Decimal, which passes it
    ['47060000', '4,706.00', false],
    ['47060000', '04,706', false], // a leading zero is still the figure
    ['47060001', '4,706.000', false],
    ['47060050', '4,706.01', false],
    ['47060049', '4,706.01', true],
    ['0', '0', false],
    ['0', '0.00', false],
    ['-4999', '0', false], // −0.4999 万元 rounds to −0, which is 0
    ['-5000', '0', true], // −0.5 rounds away from zero to −1
    ['1234.5', '0.12', false], // not a whole 元: Decimal decides
    ['1250.5', '0.13', false],
  ])('T3 in 元 %s, text %s万元: flagged %s', (total, quote, flag) => {
    expect(flagged(book(total, '元', quote))).toEqual(flag ? ['A3'] : []);
  });

  it.each([
    ['4705.50', '4,706', false],
    ['4705.49', '4,706', true],
    ['4705.49', '4,705', false],
    ['4705.49', '4,705.49', false],
    ['4705.49', '4,705.5', false], // fewer decimals than the table: 4705.49 rounds to 4705.5
    ['4705.44', '4,705.5', true],
  ])('T3 in 万元 %s, text %s万元: flagged %s', (total, quote, flag) => {
    expect(flagged(book(total, '万元', quote))).toEqual(flag ? ['A3'] : []);
  });

  it.each([
    ['0.40', '万元', '0.40', false],
    ['0.40', '万元', '0.4', false],
    ['0.40', '万元', '0.04', true],
    ['4049', '元', '0.40', false],
    ['4050', '元', '0.41', false],
    ['4050', '元', '0.40', true],
  ] as const)('T9 公务接待费 %s %s, text %s万元: flagged %s', (reception, unit, quote, flag) => {
    const f = checkNarrative(book('47060000', '元', '4,706', { reception, unit, quote }));
    expect(f.map((x) => x.sheet)).toEqual(flag ? ['其他'] : []);
  });
});
