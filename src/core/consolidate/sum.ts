import type {
  Amounts,
  BalanceTableData,
  CodedRow,
  CodedTableData,
  ExpenditureItem,
  IncomeItem,
  ModelSheet,
  SheetData,
  ThreePublicData,
} from '../model';
import type { Money } from '../money';
import { fill } from '../plan/build';
import { tableSpec } from '../specs/tables';
import type { BudgetContext } from '../model';
import type { TableId } from '../specs/types';
import { expenditureKey, NUMBERED, SUMMED_TABLES } from './figures';

/** Blank plus blank stays blank; a blank is zero beside a figure (domain.md §2). */
function add(a: Money | null | undefined, b: Money | null | undefined): Money | null {
  if (a === null || a === undefined) return b ?? null;
  if (b === null || b === undefined) return a;
  return a.plus(b);
}

function addAmounts(into: Amounts, from: Amounts): void {
  for (const [k, val] of Object.entries(from)) {
    const key = k as keyof Amounts;
    into[key] = add(into[key], val);
  }
}

/**
 * Keys in the order the units list them: each unit's order is kept (a key comes after the one
 * before it in every unit that has both), and where the units leave it open, codes go in code
 * order (so a 项 one unit lists alone falls among its siblings) and other keys in the order
 * they were met. Units that disagree cannot all be kept: the key met first goes first.
 */
class OrderedMerge<T> {
  readonly items = new Map<string, T>();
  private readonly met = new Map<string, number>();
  private readonly after = new Map<string, Set<string>>();

  take(keys: string[], make: (key: string, i: number) => T, merge: (into: T, i: number) => void): void {
    keys.forEach((key, i) => {
      const have = this.items.get(key);
      if (have !== undefined) merge(have, i);
      else {
        this.items.set(key, make(key, i));
        this.met.set(key, this.met.size);
        this.after.set(key, new Set());
      }
      if (i > 0 && keys[i - 1] !== key) this.after.get(keys[i - 1])!.add(key);
    });
  }

  private before(a: string, b: string): boolean {
    const codes = /^\d+$/.test(a) && /^\d+$/.test(b);
    return codes ? a < b : this.met.get(a)! < this.met.get(b)!;
  }

  values(): T[] {
    const waiting = new Map<string, number>();
    for (const k of this.items.keys()) waiting.set(k, 0);
    for (const next of this.after.values()) for (const k of next) waiting.set(k, waiting.get(k)! + 1);
    const ready = [...waiting].filter(([, n]) => n === 0).map(([k]) => k);
    const out: T[] = [];
    const done = new Set<string>();
    while (done.size < this.items.size) {
      let pick: string | undefined;
      for (const k of ready) if (!done.has(k) && (pick === undefined || this.before(k, pick))) pick = k;
      if (pick === undefined) {
        // A cycle (units that disagree): the earliest met of the rest breaks it.
        for (const k of this.items.keys()) if (!done.has(k) && (pick === undefined || this.met.get(k)! < this.met.get(pick)!)) pick = k;
      }
      const key = pick!;
      done.add(key);
      const at = ready.indexOf(key);
      if (at >= 0) ready.splice(at, 1);
      out.push(this.items.get(key)!);
      for (const k of this.after.get(key)!) {
        const n = waiting.get(k)! - 1;
        waiting.set(k, n);
        if (n === 0 && !done.has(k)) ready.push(k);
      }
    }
    return out;
  }
}

function sumCoded(tables: CodedTableData[], ctx: BudgetContext, id: TableId): CodedTableData {
  const rows = new OrderedMerge<CodedRow>();
  const total: Amounts = {};
  for (const t of tables) {
    rows.take(
      t.rows.map((r) => r.code),
      (code, i) => ({ code, name: t.rows[i].name, amounts: { ...t.rows[i].amounts } }),
      (into, i) => addAmounts(into.amounts, t.rows[i].amounts),
    );
    addAmounts(total, t.total);
  }
  const out = rows.values();
  const spec = tableSpec(id);
  // An empty department table says so in the department's words, not a unit's; when no unit
  // said so either, nor does the department (the missing statement is reported, not invented).
  const said = tables.some((t) => !!t.statement);
  const statement = out.length === 0 && said && spec?.kind === 'coded' ? fill(spec.emptyStatement.department, ctx) : null;
  return { kind: 'coded', rows: out, total, statement };
}

