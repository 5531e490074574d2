import { seedSelfEvaluationPlans, seedTargetPlans, withBudgetValues } from '../../src/cli/forms';
import { formText } from '../../src/core/plan/forms';
import { planTargetForm } from '../../src/core/plan/forms';
import { LISTS_SHEET } from '../../src/core/plan/lists';
import type { SheetPlan } from '../../src/core/plan/types';
import { planWorkbook } from '../../src/core/plan/workbook';
import { planProjectForms, projectChoices } from '../../src/core/plan/prefill';
import type { ModelSheet, ProjectTableData } from '../../src/core/model';
import { RULES } from '../../src/core/rules/catalog-of-rules';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import type { SpecId } from '../../src/core/specs/types';
import { applyMarks, clearMarks, MARK_FILL } from '../../src/excel/marks';
import { gridFromUsedRange, validateWorkbook } from '../../src/excel/validate';
import { insertPlans, type SupportCheck } from '../../src/excel/writer';
import { createFakeExcel, FakeRequestContext, MODERN_HOST, supportUpTo, type ExistingSheet } from './fake-excel';

function samplePlans(seedIndex: number): SheetPlan[] {
  const sample = sampleFromSeed(SEED_BUDGETS[seedIndex]);
  return planWorkbook({
    ctx: sample.ctx,
    data: sample.data,
    projects: sample.projects,
    specs: [...(Object.keys(sample.data) as SpecId[]), 'project'],
    options: { subtotals: 'values' },
  });
}

const CLERK: ExistingSheet = {
  name: '我的测算',
  cells: { A1: '测算表', B2: 12, C2: '=B2*2' },
  results: { C2: 24 },
  fills: { B2: '#00B0F0' },
  comments: { C2: '按上年数测算' },
};

async function sampleWorkbook(support: SupportCheck = MODERN_HOST, seedIndex = 2, clerk: ExistingSheet[] = [CLERK]) {
  const plans = samplePlans(seedIndex);
  const { fake, context } = createFakeExcel({ support, sheets: clerk });
  const { sheets } = await insertPlans(context, plans, support);
  const results = new Map(sheets.map((name, i) => [name, plans[i].results]));
  fake.calculate((_f, sheet, addr) => results.get(sheet)?.[addr]);
  return { fake, context, plans, sheets };
}

/** A first amount cell of a coded table's data rows: the first number below the header on a sheet. */
function someAmountCell(fake: FakeRequestContext, sheet: string): string {
  const cells = [...fake.sheet(sheet).cells.entries()]
    .filter(([, c]) => typeof c.value === 'number' && c.value > 0 && c.formula === null)
    .map(([a]) => a);
  // the amount of the row above the last (the 合计 row): a leaf row, under some subtotal
  const rowOf = (a: string) => Number(a.replace(/^[A-Z]+/, ''));
  const last = Math.max(...cells.map(rowOf));
  return cells.filter((a) => rowOf(a) < last).sort((a, b) => rowOf(b) - rowOf(a) || (a < b ? -1 : 1))[0];
}

/** Every cell's content, fill and comment, per sheet. */
function state(fake: FakeRequestContext): string {
  return JSON.stringify(
    fake.sheets
      .map((s) => ({
        name: s.name,
        protection: s.protection,
        cells: [...s.cells.entries()]
          .filter(([, c]) => c.value !== null || c.formula !== null || c.fill !== null)
          .map(([a, c]) => [a, c.value, c.formula, c.result ?? null, c.fill])
          .sort(),
      })),
  ) + JSON.stringify(fake.comments.map((c) => [c.sheet.name, c.address, c.content]).sort());
}

function contents(fake: FakeRequestContext): string {
  return JSON.stringify(
    fake.sheets
      .map((s) => [s.name, [...s.cells.entries()].filter(([, c]) => c.value !== null || c.formula !== null).map(([a, c]) => [a, c.value, c.formula]).sort()]),
  );
}

describe('gridFromUsedRange', () => {
  it('pads from A1 so addresses stay the sheet’s own, and reads errors and formulas', () => {
    const g = gridFromUsedRange('表', "'表'!B3:C4", [[1, ''], ['#N/A', 'x']], [[1, '=A1'], ['=1/0', 'x']]);
    expect(g.values).toEqual([
      [null, null, null],
      [null, null, null],
      [null, 1, null],
      [null, { error: '#N/A' }, 'x'],
    ]);
    expect(g.formulas![2]).toEqual([null, null, '=A1']);
    expect(g.formulas![3]).toEqual([null, '=1/0', null]);
  });
});

