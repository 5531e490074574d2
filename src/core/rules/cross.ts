import type { Amounts, BalanceTableData, CodedTableData, ModelSheet, ProjectTableData, ThreePublicData } from '../model';
import { Money, yuanToWan, ZERO } from '../money';
import { address } from '../plan/a1';
import type { AmountKey } from '../seed-types';
import type { RuleKey } from './catalog-of-rules';
import { finding, v, yuan } from './checks';
import type { Finding } from './types';

/** Relationships between tables (domain.md §5), per functional code where both list codes. */
type Coded = { sheet: ModelSheet; data: CodedTableData };

const f = finding;

function rowCell(t: Coded, code: string, key: AmountKey): { sheet: string; cell: string } {
  const r = t.data.rows.find((x) => x.code === code);
  const col = t.data.at?.columns[key] ?? 1;
  return { sheet: t.sheet.sheetName, cell: r?.row ? address(r.row, col) : t.data.at?.totalRow ? address(t.data.at.totalRow, col) : 'A1' };
}

function byCode(t: Coded | undefined, key: AmountKey): Map<string, Money> {
  const m = new Map<string, Money>();
  for (const r of t?.data.rows ?? []) if (/^\d+$/.test(r.code)) m.set(r.code, v(r.amounts[key]));
  return m;
}

/** Compare two per-code columns; the finding sits on the second table's cell. */
function perCode(rule: RuleKey, a: Coded, aKey: AmountKey, aLabel: string, bTables: Coded[], bKey: AmountKey, bLabel: string): Finding[] {
  const left = byCode(a, aKey);
  const right = new Map<string, Money>();
  for (const t of bTables) for (const [c, m] of byCode(t, bKey)) right.set(c, (right.get(c) ?? ZERO).plus(m));
  const out: Finding[] = [];
  for (const code of [...new Set([...left.keys(), ...right.keys()])].sort()) {
    const x = left.get(code) ?? ZERO;
    const y = right.get(code) ?? ZERO;
    if (x.eq(y)) continue;
    const where = bTables.find((t) => t.data.rows.some((r) => r.code === code));
    const at = where ? rowCell(where, code, bKey) : rowCell(a, code, aKey);
    out.push(f(rule, at.sheet, at.cell, `${at.cell}：科目 ${code} ${bLabel}为 ${yuan(y)}，${aLabel}为 ${yuan(x)}，相差 ${yuan(x.minus(y).abs())}`));
  }
  return out;
}

function totalCell(t: Coded, key: AmountKey): string {
  return t.data.at?.totalRow ? address(t.data.at.totalRow, t.data.at.columns[key] ?? 1) : 'A1';
}

function compareTotals(rule: RuleKey, a: Coded, aKey: AmountKey, aLabel: string, b: Coded, bKey: AmountKey, bLabel: string): Finding[] {
  const x = v(a.data.total[aKey]);
  const y = v(b.data.total[bKey]);
  if (x.eq(y)) return [];
  const cell = totalCell(b, bKey);
  return [f(rule, b.sheet.sheetName, cell, `${cell}：${bLabel}为 ${yuan(y)}，${aLabel}为 ${yuan(x)}，相差 ${yuan(x.minus(y).abs())}`)];
}

