import type { Amounts, BalanceTableData, CodedTableData, ModelSheet, ProjectTableData, ThreePublicData } from '../model';
import { Money, wholeNumber, ZERO } from '../money';
import { address } from '../plan/a1';
import type { AmountKey } from '../seed-types';
import type { RuleKey } from './catalog-of-rules';
import { finding, v } from './checks';
import { isDigits } from '../codes';
import { sumOf } from './sums';
import { atLeast, compareSides, Compared, printed, Scale, scaleOf, show, Side } from './tolerance';
import type { Finding } from './types';

/**
 * Relationships between tables (domain.md §5), per functional code where both list codes.
 * Every comparison goes through tolerance.ts: exact between 元 tables, in 万元 with each
 * rounded figure's half unit as soon as one side is printed in 万元.
 */
type Coded = { sheet: ModelSheet; data: CodedTableData };
type Balance = { sheet: ModelSheet; data: BalanceTableData };

const f = finding;

function rowCell(t: Coded, code: string, key: AmountKey): { sheet: string; cell: string } {
  const r = t.data.rows.find((x) => x.code === code);
  const col = t.data.at?.columns[key] ?? 1;
  if (r?.row) return { sheet: r.sheet ?? t.sheet.sheetName, cell: address(r.row, col) };
  return { sheet: t.data.at?.totalSheet ?? t.sheet.sheetName, cell: t.data.at?.totalRow ? address(t.data.at.totalRow, col) : 'A1' };
}

/** Per code (of `length` digits, when given): the figure and whether it was printed (a rounded figure in a 万元 table). */
function byCode(t: Coded | undefined, key: AmountKey, length?: number): Map<string, { value: Money; printed: number }> {
  const m = new Map<string, { value: Money; printed: number }>();
  for (const r of t?.data.rows ?? []) {
    if ((length === undefined || r.code.length === length) && isDigits(r.code)) m.set(r.code, { value: v(r.amounts[key]), printed: printed(r.amounts[key]) });
  }
  return m;
}

/** One side of a comparison: a sum of figures of tables that share one scale. */
function side(value: Money | null | undefined, scale: Scale, rounded = printed(value)): Side {
  return { value: v(value), scale, rounded };
}

/** “左为 a，右为 b，相差 d” in the unit compared in. */
function both(c: Compared, bLabel: string, aLabel: string): string {
  return `${bLabel}为${show(c.b, c.scale)}，${aLabel}为${show(c.a, c.scale)}，相差${show(c.a.minus(c.b).abs(), c.scale)}`;
}

/**
 * Between 元 tables whose figures are all whole 元 (and together far below 2^53, so every sum
 * is exact in doubles): the codes whose two sides differ, found in numbers. Null when a figure
 * is not so; then every code is compared in Decimal.
 */
function codesThatDiffer(a: Coded, aKey: AmountKey, bTables: Coded[], bKey: AmountKey): string[] | null {
  // An empty table (T6, T7 often are) adds no code: the one other table may then go row by row.
  const listing = bTables.filter((t) => t.data.rows.length > 0);
  if (listing.length === 1) {
    const same = rowByRow(a, aKey, listing[0], bKey);
    if (same !== 'other codes') return same;
  }
  let magnitude = 0;
  // As byCode: per table, the last row of a code counts.
  const perTable = (t: Coded, key: AmountKey): Map<string, number> | null => {
    const m = new Map<string, number>();
    for (const r of t.data.rows) {
      if (!isDigits(r.code)) continue;
      const x = r.amounts[key];
      const n = x === null || x === undefined ? 0 : wholeNumber(x);
      if (n === null) return null;
      magnitude += Math.abs(n);
      m.set(r.code, n);
    }
    return m;
  };
  const left = perTable(a, aKey);
  if (!left) return null;
  const right = new Map<string, number>();
  for (const t of bTables) {
    const m = perTable(t, bKey);
    if (!m) return null;
    for (const [c, n] of m) right.set(c, (right.get(c) ?? 0) + n);
  }
  if (magnitude > 2 ** 51) return null;
  const differ: string[] = [];
  for (const [c, n] of left) if ((right.get(c) ?? 0) !== n) differ.push(c);
  for (const [c, n] of right) if (!left.has(c) && n !== 0) differ.push(c);
  return differ;
}

