import { callsBudget } from '../../src/core/prepare';
import type { SheetPlan } from '../../src/core/plan/types';
import { planWorkbook } from '../../src/core/plan/workbook';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import type { SpecId } from '../../src/core/specs/types';
import { countBudgetFormulas, freezeBudgetFormulas, NotReadyError } from '../../src/excel/prepare';
import { insertPlans, type SupportCheck } from '../../src/excel/writer';
import {
  createFakeExcel,
  DEFAULT_PROTECTION,
  FakeOfficeError,
  FakeRequestContext,
  MODERN_HOST,
  supportUpTo,
  type ExistingSheet,
  type FakeCell,
  type Scalar,
} from './fake-excel';

// ------------------------------------------------------------------------------ helpers

const HOSTS: [string, SupportCheck][] = [
  ['ExcelApi 1.17', MODERN_HOST],
  ['ExcelApi 1.11 (no dynamic-array API)', supportUpTo({ ExcelApi: '1.11' })],
  ['ExcelApi 1.7', supportUpTo({ ExcelApi: '1.7' })],
];

function samplePlans(seedIndex: number): SheetPlan[] {
  const sample = sampleFromSeed(SEED_BUDGETS[seedIndex]);
  return planWorkbook({
    ctx: sample.ctx,
    data: sample.data,
    projects: sample.projects,
    specs: [...(Object.keys(sample.data) as SpecId[]), 'project'],
    options: { subtotals: 'formulas' },
  });
}

/** A clerk's own sheet: BUDGET formulas typed in several ways, among other formulas and values. */
const CLERK: ExistingSheet = {
  name: '我的测算',
  cells: {
    A1: '测算表',
    A6: '2080505',
    E6: 44119958,
    B6: '=BUDGET.NAME(A6)',
    F6: '=budget.wan(E6)',
    G6: '=ROUND(BUDGET.WAN(E6),2)',
    H6: '=Budget.Parent(A6)',
    I6: '=E6/10000',
    J6: '="BUDGET.WAN(E6)"',
    K6: '=SUM(E6:E9)',
    F7: '=BUDGET.LEVEL(A6)',
    B9: '=BUDGET.NAME(A99)',
    C9: '=IF(E6>0,"BUDGET.NAME(",0)',
  },
  results: {
    B6: '机关事业单位基本养老保险缴费支出',
    F6: 4411.9958,
    G6: 4412,
    H6: '20805',
    I6: 4411.9958,
    J6: 'BUDGET.WAN(E6)',
    K6: 44119958,
    F7: '项',
    B9: '#N/A',
    C9: 'BUDGET.NAME(',
  },
  numberFormats: { A6: '@', E6: '#,##0' },
};
/** What the clerk's BUDGET cells hold once frozen. */
const CLERK_FROZEN: Record<string, Scalar> = {
  B6: '机关事业单位基本养老保险缴费支出',
  F6: 4411.9958,
  G6: 4412,
  H6: '20805', // still text, not the number 20805
  F7: '项',
  B9: '#N/A',
};

/** A sample workbook as the task pane makes it (subtotals as BUDGET.ROLLUP), with Excel's results in place. */
async function sampleWorkbook(seedIndex = 2, support: SupportCheck = MODERN_HOST, clerk: ExistingSheet[] = [CLERK]) {
  const plans = samplePlans(seedIndex);
  const { fake, context } = createFakeExcel({ support, sheets: clerk });
  const { sheets } = await insertPlans(context, plans, support);
  // The fake does not calculate: each formula shows the published figure the plan cached.
  const results = new Map(sheets.map((name, i) => [name, plans[i].results]));
  fake.calculate((_f, sheet, addr) => results.get(sheet)?.[addr]);
  return { fake, context, plans, sheets };
}

/** Every cell holding a BUDGET formula, as `sheet!A1` → the value it shows. */
function budgetCells(fake: FakeRequestContext): Map<string, Scalar> {
  const out = new Map<string, Scalar>();
  for (const s of fake.sheets) {
    for (const [addr, cell] of s.cells) if (cell.formula && callsBudget(cell.formula)) out.set(`${s.name}!${addr}`, cell.result!);
  }
  return out;
}

type Snapshot = { cells: [string, FakeCell][] } & Record<string, unknown>;
const snapshot = (fake: FakeRequestContext, name: string) => JSON.parse(fake.snapshotSheet(name)) as Snapshot;

