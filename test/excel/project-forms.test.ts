import { TARGET_CELLS, SELF_CELLS } from '../../src/core/plan/forms';
import type { SheetPlan } from '../../src/core/plan/types';
import { planWorkbook } from '../../src/core/plan/workbook';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import { insertProjectForms, listProjects } from '../../src/taskpane/forms-workbook';
import { insertPlans } from '../../src/excel/writer';
import { outcomeNotes } from '../../src/taskpane/result';
import { DEFAULT_KINDS, formsOutcomes } from '../../src/taskpane/project-forms';
import { createFakeExcel, MODERN_HOST, type ExistingSheet } from './fake-excel';

/**
 * The 绩效表 section against the typed fake of Excel: the 2021 card-centre unit's U1 and U2 put
 * in the workbook the way the pane inserts them, then listed and turned into forms.
 */

const seed = SEED_BUDGETS.find((s) => s.id === '2021-shanghai-social-security-card-unit')!;
const NOW = new Date('2026-12-01T00:00:00Z');

/** A clerk's sheet already named as the first form would be. */
const CLERK: ExistingSheet = { name: '绩效目标-正式居住证制作费', cells: { A1: '我自己做的草稿', B2: 42 } };

async function workbookWithU2(existing: ExistingSheet[] = [CLERK]) {
  const sample = sampleFromSeed(seed);
  const plans: SheetPlan[] = planWorkbook({ ctx: sample.ctx, data: sample.data, specs: ['U1', 'U2'], options: { subtotals: 'formulas' } });
  const { fake, context } = createFakeExcel({ support: MODERN_HOST, sheets: existing });
  const { sheets } = await insertPlans(context, plans, MODERN_HOST);
  // what Excel would show for the 合计 formulas
  const results = new Map(sheets.map((name, i) => [name, plans[i].results]));
  fake.calculate((_f, sheet, addr) => results.get(sheet)?.[addr]);
  return { fake, context };
}

describe('绩效表 in Excel', () => {
  test('lists the U2 projects with their amounts, in three syncs, changing nothing', async () => {
    const { fake, context } = await workbookWithU2();
    const snapshot = () => fake.sheets.map((s) => fake.snapshotSheet(s.name)).join('\n');
    const before = snapshot();
    fake.syncCount = 0;
    const items = await listProjects(context as unknown as Excel.RequestContext);
    expect(fake.syncCount).toBe(3);
    expect(items).toHaveLength(14);
    expect(items[1]).toEqual({ name: '正式居住证制作费', amount: '7,958,000.00' });
    expect(snapshot()).toBe(before);
  });

  test('a workbook without U2 lists nothing', async () => {
    const { context } = createFakeExcel({ support: MODERN_HOST, sheets: [CLERK] });
    expect(await listProjects(context as unknown as Excel.RequestContext)).toEqual([]);
  });

  test('inserts the forms prefilled, renames around the clerk’s sheet and leaves it as it was', async () => {
    const { fake, context } = await workbookWithU2();
    const clerkBefore = JSON.stringify([...fake.sheet(CLERK.name).cells.entries()]);
    const result = await insertProjectForms(
      context as unknown as Excel.RequestContext,
      { projects: ['正式居住证制作费', '交换平台运行费'], kinds: { ...DEFAULT_KINDS, self: true, summary: true }, department: '上海市人力资源和社会保障局' },
      MODERN_HOST,
      NOW,
    );
    // the summary first, then the target forms, then the self-evaluations
    expect(result.sheets).toHaveLength(5);
    expect(result.sheets[0]).toBe('绩效目标汇总表');
    const outcomes = formsOutcomes(result.wanted, result.sheets).slice(1);
    expect(result.wanted[1]).toBe(CLERK.name);
    // the first form's own name is taken: it gets another, and the pane says so
    expect(outcomes[0].renamed).toBe(true);
    expect(outcomes[0].name).not.toBe(CLERK.name);
    expect(outcomes.slice(1).every((o) => !o.renamed)).toBe(true);
    expect(outcomeNotes(outcomes)).toEqual([{ key: 'status.renamed', params: { wanted: outcomes[0].wanted, name: outcomes[0].name } }]);
    expect(result.notes).toEqual([]);
    // the summary's first row reads the renamed form
    const summary = fake.sheet(result.sheets[0]);
    expect([...summary.cells.values()].some((c) => c.formula?.includes(`'${result.sheets[1]}'!B3`))).toBe(true);
    expect(JSON.stringify([...fake.sheet(CLERK.name).cells.entries()])).toBe(clerkBefore);

    const target = fake.sheet(result.sheets[1]);
    expect(target.cells.get(TARGET_CELLS.projectName)?.value).toBe('正式居住证制作费');
    expect(target.cells.get(TARGET_CELLS.department)?.value).toBe('上海市人力资源和社会保障局');
    expect(target.cells.get(TARGET_CELLS.unit)?.value).toBe('上海市社会保障卡服务中心');
    expect(target.cells.get(TARGET_CELLS.annualFiscal)?.value).toBe(7958000);
    const self = fake.sheet(result.sheets[3]);
    expect(self.cells.get(SELF_CELLS.projectName)?.value).toBe('正式居住证制作费');
    expect(self.cells.get(SELF_CELLS.unit)?.value).toBe('上海市社会保障卡服务中心');
  });

  test('a project deleted from U2 since the list was read is refused before anything is written', async () => {
    const { fake, context } = await workbookWithU2();
    const names = fake.sheets.map((s) => s.name);
    await expect(
      insertProjectForms(context as unknown as Excel.RequestContext, { projects: ['已不在表中的项目'], kinds: DEFAULT_KINDS, department: '' }, MODERN_HOST, NOW),
    ).rejects.toThrow(/找不到以下项目/);
    expect(fake.sheets.map((s) => s.name)).toEqual(names);
  });
});