function sumBalance(tables: BalanceTableData[]): BalanceTableData {
  const income = new OrderedMerge<IncomeItem>();
  const expenditure = new OrderedMerge<ExpenditureItem>();
  let incomeTotal: Money | null = null;
  const expenditureTotal: Amounts = {};
  for (const t of tables) {
    income.take(
      t.income.map((l) => l.key),
      (key, i) => ({ key: t.income[i].key, label: t.income[i].label, amount: t.income[i].amount }),
      (into, i) => void (into.amount = add(into.amount, t.income[i].amount)),
    );
    expenditure.take(
      t.expenditure.map(expenditureKey),
      (key, i) => ({ code: t.expenditure[i].code, label: t.expenditure[i].label, amounts: { ...t.expenditure[i].amounts } }),
      (into, i) => addAmounts(into.amounts, t.expenditure[i].amounts),
    );
    incomeTotal = add(incomeTotal, t.incomeTotal);
    addAmounts(expenditureTotal, t.expenditureTotal);
  }
  return { kind: 'balance', income: income.values(), incomeTotal, expenditure: renumbered(expenditure.values()), expenditureTotal };
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一: the numbering of the 类 lines. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : DIGITS[tens]) + '十' + (ones ? DIGITS[ones] : '');
}


/**
 * Each unit numbers its own 类 lines (一、 二、 …); the department's lines are numbered again in
 * its order, so two units' 一、 do not both stay 一、. Labels not all numbered are left as they are.
 */
function renumbered(lines: ExpenditureItem[]): ExpenditureItem[] {
  if (!lines.every((l) => NUMBERED.test(l.label))) return lines;
  return lines.map((l, i) => ({ ...l, label: `${chineseNumber(i + 1)}、${l.label.replace(NUMBERED, '')}` }));
}

function sumThreePublic(tables: ThreePublicData[]): ThreePublicData {
  const amounts: ThreePublicData['amounts'] = {};
  for (const t of tables) {
    for (const [k, val] of Object.entries(t.amounts)) {
      const key = k as keyof typeof amounts;
      amounts[key] = add(amounts[key], val);
    }
  }
  return { kind: 'three-public', amounts };
}

/** The first sheet of a table in a unit's workbook: the one summed. */
export function tableOf(sheets: ModelSheet[], id: TableId): ModelSheet | undefined {
  return sheets.find((s) => s.specId === id);
}

/**
 * The department's T1–T9: every coded table per code and column, T1/T4 per income line and
 * expenditure 类, T9 per item, each the exact sum of its units' figures. A table no unit has
 * is left out.
 */
export function sumTables(units: ModelSheet[][], ctx: BudgetContext): Partial<Record<TableId, SheetData>> {
  const out: Partial<Record<TableId, SheetData>> = {};
  for (const id of SUMMED_TABLES) {
    const data = units.map((u) => tableOf(u, id)?.data).filter((d): d is SheetData => d !== undefined);
    if (data.length === 0) continue;
    const coded = data.filter((d): d is CodedTableData => d.kind === 'coded');
    const balance = data.filter((d): d is BalanceTableData => d.kind === 'balance');
    const three = data.filter((d): d is ThreePublicData => d.kind === 'three-public');
    if (coded.length) out[id] = sumCoded(coded, ctx, id);
    else if (balance.length) out[id] = sumBalance(balance);
    else if (three.length) out[id] = sumThreePublic(three);
  }
  return out;
}