/**
 * Asserts that, between two snapshots of a sheet, the listed cells went from a formula to the
 * expected value and nothing else changed at all: not another cell, format, merge, validation
 * or the protection.
 */
function expectOnlyFrozen(before: Snapshot, after: Snapshot, frozen: Map<string, Scalar>): void {
  const { cells: cellsBefore, ...restBefore } = before;
  const { cells: cellsAfter, ...restAfter } = after;
  expect(restAfter).toEqual(restBefore);
  const want = new Map(cellsBefore);
  for (const [addr, value] of frozen) {
    const cell = want.get(addr);
    expect({ addr, formula: cell?.formula ?? null }).toEqual({ addr, formula: expect.stringMatching(/^=/) });
    const next: FakeCell = { ...cell!, formula: null, value };
    delete next.result;
    want.set(addr, next);
  }
  expect(Object.fromEntries(cellsAfter)).toEqual(Object.fromEntries(want));
}

function frozenOn(all: Map<string, Scalar>, sheet: string): Map<string, Scalar> {
  const out = new Map<string, Scalar>();
  for (const [key, v] of all) if (key.startsWith(`${sheet}!`)) out.set(key.slice(sheet.length + 1), v);
  return out;
}

// ------------------------------------------------------------------------------ the sample workbook

describe('freezing a sample workbook', () => {
  for (const [host, support] of HOSTS) {
    it(`turns every BUDGET formula into its value and changes nothing else, in 4 syncs, on ${host}`, async () => {
      const { fake, context } = await sampleWorkbook(2, support);
      const expected = budgetCells(fake);
      expect(expected.size).toBeGreaterThan(100);
      const names = fake.sheets.map((s) => s.name);
      const before = new Map(names.map((n) => [n, snapshot(fake, n)]));
      const protectedBefore = names.filter((n) => fake.sheet(n).protection.protected);
      expect(protectedBefore.length).toBeGreaterThan(10);

      const syncs = fake.syncCount;
      const result = await freezeBudgetFormulas(context, support);
      expect(fake.syncCount - syncs).toBe(4);
      expect(fake.pendingOps).toBe(0);

      expect(result.cells).toBe(expected.size);
      expect(result.sheets.reduce((n, s) => n + s.cells, 0)).toBe(expected.size);
      expect(result.sheets.map((s) => s.name)).toEqual(names.filter((n) => frozenOn(expected, n).size > 0));
      for (const s of result.sheets) {
        expect(s.cells).toBe(frozenOn(expected, s.name).size);
        expect(s.protected).toBe(protectedBefore.includes(s.name));
        expect(s.spilled).toBe(0);
      }
      for (const n of names) expectOnlyFrozen(before.get(n)!, snapshot(fake, n), frozenOn(expected, n));
      // the templates are protected again, with the writer's options
      for (const n of protectedBefore) {
        expect(fake.sheet(n).protection).toMatchObject({ protected: true, password: null });
        expect(fake.sheet(n).protection.options).toMatchObject({ allowInsertRows: true, allowDeleteRows: true, allowFormatColumns: true, allowFormatRows: true, selectionMode: 'Normal' });
      }
      expect(budgetCells(fake).size).toBe(0);
      // the clerk's BUDGET cells hold their values, typed right; the other formulas are still formulas
      for (const [addr, v] of Object.entries(CLERK_FROZEN)) expect({ addr, got: fake.content(CLERK.name, addr) }).toEqual({ addr, got: v });
      for (const addr of ['I6', 'J6', 'K6', 'C9']) expect(fake.content(CLERK.name, addr)).toBe(CLERK.cells![addr]);
      expect(result.sheets.find((s) => s.name === CLERK.name)).toEqual({ name: CLERK.name, cells: 6, spilled: 0, errors: 1, protected: false });
    });
  }

  for (let i = 0; i < SEED_BUDGETS.length; i++) {
    it(`syncs exactly 3 times to count and 4 to freeze the ${SEED_BUDGETS[i].id} sample`, async () => {
      const { fake, context, plans } = await sampleWorkbook(i, MODERN_HOST, []);
      const formulas = plans.reduce((n, p) => n + Object.keys(p.results).length, 0);

      let syncs = fake.syncCount;
      const count = await countBudgetFormulas(context, fake.support);
      expect(fake.syncCount - syncs).toBe(3);
      expect(count.cells).toBe(formulas);
      expect(count.notReady).toEqual([]);

      syncs = fake.syncCount;
      const frozen = await freezeBudgetFormulas(context, fake.support);
      expect(fake.syncCount - syncs).toBe(4);
      expect(frozen.cells).toBe(formulas);
      expect(frozen.sheets.map(({ name, cells }) => ({ name, cells }))).toEqual(count.sheets);
      // the first batch loads the sheet names; the second where each used range lies and each
      // sheet's protection; the third reads every sheet's cells at once (under 1 MB)
      const withCells = fake.sheets.filter((x) => [...x.cells.values()].some((c) => c.value !== null || c.formula !== null));
      expect(fake.batches.slice(-4, -1)).toEqual([1, 2 * fake.sheets.length, withCells.length]);
    });
  }

  it('counting changes nothing', async () => {
    const { fake, context } = await sampleWorkbook();
    const before = fake.sheets.map((s) => fake.snapshotSheet(s.name));
    const count = await countBudgetFormulas(context, fake.support);
    expect(count.cells).toBe(budgetCells(fake).size);
    expect(count.sheets.find((s) => s.name === CLERK.name)).toEqual({ name: CLERK.name, cells: 6 });
    expect(fake.sheets.map((s) => fake.snapshotSheet(s.name))).toEqual(before);
    expect(fake.pendingOps).toBe(0);
  });

  it('freezing twice: the second time there is nothing left, in 3 syncs', async () => {
    const { fake, context } = await sampleWorkbook();
    await freezeBudgetFormulas(context, fake.support);
    const before = fake.sheets.map((s) => fake.snapshotSheet(s.name));
    const syncs = fake.syncCount;
    expect(await freezeBudgetFormulas(context, fake.support)).toEqual({ cells: 0, sheets: [] });
    expect(fake.syncCount - syncs).toBe(3);
    expect(fake.sheets.map((s) => fake.snapshotSheet(s.name))).toEqual(before);
  });

  it('writes a few 2D arrays per sheet, not one call per cell', async () => {
    const { fake, context } = await sampleWorkbook(2, MODERN_HOST, []);
    const cells = budgetCells(fake).size;
    await freezeBudgetFormulas(context, fake.support);
    const writes = fake.batches[fake.batches.length - 1];
    expect(writes).toBeLessThan(cells / 2);
  });
});