/**
 * Two tables listing the same codes in the same order (T2 and T3 do): the codes of the rows
 * whose whole-元 figures differ, without a map of either. A code listed twice is a code whose
 * last rows may differ, so each of its rows that differs names it: a superset of the codes
 * that differ, and the Decimal comparison decides on each.
 */
function rowByRow(a: Coded, aKey: AmountKey, b: Coded, bKey: AmountKey): string[] | null | 'other codes' {
  const x = a.data.rows;
  const y = b.data.rows;
  if (x.length !== y.length) return 'other codes';
  for (let i = 0; i < x.length; i++) if (x[i].code !== y[i].code) return 'other codes';
  let magnitude = 0;
  const differ = new Set<string>();
  for (let i = 0; i < x.length; i++) {
    if (!isDigits(x[i].code)) continue;
    const p = x[i].amounts[aKey];
    const q = y[i].amounts[bKey];
    const m = p === null || p === undefined ? 0 : wholeNumber(p);
    const n = q === null || q === undefined ? 0 : wholeNumber(q);
    if (m === null || n === null) return null;
    magnitude += Math.abs(m) + Math.abs(n);
    if (m !== n) differ.add(x[i].code);
  }
  return magnitude > 2 ** 51 ? null : [...differ];
}

/** Compare two per-code columns; the finding sits on the second table's cell. */
function perCode(rule: RuleKey, a: Coded, aKey: AmountKey, aLabel: string, bTables: Coded[], bKey: AmountKey, bLabel: string): Finding[] {
  const aScale = scaleOf(a.data);
  // Detail tables of one comparison are in one unit in practice; the coarsest one decides.
  const bScale = bTables.map((t) => scaleOf(t.data)).find((s) => s.unit === '万元') ?? scaleOf(bTables[0].data);
  // Most codes agree: in whole 元 only those that differ in numbers are compared again in Decimal
  // (which words the finding), so the findings are the same either way.
  const differ = aScale.unit === '元' && bScale.unit === '元' ? codesThatDiffer(a, aKey, bTables, bKey) : null;
  if (differ && differ.length === 0) return [];
  const left = byCode(a, aKey);
  const right = new Map<string, { value: Money; printed: number }>();
  for (const t of bTables) {
    for (const [c, m] of byCode(t, bKey)) {
      const had = right.get(c);
      right.set(c, { value: (had?.value ?? ZERO).plus(m.value), printed: (had?.printed ?? 0) + m.printed });
    }
  }
  const out: Finding[] = [];
  for (const code of (differ ?? [...new Set([...left.keys(), ...right.keys()])]).sort()) {
    const x = left.get(code) ?? { value: ZERO, printed: 0 };
    const y = right.get(code) ?? { value: ZERO, printed: 0 };
    const c = compareSides({ value: x.value, scale: aScale, rounded: x.printed }, { value: y.value, scale: bScale, rounded: y.printed });
    if (c.agree) continue;
    const where = bTables.find((t) => t.data.rows.some((r) => r.code === code));
    const at = where ? rowCell(where, code, bKey) : rowCell(a, code, aKey);
    out.push(f(rule, at.sheet, at.cell, `${at.cell}：科目${code}，${both(c, bLabel, aLabel)}`));
  }
  return out;
}

function totalAt(t: Coded, key: AmountKey): { sheet: string; cell: string } {
  return { sheet: t.data.at?.totalSheet ?? t.sheet.sheetName, cell: t.data.at?.totalRow ? address(t.data.at.totalRow, t.data.at.columns[key] ?? 1) : 'A1' };
}

function compareTotals(rule: RuleKey, a: Coded, aKey: AmountKey, aLabel: string, b: Coded, bKey: AmountKey, bLabel: string): Finding[] {
  const c = compareSides(side(a.data.total[aKey], scaleOf(a.data)), side(b.data.total[bKey], scaleOf(b.data)));
  if (c.agree) return [];
  const at = totalAt(b, bKey);
  return [f(rule, at.sheet, at.cell, `${at.cell}：${both(c, bLabel, aLabel)}`)];
}

