import ExcelJS from 'exceljs';
import { Catalog } from '../../src/core/catalog/catalog';
import type { ModelSheet, ProjectTableData, TargetSummaryData } from '../../src/core/model';
import { Money } from '../../src/core/money';
import { TARGET_CELLS } from '../../src/core/plan/forms';
import { planProjectForms, projectChoices } from '../../src/core/plan/prefill';
import { SUMMARY_COLUMNS, SUMMARY_FIRST_ROW, SUMMARY_HEADER_ROW } from '../../src/core/plan/summary';
import type { SheetPlan } from '../../src/core/plan/types';
import { RULES } from '../../src/core/rules/catalog-of-rules';
import type { Finding } from '../../src/core/rules/types';
import { validateSheets } from '../../src/core/rules/validate';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import { readWorkbook } from '../../src/xlsx/reader';
import { workbookFromPlans } from '../../src/xlsx/writer';

/**
 * The 绩效目标汇总表 through the .xlsx round trip, as `budget-tables check` reads it: planned
 * with its target forms from the 2021 card unit's U2, written by ExcelJS, read back and
 * validated. A fresh summary gives no summary finding; one fault typed into the file gives
 * its rule's finding at its cell.
 */

const catalog = Catalog.builtIn();
const seed = SEED_BUDGETS.find((s) => s.id === '2021-shanghai-social-security-card-unit')!;
const sample = sampleFromSeed(seed);
const U2: ModelSheet[] = [{ sheetName: '单位财政拨款项目支出表', specId: 'U2', context: sample.ctx, data: sample.data.U2 as ProjectTableData }];
// 上海市社会保障卡服务中心信息系统(运维) 4,104,326, 正式居住证制作费 7,958,000, 交换平台运行费 446,048
const NAMES = projectChoices(U2).map((c) => c.name).slice(0, 3);
const SUMMARY = '绩效目标汇总表';
const SUMMARY_RULES: string[] = [RULES.summaryTotal.id, RULES.summaryVsForm.id, RULES.summaryMissing.id, RULES.summaryNoForm.id, RULES.notRecognised.id];

const plans = (): SheetPlan[] => planProjectForms(sample.ctx, U2, NAMES, { summary: true });

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back;
}

async function written(mutate: (wb: ExcelJS.Workbook) => void = () => undefined): Promise<ExcelJS.Workbook> {
  const wb = await reload(await workbookFromPlans(plans()));
  mutate(wb);
  return reload(wb);
}

function summaryFindings(wb: ExcelJS.Workbook): Finding[] {
  const read = readWorkbook(wb, catalog);
  return validateSheets(read.sheets, read.issues, catalog).findings.filter((f) => SUMMARY_RULES.includes(f.rule));
}

