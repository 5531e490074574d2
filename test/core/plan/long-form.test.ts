import ExcelJS from 'exceljs';
import seed from '../../../seeds/performance/2020-social-insurance-service-target.json';
import type { BudgetContext } from '../../../src/core/model';
import { Money } from '../../../src/core/money';
import { address, parseRange } from '../../../src/core/plan/a1';
import { formText } from '../../../src/core/plan/forms';
import { plainCell } from '../../../src/core/plan/text-cells';
import { LISTS_SHEET, planListsSheet } from '../../../src/core/plan/lists';
import {
  LONG_CELLS,
  LONG_INDICATOR_COLUMNS,
  LONG_SUBPROJECT_COLUMNS,
  LONG_SUBPROJECT_HEADER_ROW,
  longFormRows,
  planLongTargetForm,
} from '../../../src/core/plan/long-form';
import { parseMarker } from '../../../src/core/plan/marker';
import type { SheetPlan } from '../../../src/core/plan/types';
import type { SeedLongTargetForm } from '../../../src/core/seed-types-2020-form';
import { LONG_FORM_2020_LEVELS } from '../../../src/core/specs/forms';
import { workbookFromPlans } from '../../../src/xlsx/writer';
import { evaluateList } from './list-formula';

const FORM = seed as unknown as SeedLongTargetForm;
const ctx: BudgetContext = { level: 'unit', org: '上海市社会保险事业管理中心', year: 2020 };

async function roundTrip(plan: SheetPlan): Promise<ExcelJS.Worksheet> {
  const wb = await workbookFromPlans([plan]);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back.worksheets[0];
}

const text = (ws: ExcelJS.Worksheet, a: string) => formText(ws.getCell(a).value);
function fen(ws: ExcelJS.Worksheet, a: string): string | null {
  const v = ws.getCell(a).value;
  const n = typeof v === 'number' ? v : v && typeof v === 'object' && 'result' in v ? (v.result as number) : null;
  return n === null || n === undefined ? null : new Money(n).toFixed(2);
}
const seedFen = (a: unknown) => (typeof a === 'string' ? new Money(a).toFixed(2) : null);

