import { withMadeNames } from '../../src/core/plan/pack';
import { parseRange, rangeAddress } from '../../src/core/plan/a1';
import { isPlanText, plainCell } from '../../src/core/plan/text-cells';
import type { CellStyle, SheetPlan } from '../../src/core/plan/types';
import { planWorkbook } from '../../src/core/plan/workbook';
import { Money } from '../../src/core/money';
import { splitCode } from '../../src/core/codes';
import { sampleFromSeed, type SampleBudget } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import type { SeedAmount, SeedBudget } from '../../src/core/seed-types';
import type { SpecId } from '../../src/core/specs/types';
import { charsToPoints, insertPlans, SHEET_FONT, type SupportCheck } from '../../src/excel/writer';

/** what a 类/款/合计 row's amounts are formatted as (build.ts): zero prints blank */
const SUBTOTAL_FORMAT = '#,##0;-#,##0;';
import {
  a1,
  asExcelContext,
  createFakeExcel,
  FakeOfficeError,
  FakeRequestContext,
  MODERN_HOST,
  supportUpTo,
  type ExistingSheet,
  type FakeExcelOptions,
} from './fake-excel';

// ------------------------------------------------------------------------------ helpers

const LEVELS = ['unit', 'department'] as const;
const CTX = (level: (typeof LEVELS)[number]) => ({ level, org: 'X', year: 2026 });
const templates = (level: (typeof LEVELS)[number]) => planWorkbook({ ctx: CTX(level) });

/** Hosts: current Excel, one with data validation but no page layout, and the manifest minimum. */
const HOSTS: [string, SupportCheck][] = [
  ['ExcelApi 1.17', MODERN_HOST],
  ['ExcelApi 1.8', supportUpTo({ ExcelApi: '1.8' })],
  ['ExcelApi 1.7', supportUpTo({ ExcelApi: '1.7' })],
];

/** Sample plans; `values` types the published subtotals in, `formulas` writes BUDGET.ROLLUP. */
function samplePlans(sample: SampleBudget, subtotals: 'values' | 'formulas' = 'values'): SheetPlan[] {
  return planWorkbook({
    ctx: sample.ctx,
    data: sample.data,
    projects: sample.projects,
    specs: [...(Object.keys(sample.data) as SpecId[]), 'project'],
    options: { subtotals },
  });
}

async function insert(plans: SheetPlan[], options: FakeExcelOptions = {}) {
  const { fake, context } = createFakeExcel(options);
  const result = await insertPlans(context, plans, fake.support);
  return { fake, result };
}

function cellsOf(range: string): [number, number][] {
  const { r1, c1, r2, c2 } = parseRange(range);
  const out: [number, number][] = [];
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) out.push([r, c]);
  return out;
}

