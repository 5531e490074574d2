import { normalizeCode } from './codes';
import { Money, parseAmount, ZERO } from './money';

/**
 * Rolling amounts up the classification hierarchy (项 → 款 → 类 → 合计), as `BUDGET.ROLLUP`
 * does in a cell. Each amount counts once: a row whose code has a descendant among the rows
 * is a subtotal and is left out, so a range may include the 类 and 款 rows themselves.
 */
export interface RollupRow {
  code: string;
  amount: Money;
  /** 1-based position in the range, for messages */
  index: number;
}

export type RollupError = { error: string; index?: number };

export interface RollupInput {
  rows: RollupRow[];
  /** rows whose amount was typed as text (read all the same) */
  textAmounts: number[];
}

function cellIsBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * Reads the `codes` (one column in any accepted form, or a 类 | 款 | 项 block) and `amounts`
 * (one column) ranges. Blank amounts are zero; amounts typed as text are read; a row with an
 * amount and no code, a bad code or an unreadable amount is an error naming the row.
 */
export function readRollupInput(codes: unknown[][], amounts: unknown[][]): RollupInput | RollupError {
  if (codes.length !== amounts.length) {
    return { error: `科目编码区域有 ${codes.length} 行，金额区域有 ${amounts.length} 行，行数应相同` };
  }
  if (amounts.some((r) => r.length !== 1)) return { error: '金额区域应为一列' };
  const width = codes[0]?.length ?? 0;
  if (width !== 1 && width !== 3) return { error: `科目编码区域应为一列，或类、款、项三列（现为 ${width} 列）` };
  const rows: RollupRow[] = [];
  const textAmounts: number[] = [];
  for (let i = 0; i < codes.length; i++) {
    const index = i + 1;
    const codeCells = codes[i];
    const amount = parseAmount(amounts[i][0]);
    if (amount.kind === 'invalid') return { error: `第 ${index} 行的金额“${amount.text}”不是数字`, index };
    const blankCode = codeCells.every(cellIsBlank);
    if (blankCode) {
      if (amount.kind === 'number' && !amount.value.isZero()) return { error: `第 ${index} 行有金额但没有科目编码`, index };
      continue;
    }
    const code = normalizeCode(width === 1 ? codeCells[0] : codeCells);
    if (!code.ok) return { error: `第 ${index} 行：${code.reason}`, index };
    if (amount.kind === 'number' && amount.fromText) textAmounts.push(index);
    rows.push({ code: code.code, amount: amount.kind === 'number' ? amount.value : ZERO, index });
  }
  return { rows, textAmounts };
}

/** The rows that are not subtotals: no other row's code lies under theirs. */
export function leafRows(rows: RollupRow[]): RollupRow[] {
  const ancestors = new Set<string>();
  for (const r of rows) for (let len = r.code.length - 2; len >= 3; len -= 2) ancestors.add(r.code.slice(0, len));
  return rows.filter((r) => !ancestors.has(r.code));
}

/** Total of the leaf amounts under `code` (the code itself included). */
export function rollupUnder(rows: RollupRow[], code: string): Money {
  let total = ZERO;
  for (const r of leafRows(rows)) if (r.code.startsWith(code)) total = total.plus(r.amount);
  return total;
}

/** Grand total: every leaf once. */
export function rollupTotal(rows: RollupRow[]): Money {
  let total = ZERO;
  for (const r of leafRows(rows)) total = total.plus(r.amount);
  return total;
}

export interface RollupLine {
  code: string;
  total: Money;
}

/** Every 类 and 款 present (or implied by a 项) with its total, in code order. */
export function rollupAll(rows: RollupRow[]): RollupLine[] {
  const totals = new Map<string, Money>();
  for (const r of leafRows(rows)) {
    for (let len = 3; len <= Math.min(5, r.code.length); len += 2) {
      const key = r.code.slice(0, len);
      totals.set(key, (totals.get(key) ?? ZERO).plus(r.amount));
    }
  }
  return [...totals.keys()].sort().map((code) => ({ code, total: totals.get(code)! }));
}
