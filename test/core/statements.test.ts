import type ExcelJS from 'exceljs';
import { nameKey, sameName } from '../../src/core/catalog/names';
import { checkBook, seedBook } from '../xlsx/layout-variants';

/**
 * Issue 11 points 4 and 5 on the 2021 unit's workbook: names read as a person reads them, the
 * T1 expenditure split and its 人员/公用经费 against T8, a “no 三公” statement beside an amount,
 * and sentences whose figure is missing. Each clean first (the seed workbook has no finding),
 * then with one fault found at its cell.
 */
const UNIT = '2021-shanghai-social-security-card-unit';
const T1 = '单位收支总表';
const T5 = '单位一般公共预算拨款表';
const T8 = '单位一般公共预算拨款基本支出明细表';
const T9 = '单位“三公”经费和机关运行费预算表';

let wb: ExcelJS.Workbook;
beforeEach(async () => {
  wb = await seedBook(UNIT);
});
const at = (rule: string) => checkBook(wb).findings.filter((f) => f.rule === rule);

describe('names as a person reads them', () => {
  it('brackets, spaces, 、/, and a trailing 支出 are the same name; other words are not', () => {
    expect(sameName('维修（护）费', '维修(护)费')).toBe(true);
    expect(sameName('机关事业单位基本养老保险缴费支出', '机关事业单位 基本养老保险缴费')).toBe(true);
    expect(sameName('教育、科学', '教育,科学')).toBe(true);
    expect(sameName('行政事业单位离退休', '行政事业单位养老支出')).toBe(false);
    expect(nameKey('因公出国（境）费用')).not.toBe(nameKey('因公出国（境）费'));
  });

  it('in a table: a written-differently name is no finding, another name is a 提示 with the expected one', () => {
    expect(checkBook(wb).findings).toEqual([]);
    const ws = wb.getWorksheet(T5)!;
    ws.getCell('D13').value = '机关事业单位 基本养老保险缴费'; // 2080505, 支出 dropped, a space inside
    wb.getWorksheet(T8)!.getCell('C24').value = '维修(护)费'; // 30213, half-width brackets
    expect(checkBook(wb).findings).toEqual([]);
    ws.getCell('D12').value = '行政事业单位离退休'; // 20805: the 2018 name in a 2021 table
    const f = at('name-mismatch');
    expect(f.map((x) => [x.sheet, x.cell, x.severity])).toEqual([[T5, 'D12', 'warning']]);
    expect(f[0].message).toContain('“行政事业单位养老支出”');
  });
});

describe('a unit’s T1: 人员经费 + 公用经费 + 项目支出 = 合计', () => {
  it('one line’s 人员经费 changed: 错误 at that line’s 合计', () => {
    wb.getWorksheet(T1)!.getCell('E7').value = 8730000;
    const f = at('row-parts').filter((x) => x.sheet === T1);
    expect(f.map((x) => x.cell)).toEqual(['D7']);
    expect(f[0].message).toContain('人员经费＋公用经费＋项目支出为44,119,784元');
  });
});

describe('T1 人员/公用经费 against T8 (301 + 303 / the other 类)', () => {
  it('the 支出总计 人员经费 off: 错误 at that cell with T8’s figure', () => {
    wb.getWorksheet(T1)!.getCell('E14').value = 11672000;
    const f = at('basic-vs-economic');
    expect(f.map((x) => `${x.sheet}!${x.cell}`)).toEqual([`${T1}!E14`]);
    expect(f[0].message).toContain('工资福利支出（301）与对个人和家庭的补助（303）之和为11,672,204元');
    expect(f[0].severity).toBe('error');
  });

  it('T8’s 公用经费 side (302 + 310) changed, T1 not: 错误 at T1’s 公用经费', () => {
    const ws = wb.getWorksheet(T8)!;
    ws.getCell('D35').value = 60000; // 31002 办公设备购置
    ws.getCell('F35').value = 60000;
    ws.getCell('D34').value = 60000;
    ws.getCell('F34').value = 60000;
    const f = at('basic-vs-economic').filter((x) => x.sheet === T1);
    expect(f.map((x) => x.cell)).toEqual(['F14']);
    expect(f[0].message).toContain('302、310之和为3,130,303元');
  });
});

