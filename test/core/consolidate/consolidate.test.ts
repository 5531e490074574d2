import { Catalog } from '../../../src/core/catalog/catalog';
import { consolidate, ConsolidationRefused } from '../../../src/core/consolidate/consolidate';
import type { Amounts, SheetData } from '../../../src/core/model';
import type { Money } from '../../../src/core/money';
import { validateSheets } from '../../../src/core/rules/validate';
import { sampleFromSeed } from '../../../src/core/sample';
import { SEED_BUDGETS } from '../../../src/core/sample-seeds';
import type { SpecId } from '../../../src/core/specs/types';
import { type Layout, splitSample, unitWorkbook, viaXlsx } from './split';

const catalog = Catalog.builtIn();
const DEPARTMENT_TABLES = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'] as const;

const fen = (m: Money | null | undefined) => (m === null || m === undefined ? null : m.toFixed(2));
const amounts = (a: Amounts) => Object.fromEntries(Object.entries(a).flatMap(([k, v]) => (fen(v) === null ? [] : [[k, fen(v)]])));

/** A table per code and column, exact to the 分; blanks left out. */
function canonical(d: SheetData | undefined, keys?: string[]): unknown {
  if (!d) return null;
  const pick = (a: Amounts) => {
    const all = amounts(a);
    return keys ? Object.fromEntries(Object.entries(all).filter(([k]) => keys.includes(k))) : all;
  };
  switch (d.kind) {
    case 'coded':
      return { rows: d.rows.map((r) => ({ code: r.code, name: r.name, amounts: pick(r.amounts) })), total: pick(d.total) };
    case 'balance':
      return {
        income: d.income.filter((i) => i.amount !== null).map((i) => ({ key: i.key, amount: fen(i.amount) })),
        incomeTotal: fen(d.incomeTotal),
        expenditure: d.expenditure.map((e) => ({ code: e.code, label: e.label, amounts: pick(e.amounts) })),
        expenditureTotal: pick(d.expenditureTotal),
      };
    case 'three-public':
      return Object.fromEntries(Object.entries(d.amounts).map(([k, v]) => [k, fen(v)]));
    default:
      return d.kind;
  }
}

function departmentTables(data: Partial<Record<SpecId, SheetData>>): Partial<Record<SpecId, SheetData>> {
  return Object.fromEntries(DEPARTMENT_TABLES.flatMap((id) => (data[id] ? [[id, data[id]]] : [])));
}

const findingKey = (f: { rule: string; severity: string; sheet: string; cell: string; message: string }) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell} ${f.message}`;

describe.each(SEED_BUDGETS.map((s) => [s.id, s] as const))('seed %s split into units and consolidated', (_id, seed) => {
  const sample = sampleFromSeed(seed);
  const n = 4;
  const year = seed.year;
  const dept = `${seed.org}（汇总）`;

  it('gives back the original exactly, per code and column, with the same findings', async () => {
    const parts = splitSample(sample, n, 20261204);
    // The units in each layout: subtotals as values, as formulas (cached figures), without markers.
    const layouts: Layout[] = ['values', 'formulas', 'typed', 'formulas'];
    const units = await Promise.all(parts.map((p, i) => unitWorkbook(`${seed.org}下属单位${i + 1}`, year, p, undefined, layouts[i])));
    // Some unit lacks rows another has: the merge must put them back in the printed order.
    const rowsOf = (u: (typeof units)[number]) => (u.sheets.find((x) => x.specId === 'T2')?.data as { rows?: unknown[] } | undefined)?.rows?.length ?? 0;
    expect(Math.min(...units.map(rowsOf))).toBeLessThan(Math.max(...units.map(rowsOf)));
    // The split puts the seed's own mistakes (and cross-table shares) into the units: refused first.
    expect(() => consolidate(units, { department: dept, year, catalog })).toThrow(ConsolidationRefused);
    const c = consolidate(units, { department: dept, year, catalog, allowErrors: true });
    expect(c.units).toEqual(parts.map((_, i) => `${seed.org}下属单位${i + 1}`));
    for (const id of DEPARTMENT_TABLES) {
      // A department's T1 has one 预算数 column: compare what it shows.
      const keys = id === 'T1' ? ['total'] : undefined;
      expect([id, canonical(c.data[id], keys)]).toEqual([id, canonical(sample.data[id], keys)]);
    }
    const original = await viaXlsx('department', dept, year, departmentTables(sample.data));
    const summed = await viaXlsx('department', dept, year, departmentTables(c.data));
    const before = validateSheets(original.read.sheets, original.read.issues, catalog).findings.map(findingKey).sort();
    const after = validateSheets(summed.read.sheets, summed.read.issues, catalog).findings.map(findingKey).sort();
    expect(after).toEqual(before);
    // 分单位明细: every line's shares add up to its total.
    for (const line of c.breakdown.lines) {
      const s = line.shares.reduce<Money | null>((a, m) => (m === null ? a : a === null ? m : a.plus(m)), null);
      expect(fen(s)).toBe(fen(line.total));
    }
  });
});
