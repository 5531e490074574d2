import { CellError, HyperFormula } from 'hyperformula';
import type { SheetPlan } from '../../src/core/plan/types';
import { planWorkbook } from '../../src/core/plan/workbook';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import type { SeedAmount } from '../../src/core/seed-types';
import { tableSpec } from '../../src/core/specs/tables';
import { HF_CONFIG, registerBudgetFunctions } from '../../src/dev/engine/budget-plugin';
import { resolveOffsets, shiftRows } from '../../src/dev/engine/offsets';
import { isPlanText } from '../../src/core/plan/text-cells';
import type { CellValue } from '../../src/core/plan/types';

registerBudgetFunctions();

/**
 * The templates' formulas evaluated by a real formula engine (HyperFormula, GPL, a dev
 * dependency for tests and the benchmark only) with the BUDGET.* functions registered as
 * calling the add-in's own logic (src/dev/engine, shared with the preview).
 *
 * HyperFormula evaluates OFFSET only with constant arguments, so each formula's OFFSET is
 * first resolved to the range Excel would compute from the sheet as it stands (the formula
 * text itself is the template's, shifted by row insertions exactly as Excel shifts it).
 */
function evaluate(cells: CellValue[][]): HyperFormula {
  const data = cells.map((row) => row.map((v) => (isPlanText(v) ? `'${v.text}` : typeof v === 'string' && v.startsWith('=') ? resolveOffsets(v) : typeof v === 'string' ? `'${v}` : v)));
  return HyperFormula.buildFromArray(data, HF_CONFIG);
}

const published = (a: SeedAmount | undefined) => (typeof a === 'string' ? Number(a) : 0);

describe.each(SEED_BUDGETS.map((s) => [s.id, s] as const))('template formulas of %s in a formula engine', (_id, seed) => {
  const sample = sampleFromSeed(seed);
  const coded = (['T2', 'T3', 'T5', 'T6', 'T7', 'T8', 'U1'] as const).filter((id) => seed.tables[id]);
  const plans = planWorkbook({ ctx: sample.ctx, data: sample.data, options: { subtotals: 'formulas' }, specs: [...coded] });

  it.each(plans.map((p) => [p.specId, p] as [string, SheetPlan]))('%s: every 类, 款 and 合计 formula gives the published figure', (id, plan) => {
    const table = seed.tables[id as 'T2']!;
    const hf = evaluate(plan.cells);
    const [first] = plan.layout.dataRows;
    let formulas = 0;
    const wrong: string[] = [];
    table.rows.forEach((row, i) => {
      for (const [key, col] of Object.entries(plan.layout.amountColumns)) {
        const cell = plan.cells[first + i - 1][col - 1];
        if (typeof cell !== 'string' || !cell.startsWith('=')) continue;
        formulas++;
        const got = hf.getCellValue({ sheet: 0, row: first + i - 1, col: col - 1 });
        const want = published(row.amounts[key as keyof typeof row.amounts]);
        if (got !== want) wrong.push(`${row.code} ${key}: ${String(got)} ≠ ${want}`);
      }
    });
    for (const [key, col] of Object.entries(plan.layout.amountColumns)) {
      // An empty table's 合计 is left blank, as published.
      const got = hf.getCellValue({ sheet: 0, row: plan.layout.totalRow! - 1, col: col - 1 }) ?? 0;
      if (got !== published(table.total[key as keyof typeof table.total])) wrong.push(`合计 ${key}: ${String(got)}`);
    }
    expect(wrong).toEqual([]);
    if (table.rows.length) expect(formulas).toBeGreaterThan(0);
    hf.destroy();
  });
});

describe('a 项 row inserted inside a block', () => {
  const seed = SEED_BUDGETS.find((s) => s.id === '2021-shanghai-social-security-card-unit')!;
  const sample = sampleFromSeed(seed);
  const plan = planWorkbook({ ctx: sample.ctx, data: sample.data, options: { subtotals: 'formulas' }, specs: ['T3'] })[0];
  const first = plan.layout.dataRows[0];
  const kuanRow = first + 1; // 20402 公安, right under 204
  const total = plan.layout.amountColumns.total;

  /** Insert a row at `at` as Excel does, and type 2040299 with 1000 元 in it. */
  function insertAt(at: number) {
    const cells = plan.cells.map((row) => row.map((v) => (typeof v === 'string' && v.startsWith('=') ? shiftRows(v, at) : v)));
    const blank: (string | number | null)[] = cells[0].map(() => null);
    blank[0] = '204';
    blank[1] = '02';
    blank[2] = '99';
    blank[total - 1] = 1000;
    cells.splice(at - 1, 0, blank);
    return cells;
  }

  it.each([
    ['directly under the 款 row', kuanRow + 1],
    ['between two 项 rows', kuanRow + 2],
    ['after the last 项 of the block', kuanRow + 4],
  ])('is picked up by 款, 类 and 合计 when inserted %s', (_where, at) => {
    const hf = evaluate(insertAt(at));
    const value = (row: number) => hf.getCellValue({ sheet: 0, row: row - 1, col: total - 1 });
    expect(value(kuanRow)).toBe(44119958 + 1000);
    expect(value(first)).toBe(44119958 + 1000);
    expect(value(plan.layout.totalRow! + 1)).toBe(47061988 + 1000);
    hf.destroy();
  });

  it('has no circular reference: the engine finds none', () => {
    const hf = evaluate(plan.cells);
    const errors = plan.cells.flatMap((row, r) => row.map((_v, c) => hf.getCellValue({ sheet: 0, row: r, col: c }))).filter((v) => v instanceof CellError || (typeof v === 'object' && v !== null && 'type' in v));
    expect(errors).toEqual([]);
    hf.destroy();
  });

  it('keeps the empty template’s 合计 formula valid', () => {
    const empty = planWorkbook({ ctx: sample.ctx, specs: ['T2'] })[0];
    const cells = empty.cells.map((r) => [...r]);
    const [f] = empty.layout.dataRows;
    cells[f - 1][0] = '204';
    cells[f - 1][1] = '02';
    cells[f - 1][2] = '01';
    cells[f - 1][4] = 123.45;
    const hf = evaluate(cells);
    expect(hf.getCellValue({ sheet: 0, row: empty.layout.totalRow! - 1, col: 4 })).toBe(123.45);
    expect(tableSpec('T2')).toBeDefined();
    hf.destroy();
  });
});
