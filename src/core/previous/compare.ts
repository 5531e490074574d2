import { nameKey } from '../catalog/names';
import type { Amounts, BalanceTableData, CodedTableData, ModelSheet, PrintedUnit, ThreePublicData } from '../model';
import { Money, ZERO } from '../money';
import { joinContinuations } from '../read/join';
import type { AmountKey } from '../seed-types';
import type { BudgetLevel, CurrencyUnit } from '../specs/types';
import { codeInYear, type CodeMove } from './moves';

/**
 * This year's budget beside last year's (issue 16.2): per functional 类/款/项 of T3 (合计,
 * 基本支出, 项目支出), per “三公” item and 机关运行经费 (T9), per T1 line and 人员/公用/项目.
 * Pure: two read workbooks in, rows out; the plan (plan/comparison.ts) writes them with
 * formulas that follow the sheet's threshold cell, and the draft words the changes.
 */

export type ComparisonSection = 'functional' | 'three-public' | 'balance';

export interface ComparisonRow {
  section: ComparisonSection;
  /** stable across years and readers: `F:2040201:total`, `T9:abroad`, `T1:income:fiscal`, `T1:class:204`, `T1:personnel` */
  key: string;
  code: string | null;
  label: string;
  /** 合计 / 基本支出 / 项目支出 for a functional code; null otherwise */
  column: string | null;
  unit: CurrencyUnit;
  previous: Money;
  current: Money;
  /** this year less last year */
  change: Money;
  /** percent points, two decimals, half up; null when last year was 0 */
  rate: Money | null;
  reasonRequired: boolean;
  /** the 原因 a person gave (read back from a sheet); null when none */
  reason: string | null;
  /** last year's codes when they differ from this year's (a code moved by an edition) */
  previousCodes?: string[];
  /** sheet row, when read from a sheet */
  row?: number;
}

export interface Comparison {
  level: BudgetLevel;
  org: string | null;
  year: number | null;
  previousYear: number | null;
  /** percent points: |增减率| at or above it needs a reason */
  threshold: Money;
  rows: ComparisonRow[];
}

export const DEFAULT_THRESHOLD = new Money(10);
const TEN_THOUSAND = new Money(10000);
const HUNDRED = new Money(100);

/** 增减率 in percent points to two decimals, half up; null when there is no base. */
export function changeRate(previous: Money, current: Money): Money | null {
  if (previous.isZero()) return null;
  return current.minus(previous).div(previous.abs()).times(HUNDRED).toDecimalPlaces(2, Money.ROUND_HALF_UP);
}

/** Is a reason needed: |增减率| ≥ threshold, or last year 0 and this year not (domain.md §8). */
export function needsReason(previous: Money, current: Money, threshold: Money = DEFAULT_THRESHOLD): boolean {
  if (previous.isZero()) return !current.isZero();
  return (changeRate(previous, current) as Money).abs().gte(threshold);
}

/**
 * needsReason of two figures given as safe integers of one scale (分, or 0.01 万元: the scale
 * cancels in the rate), decided in doubles when the rate is clear of the threshold; null when
 * it is too close to tell, and the caller asks needsReason in Decimal. The rate to two decimals
 * is within 0.005 of the exact rate, so a rate above threshold + 0.005 needs a reason and one
 * below threshold − 0.005 does not. The double rate is off the exact one by a few units in the
 * last place (the difference is exact, the product and the quotient each round once), and so is
 * the threshold's double; Decimal's 40-digit quotient by far less. `slack` is many times both.
 * Made for the text's stated changes, whose Decimal parsing and division cost a small workbook
 * more than the rest of its text checks.
 */
export function needsReasonScaled(previous: number, current: number, threshold: number): boolean | null {
  if (!Number.isSafeInteger(previous) || !Number.isSafeInteger(current) || !Number.isSafeInteger(current - previous) || !Number.isFinite(threshold)) return null;
  if (previous === 0) return current !== 0;
  const rate = (100 * Math.abs(current - previous)) / Math.abs(previous);
  const slack = 1e-9 * (1 + rate + Math.abs(threshold));
  if (rate - slack > threshold + 0.005) return true;
  if (rate + slack < threshold - 0.005) return false;
  return null;
}

