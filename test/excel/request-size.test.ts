import { isPlanText } from '../../src/core/plan/text-cells';
import { planWorkbook } from '../../src/core/plan/workbook';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import type { SeedBudget } from '../../src/core/seed-types';
import type { CodedTableData } from '../../src/core/model';
import type { SheetPlan } from '../../src/core/plan/types';
import { address } from '../../src/core/plan/a1';
import { insertProjectForms, listProjects } from '../../src/taskpane/forms-workbook';
import { PAYLOAD_BUDGET_BYTES } from '../../src/excel/payload';
import { validateWorkbook } from '../../src/excel/validate';
import { insertPlans } from '../../src/excel/writer';
import { createFakeExcel, MODERN_HOST, REQUEST_LIMIT_BYTES, type FakeRequestContext, type Scalar } from './fake-excel';

/**
 * Excel on the web refuses a request or a response over 5 MB. The stand-in measures each
 * sync and fails above that; the add-in keeps every sync near its 1 MB budget, with syncs
 * growing with the data.
 */
jest.setTimeout(120_000);

/** The largest request and response of the syncs since `from`. */
function largest(fake: FakeRequestContext, from = 0): { request: number; response: number } {
  const p = fake.payloads.slice(from);
  return { request: Math.max(...p.map((x) => x.request)), response: Math.max(...p.map((x) => x.response)) };
}

/** What the budget allows one sync, with room for an estimate that is off. */
const NEAR_BUDGET = 1.5 * PAYLOAD_BUDGET_BYTES;

describe('the stand-in refuses a sync over 5 MB', () => {
  it('a write of 6 MB fails at the sync, as Excel on the web refuses it', async () => {
    const { context } = createFakeExcel();
    const ws = context.workbook.worksheets.getItem('Sheet1');
    const text = '预'.repeat(10_000); // 30 KB as UTF-8
    ws.getRange('A1:A200').values = Array.from({ length: 200 }, () => [text]);
    await expect(context.sync()).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
  });

  it('so does loading 6 MB, and the load brings nothing', async () => {
    const { fake, context } = createFakeExcel();
    const ws = context.workbook.worksheets.getItem('Sheet1');
    ws.getRange('A1:A200').values = Array.from({ length: 200 }, () => ['预'.repeat(10_000)]);
    await context.sync().catch(() => undefined);
    // two syncs of 3 MB each pass
    ws.getRange('A1:A100').values = Array.from({ length: 100 }, () => ['预'.repeat(10_000)]);
    await context.sync();
    ws.getRange('A101:A200').values = Array.from({ length: 100 }, () => ['预'.repeat(10_000)]);
    await context.sync();
    const r = ws.getRange('A1:A200');
    r.load('values');
    await expect(context.sync()).rejects.toThrow(/response of \d+ bytes/);
    expect(() => r.values).toThrow(/PropertyNotLoaded/);
    expect(fake.payloads[fake.payloads.length - 1].response).toBeGreaterThan(REQUEST_LIMIT_BYTES);
  });
});

describe('validating a department workbook of 50,000 coded rows', () => {
  it('reads it in syncs under the budget, a few dozen of them', async () => {
    const seed = SEED_BUDGETS.find((s) => s.id === '2020-shanghai-hrss-department')!;
    const sample = sampleFromSeed(seed);
    const t3 = sample.data.T3 as CodedTableData;
    const rows = Array.from({ length: 50_000 }, (_, i) => t3.rows[i % t3.rows.length]);
    const [plan]: SheetPlan[] = planWorkbook({ ctx: sample.ctx, data: { ...sample.data, T3: { ...t3, rows } }, specs: ['T3'], options: { subtotals: 'values' } });
    // the clerk's workbook: the cells as the plan has them (its few formulas showing their results)
    const cells: Record<string, Scalar> = {};
    const results: Record<string, Scalar> = {};
    plan.cells.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === '') return;
        const at = address(r + 1, c + 1);
        cells[at] = isPlanText(v) ? v.text : v;
        if (typeof v === 'string' && v.startsWith('=')) results[at] = plan.results[at] ?? v.replace(/^="?|"$/g, '');
      }),
    );
    expect(plan.cells.length).toBeGreaterThan(50_000);
    const { fake, context } = createFakeExcel({ support: MODERN_HOST, sheets: [{ name: plan.name, cells, results }] });

    const v = await validateWorkbook(context);
    expect(v.sheets).toBe(1);
    const { response } = largest(fake);
    expect(response).toBeLessThanOrEqual(NEAR_BUDGET);
    // what was read in all is several budgets: the syncs grew with it
    const read = fake.payloads.reduce((n, p) => n + p.response, 0);
    expect(read).toBeGreaterThan(4 * PAYLOAD_BUDGET_BYTES);
    expect(fake.syncCount).toBeGreaterThanOrEqual(2 + Math.ceil(read / NEAR_BUDGET));
    expect(fake.syncCount).toBeLessThan(2 + Math.ceil((3 * read) / PAYLOAD_BUDGET_BYTES));
  });
});