/** The kind of data each table compared here holds. */
const KIND_OF: Readonly<Record<string, string>> = {
  T1: 'balance', T2: 'coded', T3: 'coded', T4: 'balance', T5: 'coded', T6: 'coded', T7: 'coded', T8: 'coded', T9: 'three-public', U1: 'coded', U2: 'projects',
};

/** The first sheet of each table with its table's kind of data: one pass over the sheets rather than one search per table. */
function tablesOf(sheets: readonly ModelSheet[]): Map<string, ModelSheet> {
  const found = new Map<string, ModelSheet>();
  for (const s of sheets) if (KIND_OF[s.specId] === s.data.kind && !found.has(s.specId)) found.set(s.specId, s);
  return found;
}

export function checkCrossTables(sheets: ModelSheet[]): Finding[] {
  const found = tablesOf(sheets);
  const of = <T>(id: string): { sheet: ModelSheet; data: T } | undefined => {
    const s = found.get(id);
    return s ? { sheet: s, data: s.data as unknown as T } : undefined;
  };
  const [T2, T3, T5, T6, T7, T8, U1] = ['T2', 'T3', 'T5', 'T6', 'T7', 'T8', 'U1'].map((id) => of<CodedTableData>(id));
  const T1 = of<BalanceTableData>('T1');
  const T4 = of<BalanceTableData>('T4');
  const T9 = of<ThreePublicData>('T9');
  const U2 = of<ProjectTableData>('U2');
  const out: Finding[] = [];

  if (T2 && T3) out.push(...perCode('incomeVsExpense', T2, 'total', '收入预算总表合计', [T3], 'total', '支出预算总表合计'));
  const funds = [T5, T6, T7].filter((t): t is Coded => !!t);
  if (T2 && funds.length) out.push(...perCode('fiscalVsGeneral', T2, 'fiscal', '收入预算总表财政拨款收入', funds, 'total', '财政拨款支出（一般公共预算＋政府性基金＋国有资本经营）'));
  if (T5 && T8) out.push(...compareTotals('basicVsEconomic', T5, 'basic', '一般公共预算支出表基本支出合计', T8, 'total', '经济分类预算表合计'));
  if (U1 && T8) {
    out.push(...compareTotals('basicVsEconomic', T8, 'personnel', '经济分类预算表人员经费', U1, 'personnel', '财政拨款支出表人员经费'));
    out.push(...compareTotals('basicVsEconomic', T8, 'public', '经济分类预算表公用经费', U1, 'public', '财政拨款支出表公用经费'));
  }
  if (T1 && T8) out.push(...balanceSplitVsEconomic(T1, T8));
  if (T1 && T2) {
    const s1 = scaleOf(T1.data);
    for (const [key, label] of [['fiscal', '财政拨款收入'], ['business', '事业收入'], ['operating', '事业单位经营收入'], ['other', '其他收入']] as const) {
      const line = T1.data.income.find((i) => i.key === key);
      const c = compareSides(side(line?.amount, s1), side(T2.data.total[key], scaleOf(T2.data)));
      if (c.agree) continue;
      const cell = line?.row ? address(line.row, T1.data.at?.columns.income ?? 2) : 'B1';
      out.push(f('summaryVsDetail', T1.sheet.sheetName, cell, `${cell}：${both({ ...c, a: c.b, b: c.a }, `总表${label}`, '收入预算总表合计')}`));
    }
  }
  if (T1 && T3) out.push(...balanceByLei(T1, 'total', T3, '支出预算总表'));
  if (T1 && T4) {
    const fiscal = T1.data.income.find((i) => i.key === 'fiscal');
    const c = compareSides(side(fiscal?.amount, scaleOf(T1.data)), side(T4.data.incomeTotal, scaleOf(T4.data)));
    if (!c.agree) {
      const cell = fiscal?.row ? address(fiscal.row, T1.data.at?.columns.income ?? 2) : 'B1';
      out.push(f('summaryVsDetail', T1.sheet.sheetName, cell, `${cell}：总表财政拨款收入为${show(c.a, c.scale)}，财政拨款收支总表收入总计为${show(c.b, c.scale)}`));
    }
  }
  if (T4 && T5) out.push(...balanceByLei(T4, 'general', T5, '一般公共预算支出功能分类预算表'));
  if (T4 && T6) out.push(...balanceByLei(T4, 'fund', T6, '政府性基金预算支出功能分类预算表'));
  if (T4 && T7) out.push(...balanceByLei(T4, 'stateCapital', T7, '国有资本经营预算支出功能分类预算表'));
  if (U2 && T5) out.push(...projectsVsT5(U2, T5));
  if (T9 && T8) out.push(...threePublicVsEconomic(T9, T8));
  return out;
}