export function comparisonRow(r: Omit<ComparisonRow, 'change' | 'rate' | 'reasonRequired' | 'reason'> & { reason?: string | null }, threshold: Money): ComparisonRow {
  return {
    ...r,
    change: r.current.minus(r.previous),
    rate: changeRate(r.previous, r.current),
    reasonRequired: needsReason(r.previous, r.current, threshold),
    reason: r.reason ?? null,
  };
}

/** One workbook's figures as the comparison needs them, in 元 (tables) and 万元 (T9). */
interface Figures {
  year: number | undefined;
  level: BudgetLevel | undefined;
  org: string | undefined;
  t1: BalanceTableData | undefined;
  t3: CodedTableData | undefined;
  t8: CodedTableData | undefined;
  t9: ThreePublicData | undefined;
}

function figuresOf(sheets: readonly ModelSheet[]): Figures {
  const joined = joinContinuations([...sheets]);
  const data = <K extends string>(id: string, kind: K) => joined.find((s) => s.specId === id && s.data.kind === kind)?.data;
  const tableYear = joined.find((s) => /^[TU]\d$/.test(s.specId) && s.context.year !== undefined)?.context;
  const any = joined.find((s) => s.context.level !== undefined)?.context;
  return {
    year: tableYear?.year ?? joined.find((s) => s.context.year !== undefined)?.context.year,
    level: tableYear?.level ?? any?.level,
    org: joined.map((s) => s.context.org).find((o) => o),
    t1: data('T1', 'balance') as BalanceTableData | undefined,
    t3: data('T3', 'coded') as CodedTableData | undefined,
    t8: data('T8', 'coded') as CodedTableData | undefined,
    t9: data('T9', 'three-public') as ThreePublicData | undefined,
  };
}

/** A read figure in 元: a table printed in 万元 is multiplied back (exactly). */
function yuan(v: Money | null | undefined, t: PrintedUnit): Money {
  const x = v ?? ZERO;
  return t.unit === '万元' ? x.times(TEN_THOUSAND) : x;
}

/** A T9 figure in 万元: a 三公 table printed in 元 is divided (exactly). */
function wan(v: Money | null | undefined, t: PrintedUnit): Money {
  const x = v ?? ZERO;
  return t.unit === '元' ? x.div(TEN_THOUSAND) : x;
}

const FUNCTIONAL_COLUMNS: [AmountKey, string][] = [
  ['total', '合计'],
  ['basic', '基本支出'],
  ['project', '项目支出'],
];

interface Side {
  name: string;
  amounts: Partial<Record<AmountKey, Money>>;
  codes: string[];
  moves: CodeMove[];
}

function add(into: Partial<Record<AmountKey, Money>>, amounts: Amounts, t: PrintedUnit): void {
  for (const [k] of FUNCTIONAL_COLUMNS) into[k] = (into[k] ?? ZERO).plus(yuan(amounts[k], t));
}

