import ExcelJS from 'exceljs';
import longSeed from '../../../seeds/performance/2020-social-insurance-service-target.json';
import targets from '../../../seeds/performance/2026-targets.json';
import type { BudgetContext, ModelSheet } from '../../../src/core/model';
import { Money } from '../../../src/core/money';
import { address } from '../../../src/core/plan/a1';
import { formText, planTargetForm, TARGET_CELLS } from '../../../src/core/plan/forms';
import { planLongTargetForm } from '../../../src/core/plan/long-form';
import { parseMarker } from '../../../src/core/plan/marker';
import { planProjectForms } from '../../../src/core/plan/prefill';
import { planTargetSummary, SUMMARY_COLUMNS, SUMMARY_FIRST_ROW, summaryLinks } from '../../../src/core/plan/summary';
import type { CellValue, SheetPlan } from '../../../src/core/plan/types';
import { sampleFromSeed } from '../../../src/core/sample';
import { SEED_BUDGETS } from '../../../src/core/sample-seeds';
import type { SeedTargetForm } from '../../../src/core/seed-types';
import type { SeedLongTargetForm } from '../../../src/core/seed-types-2020-form';
import { workbookFromPlans } from '../../../src/xlsx/writer';
import { evaluateValue } from './list-formula';

const TARGETS = targets as unknown as SeedTargetForm[];
const ctx: BudgetContext = { level: 'unit', org: '上海市社会保障卡服务中心', year: 2026 };

async function written(plans: SheetPlan[]): Promise<ExcelJS.Workbook> {
  const wb = await workbookFromPlans(plans);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back;
}

/** What each cell of a written sheet shows: values, formula results, `="…"` texts. */
function shown(ws: ExcelJS.Worksheet): CellValue[][] {
  return Array.from({ length: ws.rowCount }, (_, r) =>
    Array.from({ length: ws.columnCount }, (_, c) => {
      const v = ws.getCell(r + 1, c + 1).value;
      if (v === null || v === undefined) return null;
      if (typeof v === 'object' && 'result' in v && v.result !== undefined) return v.result as CellValue;
      if (typeof v === 'object') return formText(v);
      return v as CellValue;
    }),
  );
}

/** Evaluates a summary cell's formula against the form sheets as written. */
function evaluate(wb: ExcelJS.Workbook, summary: ExcelJS.Worksheet, a1: string): string | number | null {
  const others = Object.fromEntries(wb.worksheets.map((w) => [w.name, shown(w)]));
  return evaluateValue('=' + String(summary.getCell(a1).formula), { own: () => null, others });
}

