import ExcelJS from 'exceljs';
import targets from '../../../seeds/performance/2026-targets.json';
import type { BudgetContext } from '../../../src/core/model';
import { address, parseRange } from '../../../src/core/plan/a1';
import { plainCell } from '../../../src/core/plan/text-cells';
import { planSelfEvaluation, planTargetForm, SELF_INDICATOR_COLUMNS, TARGET_INDICATOR_COLUMNS } from '../../../src/core/plan/forms';
import { editionListSet, level2ListFormula, listColumns, LISTS_MARKER, LISTS_SHEET, listSetLevels, planListsSheet } from '../../../src/core/plan/lists';
import type { CellValue, SheetPlan, ValidationPlan } from '../../../src/core/plan/types';
import type { SeedTargetForm } from '../../../src/core/seed-types';
import { level1Names, level2NamesOf, LONG_FORM_2020_LEVELS } from '../../../src/core/specs/forms';
import { insertPlans } from '../../../src/excel/writer';
import { readWorkbook } from '../../../src/xlsx/reader';
import { addPlannedSheet, workbookFromPlans } from '../../../src/xlsx/writer';
import { createFakeExcel } from '../../excel/fake-excel';
import { evaluateList, FormulaError } from './list-formula';

const TARGETS = targets as unknown as SeedTargetForm[];
const ctx = (year: number): BudgetContext => ({ level: 'unit', org: '上海市社会保障卡服务中心', year });

/** What the plan puts in a cell (null for a merged cell below its top one). */
/** A planned cell's words (text from the specs or a seed is planned as `{ text }`). */
const planned = (plan: SheetPlan, a1: string): CellValue => {
  const { row, col } = { row: parseRange(a1).r1, col: parseRange(a1).c1 };
  return plainCell(plan.cells[row - 1]?.[col - 1] ?? null);
};

const listFormulas = (plan: SheetPlan) => plan.validations.filter((v): v is Extract<ValidationPlan, { kind: 'listFormula' }> => v.kind === 'listFormula');

/** The items a 二级 drop-down offers once `level1` is chosen in the 一级 cell its formula names. */
function offered(plan: SheetPlan, v: { formula: string }, level1: string | null, lists = plan.helpers![0].cells): (string | number)[] {
  return evaluateList(v.formula, {
    own: (a1) => (parseRange(a1).c1 === 1 ? level1 : planned(plan, a1)),
    others: { [LISTS_SHEET]: lists },
  });
}

describe('_BT_LISTS', () => {
  it('holds each set: its 一级, every 二级, and the 二级 under each 一级, with counts', () => {
    const sheet = planListsSheet();
    expect(sheet.name).toBe('_BT_LISTS');
    expect(sheet.visibility).toBe('veryHidden');
    expect(sheet.cells[0][0]).toBe(LISTS_MARKER);
    const keys = sheet.cells[0].slice(1);
    expect(keys).toEqual(listColumns().map((c) => c.key));
    expect(keys).toContain('E2021|成本指标');
    expect(keys).not.toContain('E2020|成本指标');
    const col = keys.indexOf('E2020|产出指标') + 1;
    expect(sheet.cells[1][col]).toBe(4);
    expect(sheet.cells.slice(2, 6).map((r) => r[col])).toEqual(['数量指标', '质量指标', '时效指标', '成本指标']);
    // Always the same cells, so one sheet serves every form.
    expect(planListsSheet()).toEqual(sheet);
  });
});

