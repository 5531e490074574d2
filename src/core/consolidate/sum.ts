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
import { SUMMED_TABLES } from './figures';

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
 * Keys in the order the units list them: a key a unit has and the ones before lack goes right
 * after the key that precedes it in that unit, so 类/款/项 stay in their printed order.
 */
class OrderedMerge<T> {
  private readonly order: string[] = [];
  readonly items = new Map<string, T>();

  take(keys: string[], make: (key: string, i: number) => T, merge: (into: T, i: number) => void): void {
    let previous: string | null = null;
    keys.forEach((key, i) => {
      const have = this.items.get(key);
      if (have !== undefined) merge(have, i);
      else {
        this.items.set(key, make(key, i));
        this.place(key, previous, keys.slice(i + 1));
      }
      previous = key;
    });
  }

  /** After the key before it in this unit; else before the first later key already placed. */
  private place(key: string, previous: string | null, later: string[]): void {
    if (previous !== null) {
      this.order.splice(this.order.indexOf(previous) + 1, 0, key);
      return;
    }
    const next = later.find((k) => this.items.has(k) && k !== key);
    if (next === undefined) this.order.push(key);
    else this.order.splice(this.order.indexOf(next), 0, key);
  }

  values(): T[] {
    return this.order.map((k) => this.items.get(k)!);
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
      t.expenditure.map((e) => e.code ?? e.label),
      (key, i) => ({ code: t.expenditure[i].code, label: t.expenditure[i].label, amounts: { ...t.expenditure[i].amounts } }),
      (into, i) => addAmounts(into.amounts, t.expenditure[i].amounts),
    );
    incomeTotal = add(incomeTotal, t.incomeTotal);
    addAmounts(expenditureTotal, t.expenditureTotal);
  }
  return { kind: 'balance', income: income.values(), incomeTotal, expenditure: expenditure.values(), expenditureTotal };
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