/** What the plan's styles make of each cell, replayed in order as Excel applies them (later wins). */
function replayStyles(plan: SheetPlan): Map<string, CellStyle> {
  const out = new Map<string, CellStyle>();
  for (const { range, style } of plan.styles) {
    for (const [r, c] of cellsOf(range)) {
      const key = a1(r, c);
      out.set(key, { ...out.get(key), ...style });
    }
  }
  return out;
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', center: 'Center', bottom: 'Bottom' } as const;
const width = (plan: SheetPlan) => plan.cells[0].length;

/** Asserts that a sheet made from a plan holds exactly what the plan says, on a host with the given sets. */
function expectSheetMatchesPlan(fake: FakeRequestContext, sheetName: string, plan: SheetPlan, support: SupportCheck): void {
  const sheet = fake.sheet(sheetName);
  const rows = plan.cells.length;
  const cols = width(plan);
  const where = `${sheetName} (${plan.specId})`;

  // Contents: every planned cell, null ↔ empty, and nothing outside the plan.
  expect({ where, grid: fake.grid(sheetName, rows, cols) }).toEqual({ where, grid: plan.cells.map((r) => r.map(plainCell)) });
  // Text from a person or a file is a value, whatever it starts with, never a formula.
  const textFormulas = plan.cells.flatMap((r, i) => r.flatMap((v, j) => (isPlanText(v) && fake.cell(sheetName, a1(i + 1, j + 1)).formula !== null ? [a1(i + 1, j + 1)] : [])));
  expect({ where, textFormulas }).toEqual({ where, textFormulas: [] });
  const planned = plan.cells.flat().filter((v) => v !== null).length;
  expect({ where, filled: fake.filledCells(sheetName).size }).toEqual({ where, filled: planned });

  // Merges: exactly the planned ones.
  expect({ where, merges: sheet.merges.map((m) => rangeAddress(m.r1, m.c1, m.r2, m.c2)).sort() }).toEqual({
    where,
    merges: [...plan.merges].sort(),
  });

  // Formats, cell by cell, as the styles replayed.
  const styles = replayStyles(plan);
  const mismatches: string[] = [];
  const note = (addr: string, what: string, got: unknown, want: unknown) => {
    if (got !== want) mismatches.push(`${addr} ${what}: got ${String(got)}, want ${String(want)}`);
  };
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= cols; c++) {
      const addr = a1(r, c);
      const cell = fake.cell(sheetName, addr);
      const s = styles.get(addr) ?? {};
      note(addr, 'font', cell.font.name, SHEET_FONT);
      note(addr, 'size', cell.font.size, s.fontSize ?? 11);
    }
  }
  for (const [addr, s] of styles) {
    const cell = fake.cell(sheetName, addr);
    note(addr, 'numberFormat', cell.numberFormat, s.numberFormat ?? 'General');
    note(addr, 'locked', cell.locked, s.locked ?? true);
    note(addr, 'bold', cell.font.bold, s.bold ?? false);
    note(addr, 'color', cell.font.color, s.color?.toUpperCase());
    note(addr, 'hAlign', cell.horizontalAlignment, s.hAlign ? H_ALIGN[s.hAlign] : 'General');
    note(addr, 'vAlign', cell.verticalAlignment, s.vAlign ? V_ALIGN[s.vAlign] : 'Bottom');
    note(addr, 'wrap', cell.wrapText, s.wrap ?? false);
    note(addr, 'fill', cell.fill, s.fill ?? null);
    note(addr, 'indent', cell.indentLevel, support('ExcelApi', '1.9') ? s.indent ?? 0 : 0);
    if (s.border) {
      for (const edge of ['top', 'bottom', 'left', 'right'] as const) {
        const b = cell.borders[edge];
        note(addr, `border ${edge}`, `${b?.style}/${b?.weight}/${b?.color}`, 'Continuous/Thin/#000000');
      }
    }
  }
  expect({ where, mismatches: mismatches.slice(0, 10) }).toEqual({ where, mismatches: [] });

  // Columns and rows.
  expect([...sheet.columnWidths.entries()].sort((a, b) => a[0] - b[0])).toEqual(plan.columnWidths.map((w, i) => [i + 1, charsToPoints(w)]));
  expect([...sheet.hiddenColumns].sort((a, b) => a - b)).toEqual([...plan.hiddenColumns].sort((a, b) => a - b));
  expect(Object.fromEntries(sheet.rowHeights)).toEqual(plan.rowHeights);
  expect(fake.content(sheetName, plan.markerCell)).toBe(plan.marker);
  expect(sheet.hiddenColumns.has(parseRange(plan.markerCell).c1)).toBe(true);

  // Data validation: set on ExcelApi 1.8, absent without it.
  if (support('ExcelApi', '1.8')) {
    expect(sheet.validations.map((v) => v.address).sort()).toEqual(plan.validations.map((v) => v.range).sort());
    for (const v of plan.validations) {
      const got = sheet.validations.find((x) => x.address === v.range)!;
      if (v.kind === 'list') expect(got.rule).toEqual({ list: { inCellDropDown: true, source: v.items.join(',') } });
      else if (v.kind === 'listFormula') expect(got.rule).toEqual({ list: { inCellDropDown: true, source: v.formula } });
      else expect(got.rule).toEqual({ [v.kind]: { formula1: v.min, formula2: v.max, operator: 'Between' } });
      expect(got.errorAlert).toEqual({ title: v.error.title, message: v.error.text, showAlert: true, style: v.strict ? 'Stop' : 'Warning' });
      expect(got.prompt).toEqual(v.prompt ? { title: v.prompt.title, message: v.prompt.text, showPrompt: true } : null);
    }
    expect(sheet.showGridlines).toBe(false);
  } else {
    expect(sheet.validations).toEqual([]);
    expect(sheet.showGridlines).toBe(true);
  }

  // Defined names point at this sheet.
  for (const n of plan.names) {
    const made = fake.names.filter((x) => x.sheet === sheetName && x.address === n.range);
    expect({ where, name: n.name, made: made.length }).toEqual({ where, name: n.name, made: 1 });
    expect(made[0].name === n.name || made[0].name.startsWith(`${n.name}_`)).toBe(true);
  }

  // Freeze panes, print setup, protection.
  const { rows: fr, columns: fc } = plan.freeze;
  expect(sheet.freeze).toEqual(fr === 0 && fc === 0 ? null : { rows: fr, columns: fc });
  if (support('ExcelApi', '1.9')) {
    expect(sheet.pageLayout).toEqual({
      orientation: plan.print.orientation === 'landscape' ? 'Landscape' : 'Portrait',
      paperSize: 'A4',
      centerHorizontally: true,
      ...(plan.print.fitToWidth ? { zoom: { horizontalFitToPages: 1 } } : plan.print.scale ? { zoom: { scale: plan.print.scale } } : {}),
      ...(plan.print.titleRows ? { printTitleRows: `$${plan.print.titleRows.replace(':', ':$')}` } : {}),
      ...(plan.print.titleColumns ? { printTitleColumns: `$${plan.print.titleColumns.replace(':', ':$')}` } : {}),
      ...(plan.print.area ? { printArea: plan.print.area } : {}),
      // the margins the plan's widths were measured against, in points
      margins: { left: 36, right: 36, top: 43.2, bottom: 43.2, header: 21.6, footer: 21.6 },
      ...(plan.print.rowBreaks?.length ? { rowBreaks: plan.print.rowBreaks } : {}),
    });
  } else {
    expect(sheet.pageLayout).toEqual({});
  }
  expect(sheet.protection.protected).toBe(plan.protect);
  if (plan.protect) expect(sheet.protection.options).toMatchObject({ allowInsertRows: true, allowDeleteRows: true, selectionMode: 'Normal' });
}

