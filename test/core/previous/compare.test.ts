import ExcelJS from 'exceljs';
import type { CodedRow, ModelSheet } from '../../../src/core/model';
import { Money } from '../../../src/core/money';
import { COMPARISON_COLUMNS, planComparison } from '../../../src/core/plan/comparison';
import { isPlanText } from '../../../src/core/plan/text-cells';
import { changeRate, compareBudgets, needsReason, reasonsMissing } from '../../../src/core/previous/compare';
import { codeInYear } from '../../../src/core/previous/moves';
import { readWorkbook } from '../../../src/xlsx/reader';
import { addPlannedSheet } from '../../../src/xlsx/writer';
import { CARD_2020, seedSheets } from './fixtures';

/** Issue 16.1–16.2: last year's figures matched to this year's and laid out in the 上年对比 sheet. */

const m = (s: string) => new Money(s);
const t3 = (year: number, rows: [string, string, string, string][]): ModelSheet => {
  const coded: CodedRow[] = rows.map(([code, name, basic, project]) => ({ code, name, amounts: { total: m(basic).plus(m(project)), basic: m(basic), project: m(project) } }));
  const lei = coded.filter((r) => r.code.length === 3);
  const sum = (k: 'total' | 'basic' | 'project') => lei.reduce((s, r) => s.plus(r.amounts[k]!), m('0'));
  return { sheetName: 'T3', specId: 'T3', context: { level: 'unit', org: '某单位', year }, data: { kind: 'coded', rows: coded, total: { total: sum('total'), basic: sum('basic'), project: sum('project') } } };
};

describe('last year’s codes in this year’s edition', () => {
  it('a code moved by the 2019 edition follows it; later years keep it; an unmoved code stays', () => {
    expect(codeInYear('2080504', 2018, 2019).code).toBe('2080501');
    expect(codeInYear('20115', 2018, 2021).code).toBe('20138');
    expect(codeInYear('2080504', 2019, 2020).code).toBe('2080504');
    expect(codeInYear('2040201', 2018, 2019)).toEqual({ code: '2040201', moves: [] });
  });

  it('a constructed 2018 → 2019 pair: moved and renamed codes are one row each, not removed + added', () => {
    const before = t3(2018, [
      ['201', '一般公共服务支出', '100', '50'],
      ['20115', '工商行政管理事务', '100', '50'],
      ['2011501', '行政运行', '100', '0'],
      ['2011504', '工商行政管理专项', '0', '50'],
      ['208', '社会保障和就业支出', '300', '0'],
      ['20805', '行政事业单位离退休', '300', '0'],
      ['2080501', '归口管理的行政单位离退休', '200', '0'],
      ['2080504', '未归口管理的行政单位离退休', '100', '0'],
      ['210', '医疗卫生与计划生育支出', '40', '0'],
    ]);
    const after = t3(2019, [
      ['201', '一般公共服务支出', '120', '60'],
      ['20138', '市场监督管理事务', '120', '60'],
      ['2013801', '行政运行', '120', '0'],
      ['2013899', '其他市场监督管理事务', '0', '60'],
      ['208', '社会保障和就业支出', '330', '0'],
      ['20805', '行政事业单位养老支出', '330', '0'],
      ['2080501', '行政单位离退休', '330', '0'],
      ['210', '卫生健康支出', '40', '0'],
    ]);
    const c = compareBudgets([before], [after]);
    const row = (code: string, k = 'total') => c.rows.find((r) => r.key === `F:${code}:${k}`);
    // 归口 200 + 未归口 100 last year are this year's 行政单位离退休 330: +10 %
    expect([row('2080501')!.previous.toFixed(), row('2080501')!.current.toFixed(), row('2080501')!.rate!.toFixed(2), row('2080501')!.previousCodes]).toEqual(['300', '330', '10.00', ['2080501', '2080504']]);
    expect(row('2080504')).toBeUndefined();
    expect([row('20138')!.previous.toFixed(), row('20138')!.previousCodes, row('20138')!.label]).toEqual(['150', ['20115'], '市场监督管理事务']);
    expect(row('2013801')!.previous.toFixed()).toBe('100');
    expect(row('20115')).toBeUndefined();
    // renamed, same code: matched by the code, this year's name shown
    expect([row('210')!.label, row('210')!.change.toFixed(), row('210')!.reasonRequired, row('210')!.previousCodes]).toEqual(['卫生健康支出', '0', false, undefined]);
    // a 项 with no counterpart stays one-sided
    expect([row('2011504', 'project')!.current.toFixed(), row('2013899', 'project')!.previous.toFixed()]).toEqual(['0', '0']);
    expect(row('2013899', 'project')!.reasonRequired).toBe(true);
  });
});

describe('last year in another layout', () => {
  it('a table printed in 万元 is compared in 元, exactly; a 三公 table in 元 in 万元', () => {
    const before = t3(2020, [['204', '公共安全支出', '1.5', '0.25']]);
    before.data = { ...before.data, unit: '万元', decimals: 2 } as typeof before.data;
    const after = t3(2021, [['204', '公共安全支出', '15000', '2600']]);
    const c = compareBudgets([before], [after]);
    const r = c.rows.find((x) => x.key === 'F:204:project')!;
    expect([r.previous.toFixed(), r.current.toFixed(), r.change.toFixed(), r.rate!.toFixed(2)]).toEqual(['2500', '2600', '100', '4.00']);
    const t9 = (year: number, total: string, unit: '元' | '万元'): ModelSheet => ({ sheetName: 'T9', specId: 'T9', context: { year }, data: { kind: 'three-public', unit, amounts: { total: m(total) } } });
    const tp = compareBudgets([t9(2020, '68600', '元')], [t9(2021, '30.42', '万元')]).rows.find((x) => x.key === 'T9:total')!;
    expect([tp.previous.toFixed(2), tp.change.toFixed(2)]).toEqual(['6.86', '23.56']);
  });
});