describe('validating a workbook in Excel', () => {
  it('finds nothing wrong with a sample, in three syncs whatever the number of sheets (under 1 MB)', async () => {
    const { fake, context, sheets } = await sampleWorkbook();
    const progress: string[] = [];
    const snapshots = fake.sheets.map((x) => fake.snapshotSheet(x.name));
    const before = fake.syncCount;
    const v = await validateWorkbook(context, (p) => progress.push(`${p.done}/${p.total} ${p.sheet}`));
    expect(fake.syncCount - before).toBe(3);
    // the first batch loads the names, the second where each used range lies, the third every
    // sheet's cells at once; nothing is written
    expect(fake.batches.slice(-3)).toEqual([1, fake.sheets.length, fake.sheets.length]);
    expect(fake.sheets.map((x) => fake.snapshotSheet(x.name))).toEqual(snapshots);
    expect(v.counts.error).toBe(0);
    expect(v.ready).toBe(true);
    expect(v.sheets).toBe(sheets.length);
    expect(progress).toHaveLength(sheets.length + 1);
    expect(progress[progress.length - 1]).toBe(`${sheets.length + 1}/${sheets.length + 1} ${sheets[sheets.length - 1]}`);

    const small = await sampleWorkbook(MODERN_HOST, 0, []);
    const b2 = small.fake.syncCount;
    await validateWorkbook(small.context);
    expect(small.fake.syncCount - b2).toBe(3);
    expect(small.sheets.length).not.toBe(sheets.length);
  });

  it('does not read _BT_LISTS, the forms\' drop-down lists, as a table', async () => {
    const { fake, context } = createFakeExcel({ sheets: [CLERK] });
    const plan = planTargetForm({ level: 'unit', org: 'X', year: 2026 });
    const { sheets } = await insertPlans(context, [plan], MODERN_HOST);
    fake.calculate((_f, sheet, addr) => (sheet === sheets[0] ? (plan.results[addr] ?? plan.textResults?.[addr]) : undefined));
    expect(fake.sheets.map((s) => s.name)).toContain(LISTS_SHEET);
    const v = await validateWorkbook(context);
    expect(v.findings.filter((f) => f.sheet === LISTS_SHEET)).toEqual([]);
    expect(v.findings.some((f) => f.sheet === CLERK.name && f.rule === RULES.notRecognised.id)).toBe(true);
  });

  it('finds a wrong amount at its cell, marks it, and changes no value or formula', async () => {
    const { fake, context, sheets } = await sampleWorkbook();
    const sheet = sheets.find((n) => n === '单位收入总表')!;
    const addr = someAmountCell(fake, sheet);
    const cell = fake.sheet(sheet).cells.get(addr)!;
    cell.value = (cell.value as number) + 1000;

    const v = await validateWorkbook(context);
    expect(v.ready).toBe(false);
    const errors = v.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    // the wrong amount is named at its own cell (the row does not add up) and at its parent's
    expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ sheet, cell: addr, rule: RULES.rowParts.id })]));
    expect(errors.some((f) => f.sheet === sheet && f.rule === RULES.subtotal.id)).toBe(true);
    const contentBefore = contents(fake);

    const before = fake.syncCount;
    const result = await applyMarks(context, v.findings, fake.support);
    // the sheets and the record; where the comments are; the fills; the record first; each
    // protected sheet in its own batch; the record last
    const protectedSheets = new Set(v.findings.filter((f) => fake.sheet(f.sheet).protection.protected).map((f) => f.sheet)).size;
    expect(fake.syncCount - before).toBeLessThanOrEqual(5 + protectedSheets);
    expect(fake.pendingOps).toBe(0);
    expect(contents(fake)).toBe(contentBefore);
    expect(result.comments).toBe(true);

    const marked = new Set(v.findings.filter((f) => f.rule !== RULES.notRecognised.id).map((f) => `${f.sheet}!${f.cell}`));
    expect(result.marked).toBe(marked.size);
    for (const f of v.findings) {
      if (f.rule === RULES.notRecognised.id) continue;
      const worst = v.findings.some((g) => g.sheet === f.sheet && g.cell === f.cell && g.severity === 'error') ? 'error' : 'warning';
      expect({ at: `${f.sheet}!${f.cell}`, fill: fake.cell(f.sheet, f.cell).fill }).toEqual({ at: `${f.sheet}!${f.cell}`, fill: MARK_FILL[worst] });
      expect(fake.comment(f.sheet, f.cell)).toContain(`【${f.severity === 'error' ? '错误' : '提示'}】${f.message}`);
    }
    // protected templates were protected again
    expect(fake.sheet(sheet).protection.protected).toBe(true);
    // the record is kept out of sight: no sheet is added
    expect(fake.sheets.map((s) => s.name)).not.toContain('_BT_MARKS');
    expect(fake.customXmlParts.length).toBeGreaterThan(0);
    // validating again reads the same, not the marks sheet
    const again = await validateWorkbook(context);
    expect(again.findings).toEqual(v.findings);
  });

  for (const [host, support] of [
    ['ExcelApi 1.17', MODERN_HOST],
    ['ExcelApi 1.9 (no comments)', supportUpTo({ ExcelApi: '1.9' })],
    ['ExcelApi 1.7 (no fill pattern)', supportUpTo({ ExcelApi: '1.7' })],
  ] as const) {
    it(`validate, mark, mark again, clear: every value, formula, fill and comment as before, on ${host}`, async () => {
      const { fake, context, sheets } = await sampleWorkbook(support);
      const sheet = sheets.find((n) => n === '单位收入总表')!;
      const addr = someAmountCell(fake, sheet);
      const cell = fake.sheet(sheet).cells.get(addr)!;
      cell.value = (cell.value as number) + 1000;
      const v = await validateWorkbook(context);
      const at = v.findings.find((f) => f.sheet === sheet && f.severity === 'error')!;
      expect(at).toBeDefined();
      // a pre-existing fill and comment on the cell that will be marked
      fake.sheet(sheet).cells.get(at.cell)!.fill = '#92D050';
      if (support('ExcelApi', '1.10')) fake.comments.push({ sheet: fake.sheet(sheet), address: at.cell, content: '请核对' });
      const before = state(fake);
      const sheetCount = fake.sheets.length;
      const marked = await applyMarks(context, v.findings, support);
      expect(fake.cell(at.sheet, at.cell).fill).toBe(MARK_FILL.error);
      // the clerk's comment stays as it is: that cell is marked by its fill alone
      if (support('ExcelApi', '1.10')) {
        expect(fake.comment(at.sheet, at.cell)).toBe('请核对');
        expect(marked.fillOnly).toBe(1);
        const other = v.findings.find((f) => f.rule !== RULES.notRecognised.id && `${f.sheet}!${f.cell}` !== `${at.sheet}!${at.cell}`)!;
        expect(fake.comment(other.sheet, other.cell)).toMatch(/^【(错误|提示)】/);
      }
      expect(fake.sheets.length).toBe(sheetCount);

      // fix the amount: marking again puts back the cells no longer found
      cell.value = (cell.value as number) - 1000;
      const fixed = await validateWorkbook(context);
      const syncs = fake.syncCount;
      await applyMarks(context, fixed.findings, support);
      expect(fake.syncCount - syncs).toBeLessThanOrEqual(6);
      expect(fake.cell(at.sheet, at.cell).fill).not.toBe(MARK_FILL.error);

      // and again with the error back, then clear
      cell.value = (cell.value as number) + 1000;
      await applyMarks(context, (await validateWorkbook(context)).findings, support);
      await applyMarks(context, (await validateWorkbook(context)).findings, support);
      const s2 = fake.syncCount;
      const cleared = await clearMarks(context, support);
      expect(fake.syncCount - s2).toBeLessThanOrEqual(6);
      expect(cleared.marked).toBe(0);
      expect(state(fake)).toBe(before);
      expect(fake.customXmlParts).toEqual([]);
      expect(fake.sheets.length).toBe(sheetCount);
      expect(fake.cell(sheet, at.cell).fill).toBe('#92D050');
      if (support('ExcelApi', '1.10')) expect(fake.comment(sheet, at.cell)).toBe('请核对');
      expect(fake.cell(CLERK.name, 'B2').fill).toBe('#00B0F0');

      // clearing with nothing marked: one sync, nothing changed
      const s3 = fake.syncCount;
      await clearMarks(context, support);
      expect(fake.syncCount - s3).toBe(1);
      expect(state(fake)).toBe(before);
    });
  }
});