// ------------------------------------------------------------------------------ nothing to freeze

describe('nothing to freeze', () => {
  const cases: [string, ExistingSheet[]][] = [
    ['an empty workbook', []],
    ['a workbook of values and other formulas', [{ name: 'A', cells: { A1: 'BUDGET.WAN(E6)', B1: '=SUM(C1:C3)', C1: 1, D1: '="=BUDGET.X(1)"' }, results: { B1: 1, D1: '=BUDGET.X(1)' } }]],
    ['empty sheets, one of them protected', [{ name: 'A' }, { name: 'B', protected: true }]],
  ];
  for (const [what, sheets] of cases) {
    it(`reports 0 cells for ${what} and changes nothing, in 3 syncs (2 when no sheet has cells)`, async () => {
      const { fake, context } = createFakeExcel({ sheets });
      const before = fake.sheets.map((s) => fake.snapshotSheet(s.name));
      expect(await countBudgetFormulas(context, fake.support)).toEqual({ cells: 0, sheets: [], notReady: [] });
      expect(await freezeBudgetFormulas(context, fake.support)).toEqual({ cells: 0, sheets: [] });
      expect(fake.syncCount).toBe(sheets.some((s) => s.cells) ? 6 : 4);
      expect(fake.pendingOps).toBe(0);
      expect(fake.sheets.map((s) => fake.snapshotSheet(s.name))).toEqual(before);
    });
  }
});

// ------------------------------------------------------------------------------ the used range

describe('the used range', () => {
  it('is read from where it starts, not from A1', async () => {
    const { fake, context } = createFakeExcel({
      sheets: [{ name: 'Far', cells: { D20: 5, F22: '=BUDGET.WAN(D20)', G22: '=budget.wan(D20)', F23: '=BUDGET.NAME(D20)' }, results: { F22: 0.0005, G22: 0.0005, F23: '#N/A' } }],
    });
    const result = await freezeBudgetFormulas(context, fake.support);
    expect(result).toEqual({ cells: 3, sheets: [{ name: 'Far', cells: 3, spilled: 0, errors: 1, protected: false }] });
    expect(fake.grid('Far', 23, 7).slice(19)).toEqual([
      [null, null, null, 5, null, null, null],
      [null, null, null, null, null, null, null],
      [null, null, null, null, null, 0.0005, 0.0005],
      [null, null, null, null, null, '#N/A', null],
    ]);
  });
});

