import ExcelJS from 'exceljs';
import { planWorkbook } from '../../src/core/plan/workbook';
import { validateSheets } from '../../src/core/rules/validate';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import type { SpecId } from '../../src/core/specs/types';
import { readWorkbook, workbookCatalog } from '../../src/xlsx/reader';
import { workbookFromPlans } from '../../src/xlsx/writer';

async function sampleBook(id: string): Promise<ExcelJS.Workbook> {
  const sample = sampleFromSeed(SEED_BUDGETS.find((s) => s.id === id)!);
  const plans = planWorkbook({ ctx: sample.ctx, data: sample.data, specs: Object.keys(sample.data) as SpecId[], options: { subtotals: 'values' } });
  const wb = await workbookFromPlans(plans);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back;
}

function validate(wb: ExcelJS.Workbook) {
  const catalog = workbookCatalog(wb);
  const read = readWorkbook(wb, catalog);
  return validateSheets(read.sheets, read.issues, catalog);
}

const UNIT = '2021-shanghai-social-security-card-unit';

/**
 * What the seed documents really contain. The transcriptions checked every relation of
 * domain.md §5 with exact arithmetic and found none broken in the published tables, so the
 * validator must not cry wolf there. One real finding remains:
 * - 2018 上海市公安局 publishes its 政府性基金预算支出功能分类预算表 (T6) empty, with no statement
 *   that the department has no such spending, and its 预算编制说明 never mentions 政府性基金
 *   (the 2020 and 2021 disclosures say “政府性基金拨款支出预算0万元” in theirs).
 * - its text, as transcribed, has sentences whose figures are gone (`下属 家预算单位`,
 *   `预算支出总额为 万元`, `“公共安全支出”科目 万元`): one 提示 per such paragraph, 18 of them.
 */
const REAL_FINDINGS: Record<string, [string, string, string][]> = {
  '2018-shanghai-police-department': [
    ['empty-table', '部门政府性基金拨款表', 'B7'],
    ['blank-figure', '部门机构设置', 'A3'],
    ['blank-figure', '部门机构设置', 'A4'],
    ['blank-figure', '部门编制说明', 'A3'],
    ['blank-figure', '部门编制说明', 'A4'],
    ['blank-figure', '部门编制说明', 'A5'],
    ['blank-figure', '部门编制说明', 'A6'],
    ['blank-figure', '部门编制说明', 'A7'],
    ['blank-figure', '部门编制说明', 'A8'],
    ['blank-figure', '部门编制说明', 'A9'],
    ['blank-figure', '其他相关情况说明', 'A4'],
    ['blank-figure', '其他相关情况说明', 'A5'],
    ['blank-figure', '其他相关情况说明', 'A6'],
    ['blank-figure', '其他相关情况说明', 'A7'],
    ['blank-figure', '其他相关情况说明', 'A9'],
    ['blank-figure', '其他相关情况说明', 'A11'],
    ['blank-figure', '其他相关情况说明', 'A13'],
    ['blank-figure', '项目经费情况说明-社会保障卡制作费', 'A16'],
  ],
  '2020-shanghai-hrss-department': [],
  '2021-shanghai-social-security-card-unit': [],
};