describe('writing a template of 15,000 coded rows', () => {
  it('sends its cells and number formats in row blocks, each sync under the budget', async () => {
    const seed = SEED_BUDGETS.find((s) => s.id === '2020-shanghai-hrss-department')!;
    const sample = sampleFromSeed(seed);
    const t3 = sample.data.T3 as CodedTableData;
    const rows = Array.from({ length: 15_000 }, (_, i) => t3.rows[i % t3.rows.length]);
    const plans = planWorkbook({ ctx: sample.ctx, data: { ...sample.data, T3: { ...t3, rows } }, specs: ['T3'], options: { subtotals: 'values' } });
    const { fake, context } = createFakeExcel({ support: MODERN_HOST });
    const { sheets } = await insertPlans(context, plans, MODERN_HOST);
    const { request } = largest(fake);
    expect(request).toBeLessThanOrEqual(NEAR_BUDGET);
    const written = fake.payloads.reduce((n, p) => n + p.request, 0);
    expect(written).toBeGreaterThan(PAYLOAD_BUDGET_BYTES);
    expect(fake.syncCount).toBeLessThan(2 + Math.ceil((3 * written) / PAYLOAD_BUDGET_BYTES));
    // the last row is there, as planned
    const last = plans[0].cells.length;
    expect(fake.grid(sheets[0], last, plans[0].cells[0].length)[last - 1]).toEqual(plans[0].cells[last - 1].map((v) => (v === '' ? null : v)));
  });
});

describe('inserting forms for 60 projects', () => {
  it('writes them, each with its list rules and the summary linking them, in syncs under the budget', async () => {
    const seed = JSON.parse(JSON.stringify(SEED_BUDGETS.find((s) => s.id === '2021-shanghai-social-security-card-unit')!)) as SeedBudget;
    // 60 projects under 2040202, adding up to the same 29,518,606
    const item = (seed.tables.U2 as { rows: { code: string; amount: string; projects: { no: number; name: string; amount: string }[] }[] }).rows.find((r) => r.code === '2040202')!;
    const total = Number(item.amount);
    item.projects = Array.from({ length: 60 }, (_, i) => ({ no: i + 1, name: `项目${String(i + 1).padStart(2, '0')}运行维护费`, amount: String(i < 59 ? 100_000 : total - 59 * 100_000) }));
    const sample = sampleFromSeed(seed);
    const plans = planWorkbook({ ctx: sample.ctx, data: sample.data, specs: ['U1', 'U2'], options: { subtotals: 'formulas' } });
    const { fake, context } = createFakeExcel({ support: MODERN_HOST });
    const { sheets } = await insertPlans(context, plans, MODERN_HOST);
    const results = new Map(sheets.map((name, i) => [name, plans[i].results]));
    fake.calculate((_f, sheet, addr) => results.get(sheet)?.[addr]);

    const projects = (await listProjects(context)).map((p) => p.name).filter((n) => n.startsWith('项目'));
    expect(projects).toHaveLength(60);
    const from = fake.syncCount;
    const made = await insertProjectForms(context, { projects, kinds: { target: true, self: true, statement: false, summary: true }, department: '上海市人力资源和社会保障局' }, MODERN_HOST);
    expect(made.sheets.length).toBe(121);
    const { request } = largest(fake, from);
    expect(request).toBeLessThanOrEqual(NEAR_BUDGET);
    const written = fake.payloads.slice(from).reduce((n, p) => n + p.request, 0);
    expect(written).toBeGreaterThan(PAYLOAD_BUDGET_BYTES);
    // a handful of syncs, not one per sheet or cell
    expect(fake.syncCount - from).toBeLessThan(3 + 2 + Math.ceil((2 * written) / PAYLOAD_BUDGET_BYTES));
    // every link of the summary and every list rule points at a sheet that was there when written
    for (const s of fake.sheets) for (const cell of s.cells.values()) expect(cell.formula ?? '').not.toContain('#REF!');
  });
});
