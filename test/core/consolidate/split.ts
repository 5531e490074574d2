import ExcelJS from 'exceljs';
import type { Amounts, BalanceTableData, CodedTableData, ProjectTableData, SheetData, ThreePublicData } from '../../../src/core/model';
import { Money } from '../../../src/core/money';
import { planWorkbook } from '../../../src/core/plan/workbook';
import type { SampleBudget } from '../../../src/core/sample';
import type { SpecId, TableId } from '../../../src/core/specs/types';
import type { UnitWorkbook } from '../../../src/core/consolidate/types';
import { readWorkbook } from '../../../src/xlsx/reader';
import { workbookFromPlans } from '../../../src/xlsx/writer';

/** mulberry32: a fixed-seed PRNG, so a failing split can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Splits one amount into `n` parts that add up to it exactly, to the 分: random cut points in
 * whole 分. A part of zero is a blank, except in one unit picked at random, which keeps its part
 * even when zero so a published 0 stays 0; a blank stays blank everywhere.
 */
export function splitAmount(m: Money | null | undefined, n: number, rnd: () => number): (Money | null)[] {
  if (m === null || m === undefined) return Array(n).fill(null);
  const fen = m.times(100);
  if (!fen.isInteger()) throw new Error(`${m.toFixed()} has more than two decimals`);
  const total = Math.abs(fen.toNumber());
  const cuts = Array.from({ length: n - 1 }, () => Math.floor(rnd() * (total + 1))).sort((a, b) => a - b);
  const bounds = [0, ...cuts, total];
  const sign = fen.isNegative() ? -1 : 1;
  const keeper = Math.floor(rnd() * n);
  return bounds.slice(1).map((b, i) => {
    const part = b - bounds[i];
    return part === 0 && i !== keeper ? null : new Money(sign * part).div(100);
  });
}

/** `holders`: the units that get a share (all by default); the others get blanks. */
function splitAmounts(a: Amounts, n: number, rnd: () => number, holders?: number[]): Amounts[] {
  const out: Amounts[] = Array.from({ length: n }, () => ({}));
  const among = holders ?? Array.from({ length: n }, (_, i) => i);
  for (const [k, v] of Object.entries(a)) {
    const parts = splitAmount(v, among.length, rnd);
    for (let i = 0; i < n; i++) out[i][k as keyof Amounts] = null;
    among.forEach((u, j) => (out[u][k as keyof Amounts] = parts[j]));
  }
  return out;
}

/** Some units only: each unit holds a row with even odds, and one at least. */
function someUnits(n: number, rnd: () => number): number[] {
  const picked = Array.from({ length: n }, (_, i) => i).filter(() => rnd() < 0.5);
  return picked.length ? picked : [Math.floor(rnd() * n)];
}

const hasAmount = (a: Amounts) => Object.values(a).some((v) => v !== null && v !== undefined);