/** A figure of a comparison and how many printed figures made it. */
type Figure = { value: Money; printed: number };
const NONE: Readonly<Figure> = { value: ZERO, printed: 0 };

// The loops below only gather figures; each comparison, in Decimal, is a function of its own:
// --trace-opt showed tens of ms to optimize a loop that inlines Decimal's code, over 200 small
// workbooks.

function projectsVsT5(U2: { sheet: ModelSheet; data: ProjectTableData }, T5: Coded): Finding[] {
  const out: Finding[] = [];
  const projects = new Map<string, Figure>();
  for (const g of U2.data.rows) if (g.code.length === 7) projects.set(g.code, projectsSum(g.projects));
  const t5 = byCode(T5, 'project', 7);
  // Every 项 either side lists: a T5 项目支出 with no project under it in U2 is a gap too.
  for (const code of t5.keys()) if (code.length === 7 && !projects.has(code) && !t5.get(code)!.value.isZero()) projects.set(code, NONE);
  const us = scaleOf(U2.data);
  const ts = scaleOf(T5.data);
  for (const code of projects.keys()) {
    const gap = projectGap(T5, code, projects.get(code)!, t5.get(code) ?? NONE, us, ts);
    if (gap) out.push(gap);
  }
  return out;
}

function projectsSum(projects: readonly { amount: Money | null }[]): Figure {
  const amounts = projects.map((p) => p.amount);
  return { value: sumOf(amounts), printed: printed(...amounts) };
}

function projectGap(T5: Coded, code: string, sum: Figure, y: Figure, us: Scale, ts: Scale): Finding | null {
  const c = compareSides({ value: sum.value, scale: us, rounded: sum.printed }, { value: y.value, scale: ts, rounded: y.printed });
  if (c.agree) return null;
  const at = rowCell(T5, code, 'project');
  return f('summaryVsDetail', at.sheet, at.cell, `${at.cell}：科目${code}项目支出为${show(c.b, c.scale)}，项目支出预算表中该科目项目之和为${show(c.a, c.scale)}`);
}

function balanceByLei(t: Balance, key: AmountKey, detailTable: Coded, detailName: string): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const detail = byCode(detailTable, 'total', 3);
  const ts = scaleOf(t.data);
  const ds = scaleOf(detailTable.data);
  for (const e of t.data.expenditure) {
    if (!e.code) continue;
    seen.add(e.code);
    const gap = leiGap(t, key, e, detail.get(e.code) ?? NONE, ts, ds, detailName);
    if (gap) out.push(gap);
  }
  for (const code of detail.keys()) {
    const y = detail.get(code)!;
    if (seen.has(code) || y.value.isZero()) continue;
    const cell = t.data.at?.totalRow ? address(t.data.at.totalRow, 3) : 'A1';
    out.push(f('summaryVsDetail', t.sheet.sheetName, cell, `${cell}：${detailName}有${code}类支出${show(y.value, ds)}，本表没有列出该类`));
  }
  return out;
}

function leiGap(t: Balance, key: AmountKey, e: BalanceTableData['expenditure'][number], y: Figure, ts: Scale, ds: Scale, detailName: string): Finding | null {
  const c = compareSides(side(e.amounts[key], ts), { value: y.value, scale: ds, rounded: y.printed });
  if (c.agree) return null;
  const cell = e.row ? address(e.row, t.data.at?.columns[key] ?? 4) : 'A1';
  return f('summaryVsDetail', t.sheet.sheetName, cell, `${cell}：${e.label}为${show(c.a, c.scale)}，${detailName}该类合计为${show(c.b, c.scale)}，相差${show(c.a.minus(c.b).abs(), c.scale)}`);
}

