import { Catalog } from '../../src/core/catalog/catalog';
import { planSheet } from '../../src/core/plan/build';
import { isPlanText } from '../../src/core/plan/text-cells';
import type { GridValue, SheetGrid } from '../../src/core/read/grid';
import { readSheet } from '../../src/core/read/parse';
import { validateSheets } from '../../src/core/rules/validate';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import { tableSpec } from '../../src/core/specs/tables';

/**
 * Hostile input: at least 10,000 random cell values thrown into the amount and code cells of
 * real sheets. No exception may escape the reader or the rules, and every amount cell that
 * cannot be read as a number must come back as a finding at its own address.
 */
let seed = 20261122;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];

const HOSTILE: (() => GridValue)[] = [
  () => pick(['#REF!', '#DIV/0!', '#N/A', '#VALUE!', '#NAME?']).toString(),
  () => ({ error: pick(['#REF!', '#DIV/0!', '#N/A']) }),
  () => (rand() - 0.5) * 10 ** Math.floor(rand() * 20),
  () => pick([Number.MAX_VALUE, -Number.MAX_VALUE, 1e308, -0, 0.1 + 0.2, NaN, Infinity]),
  () => pick(['１２３', '１,２３４.５', '12３', '－５', '+７']),
  () => pick(['', ' ', '\t', '\n', '\u3000', '—', '-', '/']),
  () => pick(['=SUM(A1:A3)', '=BUDGET.ROLLUP(A1:A3,E1:E3)', "'123", '1,23,4', '1.2.3', '12万', 'abc', '壹佰']),
  () => pick([true, false, null]),
  () => String.fromCharCode(...Array.from({ length: 1 + Math.floor(rand() * 8) }, () => Math.floor(rand() * 0xffff))),
  () => Math.round(rand() * 1e9) / 100,
  () => pick(['2040201', '204 02 01', '9999999', '20402011', 'x', '0', '204-02']),
];

function isReadable(v: GridValue): boolean {
  if (v === null || typeof v === 'boolean') return v === null;
  if (typeof v === 'object') return false;
  if (typeof v === 'number') return Number.isFinite(v);
  const t = v.replace(/[\s\u3000]+/g, '');
  if (t === '' || ['-', '—', '–', '－', '——', '/'].includes(t)) return true;
  const half = t.replace(/[０-９．，－＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(half);
}

describe('fuzzing the reader and rules', () => {
  const catalog = Catalog.builtIn();
  const sample = sampleFromSeed(SEED_BUDGETS.find((s) => s.id === '2021-shanghai-social-security-card-unit')!);
  const ctx = sample.ctx;
  const ids = ['T2', 'T3', 'T5', 'T8', 'U1', 'T1', 'T4', 'T9', 'U2'] as const;
  const plans = ids.map((id) => planSheet(tableSpec(id)!, ctx, sample.data[id], { subtotals: 'values' }));

  it('survives 12,000 hostile values, reporting every unreadable amount at its cell', () => {
    let thrown = 0;
    let values = 0;
    for (let round = 0; round < 300; round++) {
      const plan = plans[round % plans.length];
      const grid: SheetGrid = { name: plan.name, values: plan.cells.map((r) => r.map((v) => (isPlanText(v) ? v.text : typeof v === 'string' && v.startsWith('=') ? null : v))) };
      const amountCols = Object.values(plan.layout.amountColumns);
      const [first, last] = plan.layout.dataRows;
      const planted = new Map<string, GridValue>();
      for (let k = 0; k < 40; k++) {
        const row = first + Math.floor(rand() * Math.max(1, last - first + 1));
        const col = rand() < 0.8 ? pick(amountCols) : 1 + Math.floor(rand() * 3);
        const value = pick(HOSTILE)();
        grid.values[row - 1][col - 1] = value;
        if (amountCols.includes(col)) planted.set(`${String.fromCharCode(64 + col)}${row}`, value);
        values++;
      }
      if (rand() < 0.2) grid.values.splice(first, 0, grid.values[first - 1].map(() => null)); // a hidden/blank row
      try {
        const read = readSheet(grid, catalog);
        const v = validateSheets(read.sheet ? [read.sheet] : [], read.issues, catalog);
        const flagged = new Set(v.findings.filter((f) => f.rule === 'unreadable').map((f) => f.cell));
        for (const [cell, value] of planted) {
          if (isReadable(value)) continue;
          // A planted cell may have been moved down one row by the inserted blank row.
          const moved = cell.replace(/\d+$/, (r) => String(Number(r) + 1));
          if (!flagged.has(cell) && !flagged.has(moved)) throw new Error(`${plan.name} ${cell} ${JSON.stringify(value)} not reported`);
        }
      } catch (e) {
        thrown++;
        if (thrown === 1) throw e;
      }
    }
    expect(values).toBeGreaterThanOrEqual(12000);
    expect(thrown).toBe(0);
  });
});