describe('绩效目标汇总表', () => {
  it('one row per seed target form, each cell a formula over the form, showing what the form holds', async () => {
    const forms = TARGETS.map((f) => planTargetForm(ctx, f));
    const summary = planTargetSummary(ctx, forms);
    expect(summary.cells[0][0]).toEqual({ text: '2026年度项目支出绩效目标汇总表' });
    expect(summaryLinks(summary)).toEqual(forms.map((f) => f.name));
    const wb = await written([summary, ...forms]);
    const ws = wb.getWorksheet('绩效目标汇总表')!;
    const C = SUMMARY_COLUMNS;
    let total = new Money(0);
    TARGETS.forEach((f, i) => {
      const row = SUMMARY_FIRST_ROW + i;
      expect(ws.getCell(address(row, C.name)).formula).toBe(`'${forms[i].name}'!${TARGET_CELLS.projectName}&""`);
      expect(ws.getCell(address(row, C.amount)).formula).toBe(`'${forms[i].name}'!${TARGET_CELLS.annualTotal}`);
      for (const [col, want] of [
        [C.name, f.projectName],
        [C.goal, f.annualGoal ?? ''],
      ] as const) {
        // The cached result and what the formula gives over the written forms agree with the seed.
        expect(ws.getCell(address(row, col)).result).toBe(want);
        expect(evaluate(wb, ws, address(row, col))).toBe(want);
      }
      const amount = new Money(f.funds.annualFiscal as string).plus(new Money((f.funds.carryOver as string) ?? 0)).plus(new Money((f.funds.annualOther as string) ?? 0));
      expect(new Money(ws.getCell(address(row, C.amount)).result as number).toFixed(2)).toBe(amount.toFixed(2));
      expect(new Money(evaluate(wb, ws, address(row, C.amount)) as number).toFixed(2)).toBe(amount.toFixed(2));
      total = total.plus(amount);
      const lines = f.indicators.filter((ind) => ind.level3).map((ind) => `${ind.level3}：${ind.target ?? ''}\n`).join('');
      expect(ws.getCell(address(row, C.indicators)).result).toBe(lines);
      expect(evaluate(wb, ws, address(row, C.indicators))).toBe(lines);
    });
    const totalRow = SUMMARY_FIRST_ROW + TARGETS.length;
    expect(ws.getCell(address(totalRow, 1)).value).toBe('合计');
    expect(ws.getCell(address(totalRow, C.amount)).formula).toBe(`SUM(C${SUMMARY_FIRST_ROW}:C${totalRow - 1})`);
    expect(new Money(ws.getCell(address(totalRow, C.amount)).result as number).toFixed(2)).toBe(total.toFixed(2));
    expect(parseMarker(ws.getCell(summary.markerCell).value)).toEqual({ specId: 'target-summary', level: 'unit', year: 2026 });
  });

  it('links a 2020 long form by its own cells: 项目当年预算 and 总目标', () => {
    const long = longSeed as unknown as SeedLongTargetForm;
    const form = planLongTargetForm({ ...ctx, year: 2020 }, long);
    const summary = planTargetSummary({ ...ctx, year: 2020 }, [form]);
    expect(summary.results[address(SUMMARY_FIRST_ROW, SUMMARY_COLUMNS.amount)]).toBe(17088121);
    expect(summary.textResults?.[address(SUMMARY_FIRST_ROW, SUMMARY_COLUMNS.goal)]).toBe(long.overallGoal);
    expect(summary.textResults?.[address(SUMMARY_FIRST_ROW, SUMMARY_COLUMNS.indicators)]).toContain('预算执行率：>=98%\n');
    expect(summary.cells[SUMMARY_FIRST_ROW - 1][SUMMARY_COLUMNS.amount - 1]).toBe(`='${form.name}'!E14`);
  });

  it('planProjectForms puts the summary first, linked to the forms under the names they get', async () => {
    const seed = SEED_BUDGETS.find((s) => s.id === '2021-shanghai-social-security-card-unit')!;
    const sample = sampleFromSeed(seed);
    const sheets: ModelSheet[] = [{ sheetName: 'U2', specId: 'U2', context: sample.ctx, data: sample.data.U2! }];
    const plans = planProjectForms(sample.ctx, sheets, ['正式居住证制作费', '敬老卡制作费'], {
      summary: true,
      existingSheetNames: ['绩效目标-正式居住证制作费', '绩效目标汇总表'],
    });
    expect(plans.map((p) => p.name)).toEqual(['绩效目标汇总表 (2)', '绩效目标-正式居住证制作费 (2)', '绩效目标-敬老卡制作费']);
    expect(summaryLinks(plans[0])).toEqual(['绩效目标-正式居住证制作费 (2)', '绩效目标-敬老卡制作费']);
    expect(plans[0].results[address(SUMMARY_FIRST_ROW, SUMMARY_COLUMNS.amount)]).toBe(7958000);
    expect(plans[0].results[address(SUMMARY_FIRST_ROW + 2, SUMMARY_COLUMNS.amount)]).toBe(7958000 + 2564000);
    const wb = await written(plans);
    const ws = wb.getWorksheet('绩效目标汇总表 (2)')!;
    expect(evaluate(wb, ws, address(SUMMARY_FIRST_ROW + 1, SUMMARY_COLUMNS.name))).toBe('敬老卡制作费');
    expect(evaluate(wb, ws, address(SUMMARY_FIRST_ROW + 1, SUMMARY_COLUMNS.amount))).toBe(2564000);
    // A blank 年度总体目标 shows as nothing, not 0.
    expect(evaluate(wb, ws, address(SUMMARY_FIRST_ROW + 1, SUMMARY_COLUMNS.goal))).toBe('');
    expect(() => planProjectForms(sample.ctx, sheets, ['敬老卡制作费'], { summary: true, targetForm: false })).toThrow(/汇总表/);
  });
});