/**
 * A unit's T1 人员经费 / 公用经费 against T8 (domain.md §5): 人员经费 = 301 工资福利支出 + 303
 * 对个人和家庭的补助, 公用经费 = every other economic 类 (302, 310, …). T8 is the 一般公共预算 part
 * only, so the two are equal when all the body's money is 一般公共预算 and T1 is at least T8
 * otherwise.
 */
function balanceSplitVsEconomic(T1: Balance, T8: Coded): Finding[] {
  const cols = T1.data.at?.columns ?? {};
  const hasSplit = cols.personnel !== undefined && cols.public !== undefined;
  if (!hasSplit && !['personnel', 'public'].some((k) => T1.data.expenditureTotal[k as AmountKey])) return [];
  // the economic 类 (3xx), as /^3\d\d$/ asks, without an expression per row
  const lei = T8.data.rows.filter((r) => r.code.length === 3 && r.code[0] === '3' && isDigits(r.code));
  if (lei.length === 0) return [];
  const personnelLei = lei.filter((r) => r.code === '301' || r.code === '303');
  const publicLei = lei.filter((r) => r.code !== '301' && r.code !== '303');
  const totalOf = (rows: typeof lei) => ({ value: sumOf(rows.map((r) => r.amounts.total)), printed: printed(...rows.map((r) => r.amounts.total)) });
  const onlyGeneral = T1.data.income.every((i) => ['general', 'fiscal'].includes(i.key) || v(i.amount).isZero());
  const out: Finding[] = [];
  for (const [key, rows, what] of [['personnel', personnelLei, '工资福利支出（301）与对个人和家庭的补助（303）之和'], ['public', publicLei, `${publicLei.map((r) => r.code).join('、')}之和`]] as const) {
    const t1 = T1.data.expenditureTotal[key];
    const t8 = totalOf(rows);
    const a = side(t1, scaleOf(T1.data));
    const b = { value: t8.value, scale: scaleOf(T8.data), rounded: t8.printed };
    const c = onlyGeneral ? compareSides(a, b) : atLeast(a, b);
    if (c.agree) continue;
    const label = key === 'personnel' ? '人员经费' : '公用经费';
    const cell = T1.data.at?.totalRow ? address(T1.data.at.totalRow, cols[key] ?? 4) : 'A1';
    const rel = onlyGeneral ? '' : '（本表含一般公共预算以外的资金，应不少于经济分类预算表）';
    out.push(f('basicVsEconomic', T1.sheet.sheetName, cell, `${cell}：支出总计的${label}为${show(c.a, c.scale)}，经济分类预算表${what}为${show(c.b, c.scale)}，相差${show(c.a.minus(c.b).abs(), c.scale)}${rel}`));
  }
  return out;
}

/** T9 counts project money too, so ≥; compared in 万元 with each side's rounding (tolerance.ts). */
function threePublicVsEconomic(t9: { sheet: ModelSheet; data: ThreePublicData }, t8: Coded): Finding[] {
  const out: Finding[] = [];
  const economic = byCode(t8, 'total', 5); // 30212, 30217, 30231
  const s9 = scaleOf(t9.data, '万元');
  const s8 = scaleOf(t8.data);
  for (const [key, code, label] of [['abroad', '30212', '因公出国（境）费'], ['reception', '30217', '公务接待费'], ['vehicleRunning', '30231', '公务用车运行费']] as const) {
    const basic = economic.get(code);
    if (!basic || basic.value.isZero()) continue;
    const c = atLeast(side(t9.data.amounts[key], s9), { value: basic.value, scale: s8, rounded: basic.printed });
    if (c.agree) continue;
    const col = t9.data.at?.columns[key];
    const cell = col && t9.data.at?.totalRow ? address(t9.data.at.totalRow, col) : 'A1';
    const original = s8.unit === '元' ? `（${show(basic.value, s8)}）` : '';
    out.push(f('threePublicVsEconomic', t9.sheet.sheetName, cell, `${cell}：${label}为${show(c.a, c.scale)}，少于基本支出经济科目${code}的${show(c.b, c.scale)}${original}`));
  }
  return out;
}

export type { Amounts };