function splitTable(d: SheetData, n: number, rnd: () => number): SheetData[] {
  switch (d.kind) {
    case 'coded': {
      // A leaf row goes to some units only, so units differ in the rows they list; a 类/款 row
      // goes to all (a unit's subtotal may then be a share of rows it does not list: the
      // seeds' mistakes make the units wrong anyway, and only the sums are compared).
      const isLeaf = (code: string) => !d.rows.some((x) => x.code !== code && x.code.startsWith(code));
      const rows = d.rows.map((r) => ({ r, parts: splitAmounts(r.amounts, n, rnd, isLeaf(r.code) ? someUnits(n, rnd) : undefined) }));
      const totals = splitAmounts(d.total, n, rnd);
      return totals.map((total, i): CodedTableData => ({
        kind: 'coded',
        // A unit lists the rows it has money on; the first lists the rows nobody has.
        rows: rows.filter(({ r, parts }) => hasAmount(parts[i]) || (i === 0 && !hasAmount(r.amounts))).map(({ r, parts }) => ({ code: r.code, name: r.name, amounts: parts[i] })),
        total,
        statement: d.statement ?? null,
      }));
    }
    case 'balance': {
      const income = d.income.map((l) => splitAmount(l.amount, n, rnd));
      const incomeTotal = splitAmount(d.incomeTotal, n, rnd);
      const expenditure = d.expenditure.map((e) => splitAmounts(e.amounts, n, rnd));
      const expenditureTotal = splitAmounts(d.expenditureTotal, n, rnd);
      return Array.from({ length: n }, (_, i): BalanceTableData => ({
        kind: 'balance',
        income: d.income.map((l, j) => ({ key: l.key, label: l.label, amount: income[j][i] })),
        incomeTotal: incomeTotal[i],
        expenditure: d.expenditure.map((e, j) => ({ code: e.code, label: e.label, amounts: expenditure[j][i] })),
        expenditureTotal: expenditureTotal[i],
      }));
    }
    case 'three-public': {
      const parts = Object.entries(d.amounts).map(([k, v]) => [k, splitAmount(v, n, rnd)] as const);
      return Array.from({ length: n }, (_, i): ThreePublicData => ({ kind: 'three-public', amounts: Object.fromEntries(parts.map(([k, p]) => [k, p[i]])) }));
    }
    case 'projects': {
      // Each project goes whole to one unit; a group holds its projects' sum there.
      const owner = d.rows.map((g) => g.projects.map(() => Math.floor(rnd() * n)));
      return Array.from({ length: n }, (_, i): ProjectTableData => {
        const rows = d.rows
          .map((g, j) => ({ ...g, projects: g.projects.filter((_, k) => owner[j][k] === i) }))
          .filter((g) => g.projects.length > 0)
          .map((g) => ({ ...g, amount: g.projects.reduce<Money>((s, p) => s.plus(p.amount ?? 0), new Money(0)) }));
        return { kind: 'projects', rows, total: rows.reduce<Money>((s, g) => s.plus(g.amount ?? 0), new Money(0)) };
      });
    }
    default:
      return Array(n).fill(d);
  }
}

export const TABLES: TableId[] = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'U1', 'U2'];

/** The sample's tables split into `n` units' tables (texts are the department's, not split). */
export function splitSample(sample: SampleBudget, n: number, seed: number): Partial<Record<SpecId, SheetData>>[] {
  const rnd = prng(seed);
  const units: Partial<Record<SpecId, SheetData>>[] = Array.from({ length: n }, () => ({}));
  for (const id of TABLES) {
    const d = sample.data[id];
    if (!d) continue;
    splitTable(d, n, rnd).forEach((part, i) => (units[i][id] = part));
  }
  return units;
}

/**
 * How a unit's workbook is written: subtotals typed in (`values`) or as BUDGET.ROLLUP formulas
 * with cached figures (`formulas`), or `typed`: values without the add-in's markers.
 */
export type Layout = 'values' | 'formulas' | 'typed';

/** Plans, writes and reads back one workbook: what `check` and `consolidate` would see. */
export async function viaXlsx(
  level: 'unit' | 'department',
  org: string,
  year: number,
  data: Partial<Record<SpecId, SheetData>>,
  layout: Layout = 'values',
): Promise<{ buffer: Buffer; read: ReturnType<typeof readWorkbook> }> {
  const specs = Object.keys(data) as SpecId[];
  const plans = planWorkbook({ ctx: { level, org, year }, data, specs, options: { subtotals: layout === 'formulas' ? 'formulas' : 'values' } });
  const wb = await workbookFromPlans(plans);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buffer as unknown as ArrayBuffer);
  if (layout === 'typed') {
    // As if typed into a workbook of its own: no marker, so each sheet is known by its title.
    for (const ws of back.worksheets) ws.getRow(1).eachCell((cell) => String(cell.value).startsWith('budget-tables/') && (cell.value = null));
  }
  return { buffer, read: readWorkbook(back) };
}

/**
 * A unit's workbook as `consolidate` reads it, in one of the layouts above.
 */
export async function unitWorkbook(
  org: string,
  year: number,
  data: Partial<Record<SpecId, SheetData>>,
  source = `${org}.xlsx`,
  layout: Layout = 'values',
): Promise<UnitWorkbook> {
  const { read } = await viaXlsx('unit', org, year, data, layout);
  return { source, sheets: read.sheets, issues: read.issues };
}