describe('二级 lists depend on the 一级 of their row', () => {
  it('the formula resolves to exactly the 二级 of each 一级, per edition', () => {
    const lists = planListsSheet().cells;
    const own = (v: string | null) => () => v;
    for (const edition of [2019, 2020, 2021, 2026]) {
      const set = editionListSet(edition);
      const f = level2ListFormula(set, '$A$14');
      for (const l1 of level1Names(edition)) {
        expect([edition, l1, evaluateList(f, { own: own(l1), others: { [LISTS_SHEET]: lists } })]).toEqual([edition, l1, level2NamesOf(edition, l1)]);
      }
      // 成本 is a 一级 from 2021; before, a 二级 under 产出.
      if (edition >= 2021) expect(evaluateList(f, { own: own('成本指标'), others: { [LISTS_SHEET]: lists } })).toEqual(['经济成本指标', '社会成本指标', '生态环境成本指标']);
      else {
        expect(() => evaluateList(f, { own: own('成本指标'), others: { [LISTS_SHEET]: lists } })).toThrow(FormulaError);
        expect(evaluateList(f, { own: own('产出指标'), others: { [LISTS_SHEET]: lists } })).toContain('成本指标');
      }
      // A row whose 一级 is still blank is offered every 二级 of the edition.
      const all = evaluateList(f, { own: own(null), others: { [LISTS_SHEET]: lists } });
      expect(new Set(all)).toEqual(new Set(level1Names(edition).flatMap((l1) => level2NamesOf(edition, l1))));
    }
    const long = level2ListFormula('L2020', '$A$30');
    for (const l of LONG_FORM_2020_LEVELS) {
      expect(evaluateList(long, { own: () => l.level1, others: { [LISTS_SHEET]: lists } })).toEqual(l.level2);
    }
    expect(listSetLevels('L2020')).toBe(LONG_FORM_2020_LEVELS);
  });

  it('an empty 2026 target form is the 2021 edition skeleton, 一级 and 二级 merged, each 二级 block listing its own 二级', () => {
    const plan = planTargetForm(ctx(2026));
    const C = TARGET_INDICATOR_COLUMNS;
    expect(plan.layout.dataRows).toEqual([14, 24]);
    const col = (c: number) => Array.from({ length: 11 }, (_, i) => planned(plan, address(14 + i, c)));
    expect(col(C.level1)).toEqual(['成本指标', null, null, '产出指标', null, null, '效益指标', null, null, null, '满意度指标']);
    expect(col(C.level2)).toEqual([
      '经济成本指标',
      '社会成本指标',
      '生态环境成本指标',
      '数量指标',
      '质量指标',
      '时效指标',
      '经济效益指标',
      '社会效益指标',
      '生态效益指标',
      '可持续影响指标',
      '服务对象满意度指标',
    ]);
    expect(col(C.level3).every((v) => v === null)).toBe(true);
    expect(plan.merges).toEqual(expect.arrayContaining(['A14:A16', 'A17:A19', 'A20:A23']));
    expect(plan.merges).not.toContain('A24');
    const l1 = plan.validations.find((v) => v.range === 'A14:A24');
    expect(l1 && l1.kind === 'list' && l1.items).toEqual(level1Names(2026));
    const blocks = listFormulas(plan);
    expect(blocks.map((v) => v.range)).toEqual(['B14:B16', 'B17:B19', 'B20:B23', 'B24']);
    for (const v of blocks) {
      const anchor = `A${parseRange(v.range).r1}`;
      const l1name = planned(plan, anchor) as string;
      expect([v.range, offered(plan, v, l1name)]).toEqual([v.range, level2NamesOf(2026, l1name)]);
      // Changing the block's 一级 changes what its 二级 offers.
      expect(offered(plan, v, '满意度指标')).toEqual(['服务对象满意度指标']);
    }
    expect(plan.helpers).toEqual([planListsSheet()]);
  });

  it('blankRows gives that many 三级 rows under each 二级, 二级 merged over them', () => {
    const plan = planTargetForm(ctx(2026), undefined, { blankRows: 2 });
    expect(plan.layout.dataRows).toEqual([14, 35]);
    expect(plan.merges).toEqual(expect.arrayContaining(['A14:A19', 'B14:B15', 'B16:B17', 'A26:A33', 'A34:A35', 'B34:B35']));
  });

  it('a 2020 target form and a 2021 self-evaluation follow the 2020 edition: no 成本 一级, 成本 under 产出', () => {
    for (const plan of [planTargetForm(ctx(2020)), planSelfEvaluation(ctx(2021))]) {
      const [first, last] = plan.layout.dataRows;
      expect(last - first + 1).toBe(9);
      const l1 = plan.validations.find((v) => v.kind === 'list' && v.range.startsWith('A'));
      expect(l1 && l1.kind === 'list' && l1.items).toEqual(['产出指标', '效益指标', '满意度指标']);
      const output = listFormulas(plan)[0];
      expect(planned(plan, `A${parseRange(output.range).r1}`)).toBe('产出指标');
      expect(offered(plan, output, '产出指标')).toEqual(['数量指标', '质量指标', '时效指标', '成本指标']);
    }
  });

  it('a seed form keeps its rows, merged over its runs of equal 一级 and 二级', () => {
    const f = TARGETS[0];
    const plan = planTargetForm(ctx(2026), f);
    const [first] = plan.layout.dataRows;
    let expectedMerges = 0;
    for (let i = 0; i < f.indicators.length; ) {
      let j = i;
      while (j + 1 < f.indicators.length && f.indicators[j + 1].level1 === f.indicators[i].level1) j++;
      expect(planned(plan, `A${first + i}`)).toBe(f.indicators[i].level1);
      if (j > i) {
        expect(plan.merges).toContain(`A${first + i}:A${first + j}`);
        expectedMerges++;
      }
      const v = listFormulas(plan).find((x) => parseRange(x.range).r1 === first + i)!;
      expect(v.range).toBe(j > i ? `B${first + i}:B${first + j}` : `B${first + i}`);
      for (let k = i; k <= j; k++) expect(level2NamesOf(2026, f.indicators[i].level1)).toContain(f.indicators[k].level2);
      i = j + 1;
    }
    expect(expectedMerges).toBeGreaterThan(0);
  });

  it('the self-evaluation merges its 一级 and 二级 columns the same way', () => {
    const plan = planSelfEvaluation(ctx(2022));
    const I = SELF_INDICATOR_COLUMNS;
    expect(plan.layout.dataRows).toEqual([13, 23]);
    expect(plan.merges).toEqual(expect.arrayContaining([`A13:A15`, 'A16:A18', 'A19:A22']));
    expect(listFormulas(plan).map((v) => v.range)).toEqual(['B13:B15', 'B16:B18', 'B19:B22', 'B23']);
    expect(planned(plan, address(13, I.level2))).toBe('经济成本指标');
    expect(planned(plan, address(23, I.score))).toBe('=IF(E23="","",BUDGET.SCORE(D23,E23,F23))');
  });
});