describe('T9 and a statement that there is no 三公 budget', () => {
  it('the text says none while T9 shows 30.42 万元: 错误 at T9’s 合计', () => {
    wb.getWorksheet('其他相关情况说明')!.getCell('A4').value = '2021年本单位无“三公”经费预算。';
    const f = at('three-public-statement');
    expect(f.map((x) => [x.sheet, x.cell, x.severity])).toEqual([[T9, 'A6', 'error']]);
    expect(f[0].message).toContain('“其他相关情况说明”A4称“2021年本单位无‘三公’经费预算”');
    expect(f[0].message).toContain('30.42万元');
  });

  it('a note under T9 saying none, with no amount in it: no 错误 (T8’s 30217/30231 still ask for a look)', () => {
    const t9 = wb.getWorksheet(T9)!;
    for (const c of ['A6', 'C6', 'D6', 'E6', 'F6']) t9.getCell(c).value = null;
    t9.getCell('A7').value = '注：本单位2021年无“三公”经费预算。';
    const other = wb.getWorksheet('其他相关情况说明')!;
    for (const r of [4, 5, 6, 7]) other.getCell(`A${r}`).value = null;
    expect(checkBook(wb).findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(['three-public-vs-economic C6', 'three-public-vs-economic F6']);
    t9.getCell('C6').value = 0.4; // an amount after all
    t9.getCell('A6').value = 0.4;
    expect(at('three-public-statement').map((x) => x.cell)).toEqual(['A6']);
  });
});

describe('a sentence whose figure is missing', () => {
  it('`预算支出总额为 万元`: 提示 at that paragraph', () => {
    const ws = wb.getWorksheet('单位编制说明')!;
    ws.getCell('A3').value = String(ws.getCell('A3').value).replace('预算支出总额为4,706万元', '预算支出总额为 万元');
    const f = at('blank-figure');
    expect(f.map((x) => [x.sheet, x.cell, x.severity])).toEqual([['单位编制说明', 'A3', 'warning']]);
    expect(f[0].message).toContain('“出总额为 万元”缺少数字');
  });

  it('`下属 家单位` and a placeholder left in: one 提示 per paragraph; 单位为万元 is no blank', () => {
    const ws = wb.getWorksheet('单位机构设置')!;
    ws.getCell('A3').value = '本单位下属 家单位，金额单位为万元。';
    ws.getCell('A4').value = '本单位共有在职人员XX人。';
    expect(at('blank-figure').map((x) => x.cell)).toEqual(['A3', 'A4']);
  });

  it('what `draft` leaves for a person (【请填写…】), a template slot and （略）: 提示 naming it', () => {
    const ws = wb.getWorksheet('单位机构设置')!;
    ws.getCell('A3').value = '财政拨款收入支出增加（减少）的主要原因是【请填写增减原因】。';
    ws.getCell('A4').value = '{单位名称}主要职能（略）。';
    const f = at('blank-figure');
    expect(f.map((x) => x.cell)).toEqual(['A3', 'A4']);
    expect(f[0].message).toContain('占位符“【请填写增减原因】”');
    expect(f[1].message).toContain('占位符“{单位名称}”');
  });
});

describe('a figure lost between words, and wording of the wrong level', () => {
  it('spaces where a figure was (`行政单位 家`, `科目 万元`): 提示 at the paragraph', () => {
    wb.getWorksheet('单位编制说明')!.getCell('A5').value = '2.“社会保障和就业支出”科目 万元，主要用于缴纳在职人员基本养老保险等支出。';
    const f = at('blank-figure');
    expect(f.map((x) => x.cell)).toEqual(['A5']);
    expect(f[0].message).toContain('“出”科目 万元”缺少数字');
  });

  it('a unit’s own section saying 本部门: 提示 naming 本单位', () => {
    wb.getWorksheet('其他相关情况说明')!.getCell('A9').value = '本部门无机关运行费。';
    const f = at('level-wording');
    expect(f.map((x) => [x.sheet, x.cell, x.severity])).toEqual([['其他相关情况说明', 'A9', 'warning']]);
    expect(f[0].message).toContain('单位预算的说明应称“本单位”');
  });
});
