import type { BalanceTableData, CodedTableData, ModelSheet, ThreePublicData } from '../model';
import { address } from '../plan/a1';
import { THREE_PUBLIC_COLUMNS } from '../plan/three-public-columns';
import { tableSpec } from '../specs/tables';
import type { BudgetLevel, TableId } from '../specs/types';
import type { Figure } from './types';

/** Tables a department has and that are summed unit by unit (U1/U2 are a unit's only). */
export const SUMMED_TABLES: readonly TableId[] = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'];

export const TOTAL_CODE = '合计';
export const GRAND_TOTAL_CODE = '总计';

export const NUMBERED = /^[一二三四五六七八九十]+、/;

/** An expenditure line by its 类, or by its words without the unit's own numbering (一、). */
export const expenditureKey = (e: { code: string | null; label: string }): string => e.code ?? e.label.replace(NUMBERED, '').trim();

/** Identity of a figure regardless of where it sits: the key both sides of a comparison share. */
export const figureId = (f: Pick<Figure, 'table' | 'kind' | 'code' | 'key'>): string => `${f.table}|${f.kind}|${f.code}|${f.key}`;

/** The amount columns of a table as the department's form shows them. */
export function columnKeys(table: TableId, kind: Figure['kind'], level: BudgetLevel): string[] {
  const spec = tableSpec(table);
  if (!spec) return [];
  if (spec.kind === 'coded') return spec.columns.map((c) => c.key);
  if (spec.kind === 'balance') return kind === 'income' ? ['amount'] : spec.expenditureColumns[level].map((c) => c.key);
  if (spec.kind === 'three-public') return THREE_PUBLIC_COLUMNS.map((c) => c.key);
  return [];
}

const at = (row: number | null | undefined, col: number | undefined): string | undefined => (row && col ? address(row, col) : undefined);

function codedFigures(s: ModelSheet, d: CodedTableData, keys: string[]): Figure[] {
  const table = s.specId as TableId;
  const out: Figure[] = [];
  for (const r of d.rows) {
    for (const key of keys) {
      out.push({ table, kind: 'coded', code: r.code, name: r.name, key, amount: r.amounts[key as keyof typeof r.amounts] ?? null, sheet: s.sheetName, cell: at(r.row, d.at?.columns[key]) });
    }
  }
  for (const key of keys) {
    out.push({ table, kind: 'coded', code: TOTAL_CODE, name: TOTAL_CODE, key, amount: d.total[key as keyof typeof d.total] ?? null, sheet: s.sheetName, cell: at(d.at?.totalRow, d.at?.columns[key]) });
  }
  return out;
}

function balanceFigures(s: ModelSheet, d: BalanceTableData, keys: string[]): Figure[] {
  const table = s.specId as TableId;
  const incomeCol = d.at?.columns.income;
  const out: Figure[] = d.income.map((i) => ({ table, kind: 'income' as const, code: i.key, name: i.label, key: 'amount', amount: i.amount, sheet: s.sheetName, cell: at(i.row, incomeCol) }));
  out.push({ table, kind: 'income', code: GRAND_TOTAL_CODE, name: '收入总计', key: 'amount', amount: d.incomeTotal, sheet: s.sheetName, cell: at(d.at?.totalRow, incomeCol) });
  for (const e of d.expenditure) {
    for (const key of keys) {
      out.push({ table, kind: 'expenditure', code: expenditureKey(e), name: e.label, key, amount: e.amounts[key as keyof typeof e.amounts] ?? null, sheet: s.sheetName, cell: at(e.row, d.at?.columns[key]) });
    }
  }
  for (const key of keys) {
    out.push({ table, kind: 'expenditure', code: GRAND_TOTAL_CODE, name: '支出总计', key, amount: d.expenditureTotal[key as keyof typeof d.expenditureTotal] ?? null, sheet: s.sheetName, cell: at(d.at?.totalRow, d.at?.columns[key]) });
  }
  return out;
}

function threePublicFigures(s: ModelSheet, d: ThreePublicData, keys: string[]): Figure[] {
  return keys.map((key) => ({
    table: 'T9' as const,
    kind: 'three-public' as const,
    code: '',
    name: THREE_PUBLIC_COLUMNS.find((c) => c.key === key)?.labels[2] ?? key,
    key,
    amount: d.amounts[key as keyof typeof d.amounts] ?? null,
    sheet: s.sheetName,
    cell: at(d.at?.totalRow, d.at?.columns[key]),
  }));
}

/**
 * Every figure of the summed tables in a workbook's sheets, in the columns `level`'s form has
 * (a department's T1 has one 预算数 column where a unit's splits it four ways).
 */
export function figuresOf(sheets: ModelSheet[], level: BudgetLevel): Figure[] {
  const out: Figure[] = [];
  const seen = new Set<string>();
  for (const s of sheets) {
    const table = s.specId as TableId;
    // A workbook with the same table twice: the first is the one summed and checked.
    if (!SUMMED_TABLES.includes(table) || seen.has(table)) continue;
    seen.add(table);
    const d = s.data;
    if (d.kind === 'coded') out.push(...codedFigures(s, d, columnKeys(table, 'coded', level)));
    else if (d.kind === 'balance') {
      out.push(...balanceFigures(s, d, columnKeys(table, 'expenditure', level)));
    } else if (d.kind === 'three-public') out.push(...threePublicFigures(s, d, columnKeys(table, 'three-public', level)));
  }
  return out;
}