const brief = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`);
const summaryOf = (wb: ExcelJS.Workbook) => {
  const s = readWorkbook(wb, catalog).sheets.find((x) => x.sheetName === SUMMARY);
  return s?.data as TargetSummaryData | undefined;
};
const lines = (d: TargetSummaryData | undefined) => d?.rows.map((r) => `${r.row} ${r.name} ${r.amount?.toFixed(2)}`);

const PLANNED_LINES = [
  `${SUMMARY_FIRST_ROW} 上海市社会保障卡服务中心信息系统(运维) 4104326.00`,
  `${SUMMARY_FIRST_ROW + 1} 正式居住证制作费 7958000.00`,
  `${SUMMARY_FIRST_ROW + 2} 交换平台运行费 446048.00`,
];

describe('reading the 绩效目标汇总表', () => {
  it('by the marker the plan writes in row 1: every line, its 金额 and the 合计', async () => {
    const wb = await written();
    const read = readWorkbook(wb, catalog);
    const sheet = read.sheets.find((s) => s.sheetName === SUMMARY)!;
    expect(sheet.specId).toBe('target-summary');
    expect(sheet.context).toEqual({ level: 'unit', year: 2021 });
    const d = sheet.data as TargetSummaryData;
    expect(lines(d)).toEqual(PLANNED_LINES);
    expect(d.total?.eq(new Money('12508374'))).toBe(true);
    expect(d.at).toEqual({ columns: { name: SUMMARY_COLUMNS.name, amount: SUMMARY_COLUMNS.amount }, headerRow: SUMMARY_HEADER_ROW, totalRow: SUMMARY_FIRST_ROW + 3 });
    expect(read.issues).toEqual([]);
  });

  it('by its title …项目支出绩效目标汇总表 when the marker is gone, as on a sheet typed by hand', async () => {
    const plan = plans()[0];
    const wb = await written((w) => void (w.getWorksheet(SUMMARY)!.getCell(plan.markerCell!).value = null));
    const sheet = readWorkbook(wb, catalog).sheets.find((s) => s.sheetName === SUMMARY)!;
    expect(sheet.specId).toBe('target-summary');
    expect(sheet.context.year).toBe(2021);
    expect(lines(sheet.data as TargetSummaryData)).toEqual(PLANNED_LINES);
    expect(summaryFindings(wb)).toEqual([]);
  });

  it('a sheet that only mentions the summary in a note is not one', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('备注');
    ws.getCell('A1').value = '说明：金额见2021年度项目支出绩效目标汇总表，各项目一行。';
    expect(readWorkbook(await reload(wb), catalog).issues.map((i) => i.kind)).toEqual(['not-recognised']);
  });

  it('a row and a column inserted before the table, and a blank row among the lines, move nothing', async () => {
    const wb = await written((w) => {
      const ws = w.getWorksheet(SUMMARY)!;
      ws.spliceRows(SUMMARY_FIRST_ROW + 1, 0, []); // a blank line between the first two projects
      ws.spliceRows(2, 0, ['填报说明：金额取自各项目申报表']);
      ws.spliceColumns(1, 0, []);
    });
    const d = summaryOf(wb)!;
    expect(d.at).toEqual({ columns: { name: SUMMARY_COLUMNS.name + 1, amount: SUMMARY_COLUMNS.amount + 1 }, headerRow: SUMMARY_HEADER_ROW + 1, totalRow: SUMMARY_FIRST_ROW + 5 });
    expect(lines(d)).toEqual([
      `${SUMMARY_FIRST_ROW + 1} 上海市社会保障卡服务中心信息系统(运维) 4104326.00`,
      `${SUMMARY_FIRST_ROW + 3} 正式居住证制作费 7958000.00`,
      `${SUMMARY_FIRST_ROW + 4} 交换平台运行费 446048.00`,
    ]);
    expect(summaryFindings(wb)).toEqual([]);
    // and a fault in the moved table is named at its moved cell
    const faulty = await reload(wb);
    faulty.getWorksheet(SUMMARY)!.getCell('D9').value = 1;
    expect(brief(summaryFindings(await reload(faulty)))).toEqual([`summary-total error ${SUMMARY}!D9`]);
  });
});

describe('the summary rules, one fault each, at its cell', () => {
  it('a freshly planned summary with its forms gives no summary finding, and is not 不是可识别的预算表', async () => {
    const wb = await written();
    expect(summaryFindings(wb)).toEqual([]);
    const read = readWorkbook(wb, catalog);
    expect(read.sheets.map((s) => s.specId)).toEqual(['target-summary', 'target-form', 'target-form', 'target-form']);
  });

  it(`${RULES.summaryTotal.id}: a 合计 typed over, with both figures and the difference`, async () => {
    const wb = await written((w) => void (w.getWorksheet(SUMMARY)!.getCell('C7').value = 12508000));
    const fs = summaryFindings(wb);
    expect(brief(fs)).toEqual([`summary-total error ${SUMMARY}!C7`]);
    expect(fs[0].message).toBe('合计为12,508,000元，各项目金额之和（C4:C6）为12,508,374元，相差374元；合计应等于各项目金额之和');
  });

  it(`${RULES.summaryVsForm.id}: a line's link typed over with another amount (合计 kept in step)`, async () => {
    const wb = await written((w) => {
      const ws = w.getWorksheet(SUMMARY)!;
      ws.getCell('C5').value = 7958100;
      ws.getCell('C7').value = 12508474;
    });
    const fs = summaryFindings(wb);
    expect(brief(fs)).toEqual([`summary-vs-form error ${SUMMARY}!C5`]);
    expect(fs[0].message).toBe(
      `项目“正式居住证制作费”的金额为7,958,100元，绩效目标-正式居住证制作费!${TARGET_CELLS.annualTotal}的年度资金申请总额为7,958,000元，相差100元；汇总表的金额应等于申报表的年度资金申请总额`,
    );
  });

  it(`${RULES.summaryVsForm.id}: the form's 年度资金申请总额 changed under a summary that kept the old figure`, async () => {
    const wb = await written((w) => {
      const form = w.getWorksheet('绩效目标-交换平台运行费')!;
      form.getCell(TARGET_CELLS.annualTotal).value = 446000;
      form.getCell(TARGET_CELLS.annualFiscal).value = 446000;
    });
    expect(brief(summaryFindings(wb))).toEqual([`summary-vs-form error ${SUMMARY}!C6`]);
  });

  it(`${RULES.summaryMissing.id}: a target form the summary does not list, named at the form's 项目名称`, async () => {
    const wb = await written((w) => {
      const ws = w.getWorksheet(SUMMARY)!;
      for (const a of ['A6', 'B6', 'C6', 'D6', 'E6']) ws.getCell(a).value = null;
      ws.getCell('C7').value = 12062326;
    });
    const fs = summaryFindings(wb);
    expect(brief(fs)).toEqual([`summary-missing warning 绩效目标-交换平台运行费!${TARGET_CELLS.projectName}`]);
    expect(fs[0].message).toBe(`项目“交换平台运行费”（年度资金申请总额446,048元）有绩效目标申报表，但${SUMMARY}!B4:B5中没有该项目；汇总表应每个项目一行，请加上`);
  });

  it(`${RULES.summaryNoForm.id}: a line naming a project whose form is not in the workbook`, async () => {
    const wb = await written((w) => w.removeWorksheet(w.getWorksheet('绩效目标-交换平台运行费')!.id));
    const fs = summaryFindings(wb);
    expect(brief(fs)).toEqual([`summary-no-form warning ${SUMMARY}!B6`]);
    expect(fs[0].message).toBe('汇总表列有项目“交换平台运行费”，但工作簿中没有该项目的绩效目标申报表；应补上申报表，或从汇总表删去这一行');
  });

  it('a line whose name differs from its form only by full-width brackets and spaces is the same project', async () => {
    const wb = await written((w) => void (w.getWorksheet(SUMMARY)!.getCell('B4').value = '上海市社会保障卡服务中心信息系统（运维） '));
    expect(summaryFindings(wb)).toEqual([]);
  });
});