describe('增减率 and the reasons required', () => {
  it('exact, two decimals of a percent, half up; from 0 always needs a reason; 0 → 0 never', () => {
    expect(changeRate(m('0.46'), m('0.40'))!.toFixed(2)).toBe('-13.04');
    expect(changeRate(m('3'), m('3.0003'))!.toFixed(2)).toBe('0.01');
    expect(changeRate(m('0'), m('5'))).toBeNull();
    expect(needsReason(m('0'), m('5'))).toBe(true);
    expect(needsReason(m('0'), m('0'))).toBe(false);
    expect(needsReason(m('100'), m('110'))).toBe(true);
    expect(needsReason(m('100'), m('109.99'))).toBe(false);
    expect(needsReason(m('100'), m('109.99'), m('5'))).toBe(true);
  });

  it('the 2021 unit against 2020 as its text states it: T3, T9 and T1 rows', () => {
    const c = compareBudgets(CARD_2020(), seedSheets('2021-shanghai-social-security-card-unit'));
    const r = (key: string) => c.rows.find((x) => x.key === key)!;
    expect([c.year, c.previousYear, c.threshold.toFixed()]).toEqual([2021, 2020, '10']);
    expect(['T9:total', 'T9:vehicleTotal', 'T9:reception', 'T9:abroad'].map((k) => [r(k).change.toFixed(2), r(k).rate?.toFixed(2) ?? null, r(k).reasonRequired])).toEqual([
      ['23.56', '343.44', true],
      ['23.62', '369.06', true],
      ['-0.06', '-13.04', true],
      ['0.00', null, false],
    ]);
    expect([r('T1:income:fiscal').change.toFixed(), r('T1:income:fiscal').rate!.toFixed(2)]).toEqual(['-14568012', '-23.64']);
    expect(['personnel', 'public', 'project'].map((k) => r(`T1:${k}`).current.toFixed())).toEqual(['11672204', '3120303', '32269481']);
    // each functional code of T3 has its 合计, and its 基本支出 and 项目支出 where either year has one
    expect(c.rows.filter((x) => x.code === '204' && x.section === 'functional').map((x) => x.column)).toEqual(['合计', '基本支出', '项目支出']);
    expect(c.rows.filter((x) => x.code === '2040250').map((x) => x.column)).toEqual(['合计', '基本支出']);
    expect(reasonsMissing(c).map((x) => x.key)).toContain('T9:reception');
  });
});

describe('the 上年对比 sheet', () => {
  const c = compareBudgets(CARD_2020(), seedSheets('2021-shanghai-social-security-card-unit'));
  const plan = planComparison({ level: 'unit', org: '上海市社会保障卡服务中心', year: 2021 }, { ...c, rows: c.rows.map((r) => (r.key === 'T9:total' ? { ...r, reason: '=购置公务车辆' } : r)) });
  const C = COMPARISON_COLUMNS;
  const rowOf = (key: string) => plan.cells.findIndex((r) => r[C.key - 1] === key) + 1;

  it('增减额, 增减率 and 需说明原因 are formulas; the flag follows the threshold cell C3', () => {
    const r = rowOf('T9:reception');
    expect(plan.cells[2][2]).toBe(10);
    expect(plan.cells[r - 1][C.change - 1]).toBe(`=E${r}-D${r}`);
    expect(plan.cells[r - 1][C.rate - 1]).toBe(`=IF(D${r}=0,"",ROUND((E${r}-D${r})/ABS(D${r}),4))`);
    expect(plan.cells[r - 1][C.flag - 1]).toContain('>=$C$3');
    expect(plan.results[`F${r}`]).toBeCloseTo(-0.06, 10);
    expect(plan.results[`G${r}`]).toBeCloseTo(-0.1304, 10);
    expect(plan.textResults![`H${r}`]).toBe('是');
  });

  it('every 原因 is an input; those required are in the input colour; a reason typed is text, never a formula', () => {
    const reasons = plan.styles.filter((s) => /^I\d+$/.test(s.range) && s.style.locked === false);
    expect(reasons.length).toBe(c.rows.length);
    expect(plan.styles.find((s) => s.range === `I${rowOf('T9:reception')}`)!.style.fill).toBe('#FFF2CC');
    expect(plan.styles.find((s) => s.range === `I${rowOf('T9:abroad')}`)!.style.fill).toBeUndefined();
    const cell = plan.cells[rowOf('T9:total') - 1][C.reason - 1];
    expect(isPlanText(cell) && cell.text).toBe('=购置公务车辆');
    expect(plan.styles.find((s) => s.range === 'C3')!.style.locked).toBe(false);
  });

  it('reads back through check’s reader: rows, reasons, and the threshold a clerk types', async () => {
    const wb = new ExcelJS.Workbook();
    await addPlannedSheet(wb, plan);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    back.getWorksheet('上年对比')!.getCell('C3').value = 15;
    const d = readWorkbook(back).sheets.find((s) => s.specId === 'comparison')!.data;
    if (d.kind !== 'comparison') throw new Error('not a comparison');
    expect(d.rows.length).toBe(c.rows.length);
    expect(d.threshold!.toFixed()).toBe('15');
    const reception = d.rows.find((r) => r.key === 'T9:reception')!;
    expect([reception.unit, reception.reasonRequired, reception.row]).toEqual(['万元', false, rowOf('T9:reception')]);
    expect(d.rows.find((r) => r.key === 'T9:total')!.reason).toBe('=购置公务车辆');
  });
});