// ------------------------------------------------------------------------------ values not ready

describe('formulas without a usable value', () => {
  for (const value of ['#BUSY!', '#GETTING_DATA', '#NAME?', '#SPILL!']) {
    it(`are reported by the count and refused by freeze (${value}), before anything is written`, async () => {
      const { fake, context } = createFakeExcel({
        sheets: [
          { name: 'A', cells: { A1: '=BUDGET.WAN(1)' }, results: { A1: 0 } },
          { name: 'B', cells: { C3: '=BUDGET.WAN(E6)', C4: '=BUDGET.NAME(A1)' }, results: { C3: value, C4: 'x' }, protected: true },
        ],
      });
      const before = fake.sheets.map((s) => fake.snapshotSheet(s.name));
      const count = await countBudgetFormulas(context, fake.support);
      expect(count).toEqual({
        cells: 3,
        sheets: [
          { name: 'A', cells: 1 },
          { name: 'B', cells: 2 },
        ],
        notReady: [{ sheet: 'B', address: 'C3', value }],
      });
      const err = await freezeBudgetFormulas(context, fake.support).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NotReadyError);
      expect((err as NotReadyError).cells).toEqual([{ sheet: 'B', address: 'C3', value }]);
      expect(fake.sheets.map((s) => fake.snapshotSheet(s.name))).toEqual(before);
      expect(fake.pendingOps).toBe(0);
    });
  }
});

// ------------------------------------------------------------------------------ protection

describe('protected sheets', () => {
  it('are unprotected for the writes and protected again with the options they had', async () => {
    const options = { allowFormatCells: true, allowSort: true, selectionMode: 'Unlocked' as const };
    const { fake, context } = createFakeExcel({
      sheets: [{ name: 'P', cells: { A1: '=BUDGET.WAN(100000)', A2: 3 }, results: { A1: 10 }, protected: true, protectionOptions: options }],
    });
    const before = snapshot(fake, 'P');
    const result = await freezeBudgetFormulas(context, fake.support);
    expect(result.sheets).toEqual([{ name: 'P', cells: 1, spilled: 0, errors: 0, protected: true }]);
    expect(fake.sheet('P').protection).toEqual({ protected: true, options: { ...DEFAULT_PROTECTION, ...options }, password: null });
    expectOnlyFrozen(before, snapshot(fake, 'P'), new Map([['A1', 10]]));
  });

  it('a sheet with a password stops the run there: the sheets before are done and protected again, it and the rest untouched', async () => {
    const sheets: ExistingSheet[] = [
      { name: 'A', cells: { A1: '=BUDGET.WAN(1)' }, results: { A1: 0.0001 }, protected: true },
      { name: 'B', cells: { A1: '=BUDGET.WAN(2)' }, results: { A1: 0.0002 }, password: 'secret' },
      { name: 'C', cells: { A1: '=BUDGET.WAN(3)' }, results: { A1: 0.0003 }, protected: true },
    ];
    const { fake, context } = createFakeExcel({ sheets });
    const before = fake.sheets.map((s) => fake.snapshotSheet(s.name));
    const err = await freezeBudgetFormulas(context, fake.support).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FakeOfficeError);
    expect(fake.content('A', 'A1')).toBe(0.0001);
    expect(fake.sheet('A').protection.protected).toBe(true);
    expect([fake.snapshotSheet('B'), fake.snapshotSheet('C')]).toEqual(before.slice(1));

    // The clerk removes the password; running again finishes the rest.
    fake.sheet('B').protection.password = null;
    const again = await freezeBudgetFormulas(context, fake.support);
    expect(again.sheets.map((s) => s.name)).toEqual(['B', 'C']);
    expect([fake.content('B', 'A1'), fake.content('C', 'A1')]).toEqual([0.0002, 0.0003]);
    expect(fake.sheets.every((s) => s.protection.protected)).toBe(true);
  });
});

// ------------------------------------------------------------------------------ spills