/**
 * The clerk's input cells, read from the layout rather than the styles: they must be
 * unlocked and formatted for what is typed there; everything computed must stay locked.
 */
function expectInputCells(fake: FakeRequestContext, sheetName: string, plan: SheetPlan): void {
  const { layout } = plan;
  const [first, last] = layout.dataRows;
  const lastCol = width(plan) - 1; // the marker column is not the clerk's
  const cell = (r: number, c: number) => fake.cell(sheetName, a1(r, c));
  const coded = /^(T[235678]|U1)$/.test(plan.specId);

  for (let r = 1; r <= plan.cells.length; r++) {
    for (let c = 1; c <= width(plan); c++) {
      const v = plan.cells[r - 1][c - 1];
      if (typeof v === 'string' && v.startsWith('=')) expect({ at: a1(r, c), locked: cell(r, c).locked }).toEqual({ at: a1(r, c), locked: true });
    }
  }
  expect(cell(1, 1).locked).toBe(true);
  const marker = parseRange(plan.markerCell);
  expect(cell(marker.r1, marker.c1).locked).toBe(true);

  if (coded || plan.specId === 'U2') {
    const codeOf = (r: number) => plan.cells[r - 1].slice(0, layout.codeColumns).map((v) => plainCell(v) ?? '').join('');
    const codes = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => codeOf(first + i));
    const subtotalRows = new Set(
      codes.flatMap((code, i) => {
        if (code === '') return [];
        const isGroup = plan.specId === 'U2' || codes.some((o) => o !== code && o.startsWith(code));
        return isGroup ? [first + i] : [];
      }),
    );
    for (let r = layout.headerRows[0]; r <= layout.headerRows[1]; r++) for (let c = 1; c <= lastCol; c++) expect(cell(r, c).locked).toBe(true);
    for (let r = first; r <= last; r++) {
      for (let c = 1; c <= lastCol; c++) {
        const v = plan.cells[r - 1][c - 1];
        const formula = typeof v === 'string' && v.startsWith('=');
        expect({ at: a1(r, c), locked: cell(r, c).locked }).toEqual({ at: a1(r, c), locked: formula });
      }
      for (let c = 1; c <= layout.codeColumns; c++) expect(cell(r, c).numberFormat).toBe('@');
      // A 类/款 row (one with a longer code below it; in U2 a row without 序号) prints nothing for nothing; a typed row its 0.
      const format = subtotalRows.has(r) ? SUBTOTAL_FORMAT : '#,##0';
      for (const c of Object.values(layout.amountColumns)) expect({ at: a1(r, c), format: cell(r, c).numberFormat }).toEqual({ at: a1(r, c), format });
    }
    if (layout.totalRow !== null) {
      for (let c = 1; c <= lastCol; c++) expect(cell(layout.totalRow, c).locked).toBe(true);
      for (const c of Object.values(layout.amountColumns)) expect(cell(layout.totalRow, c).numberFormat).toBe(SUBTOTAL_FORMAT);
    }
  }
  if (plan.specId === 'T9') {
    const [row] = layout.dataRows;
    const col = layout.amountColumns;
    for (const k of ['abroad', 'reception', 'vehiclePurchase', 'vehicleRunning', 'operating']) expect(cell(row, col[k]).locked).toBe(false);
    for (const k of ['total', 'vehicleTotal']) expect(cell(row, col[k]).locked).toBe(true);
    for (const c of Object.values(col)) expect(cell(row, c).numberFormat).toBe('0.00');
  }
  if (plan.specId === 'T1' || plan.specId === 'T4') {
    for (let r = first; r <= last; r++) {
      // 收入: the amount beside each printed income line; 支出: the label and every amount
      const incomeLine = plan.cells[r - 1][0] !== null;
      expect({ at: a1(r, 2), locked: cell(r, 2).locked }).toEqual({ at: a1(r, 2), locked: !incomeLine });
      if (incomeLine) expect(cell(r, 2).numberFormat).toBe('#,##0');
      expect(cell(r, 3)).toMatchObject({ locked: false, numberFormat: '@' });
      for (let c = 4; c <= lastCol; c++) expect(cell(r, c)).toMatchObject({ locked: false, numberFormat: '#,##0' });
    }
    for (let c = 1; c <= lastCol; c++) expect(cell(layout.totalRow!, c).locked).toBe(true);
  }
  if (Object.keys(layout.amountColumns).length === 0) {
    // text sections: the paragraphs are typed text
    for (let r = first; r <= last; r++) {
      expect(cell(r, 1).locked).toBe(false);
      expect(cell(r, 1).numberFormat).toBe('@');
    }
  }
}