function functionalRows(prev: Figures, cur: Figures, threshold: Money): ComparisonRow[] {
  if (!prev.t3 && !cur.t3) return [];
  const now = new Map<string, Side>();
  for (const r of cur.t3?.rows ?? []) {
    const s = now.get(r.code) ?? { name: r.name, amounts: {}, codes: [], moves: [] };
    add(s.amounts, r.amounts, cur.t3!);
    now.set(r.code, s);
  }
  const before = new Map<string, Side>();
  for (const r of prev.t3?.rows ?? []) {
    const { code, moves } = codeInYear(r.code, prev.year, cur.year);
    const s = before.get(code) ?? { name: r.name, amounts: {}, codes: [], moves: [] };
    add(s.amounts, r.amounts, prev.t3!);
    s.codes.push(r.code);
    s.moves.push(...moves);
    before.set(code, s);
  }
  // Codes sorted as strings are the tree in order: 204, 20402, 2040201, 20403, …
  const codes = [...new Set([...now.keys(), ...before.keys()])].filter(Boolean).sort();
  const rows: ComparisonRow[] = [];
  const total = (t: CodedTableData | undefined, k: AmountKey) => (t ? yuan(t.total[k], t) : ZERO);
  for (const [k, column] of FUNCTIONAL_COLUMNS) {
    rows.push(comparisonRow({ section: 'functional', key: `F:total:${k}`, code: null, label: '合计', column, unit: '元', previous: total(prev.t3, k), current: total(cur.t3, k) }, threshold));
  }
  for (const code of codes) {
    const n = now.get(code);
    const b = before.get(code);
    const moved = b && b.codes.some((c) => c !== code) ? { previousCodes: [...new Set(b.codes)] } : {};
    for (const [k, column] of FUNCTIONAL_COLUMNS) {
      // a 基本支出 or 项目支出 that is nothing in both years says nothing: only the 合计 is always shown
      if (k !== 'total' && !(b?.amounts[k]?.isZero() === false || n?.amounts[k]?.isZero() === false)) continue;
      rows.push(
        comparisonRow(
          { section: 'functional', key: `F:${code}:${k}`, code, label: n?.name ?? b!.name, column, unit: '元', previous: b?.amounts[k] ?? ZERO, current: n?.amounts[k] ?? ZERO, ...moved },
          threshold,
        ),
      );
    }
  }
  return rows;
}

const THREE_PUBLIC_ROWS: [keyof ThreePublicData['amounts'], string][] = [
  ['total', '“三公”经费合计'],
  ['abroad', '因公出国（境）费'],
  ['reception', '公务接待费'],
  ['vehicleTotal', '公务用车购置及运行费'],
  ['vehiclePurchase', '其中：公务用车购置费'],
  ['vehicleRunning', '公务用车运行费'],
  ['operating', '机关运行经费'],
];

function threePublicRows(prev: Figures, cur: Figures, threshold: Money): ComparisonRow[] {
  if (!prev.t9 && !cur.t9) return [];
  const v = (t: ThreePublicData | undefined, k: keyof ThreePublicData['amounts']) => (t ? wan(t.amounts[k], t) : ZERO);
  return THREE_PUBLIC_ROWS.map(([k, label]) => comparisonRow({ section: 'three-public', key: `T9:${k}`, code: null, label, column: null, unit: '万元', previous: v(prev.t9, k), current: v(cur.t9, k) }, threshold));
}

const INCOME_ROWS: [string, string][] = [
  ['fiscal', '一、财政拨款收入'],
  ['general', '1. 一般公共预算资金'],
  ['fund', '2. 政府性基金'],
  ['stateCapital', '3. 国有资本经营预算'],
  ['business', '二、事业收入'],
  ['operating', '三、事业单位经营收入'],
  ['other', '四、其他收入'],
];

/** A T1 expenditure line's key: its 类 code (moved to this year's edition), else its name. */
function classKey(code: string | null, label: string, prevYear: number | undefined, year: number | undefined): string {
  if (code) return codeInYear(code, prevYear, year).code;
  return nameKey(label.replace(/^\s*[一二三四五六七八九十]+\s*[、.．]\s*/, ''));
}

/** 人员经费 / 公用经费 / 项目支出 of the whole budget: T1's split when it has one, else T8 (人员/公用) and T3 (项目). */
function splitOf(f: Figures, k: 'personnel' | 'public' | 'project'): Money {
  const t1 = f.t1?.expenditureTotal[k];
  if (f.t1 && t1 !== undefined) return yuan(t1, f.t1);
  if (k === 'project') return f.t3 ? yuan(f.t3.total.project, f.t3) : ZERO;
  return f.t8 ? yuan(f.t8.total[k], f.t8) : ZERO;
}