// ------------------------------------------------------------------------------ writers

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back;
}

const sheetValues = (ws: ExcelJS.Worksheet, rows: number, cols: number) =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => ws.getCell(r + 1, c + 1).value ?? null));

describe('.xlsx: merges, list formulas and one _BT_LISTS', () => {
  it('round-trips the merges and the validations, with _BT_LISTS very hidden after the forms', async () => {
    const plans = [planTargetForm(ctx(2026)), planSelfEvaluation(ctx(2021))];
    const wb = await reload(await workbookFromPlans(plans));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['绩效目标-', 'visible'],
      ['绩效自评-', 'visible'],
      ['_BT_LISTS', 'veryHidden'],
    ]);
    const lists = planListsSheet();
    const listsWs = wb.getWorksheet(LISTS_SHEET)!;
    expect(sheetValues(listsWs, lists.cells.length, lists.cells[0].length)).toEqual(lists.cells);
    wb.worksheets.slice(0, 2).forEach((ws, k) => {
      const plan = plans[k];
      const merges = (ws.model as unknown as { merges: string[] }).merges;
      expect(new Set(merges)).toEqual(new Set(plan.merges));
      for (const v of listFormulas(plan)) {
        const { r1, r2, c1 } = parseRange(v.range);
        for (let r = r1; r <= r2; r++) {
          const dv = ws.getCell(r, c1).dataValidation;
          expect([r, dv.type, dv.formulae?.[0]]).toEqual([r, 'list', v.formula.slice(1)]);
        }
        // What Excel would offer, computed from the file's own cells.
        const got = evaluateList('=' + String(ws.getCell(r1, c1).dataValidation.formulae?.[0]), {
          own: (a1) => formTextOf(ws.getCell(a1).value),
          others: { [LISTS_SHEET]: sheetValues(listsWs, lists.cells.length, lists.cells[0].length) as CellValue[][] },
        });
        const l1 = formTextOf(ws.getCell(r1, 1).value) as string;
        expect(got).toEqual(level2NamesOf(plan.specId === 'self-evaluation' ? 2020 : 2026, l1));
      }
    });
  });

  it('adds no second _BT_LISTS to a workbook that has it, and puts one back that was changed', async () => {
    const wb = await reload(await workbookFromPlans([planTargetForm(ctx(2026))]));
    await addPlannedSheet(wb, planTargetForm(ctx(2025)));
    expect(wb.worksheets.filter((w) => w.name.startsWith('_BT_LISTS'))).toHaveLength(1);
    const listsWs = wb.getWorksheet(LISTS_SHEET)!;
    listsWs.getCell('B1').value = 'tampered';
    listsWs.getCell('Z40').value = 'stray';
    await addPlannedSheet(wb, planSelfEvaluation(ctx(2026)));
    const back = await reload(wb);
    expect(back.worksheets.map((w) => w.name)).toEqual(['绩效目标-', '_BT_LISTS', '绩效目标- (2)', '绩效自评-']);
    const lists = planListsSheet();
    const ws = back.getWorksheet(LISTS_SHEET)!;
    expect(sheetValues(ws, 40, 26)).toEqual(Array.from({ length: 40 }, (_, r) => Array.from({ length: 26 }, (_, c) => lists.cells[r]?.[c] ?? null)));
    expect(ws.state).toBe('veryHidden');
  });
});