// ------------------------------------------------------------------------------ the fake itself

describe('the Office.js fake', () => {
  it('refuses to read a collection before its load is synced', async () => {
    const { fake, context } = createFakeExcel({ sheets: [{ name: 'A' }] });
    const sheets = context.workbook.worksheets;
    expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
    sheets.load('items/name');
    expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
    expect(() => context.workbook.names.items).toThrow(/PropertyNotLoaded/);
    await context.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(['A']);
    expect(() => context.workbook.worksheets.getItem('A').name).toThrow(/PropertyNotLoaded/);
    const names = context.workbook.names.load('items/name');
    await context.sync();
    expect(names.items).toEqual([]);
    expect(fake.syncCount).toBe(2);
  });

  it('refuses 2D arrays that do not fit the range, and broadcasts a scalar', () => {
    const { fake, context } = createFakeExcel();
    const ws = context.workbook.worksheets.add('T');
    expect(() => (ws.getRange('A1:C3').formulas = [['1', '2'], ['3', '4']])).toThrow(/InvalidArgument/);
    expect(() => (ws.getRange('A1:B2').numberFormat = [['@']])).toThrow(/InvalidArgument/);
    expect(() => (ws.getRange('A1:B2').formulas = [['a', 'b'], ['c']])).toThrow(/InvalidArgument/);
    expect(() => (ws.getRange('C:C').formulas = [['x']])).toThrow(/InvalidArgument/);
    ws.getRange('A1:B2').numberFormat = '0.00' as unknown as string[][];
    expect(fake.cell('T', 'B2').numberFormat).toBe('0.00');
  });

  it('reads what is typed the way Excel does, unless the cell is text', () => {
    const { fake, context } = createFakeExcel();
    const ws = context.workbook.worksheets.add('T');
    ws.getRange('A1:E1').formulas = [['02', '=SUM(B2:B3)', '1,234', 'TRUE', '']];
    expect(fake.grid('T', 1, 5)).toEqual([[2, '=SUM(B2:B3)', 1234, true, null]]);
    ws.getRange('A2').numberFormat = [['@']];
    ws.getRange('A2').formulas = [['02']];
    expect(fake.content('T', 'A2')).toBe('02');
    ws.getRange('B2').formulas = [[null]];
    expect(fake.content('T', 'B2')).toBeNull();
    expect(() => (ws.getRange('C2').formulas = [['=SUM(A1']])).toThrow(/InvalidArgument/);
  });

  it('refuses a sheet or defined name that exists, and names Excel forbids', () => {
    const { context } = createFakeExcel({ sheets: [{ name: '单位收入总表' }], names: [{ name: 'BT_T2_DATA', sheet: '单位收入总表', address: 'A1' }] });
    const wb = context.workbook;
    expect(() => wb.worksheets.add('单位收入总表')).toThrow(/ItemAlreadyExists/);
    expect(() => wb.worksheets.add('x'.repeat(32))).toThrow(/InvalidArgument/);
    expect(() => wb.worksheets.add('a/b')).toThrow(/InvalidArgument/);
    const ws = wb.worksheets.add('new');
    expect(() => wb.names.add('bt_t2_data', ws.getRange('A1'))).toThrow(/ItemAlreadyExists/);
    expect(() => wb.names.add('AB12', ws.getRange('A1'))).toThrow(/InvalidArgument/);
    expect(() => wb.worksheets.getItem('nope')).toThrow(/ItemNotFound/);
  });

  it('refuses APIs the host lacks, and changes to a protected sheet', () => {
    const { context } = createFakeExcel({ support: supportUpTo({ ExcelApi: '1.7' }) });
    const ws = context.workbook.worksheets.add('T');
    expect(() => (ws.getRange('A1').dataValidation.rule = { decimal: { formula1: 0, formula2: 1, operator: 'Between' } })).toThrow(/ApiNotFound/);
    expect(() => (ws.pageLayout.orientation = 'Landscape')).toThrow(/ApiNotFound/);
    expect(() => (ws.showGridlines = false)).toThrow(/ApiNotFound/);
    expect(() => (ws.getRange('A1').format.indentLevel = 1)).toThrow(/ApiNotFound/);
    ws.freezePanes.freezeRows(2);
    ws.protection.protect();
    expect(() => (ws.getRange('A1').formulas = [['x']])).toThrow(/AccessDenied/);
    expect(() => ws.protection.protect()).toThrow(/AccessDenied/);
  });

  it('keeps only the top-left value of a merge and refuses overlapping merges', () => {
    const { fake, context } = createFakeExcel();
    const ws = context.workbook.worksheets.add('T');
    ws.getRange('A1:B1').formulas = [['keep', 'lost']];
    ws.getRange('A1:B1').merge(false);
    expect(fake.grid('T', 1, 2)).toEqual([['keep', null]]);
    expect(() => ws.getRange('B1:C1').merge(false)).toThrow(FakeOfficeError);
  });
});