describe('BUDGET formulas that spill', () => {
  /** 合计 and each 类 and 款, as BUDGET.ROLLUP lists them without a code. */
  const LISTING: Scalar[][] = [
    ['208', '社会保障和就业支出', 300],
    ['20805', '行政事业单位养老支出', 300],
    ['合计', '', 300],
  ];
  const sheet = (): ExistingSheet => ({
    name: 'S',
    cells: { A2: '2080505', E2: 100, A3: '2080506', E3: 200, G2: '=BUDGET.ROLLUP(A2:A3,E2:E3)', K2: '=SEQUENCE(2)', G8: '=BUDGET.WAN(E2)' },
    results: { G8: 0.01 },
    spills: { G2: LISTING, K2: [[1], [2]] },
  });

  it('keep every spilled value, as values, in one more sync; other spills stay formulas', async () => {
    const { fake, context } = createFakeExcel({ sheets: [sheet()] });
    const result = await freezeBudgetFormulas(context, fake.support);
    expect(fake.syncCount).toBe(5);
    expect(result).toEqual({ cells: 2, sheets: [{ name: 'S', cells: 2, spilled: 8, errors: 0, protected: false }] });
    expect(fake.grid('S', 4, 9).slice(1).map((r) => r.slice(6))).toEqual(LISTING.map((r) => r.map((v) => (v === '' ? null : v))));
    expect(typeof fake.content('S', 'G2')).toBe('string'); // the code 208 stays text
    expect(fake.content('S', 'G8')).toBe(0.01);
    expect(fake.content('S', 'K2')).toBe('=SEQUENCE(2)');
    expect(fake.sheet('S').spills.map((s) => s.anchor)).toEqual(['K2']);
    expect(fake.shown('S', 'K3')).toBe(2);
  });

  it('the count needs no spill lookup', async () => {
    const { fake, context } = createFakeExcel({ sheets: [sheet()] });
    expect((await countBudgetFormulas(context, fake.support)).cells).toBe(2);
    expect(fake.syncCount).toBe(3);
  });

  it('a sheet whose only spill is not a BUDGET formula still costs the lookup, and keeps its spill', async () => {
    const { fake, context } = createFakeExcel({
      sheets: [{ name: 'S', cells: { A1: '=BUDGET.WAN(1)', K2: '=SEQUENCE(2)' }, results: { A1: 0.0001 }, spills: { K2: [[1], [2]] } }],
    });
    const result = await freezeBudgetFormulas(context, fake.support);
    expect(result.sheets[0]).toMatchObject({ cells: 1, spilled: 0 });
    expect(fake.syncCount).toBe(5);
    expect(fake.sheet('S').spills).toHaveLength(1);
  });
});

// ------------------------------------------------------------------------------ the fake's new parts