function balanceRows(prev: Figures, cur: Figures, threshold: Money): ComparisonRow[] {
  if (!prev.t1 && !cur.t1) return [];
  const row = (key: string, label: string, previous: Money, current: Money, code: string | null = null) =>
    comparisonRow({ section: 'balance', key: `T1:${key}`, code, label, column: null, unit: '元', previous, current }, threshold);
  const income = (f: Figures, k: string) => (f.t1 ? yuan(f.t1.income.find((i) => i.key === k)?.amount, f.t1) : ZERO);
  const rows = INCOME_ROWS.filter(([k]) => k !== 'stateCapital' || [prev, cur].some((f) => f.t1?.income.some((i) => i.key === k))).map(([k, label]) =>
    row(`income:${k}`, label, income(prev, k), income(cur, k)),
  );
  rows.push(row('income:total', '收入总计', prev.t1 ? yuan(prev.t1.incomeTotal, prev.t1) : ZERO, cur.t1 ? yuan(cur.t1.incomeTotal, cur.t1) : ZERO));
  const lines = new Map<string, { label: string; code: string | null; previous: Money; current: Money }>();
  const collect = (f: Figures, side: 'previous' | 'current') => {
    for (const e of f.t1?.expenditure ?? []) {
      const key = classKey(e.code, e.label, side === 'previous' ? prev.year : cur.year, cur.year);
      const line = lines.get(key) ?? { label: e.label.replace(/^\s*[一二三四五六七八九十]+\s*[、.．]\s*/, '').trim(), code: e.code ? key : null, previous: ZERO, current: ZERO };
      if (side === 'current') line.label = e.label.replace(/^\s*[一二三四五六七八九十]+\s*[、.．]\s*/, '').trim();
      line[side] = line[side].plus(yuan(e.amounts.total, f.t1!));
      lines.set(key, line);
    }
  };
  collect(cur, 'current');
  collect(prev, 'previous');
  for (const [key, l] of lines) rows.push(row(`class:${key}`, l.label, l.previous, l.current, l.code));
  rows.push(row('expenditure:total', '支出总计', prev.t1 ? yuan(prev.t1.expenditureTotal.total, prev.t1) : ZERO, cur.t1 ? yuan(cur.t1.expenditureTotal.total, cur.t1) : ZERO));
  rows.push(row('personnel', '人员经费', splitOf(prev, 'personnel'), splitOf(cur, 'personnel')));
  rows.push(row('public', '公用经费', splitOf(prev, 'public'), splitOf(cur, 'public')));
  rows.push(row('project', '项目支出', splitOf(prev, 'project'), splitOf(cur, 'project')));
  return rows;
}

function thresholdOf(t: Money | number | string | undefined): Money {
  if (t === undefined) return DEFAULT_THRESHOLD;
  const m = new Money(t);
  if (!m.isFinite() || m.isNegative()) throw new RangeError(`增减率阈值应为不小于 0 的百分数（收到 ${String(t)}）`);
  return m;
}

/**
 * Last year's workbook beside this year's: `previous` and `current` are read sheets (any
 * layout `check` reads); `threshold` in percent points (10 by default). Last year's codes are
 * taken to this year's edition (moves.ts), so a moved code is one row, not two.
 */
export function compareBudgets(previous: readonly ModelSheet[], current: readonly ModelSheet[], threshold?: Money | number | string): Comparison {
  const t = thresholdOf(threshold);
  const prev = figuresOf(previous);
  const cur = figuresOf(current);
  return {
    level: cur.level ?? prev.level ?? 'unit',
    org: cur.org ?? null,
    year: cur.year ?? null,
    previousYear: prev.year ?? (cur.year !== undefined ? cur.year - 1 : null),
    threshold: t,
    rows: [...functionalRows(prev, cur, t), ...threePublicRows(prev, cur, t), ...balanceRows(prev, cur, t)],
  };
}

/** The rows whose 原因 a person must give and has not. */
export function reasonsMissing(c: Pick<Comparison, 'rows'>): ComparisonRow[] {
  return c.rows.filter((r) => r.reasonRequired && !r.reason?.trim());
}