export function checkCrossTables(sheets: ModelSheet[]): Finding[] {
  const coded = (id: string): Coded | undefined => {
    const s = sheets.find((x) => x.specId === id && x.data.kind === 'coded');
    return s ? { sheet: s, data: s.data as CodedTableData } : undefined;
  };
  const of = <T>(id: string, kind: string): { sheet: ModelSheet; data: T } | undefined => {
    const s = sheets.find((x) => x.specId === id && x.data.kind === kind);
    return s ? { sheet: s, data: s.data as unknown as T } : undefined;
  };
  const [T2, T3, T5, T6, T7, T8, U1] = ['T2', 'T3', 'T5', 'T6', 'T7', 'T8', 'U1'].map(coded);
  const T1 = of<BalanceTableData>('T1', 'balance');
  const T4 = of<BalanceTableData>('T4', 'balance');
  const T9 = of<ThreePublicData>('T9', 'three-public');
  const U2 = of<ProjectTableData>('U2', 'projects');
  const out: Finding[] = [];

  if (T2 && T3) out.push(...perCode('incomeVsExpense', T2, 'total', '收入预算总表合计', [T3], 'total', '支出预算总表合计'));
  const funds = [T5, T6, T7].filter((t): t is Coded => !!t);
  if (T2 && funds.length) out.push(...perCode('fiscalVsGeneral', T2, 'fiscal', '收入预算总表财政拨款收入', funds, 'total', '财政拨款支出（一般公共预算＋政府性基金＋国有资本经营）'));
  if (T5 && T8) out.push(...compareTotals('basicVsEconomic', T5, 'basic', '一般公共预算支出表基本支出合计', T8, 'total', '经济分类预算表合计'));
  if (U1 && T8) {
    out.push(...compareTotals('basicVsEconomic', T8, 'personnel', '经济分类预算表人员经费', U1, 'personnel', '财政拨款支出表人员经费'));
    out.push(...compareTotals('basicVsEconomic', T8, 'public', '经济分类预算表公用经费', U1, 'public', '财政拨款支出表公用经费'));
  }
  if (T1 && T2) {
    for (const [key, label] of [['fiscal', '财政拨款收入'], ['business', '事业收入'], ['operating', '事业单位经营收入'], ['other', '其他收入']] as const) {
      const line = T1.data.income.find((i) => i.key === key);
      const x = v(line?.amount);
      const y = v(T2.data.total[key]);
      if (x.eq(y)) continue;
      const cell = line?.row ? address(line.row, T1.data.at?.columns.income ?? 2) : 'B1';
      out.push(f('summaryVsDetail', T1.sheet.sheetName, cell, `${cell}：总表${label}为 ${yuan(x)}，收入预算总表合计为 ${yuan(y)}，相差 ${yuan(x.minus(y).abs())}`));
    }
  }
  if (T1 && T3) out.push(...balanceByLei(T1, 'total', byLei(T3, 'total'), '支出预算总表'));
  if (T1 && T4) {
    const fiscal = T1.data.income.find((i) => i.key === 'fiscal');
    if (!v(fiscal?.amount).eq(v(T4.data.incomeTotal))) {
      const cell = fiscal?.row ? address(fiscal.row, T1.data.at?.columns.income ?? 2) : 'B1';
      out.push(f('summaryVsDetail', T1.sheet.sheetName, cell, `${cell}：总表财政拨款收入为 ${yuan(v(fiscal?.amount))}，财政拨款收支总表收入总计为 ${yuan(v(T4.data.incomeTotal))}`));
    }
  }
  if (T4 && T5) out.push(...balanceByLei(T4, 'general', byLei(T5, 'total'), '一般公共预算支出功能分类预算表'));
  if (T4 && T6) out.push(...balanceByLei(T4, 'fund', byLei(T6, 'total'), '政府性基金预算支出功能分类预算表'));
  if (T4 && T7) out.push(...balanceByLei(T4, 'stateCapital', byLei(T7, 'total'), '国有资本经营预算支出功能分类预算表'));
  if (U2 && T5) {
    const projects = new Map<string, Money>();
    for (const g of U2.data.rows) if (g.code.length === 7) projects.set(g.code, g.projects.reduce((s, p) => s.plus(v(p.amount)), ZERO));
    // Every 项 either side lists: a T5 项目支出 with no project under it in U2 is a gap too.
    for (const [code, amount] of byCode(T5, 'project')) if (code.length === 7 && !amount.isZero() && !projects.has(code)) projects.set(code, ZERO);
    for (const [code, sum] of projects) {
      const y = byCode(T5, 'project').get(code) ?? ZERO;
      if (sum.eq(y)) continue;
      const at = rowCell(T5, code, 'project');
      out.push(f('summaryVsDetail', at.sheet, at.cell, `${at.cell}：科目 ${code} 项目支出为 ${yuan(y)}，项目支出预算表中该科目项目之和为 ${yuan(sum)}`));
    }
  }
  if (T9 && T8) out.push(...threePublicVsEconomic(T9, T8));
  return out;
}

function byLei(t: Coded, key: AmountKey): Map<string, Money> {
  const m = new Map<string, Money>();
  for (const r of t.data.rows) if (r.code.length === 3) m.set(r.code, v(r.amounts[key]));
  return m;
}

function balanceByLei(t: { sheet: ModelSheet; data: BalanceTableData }, key: AmountKey, detail: Map<string, Money>, detailName: string): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const e of t.data.expenditure) {
    if (!e.code) continue;
    seen.add(e.code);
    const x = v(e.amounts[key]);
    const y = detail.get(e.code) ?? ZERO;
    if (x.eq(y)) continue;
    const cell = e.row ? address(e.row, t.data.at?.columns[key] ?? 4) : 'A1';
    out.push(f('summaryVsDetail', t.sheet.sheetName, cell, `${cell}：${e.label} 为 ${yuan(x)}，${detailName}该类合计为 ${yuan(y)}，相差 ${yuan(x.minus(y).abs())}`));
  }
  for (const [code, y] of detail) {
    if (seen.has(code) || y.isZero()) continue;
    const cell = t.data.at?.totalRow ? address(t.data.at.totalRow, 3) : 'A1';
    out.push(f('summaryVsDetail', t.sheet.sheetName, cell, `${cell}：${detailName}有 ${code} 类支出 ${yuan(y)}，本表没有列出该类`));
  }
  return out;
}

/** T9 counts project money too, so ≥; 元 against 万元 with the 0.01 万元 rounding tolerance. */
function threePublicVsEconomic(t9: { sheet: ModelSheet; data: ThreePublicData }, t8: Coded): Finding[] {
  const out: Finding[] = [];
  const economic = byCode(t8, 'total');
  for (const [key, code, label] of [['abroad', '30212', '因公出国（境）费'], ['reception', '30217', '公务接待费'], ['vehicleRunning', '30231', '公务用车运行费']] as const) {
    const basic = economic.get(code);
    if (!basic) continue;
    const wan = v(t9.data.amounts[key]);
    const needed = yuanToWan(basic);
    if (wan.plus(new Money('0.01')).gte(needed)) continue;
    const col = t9.data.at?.columns[key];
    const cell = col && t9.data.at?.totalRow ? address(t9.data.at.totalRow, col) : 'A1';
    out.push(f('threePublicVsEconomic', t9.sheet.sheetName, cell, `${cell}：${label} ${wan.toFixed(2)} 万元，少于基本支出经济科目 ${code} 的 ${needed.toFixed(2)} 万元（${yuan(basic)}）`));
  }
  return out;
}

export type { Amounts };