describe('the seeds speak', () => {
  it.each(SEED_BUDGETS.map((s) => s.id))('%s: exactly the findings the document contains', async (id) => {
    const sample = sampleFromSeed(SEED_BUDGETS.find((s) => s.id === id)!);
    const plans = planWorkbook({ ctx: sample.ctx, data: sample.data, projects: sample.projects, options: { subtotals: 'values' }, specs: [...(Object.keys(sample.data) as SpecId[]), 'project'] });
    const wb = await workbookFromPlans(plans);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const v = validate(back);
    expect(v.findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual(REAL_FINDINGS[id]);
    expect(v.ready).toBe(true);
  });
});

describe('one injected fault, found at its cell', () => {
  let wb: ExcelJS.Workbook;
  beforeEach(async () => {
    wb = await sampleBook(UNIT);
  });
  const at = (rule: string) => validate(wb).findings.filter((f) => f.rule === rule).map((f) => `${f.sheet}!${f.cell}`);

  it('a changed subtotal: subtotal error at that cell', () => {
    wb.getWorksheet('单位收入总表')!.getCell('E7').value = 44119000; // 20402 公安
    // Reported at the wrong 款 only: its 类 still equals the sum of the lowest rows.
    expect(at('subtotal')).toEqual(['单位收入总表!E7']);
    const f = validate(wb).findings.find((x) => x.cell === 'E7' && x.rule === 'subtotal')!;
    expect(f.severity).toBe('error');
    expect(f.message).toContain('44,119,000');
    expect(f.message).toContain('相差958元');
  });

  it('a changed leaf: its 款 does not add up, nor does the 合计 column, and T2 no longer matches T3', () => {
    wb.getWorksheet('单位收入总表')!.getCell('F8').value = 29518607; // 2040202 财政拨款收入
    const v = validate(wb);
    expect(v.findings.filter((f) => f.rule === 'subtotal').map((f) => f.cell)).toEqual(['F7']);
    expect(v.findings.filter((f) => f.rule === 'row-parts').map((f) => f.cell)).toEqual(['E8']);
    expect(v.findings.some((f) => f.rule === 'fiscal-vs-funds' && f.message.includes('2040202'))).toBe(true);
    expect(v.ready).toBe(false);
  });

  it('a text amount: read, and said as a 提示', () => {
    wb.getWorksheet('单位支出总表')!.getCell('G8').value = '２９,５１８,６０６';
    const v = validate(wb);
    expect(v.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([['text-amount', 'warning', 'G8']]);
    expect(v.findings[0].message).toContain('全角');
  });

  it('a value that is not a number: 错误 at that cell', () => {
    wb.getWorksheet('单位支出总表')!.getCell('G9').value = '两百万';
    const v = validate(wb);
    expect(v.findings.filter((f) => f.rule === 'unreadable').map((f) => [f.sheet, f.cell, f.severity])).toEqual([['单位支出总表', 'G9', 'error']]);
  });

  it('a mistyped code and a renamed 科目: 提示 at the code and the name', () => {
    const ws = wb.getWorksheet('单位一般公共预算基本支出明细表') ?? wb.getWorksheet('单位一般公共预算拨款基本支出明细表')!;
    ws.getCell('B7').value = '98'; // 30101 → 30198
    ws.getCell('C8').value = '津贴'; // 30102 津贴补贴
    const v = validate(wb);
    expect(v.findings.filter((f) => f.rule === 'unknown-code').map((f) => f.cell)).toEqual(['A7']);
    expect(v.findings.filter((f) => f.rule === 'name-mismatch').map((f) => f.cell)).toEqual(['C8']);
    expect(v.findings.find((f) => f.rule === 'name-mismatch')!.message).toContain('津贴补贴');
  });

  it('a deleted table: 错误, the workbook cannot be submitted', () => {
    wb.removeWorksheet(wb.getWorksheet('单位一般公共预算拨款基本支出明细表')!.id);
    const v = validate(wb);
    expect(v.findings.map((f) => [f.rule, f.severity])).toEqual([['missing-table', 'error']]);
    expect(v.findings[0].message).toContain('T8');
    expect(v.ready).toBe(false);
  });

  it('an empty 政府性基金 table with its statement written in: nothing to say', async () => {
    const police = await sampleBook('2018-shanghai-police-department');
    const tableFindings = () => validate(police).findings.filter((f) => f.rule !== 'blank-figure');
    expect(tableFindings().map((f) => f.rule)).toEqual(['empty-table']);
    expect(tableFindings()[0].message).toContain('本部门无政府性基金预算支出');
    const ws = police.getWorksheet('部门政府性基金拨款表')!;
    ws.getCell('B7').value = '本部门无政府性基金预算支出';
    expect(tableFindings()).toEqual([]);
  });

  it('a swapped pair of columns in a row: the row no longer adds up with the other tables', () => {
    const ws = wb.getWorksheet('单位一般公共预算拨款表')!;
    const [f, g] = [ws.getCell('F10').value, ws.getCell('G10').value]; // 2040250 事业运行: 基本 11,850,477 | 项目 —
    ws.getCell('F10').value = g;
    ws.getCell('G10').value = f;
    const v = validate(wb);
    expect(v.findings.filter((x) => x.rule === 'subtotal').map((x) => x.cell).sort()).toEqual(['F7', 'G7']);
    expect(v.findings.some((x) => x.rule === 'summary-vs-detail')).toBe(true);
  });

  it.each([
    ['单位编制说明', '4,706万元', '4,716万元', '支出预算总表合计'],
    ['单位编制说明', '科目4,412万元', '科目4,413万元', '“公共安全支出”'],
    ['其他相关情况说明', '预算数为30.42万元', '预算数为30.24万元', '“三公”经费预算表合计'],
    ['其他相关情况说明', '公务接待费0.40万元', '公务接待费0.04万元', '公务接待费'],
  ])('a narrative figure that no longer matches the table (%s: %s → %s)', (sheet, from, to, words) => {
    const ws = wb.getWorksheet(sheet)!;
    let changed = '';
    ws.eachRow((row) => {
      const c = row.getCell(1);
      if (!changed && typeof c.value === 'string' && c.value.includes(from)) {
        c.value = c.value.replace(from, to);
        changed = c.address;
      }
    });
    expect(changed).not.toBe('');
    const v = validate(wb);
    expect(v.findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([['narrative', sheet, changed]]);
    expect(v.findings[0].message).toContain(words);
  });

  // One fault per remaining rule, in the 2021 unit sample; the rule must report at the cell named.
  it.each([
    ['grand-total', '单位收入总表', 'E21', (w: ExcelJS.Workbook) => (w.getWorksheet('单位收入总表')!.getCell('E21').value = 47061900)],
    ['income-vs-expense', '单位支出总表', 'E8', (w: ExcelJS.Workbook) => {
      const ws = w.getWorksheet('单位收入总表')!;
      ws.getCell('E8').value = 29518000;
      ws.getCell('F8').value = 29518000;
    }],
    ['balance', '单位收支总表', 'B7', (w: ExcelJS.Workbook) => (w.getWorksheet('单位收支总表')!.getCell('B7').value = 47000000)],
    ['projects', '单位财政拨款项目支出表', 'G7', (w: ExcelJS.Workbook) => (w.getWorksheet('单位财政拨款项目支出表')!.getCell('G8').value = 4104000)],
    ['basic-vs-economic', '单位一般公共预算拨款基本支出明细表', 'D36', (w: ExcelJS.Workbook) => (w.getWorksheet('单位一般公共预算拨款基本支出明细表')!.getCell('D36').value = 14792000)],
    ['three-public-vs-economic', '单位“三公”经费和机关运行费预算表', 'C6', (w: ExcelJS.Workbook) => {
      const ws = w.getWorksheet('单位“三公”经费和机关运行费预算表')!;
      ws.getCell('C6').value = 0.2;
      ws.getCell('A6').value = 30.22;
    }],
    ['bad-code', '单位收入总表', 'A8', (w: ExcelJS.Workbook) => (w.getWorksheet('单位收入总表')!.getCell('A8').value = '2x4')],
    ['duplicate-code', '单位收入总表', 'A9', (w: ExcelJS.Workbook) => (w.getWorksheet('单位收入总表')!.getCell('C9').value = '02')],
    ['orphan', '单位收入总表', 'A13', (w: ExcelJS.Workbook) => (w.getWorksheet('单位收入总表')!.getCell('B13').value = '07')],
    ['not-recognised', '备注', 'A1', (w: ExcelJS.Workbook) => w.addWorksheet('备注').addRow(['给领导的备注'])],
  ])('%s: reported at %s!%s', (rule, sheet, cell, inject) => {
    inject(wb);
    const v = validate(wb);
    expect(v.findings.filter((f) => f.rule === rule).map((f) => `${f.sheet}!${f.cell}`)).toContain(`${sheet}!${cell}`);
  });

  it('income vs expense per code: a code listed twice in both tables counts by its last row, wherever the first differs', () => {
    const income = wb.getWorksheet('单位收入总表')!;
    const expense = wb.getWorksheet('单位支出总表')!;
    expect(['A', 'B', 'C'].map((c) => income.getCell(`${c}8`).value)).toEqual(['A', 'B', 'C'].map((c) => expense.getCell(`${c}8`).value));
    // Row 9 takes row 8's code in both tables (same codes, same order), and row 8's 合计 in 收入 changes.
    for (const ws of [income, expense]) for (const c of ['A', 'B', 'C']) ws.getCell(`${c}9`).value = ws.getCell(`${c}8`).value;
    income.getCell('E8').value = 1;
    expect(validate(wb).findings.filter((f) => f.rule === 'income-vs-expense')).toEqual([]);
    // …and the last row differing is reported.
    income.getCell('E8').value = expense.getCell('E8').value;
    income.getCell('E9').value = 1;
    expect(validate(wb).findings.filter((f) => f.rule === 'income-vs-expense').length).toBe(1);
  });

  it('a deleted 项 row: its 款 and 类 no longer add up, at the 款', () => {
    wb.getWorksheet('单位支出总表')!.spliceRows(9, 1); // 2040219 信息化建设
    const v = validate(wb);
    expect(v.findings.filter((f) => f.rule === 'subtotal' && f.sheet === '单位支出总表').map((f) => f.cell)).toEqual(['E7', 'G7']);
  });

  it('a table continued over a page break, its title and headers repeated, reads as one table', () => {
    const ws = wb.getWorksheet('单位收入总表')!;
    ws.unMergeCells('A1:I1');
    ws.spliceRows(13, 0, ['2021年预算单位收入预算总表'], ['编制单位：上海市社会保障卡服务中心', null, null, null, null, null, null, null, '单位：元'], ['项目', null, null, null, '收入预算'], ['功能分类科目编码', null, null, '功能分类科目名称', '合计'], ['类', '款', '项']);
    expect(validate(wb).findings).toEqual([]);
  });

  it('T9 out of balance: 错误 at the 合计', () => {
    // 30.43 would be within rounding (three printed 万元 figures, 0.005 each: tolerance.ts).
    wb.getWorksheet('单位“三公”经费和机关运行费预算表')!.getCell('A6').value = 30.52;
    expect(at('three-public')).toEqual(['单位“三公”经费和机关运行费预算表!A6']);
    wb.getWorksheet('单位“三公”经费和机关运行费预算表')!.getCell('A6').value = 30.43;
    expect(at('three-public')).toEqual([]);
  });
});
