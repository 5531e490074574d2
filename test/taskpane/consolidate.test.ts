import { Money } from '../../src/core/money';
import { BREAKDOWN_SHEET } from '../../src/core/plan/unit-breakdown';
import { planWorkbook } from '../../src/core/plan/workbook';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import type { SpecId } from '../../src/core/specs/types';
import type { UnitProblem } from '../../src/core/consolidate/types';
import { consolidateNeeds, problemsByUnit, SHOWN_PER_UNIT } from '../../src/taskpane/consolidate';
import { departmentPlans, readPickedWorkbooks, screen } from '../../src/taskpane/consolidate-run';
import { initialState } from '../../src/taskpane/form';
import { workbookFromPlans } from '../../src/xlsx/writer';
import { figuresOf } from '../../src/core/consolidate/figures';
import { readBreakdownGrid } from '../../src/core/consolidate/read-breakdown';
import { readWorkbookBytes } from '../../src/xlsx/browser-reader';
import { sharesAt, splitAddress } from '../../src/taskpane/shares';

/** 汇总所属单位 in the pane: what it needs first, the screening by unit, and files read as the pane reads them. */

const NOW = new Date(2026, 5, 1);
const seed = SEED_BUDGETS.find((s) => s.id === '2021-shanghai-social-security-card-unit')!;

async function unitFile(name: string): Promise<File> {
  const sample = sampleFromSeed(seed);
  const specs = Object.keys(sample.data) as SpecId[];
  const wb = await workbookFromPlans(planWorkbook({ ctx: sample.ctx, data: sample.data, specs, options: { subtotals: 'values' } }));
  return new File([new Uint8Array(await wb.xlsx.writeBuffer())], name);
}

describe('汇总所属单位: the step it still needs', () => {
  const dept = { ...initialState('department', NOW), org: '上海市公安局', year: '2021' };
  test('a department, its name and year, then files; each said in turn until done', () => {
    expect(consolidateNeeds({ ...dept, level: 'unit' }, 3, NOW)).toEqual({ key: 'consolidate.needs.department' });
    expect(consolidateNeeds({ ...dept, org: ' ' }, 3, NOW)).toEqual({ key: 'consolidate.needs.org' });
    expect(consolidateNeeds({ ...dept, year: '21' }, 3, NOW)).toEqual({ key: 'consolidate.needs.org' });
    expect(consolidateNeeds(dept, 0, NOW)).toEqual({ key: 'consolidate.needs.files' });
    expect(consolidateNeeds(dept, 2, NOW)).toBeNull();
  });

  test('findings grouped by the file they came from, errors flagged', () => {
    const p = (source: string, kind: UnitProblem['kind']): UnitProblem => ({ unit: source.replace('.xlsx', ''), source, kind, sheet: 'T1', cell: 'A1', message: kind });
    const groups = problemsByUnit([p('a.xlsx', 'unknown-code'), p('b.xlsx', 'unit-errors'), p('a.xlsx', 'other-year')]);
    expect(groups.map((g) => [g.source, g.errors, g.problems.map((x) => x.kind)])).toEqual([
      ['a.xlsx', false, ['unknown-code', 'other-year']],
      ['b.xlsx', true, ['unit-errors']],
    ]);
    expect(SHOWN_PER_UNIT).toBe(20);
  });
});

describe('汇总所属单位: files read in the pane and summed by the core', () => {
  test('a file that is no workbook is named with the reader’s words; the others are read', async () => {
    const read = await readPickedWorkbooks([await unitFile('卡中心.xlsx'), new File([new Uint8Array([1, 2, 3])], '坏文件.xlsx')]);
    expect(read.workbooks.map((w) => w.source)).toEqual(['卡中心.xlsx']);
    expect(read.unread).toEqual([{ file: '坏文件.xlsx', detail: expect.stringMatching(/zip|损坏|不完整/) }]);
  });

  test('the same unit twice (two files of one name, from two folders) is a finding; summed anyway it counts once, and 分单位明细 is planned', async () => {
    const { workbooks } = await readPickedWorkbooks([await unitFile('卡中心.xlsx'), await unitFile('卡中心.xlsx')]);
    expect(workbooks.map((w) => w.source)).toEqual(['卡中心.xlsx', '卡中心.xlsx (2)']);
    const problems = screen(workbooks, 2021);
    expect(problems.some((p) => p.kind === 'duplicate-unit' && p.source === '卡中心.xlsx (2)')).toBe(true);
    expect(() => departmentPlans(workbooks, { department: '某局', year: 2021, tier: '区级' }, false)).toThrow(/未汇总/);
    const { consolidation, plans } = departmentPlans(workbooks, { department: '某局', year: 2021, tier: '区级' }, true);
    expect(consolidation.units).toEqual(['上海市社会保障卡服务中心']);
    expect(consolidation.ctx).toMatchObject({ level: 'department', org: '某局', year: 2021, tier: '区级' });
    expect(plans.map((p) => p.name)).toContain(BREAKDOWN_SHEET);
    // the department's total is the one unit's, exactly
    const t3 = consolidation.data.T3;
    expect(t3?.kind).toBe('coded');
    if (t3?.kind === 'coded') expect((t3.total.total as Money).toFixed(0)).toBe('47061988');
  });
});

describe('所属单位构成: the units’ shares of a department cell', () => {
  test('a T3 figure names its unit and amount from 分单位明细; another cell says why it cannot', async () => {
    const { workbooks } = await readPickedWorkbooks([await unitFile('卡中心.xlsx')]);
    const { plans } = departmentPlans(workbooks, { department: '某局', year: 2021, tier: '市级' }, false);
    const wb = await workbookFromPlans(plans);
    const read = readWorkbookBytes(new Uint8Array(await wb.xlsx.writeBuffer()));
    const breakdown = read.grids.map(readBreakdownGrid).find((b) => b !== null) ?? null;
    const figure = figuresOf(read.sheets, 'department').find((f) => f.table === 'T3' && f.code === '2040202' && f.key === 'total')!;
    const view = sharesAt(read.sheets, breakdown, `'${figure.sheet}'!${figure.cell}`);
    expect(view).toMatchObject({ sheet: figure.sheet, cell: figure.cell, name: '一般行政管理事务', column: '合计', unit: 'yuan', total: '29,518,606.00' });
    expect('shares' in view && view.shares).toEqual([{ unit: '上海市社会保障卡服务中心', amount: '29,518,606.00' }]);
    expect(sharesAt(read.sheets, breakdown, `'${figure.sheet}'!A1`)).toEqual({ key: 'shares.notAFigure', params: { sheet: figure.sheet, cell: 'A1' } });
    expect(sharesAt(read.sheets, null, `'${figure.sheet}'!${figure.cell}`)).toEqual({ key: 'shares.noBreakdown' });
    expect(splitAddress("'It''s'!$B$7:C9")).toEqual({ sheet: "It's", cell: 'B7' });
  });
});