// ------------------------------------------------------------------------------ templates

describe('insertPlans: templates', () => {
  for (const level of LEVELS) {
    for (const [host, support] of HOSTS) {
      it(`makes every ${level} template exactly as planned on ${host}`, async () => {
        const plans = templates(level);
        // 封面 and 目录, the five texts, T1–T9, and U1, U2 for a unit
        expect(plans.length).toBe(level === 'unit' ? 18 : 16);
        const { fake, result } = await insert(plans, { support });
        expect(result.sheets).toEqual(plans.map((p) => p.name));
        expect(fake.sheets.map((s) => s.name)).toEqual(['Sheet1', ...plans.map((p) => p.name)]);
        plans.forEach((plan, i) => {
          expectSheetMatchesPlan(fake, result.sheets[i], plan, support);
          expectInputCells(fake, result.sheets[i], plan);
        });
        const wantedNames = plans.flatMap((p) => p.names.map((n) => n.name));
        expect(fake.names.map((n) => n.name).sort()).toEqual([...wantedNames].sort());
        expect(fake.activeSheet).toBe(plans[0].name);
        expect(fake.syncCount).toBe(2);
        expect(fake.pendingOps).toBe(0);
      });
    }
  }

  it('puts codes in text cells, so 02 stays 02', async () => {
    const plan = templates('unit').find((p) => p.specId === 'T2')!;
    const { fake, result } = await insert([plan]);
    const [first] = plan.layout.dataRows;
    for (let c = 1; c <= plan.layout.codeColumns; c++) expect(fake.cell(result.sheets[0], a1(first, c)).numberFormat).toBe('@');
  });
});

// ------------------------------------------------------------------------------ syncs