describe('2020 long 财政项目支出绩效目标申报表', () => {
  it('round-trips seed 003 field by field, the 子项目 to the 分 and their 合计 as a SUM equal to the printed budget', async () => {
    const plan = planLongTargetForm(ctx, FORM);
    const ws = await roundTrip(plan);
    expect(ws.name).toBe('绩效目标2020-社会保险服务费');
    expect(text(ws, 'A1')).toBe('财政项目支出绩效目标申报表');
    expect(text(ws, 'A2')).toBe('(2020)年度');
    const seedOf: Record<keyof typeof LONG_CELLS, unknown> = {
      unit: FORM.unit,
      projectName: FORM.projectName,
      category: FORM.category,
      startDate: FORM.startDate,
      endDate: FORM.endDate,
      contactName: FORM.contact.name,
      contactPhone: FORM.contact.phone,
      governmentPurchase: FORM.governmentPurchase,
      performanceType: FORM.performanceType,
      overview: FORM.overview,
      basis: FORM.basis,
      necessity: FORM.necessity,
      safeguards: FORM.safeguards,
      implementationPlan: FORM.implementationPlan,
      overallGoal: FORM.overallGoal,
      total: seedFen(FORM.funds.total),
      annualTotal: seedFen(FORM.funds.annualTotal),
      previousBudget: seedFen(FORM.previousYear.budget),
      previousExecuted: seedFen(FORM.previousYear.executed),
    };
    for (const key of Object.keys(LONG_CELLS) as (keyof typeof LONG_CELLS)[]) {
      const amountKey = ['total', 'annualTotal', 'previousBudget', 'previousExecuted'].includes(key);
      expect([key, amountKey ? fen(ws, LONG_CELLS[key]) : text(ws, LONG_CELLS[key])]).toEqual([key, seedOf[key]]);
    }

    const rows = longFormRows(FORM.subProjects.length);
    expect(text(ws, address(LONG_SUBPROJECT_HEADER_ROW, 1))).toBe('子项目名称');
    const S = LONG_SUBPROJECT_COLUMNS;
    FORM.subProjects.forEach((p, i) => {
      expect([text(ws, address(rows.subProjectFirst + i, S.name)), fen(ws, address(rows.subProjectFirst + i, S.amount))]).toEqual([p.name, seedFen(p.amount)]);
    });
    const total = ws.getCell(address(rows.subProjectTotal, S.amount));
    expect(text(ws, address(rows.subProjectTotal, 1))).toBe('合计');
    expect(total.formula).toBe(`SUM(E${rows.subProjectFirst}:E${rows.subProjectLast})`);
    // The seven 子项目 add up to the printed 项目总预算 and 项目当年预算, 17,088,121.00.
    expect(fen(ws, address(rows.subProjectTotal, S.amount))).toBe('17088121.00');
    expect(fen(ws, LONG_CELLS.total)).toBe('17088121.00');
    expect(plan.layout.totalRow).toBe(rows.subProjectTotal);

    expect(text(ws, address(rows.goalsTitle, 1))).toBe('2020年绩效目标');
    expect(text(ws, address(rows.indicatorHeader, 1))).toBe('一级目标');
    const I = LONG_INDICATOR_COLUMNS;
    expect(plan.layout.dataRows).toEqual([rows.indicatorFirst, rows.indicatorFirst + FORM.indicators.length - 1]);
    FORM.indicators.forEach((ind, i) => {
      const row = rows.indicatorFirst + i;
      expect({
        level1: text(ws, address(row, I.level1)),
        level3: text(ws, address(row, I.level3)),
        target: text(ws, address(row, I.target)),
      }).toEqual({ level1: ind.level1, level3: ind.level3, target: ind.target });
      // 二级 as printed; a merged cell reads its top cell's words.
      if (ind.level2 !== null) expect(text(ws, address(row, I.level2))).toBe(ind.level2);
    });
    for (const ind of FORM.indicators) {
      if (ind.level2 !== null) expect(LONG_FORM_2020_LEVELS.find((l) => l.level1 === ind.level1)?.level2).toContain(ind.level2);
    }
    // The nine 投入与管理 rows are one merged 一级 cell; their 二级 is unknown and stays unmerged.
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toContain(`A${rows.indicatorFirst}:A${rows.indicatorFirst + 8}`);
    expect(merges.some((m) => m.startsWith(`B${rows.indicatorFirst}:`))).toBe(false);
    expect(parseMarker(ws.getCell(plan.markerCell).value)).toEqual({ specId: 'target-form-2020', level: 'unit', year: 2020 });
  });

  it('an empty form: blank 子项目 rows summed, the 2020 一级目标/二级目标 skeleton with lists in the form\'s own words', () => {
    const plan = planLongTargetForm(ctx);
    const rows = longFormRows(8);
    expect(plan.cells[rows.subProjectTotal - 1][LONG_SUBPROJECT_COLUMNS.amount - 1]).toBe(`=SUM(E${rows.subProjectFirst}:E${rows.subProjectLast})`);
    expect(plan.results[address(rows.subProjectTotal, 5)]).toBe(0);
    expect(plan.cells[2][1]).toEqual({ text: '上海市社会保险事业管理中心' });
    const skeleton = LONG_FORM_2020_LEVELS.flatMap((l) => l.level2.map((l2) => [l.level1, l2]));
    expect(plan.layout.dataRows).toEqual([rows.indicatorFirst, rows.indicatorFirst + skeleton.length - 1]);
    const l1 = plan.validations.find((v) => v.kind === 'list' && v.range.startsWith(`A${rows.indicatorFirst}:`));
    expect(l1 && l1.kind === 'list' && l1.items).toEqual(['投入与管理', '产出目标', '效果目标', '影响力目标']);
    const blocks = plan.validations.filter((v) => v.kind === 'listFormula');
    expect(blocks).toHaveLength(4);
    for (const v of blocks) {
      if (v.kind !== 'listFormula') continue;
      const top = parseRange(v.range).r1;
      const level1 = plainCell(plan.cells[top - 1][0]) as string;
      const got = evaluateList(v.formula, { own: (a1) => (parseRange(a1).c1 === 1 ? level1 : null), others: { [LISTS_SHEET]: planListsSheet().cells } });
      expect(got).toEqual(LONG_FORM_2020_LEVELS.find((l) => l.level1 === level1)!.level2);
    }
  });
});