describe('the Office.js fake: reading ranges', () => {
  it('loads the used range before reading it, and a null object tells only that it is one', async () => {
    const { fake, context } = createFakeExcel({ sheets: [{ name: 'A', cells: { B2: 1, C3: '=B2*2' }, results: { C3: 2 } }, { name: 'Empty' }] });
    const ws = context.workbook.worksheets.getItem('A');
    const used = ws.getUsedRangeOrNullObject(true);
    expect(() => used.isNullObject).toThrow(/PropertyNotLoaded/);
    used.load('address,formulas,values');
    expect(() => used.formulas).toThrow(/PropertyNotLoaded/);
    const empty = context.workbook.worksheets.getItem('Empty').getUsedRangeOrNullObject(true);
    empty.load('address');
    await context.sync();
    expect(used.isNullObject).toBe(false);
    expect(used.address).toBe('A!B2:C3');
    expect(used.formulas).toEqual([
      [1, ''],
      ['', '=B2*2'],
    ]);
    expect(used.values).toEqual([
      [1, ''],
      ['', 2],
    ]);
    expect(() => used.numberFormat).toThrow(/PropertyNotLoaded/);
    expect(empty.isNullObject).toBe(true);
    expect(() => empty.address).toThrow(/InvalidOperation/);
    expect(() => (empty.values = [[1]])).toThrow(/InvalidOperation/);
    expect(() => used.load('valuez')).toThrow(/InvalidArgument/);
    expect(fake.syncCount).toBe(1);
  });

  it('refuses to read the value of a formula nobody calculated', () => {
    const { context } = createFakeExcel({ sheets: [{ name: 'A', cells: { A1: '=1+1' } }] });
    expect(() => context.workbook.worksheets.getItem('A').getRange('A1').load('values')).toThrow(/NotModeled/);
  });

  it('quotes sheet names in addresses as Excel does', async () => {
    const { context } = createFakeExcel({ sheets: [{ name: '单位收入总表', cells: { A1: 1 } }, { name: "it's", cells: { A1: 1 } }] });
    const a = context.workbook.worksheets.getItem('单位收入总表').getRange('A1:B2').load('address');
    const b = context.workbook.worksheets.getItem("it's").getRange('A1').load('address');
    await context.sync();
    expect([a.address, b.address]).toEqual(["'单位收入总表'!A1:B2", "'it''s'!A1"]);
  });

  it('writes values like typing, and a written formula has no value until calculated', () => {
    const { fake, context } = createFakeExcel();
    const ws = context.workbook.worksheets.getItem('Sheet1');
    ws.getRange('A1:D1').values = [["'20402", '20402', '=A2', 'x']];
    expect(fake.grid('Sheet1', 1, 4)).toEqual([['20402', 20402, '=A2', 'x']]);
    expect(() => fake.shown('Sheet1', 'C1')).toThrow(/NotModeled/);
    fake.setResult('Sheet1', 'C1', 0);
    expect(fake.shown('Sheet1', 'C1')).toBe(0);
    ws.getRange('C1').formulas = [['=A3']];
    expect(() => fake.shown('Sheet1', 'C1')).toThrow(/NotModeled/);
  });

  it('unprotects only a protected sheet, and only with its password', () => {
    const { fake, context } = createFakeExcel({ sheets: [{ name: 'A' }, { name: 'B', password: 'pw' }] });
    const a = context.workbook.worksheets.getItem('A');
    expect(() => a.protection.unprotect()).toThrow(/InvalidOperation/);
    a.protection.protect({ allowSort: true });
    expect(fake.sheet('A').protection.options).toEqual({ ...DEFAULT_PROTECTION, allowSort: true });
    a.protection.unprotect();
    a.getRange('A1').values = [[1]];
    const b = context.workbook.worksheets.getItem('B');
    expect(() => b.protection.unprotect()).toThrow(/InvalidArgument/);
    expect(() => (b.getRange('A1').values = [[1]])).toThrow(/AccessDenied/);
    b.protection.unprotect('pw');
    b.getRange('A1').values = [[1]];
    const old = createFakeExcel({ support: supportUpTo({ ExcelApi: '1.1' }), sheets: [{ name: 'C', protected: true }] });
    expect(() => old.context.workbook.worksheets.getItem('C').protection.unprotect()).toThrow(/ApiNotFound/);
  });

  it('models spills: spilled cells read as values, vanish with their formula, and block when written into', async () => {
    const { fake, context } = createFakeExcel({ sheets: [{ name: 'A', cells: { A1: '=SEQUENCE(3)', C1: '=SEQUENCE(2)' }, spills: { A1: [[1], [2], [3]], C1: [[1], [2]] } }] });
    expect(() => fake.spill('A', 'C1', [[1, 2]])).not.toThrow(); // re-spilling the same formula is fine
    expect(() => fake.spill('A', 'C1', [[1], [2], [3], [4]])).not.toThrow();
    const ws = context.workbook.worksheets.getItem('A');
    const used = ws.getUsedRangeOrNullObject(true).load('address,formulas,values,hasSpill');
    const to = ws.getRange('A1').getSpillingToRangeOrNullObject().load('address');
    const none = ws.getRange('B1').getSpillingToRangeOrNullObject().load('address');
    await context.sync();
    expect(used.address).toBe('A!A1:C4');
    expect(used.formulas.map((r) => r[0])).toEqual(['=SEQUENCE(3)', 2, 3, '']);
    expect(used.values.map((r) => r[0])).toEqual([1, 2, 3, '']);
    expect(used.hasSpill).toBeNull();
    expect(to.address).toBe('A!A1:A3');
    expect(none.isNullObject).toBe(true);

    ws.getRange('A1').values = [[7]];
    expect(fake.shown('A', 'A2')).toBe('');
    ws.getRange('C3').values = [['x']];
    expect(fake.shown('A', 'C1')).toBe('#SPILL!');
    expect(fake.shown('A', 'C2')).toBe('');
    expect(fake.sheet('A').spills).toEqual([]);
    expect(() => createFakeExcel({ sheets: [{ name: 'A', cells: { A1: '=X()', A2: 5 }, spills: { A1: [[1], [2]] } }] })).toThrow(/not empty/);
    expect(() => createFakeExcel({ support: supportUpTo({ ExcelApi: '1.11' }) }).context.workbook.worksheets.getItem('Sheet1').getRange('A1').load('hasSpill')).toThrow(/ApiNotFound/);
  });
});