describe('insertPlans: a fixed number of syncs', () => {
  const cases: [string, () => SheetPlan[]][] = [
    ['no sheet', () => []],
    ['one sheet', () => [templates('unit').find((p) => p.specId === 'T2')!]],
    ['all 18 unit templates', () => templates('unit')],
    ['all 16 department templates', () => templates('department')],
    ...SEED_BUDGETS.map((seed): [string, () => SheetPlan[]] => [`the ${seed.id} sample`, () => samplePlans(sampleFromSeed(seed))]),
  ];
  for (const [what, plans] of cases) {
    it(`syncs exactly twice for ${what}`, async () => {
      const p = plans();
      const { fake, context } = createFakeExcel();
      const sync = jest.spyOn(fake, 'sync');
      const result = await insertPlans(context, p, fake.support);
      expect(sync).toHaveBeenCalledTimes(2);
      expect(fake.syncCount).toBe(2);
      expect(fake.batches[0]).toBe(2); // the two loads, nothing else
      expect(fake.pendingOps).toBe(0); // nothing left unsent
      expect(result.sheets).toHaveLength(p.length);
    });
  }
});

// ------------------------------------------------------------------------------ samples

function seedNumber(v: SeedAmount | undefined): number | null {
  return typeof v === 'string' ? Number(v) : null;
}

/** Asserts a cell holds exactly the seed's amount, as a number (or is empty). */
function expectAmount(fake: FakeRequestContext, sheet: string, row: number, col: number, seed: SeedAmount | undefined, where: string): void {
  const got = fake.content(sheet, a1(row, col));
  if (typeof seed !== 'string') {
    expect({ where, got }).toEqual({ where, got: null });
    return;
  }
  expect({ where, type: typeof got }).toEqual({ where, type: 'number' });
  expect({ where, got }).toEqual({ where, got: seedNumber(seed) });
  expect({ where, exact: new Money(got as number).eq(new Money(seed)) }).toEqual({ where, exact: true });
}

describe('insertPlans: sample workbooks', () => {
  for (const seed of SEED_BUDGETS as SeedBudget[]) {
    it(`writes the ${seed.id} sample as planned, amounts exactly as the seed`, async () => {
      const sample = sampleFromSeed(seed);
      const plans = samplePlans(sample);
      const { fake, result } = await insert(plans);
      expect(fake.syncCount).toBe(2);
      plans.forEach((plan, i) => {
        expectSheetMatchesPlan(fake, result.sheets[i], plan, MODERN_HOST);
        expectInputCells(fake, result.sheets[i], plan);
      });

      const sheetOf = (id: SpecId) => {
        const i = plans.findIndex((p) => p.specId === id);
        return { plan: plans[i], name: result.sheets[i] };
      };
      let checked = 0;
      for (const id of ['T2', 'T3', 'T5', 'T6', 'T7', 'T8', 'U1'] as const) {
        const table = seed.tables[id];
        if (!table) continue;
        const { plan, name } = sheetOf(id);
        const [first] = plan.layout.dataRows;
        table.rows.forEach((row, i) => {
          const r = first + i;
          const parts = splitCode(row.code).slice(0, plan.layout.codeColumns);
          parts.forEach((p, j) => expect(fake.content(name, a1(r, j + 1))).toBe(p === '' ? null : p));
          for (const [key, col] of Object.entries(plan.layout.amountColumns)) {
            expectAmount(fake, name, r, col, row.amounts[key as keyof typeof row.amounts], `${id} ${row.code} ${key}`);
            checked++;
          }
        });
        for (const [key, col] of Object.entries(plan.layout.amountColumns)) {
          expectAmount(fake, name, plan.layout.totalRow!, col, table.total[key as keyof typeof table.total], `${id} 合计 ${key}`);
        }
      }
      if (seed.tables.T9) {
        const { plan, name } = sheetOf('T9');
        for (const [key, col] of Object.entries(plan.layout.amountColumns)) {
          expectAmount(fake, name, plan.layout.dataRows[0], col, seed.tables.T9.amounts[key as keyof typeof seed.tables.T9.amounts], `T9 ${key}`);
          checked++;
        }
      }
      if (seed.tables.U2) {
        const { plan, name } = sheetOf('U2');
        let r = plan.layout.dataRows[0];
        for (const g of seed.tables.U2.rows) {
          expectAmount(fake, name, r++, 7, g.amount, `U2 ${g.code}`);
          for (const p of g.projects) expectAmount(fake, name, r++, 7, p.amount, `U2 ${p.name}`);
        }
        expectAmount(fake, name, plan.layout.totalRow!, 7, seed.tables.U2.total, 'U2 合计');
      }
      expect(checked).toBeGreaterThan(50);
    });
  }

  it('puts the 2021 unit T2 204 total at 44119958, a number', async () => {
    const seed = SEED_BUDGETS.find((s) => s.id === '2021-shanghai-social-security-card-unit')!;
    expect(seed.tables.T2!.rows[0]).toMatchObject({ code: '204', amounts: { total: '44119958' } });
    const plans = samplePlans(sampleFromSeed(seed));
    const t2 = plans.find((p) => p.specId === 'T2')!;
    expect(t2.name).toBe('单位收入总表');
    const { fake } = await insert(plans);
    const row = t2.layout.dataRows[0];
    const total = t2.layout.amountColumns.total;
    expect(fake.grid('单位收入总表', row, total)[row - 1]).toEqual(['204', null, null, '公共安全支出', 44119958]);
    expect(fake.cell('单位收入总表', a1(row, total)).numberFormat).toBe(SUBTOTAL_FORMAT); // a 类 row: nothing prints blank
    expect(fake.content('单位收入总表', a1(t2.layout.totalRow!, total))).toBe(47061988); // 合计
  });

  it('writes the subtotal rows as BUDGET.ROLLUP formulas, locked, leaves as typed numbers', async () => {
    const seed = SEED_BUDGETS.find((s) => s.id === '2021-shanghai-social-security-card-unit')!;
    const plans = samplePlans(sampleFromSeed(seed), 'formulas');
    const t2 = plans.find((p) => p.specId === 'T2')!;
    const { fake } = await insert(plans);
    const row = t2.layout.dataRows[0];
    const total = t2.layout.amountColumns.total;
    const formula = fake.content('单位收入总表', a1(row, total));
    expect(formula).toMatch(/^=IF\(ROW\(\$A\$\d+\)-ROW\(\$A6\)<2,0,BUDGET\.ROLLUP\(INDEX\(\$A:\$A,ROW\(\$A6\)\+1\):/);
    expect(fake.cell('单位收入总表', a1(row, total)).locked).toBe(true);
    expect(fake.content('单位收入总表', a1(row + 2, total))).toBe(29518606); // 2040202, a leaf
    expect(fake.content('单位收入总表', a1(t2.layout.totalRow!, total))).toMatch(/"合计"\)\)$/);
    expect(fake.syncCount).toBe(2);
  });
});