describe('validating performance forms in Excel', () => {
  /** The sample forms inserted into a workbook, every formula showing the plan's result. */
  async function formsWorkbook(plans: SheetPlan[]) {
    const { fake, context } = createFakeExcel({ support: MODERN_HOST, sheets: [CLERK] });
    const { sheets } = await insertPlans(context, plans, MODERN_HOST);
    const results = new Map(sheets.map((name, i) => [name, { ...plans[i].textResults, ...plans[i].results }]));
    // a text planned as the formula ="…" shows its words, as Excel calculates it
    fake.calculate((f, sheet, addr) => results.get(sheet)?.[addr] ?? formText({ formula: f.replace(/^=/, '') }) ?? undefined);
    return { fake, context, sheets };
  }

  it('a target such as =100% goes into its text-formatted cell as text (never a formula), and is read as =100%', async () => {
    const { fake, context } = await formsWorkbook([seedTargetPlans()[0]]);
    const cell = fake.cell('绩效目标-制卡设备更新及维护费', 'E15');
    expect(cell.formula).toBeNull();
    expect(cell.value).toBe('=100.00(%)');
    expect(cell.numberFormat).toBe('@');
    // an older workbook's ="…" formula still reads as its words
    expect(formText({ formula: '"=100.00(%)"' })).toBe('=100.00(%)');
    const v = await validateWorkbook(context);
    expect(v.findings.filter((f) => f.sheet !== CLERK.name)).toEqual([]);
  });

  it('a form sheet validated in the workbook yields the findings at their cells, in three syncs', async () => {
    const targets = seedTargetPlans().map(withBudgetValues);
    const evals = seedSelfEvaluationPlans().map(withBudgetValues);
    // 交换平台运行费 (=0.00(%) satisfaction) and 信息化运维项目 (a blank target); 敬老卡制作费 (执行率 0.01 % high)
    const { fake, context } = await formsWorkbook([targets[8], targets[7], evals[8], evals[0]]);
    const before = fake.syncCount;
    const v = await validateWorkbook(context);
    expect(fake.syncCount - before).toBe(3);
    expect(v.findings.map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`)).toEqual([
      `not-recognised warning ${CLERK.name}!A1`,
      'form-suspicious warning 绩效目标-交换平台运行费!E22',
      'form-target error 绩效目标-信息化运维项目!E15',
      'self-rate error 绩效自评-2021年(社保卡中心)敬老卡制作费!G6',
    ]);
    expect(v.findings[3].message).toBe('执行率填为99.74%，应为99.73%（全年执行数2,557,145.00元 ÷ 全年预算数2,564,000.00元）');
    expect(v).toMatchObject({ ready: false, counts: { error: 2, warning: 2 }, sheets: 4 });
  });

  it('a clerk’s edit in Excel is caught at its cell: a 二级 under the wrong 一级, a score typed as text', async () => {
    const { fake, context } = await formsWorkbook([seedTargetPlans()[0], seedSelfEvaluationPlans().map(withBudgetValues)[0]]);
    fake.sheet('绩效目标-制卡设备更新及维护费').cells.get('B15')!.value = '生态效益指标';
    fake.sheet('绩效自评-2021年(社保卡中心)交换平台运行费').cells.get('G13')!.value = '20';
    const v = await validateWorkbook(context);
    expect(v.findings.filter((f) => f.rule !== 'not-recognised').map((f) => `${f.rule} ${f.severity} ${f.cell}`)).toEqual([
      'text-amount warning G13',
      'form-level2 error B15',
    ]);
    expect(v.findings.find((f) => f.rule === 'form-level2')!.message).toBe(
      '三级指标“制卡设备维护完成率”的二级指标“生态效益指标”不属于一级指标“产出指标”（应为数量指标、质量指标、时效指标）',
    );
  });

  it('a 绩效目标汇总表 inserted with its forms is read, not 不是可识别的预算表, and a link typed over is caught at its cell', async () => {
    const seed = SEED_BUDGETS.find((x) => x.id === '2021-shanghai-social-security-card-unit')!;
    const sample = sampleFromSeed(seed);
    const u2: ModelSheet[] = [{ sheetName: '单位财政拨款项目支出表', specId: 'U2', context: sample.ctx, data: sample.data.U2 as ProjectTableData }];
    const names = projectChoices(u2).map((c) => c.name).slice(0, 3);
    const plans = planProjectForms(sample.ctx, u2, names, { summary: true });
    const { fake, context, sheets } = await formsWorkbook(plans);
    expect(sheets[0]).toBe('绩效目标汇总表');
    const summaryRules = ['summary-total', 'summary-vs-form', 'summary-missing', 'summary-no-form'];
    const v = await validateWorkbook(context);
    expect(v.findings.filter((f) => f.sheet === '绩效目标汇总表' || summaryRules.includes(f.rule))).toEqual([]);
    expect(v.findings.filter((f) => f.rule === 'not-recognised').map((f) => f.sheet)).toEqual([CLERK.name]);
    // the clerk types a figure over the second line's link to 正式居住证制作费 (7,958,000)
    const c5 = fake.sheet('绩效目标汇总表').cells.get('C5')!;
    expect(c5.formula).toMatch(/正式居住证制作费'!E7$/);
    Object.assign(c5, { formula: null, value: 7958100 });
    const after = await validateWorkbook(context);
    expect(after.findings.filter((f) => summaryRules.includes(f.rule)).map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`)).toEqual([
      'summary-total error 绩效目标汇总表!C7',
      'summary-vs-form error 绩效目标汇总表!C5',
    ]);
  });
});