describe('Office.js: list formulas and one _BT_LISTS', () => {
  it('writes the 二级 rule as a formula source and makes _BT_LISTS very hidden, two syncs', async () => {
    const { fake, context } = createFakeExcel();
    const plan = planTargetForm(ctx(2026));
    const result = await insertPlans(context, [plan, planSelfEvaluation(ctx(2026))], fake.support);
    expect(result.sheets).toEqual(['绩效目标-', '绩效自评-']);
    expect(fake.syncCount).toBe(2);
    expect(fake.sheets.map((s) => s.name)).toEqual(['Sheet1', '绩效目标-', '绩效自评-', '_BT_LISTS']);
    expect(fake.sheet(LISTS_SHEET).visibility).toBe('VeryHidden');
    const lists = planListsSheet();
    expect(fake.grid(LISTS_SHEET, lists.cells.length, lists.cells[0].length)).toEqual(lists.cells);
    const sheet = fake.sheet('绩效目标-');
    for (const v of listFormulas(plan)) {
      const got = sheet.validations.find((x) => x.address === v.range);
      expect(got?.rule).toEqual({ list: { inCellDropDown: true, source: v.formula } });
      expect(v.formula.startsWith("=OFFSET('_BT_LISTS'!$A$3,")).toBe(true);
    }
    expect(sheet.merges.length).toBe(plan.merges.length);
  });

  it('uses the _BT_LISTS already there when it is the same, and rewrites it when it differs', async () => {
    const lists = planListsSheet();
    const cells: Record<string, string | number> = {};
    lists.cells.forEach((row, r) => row.forEach((v, c) => v !== null && (cells[address(r + 1, c + 1)] = v as string | number)));
    const same = createFakeExcel({ sheets: [{ name: 'Sheet1' }, { name: LISTS_SHEET, cells }] });
    await insertPlans(same.context, [planTargetForm(ctx(2026))], same.fake.support);
    expect(same.fake.sheets.map((s) => s.name)).toEqual(['Sheet1', LISTS_SHEET, '绩效目标-']);
    expect(same.fake.syncCount).toBe(2);
    expect(same.fake.grid(LISTS_SHEET, lists.cells.length, lists.cells[0].length)).toEqual(lists.cells);

    const changed = createFakeExcel({ sheets: [{ name: 'Sheet1' }, { name: LISTS_SHEET, cells: { ...cells, B1: 'old', AC50: 'stray' } }] });
    await insertPlans(changed.context, [planTargetForm(ctx(2026))], changed.fake.support);
    expect(changed.fake.sheets.filter((s) => s.name === LISTS_SHEET)).toHaveLength(1);
    expect(changed.fake.grid(LISTS_SHEET, lists.cells.length, lists.cells[0].length)).toEqual(lists.cells);
    expect(changed.fake.content(LISTS_SHEET, 'AC50')).toBeNull();
    expect(changed.fake.sheet(LISTS_SHEET).visibility).toBe('VeryHidden');
    expect(changed.fake.syncCount).toBe(2);
  });
});

function formTextOf(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'object' ? null : String(v);
}

describe('check skips _BT_LISTS', () => {
  it('reading a workbook with forms reports nothing about the lists sheet', async () => {
    const wb = await reload(await workbookFromPlans([planTargetForm(ctx(2026))]));
    const read = readWorkbook(wb);
    expect(read.issues.filter((i) => i.sheet === LISTS_SHEET)).toEqual([]);
  });
});