// ------------------------------------------------------------------------------ never overwrite

describe('insertPlans: never overwrites', () => {
  const clerkSheets: ExistingSheet[] = [
    {
      name: '单位收入总表',
      cells: { A1: '我的收入表', A5: '204', B5: '02', D5: '公安', E5: 12345678, F5: '=E5-1000', E6: 0.5, A20: '合计', E20: '=SUM(E5:E19)' },
      numberFormats: { A5: '@', B5: '@', E5: '#,##0.00' },
      merges: ['A1:I1'],
    },
    { name: '单位支出总表', cells: { A1: 'v1' } },
    { name: '单位支出总表 (2)', cells: { A1: 'v2', B2: '=A1' } },
  ];
  const clerkNames = [
    { name: 'BT_T2_DATA', sheet: '单位收入总表', address: 'A5:I19' },
    { name: 'bt_t3_data', sheet: '单位支出总表', address: 'A5:G24' },
  ];

  it('takes free sheet and defined names and leaves the clerk’s sheets byte for byte', async () => {
    const plans = templates('unit');
    const { fake, context } = createFakeExcel({ sheets: clerkSheets, names: clerkNames });
    const before = clerkSheets.map((s) => fake.snapshotSheet(s.name));
    const namesBefore = JSON.stringify(fake.names);

    const result = await insertPlans(context, plans, fake.support);

    expect(clerkSheets.map((s) => fake.snapshotSheet(s.name))).toEqual(before);
    expect(JSON.stringify(fake.names.slice(0, 2))).toBe(namesBefore);
    expect(fake.content('单位收入总表', 'F5')).toBe('=E5-1000');
    expect(fake.content('单位收入总表', 'E5')).toBe(12345678);

    const t2 = plans.findIndex((p) => p.specId === 'T2');
    const t3 = plans.findIndex((p) => p.specId === 'T3');
    expect(result.sheets[t2]).toBe('单位收入总表 (2)');
    expect(result.sheets[t3]).toBe('单位支出总表 (3)');
    plans.forEach((p, i) => {
      if (i !== t2 && i !== t3) expect(result.sheets[i]).toBe(p.name);
    });
    expect(fake.sheets.map((s) => s.name)).toEqual([...clerkSheets.map((s) => s.name), ...result.sheets]);

    const t2Name = fake.names.find((n) => n.name === 'BT_T2_DATA_2');
    expect(t2Name).toMatchObject({ sheet: '单位收入总表 (2)', address: plans[t2].names[0].range });
    expect(fake.names.find((n) => n.name === 'BT_T3_DATA_2')).toMatchObject({ sheet: '单位支出总表 (3)' });
    expect(fake.names.find((n) => n.name === 'BT_T5_DATA')).toMatchObject({ sheet: plans.find((p) => p.specId === 'T5')!.name });

    expectSheetMatchesPlan(fake, '单位收入总表 (2)', plans[t2], fake.support);
    expectSheetMatchesPlan(fake, '单位支出总表 (3)', plans[t3], fake.support);
    expect(fake.syncCount).toBe(2);
  });

  it('inserting twice keeps the first insert intact and numbers the second', async () => {
    const plans = templates('department');
    const { fake, context } = createFakeExcel({ sheets: [{ name: '部门收入总表', cells: { A1: 'mine' } }], names: [{ name: 'BT_T2_DATA', formula: '=1' }] });
    const first = await insertPlans(context, plans, fake.support);
    const snapshots = fake.sheets.map((s) => fake.snapshotSheet(s.name));
    const namesBefore = JSON.stringify(fake.names);

    const second = await insertPlans(context, plans, fake.support);

    expect(fake.sheets.slice(0, snapshots.length).map((s) => fake.snapshotSheet(s.name))).toEqual(snapshots);
    expect(JSON.stringify(fake.names.slice(0, JSON.parse(namesBefore).length))).toBe(namesBefore);
    const t2 = plans.findIndex((p) => p.specId === 'T2');
    expect(first.sheets[t2]).toBe('部门收入总表 (2)');
    expect(second.sheets[t2]).toBe('部门收入总表 (3)');
    // the second 目录 lists the second insert's sheets, `(2)` and all
    const renames = new Map(plans.map((p, i) => [p.name, second.sheets[i]] as const));
    plans.forEach((p, i) => {
      if (i !== t2) expect(second.sheets[i]).toBe(`${p.name} (2)`);
      expectSheetMatchesPlan(fake, second.sheets[i], withMadeNames(p, renames), fake.support);
    });
    expect(fake.names.map((n) => n.name)).toEqual(expect.arrayContaining(['BT_T2_DATA', 'BT_T2_DATA_2', 'BT_T2_DATA_3', 'BT_T3_DATA', 'BT_T3_DATA_2']));
    expect(fake.syncCount).toBe(4);
  });

  it('does not touch a clerk sheet even when it is protected', async () => {
    const plan = templates('unit').find((p) => p.specId === 'T9')!;
    const fake = new FakeRequestContext({ sheets: [{ name: plan.name, cells: { A6: 1.5 }, protected: true }] });
    const before = fake.snapshotSheet(plan.name);
    const result = await insertPlans(asExcelContext(fake), [plan], fake.support);
    expect(result.sheets).toEqual([`${plan.name} (2)`]);
    expect(fake.snapshotSheet(plan.name)).toBe(before);
  });
});

describe('a performance form in Excel', () => {
  it('is written as planned: 填写提示 column in red beside the targets, print area over the form only, =-texts as text', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { planTargetForm, TARGET_CHECK_COLUMN } = require('../../src/core/plan/forms') as typeof import('../../src/core/plan/forms');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const targets = require('../../seeds/performance/2026-targets.json') as import('../../src/core/seed-types').SeedTargetForm[];
    const plan = planTargetForm({ level: 'unit', org: 'X', year: 2026 }, targets[0]);
    const { fake, context } = createFakeExcel({ support: MODERN_HOST });
    const result = await insertPlans(context, [plan], MODERN_HOST);
    expectSheetMatchesPlan(fake, result.sheets[0], plan, MODERN_HOST);
    const [first, last] = plan.layout.dataRows;
    expect(fake.sheets.find((s) => s.name === result.sheets[0])!.pageLayout.printArea).toBe(`A1:F${last}`);
    expect(fake.cell(result.sheets[0], a1(first, TARGET_CHECK_COLUMN)).font.color).toBe('#C00000');
  });
});
