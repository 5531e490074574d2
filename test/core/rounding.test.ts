import type ExcelJS from 'exceljs';
import { Money } from '../../src/core/money';
import { agree, atLeast, compareSides, halfUnit, scaleOf, show, WAN_2, YUAN } from '../../src/core/rules/tolerance';
import { checkBook, seedBook, toWan } from '../xlsx/layout-variants';

/** Issue 11 point 2: the rounding rule itself, and comparisons between a 元 table and a 万元 table. */
describe('the rule (tolerance.ts)', () => {
  const m = (x: string) => new Money(x);
  it('元 is exact; 万元 allows half a printed unit per rounded figure', () => {
    expect(halfUnit(YUAN).toFixed()).toBe('0');
    expect(halfUnit(WAN_2).toFixed()).toBe('0.005');
    expect(halfUnit(scaleOf({ unit: '万元', decimals: 0 })).toFixed()).toBe('0.5');
    expect(agree(m('3.01'), m('3.00'), 4, WAN_2)).toBe(true);
    expect(agree(m('3.03'), m('3.00'), 4, WAN_2)).toBe(false);
    expect(agree(m('30121'), m('30120'), 4, YUAN)).toBe(false);
  });

  it('元 against 万元 is compared in 万元, only the 万元 side counting as rounded', () => {
    const c = compareSides({ value: m('14792507'), scale: YUAN, rounded: 1 }, { value: m('1479.25'), scale: WAN_2, rounded: 1 });
    expect(c.agree).toBe(true);
    expect(show(c.a, c.scale)).toBe('1,479.2507万元');
    expect(compareSides({ value: m('14792507'), scale: YUAN, rounded: 1 }, { value: m('1479.26'), scale: WAN_2, rounded: 1 }).agree).toBe(false);
    expect(atLeast({ value: m('0.40'), scale: WAN_2, rounded: 1 }, { value: m('4049'), scale: YUAN, rounded: 1 }).agree).toBe(true);
    expect(atLeast({ value: m('0.40'), scale: WAN_2, rounded: 1 }, { value: m('4051'), scale: YUAN, rounded: 1 }).agree).toBe(false);
  });
});

describe('a 万元 T8 beside 元 tables (the 2021 unit)', () => {
  const T8 = '单位一般公共预算拨款基本支出明细表';
  const T9 = '单位“三公”经费和机关运行费预算表';
  let wb: ExcelJS.Workbook;
  beforeEach(async () => {
    wb = await seedBook('2021-shanghai-social-security-card-unit');
    toWan(wb, 2, (name) => name === T8);
  });

  it('T5 基本支出 (元), T1 and U1 人员/公用经费 (元) and T9 (万元) all agree with it: no finding', () => {
    expect(wb.getWorksheet(T8)!.getCell('D36').value).toBe(1479.25);
    expect(checkBook(wb).findings).toEqual([]);
  });

  it('its 合计 0.10 万元 off: 错误 at that cell, both sides in 万元', () => {
    wb.getWorksheet(T8)!.getCell('D36').value = 1479.35;
    const f = checkBook(wb).findings.filter((x) => x.rule === 'basic-vs-economic' && x.sheet === T8);
    expect(f.map((x) => x.cell)).toEqual(['D36']);
    expect(f[0].message).toContain('经济分类预算表合计为1,479.35万元');
    expect(f[0].message).toContain('1,479.2507万元');
    expect(f[0].message).not.toMatch(/\d 元/);
  });

  it('T9 公务接待费 against T8 30217, both rounded: 0.01 万元 short is rounding, 0.02 is a 提示 at the T9 cell', () => {
    const other = wb.getWorksheet('其他相关情况说明')!;
    const rule = (x: { rule: string }) => x.rule === 'three-public-vs-economic';
    wb.getWorksheet(T9)!.getCell('C6').value = 0.39;
    wb.getWorksheet(T9)!.getCell('A6').value = 30.41;
    expect(checkBook(wb).findings.filter(rule)).toEqual([]);
    // the text quotes the table to the decimal: 0.40 against a table of 0.39 is a 错误 of its own
    expect(checkBook(wb).findings.map((x) => [x.rule, x.cell])).toEqual([['narrative', 'A4'], ['narrative', 'A7']]);
    other.getCell('A4').value = '2021年“三公”经费预算数为30.40万元。';
    other.getCell('A7').value = '（三）公务接待费0.38万元。';
    wb.getWorksheet(T9)!.getCell('C6').value = 0.38;
    wb.getWorksheet(T9)!.getCell('A6').value = 30.4;
    const f = checkBook(wb).findings;
    expect(f.map((x) => [x.rule, x.severity, x.sheet, x.cell])).toEqual([['three-public-vs-economic', 'warning', T9, 'C6']]);
    expect(f[0].message).toContain('公务接待费为0.38万元，少于基本支出经济科目30217的0.40万元');
  });
});

describe('T9 (万元) against a 元 T8', () => {
  it('within rounding: none; beyond: 提示 with the 元 figure beside its 万元', async () => {
    const wb = await seedBook('2021-shanghai-social-security-card-unit');
    const t9 = wb.getWorksheet('单位“三公”经费和机关运行费预算表')!;
    t9.getCell('F6').value = 6.39; // 运行费 against 30231 64,000 元
    t9.getCell('D6').value = 30.01;
    t9.getCell('A6').value = 30.41;
    const f = checkBook(wb).findings.filter((x) => x.rule === 'three-public-vs-economic');
    expect(f.map((x) => x.cell)).toEqual(['F6']);
    expect(f[0].message).toContain('6.39万元，少于基本支出经济科目30231的6.40万元（64,000元）');
  });
});
