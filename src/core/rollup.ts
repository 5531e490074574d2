import { normalizeCode } from './codes';
import { Money, parseAmount, ZERO } from './money';

/**
 * Rolling amounts up the classification hierarchy (项 → 款 → 类 → 合计), as `BUDGET.ROLLUP`
 * does in a cell. Each amount counts once: a row whose code has a descendant among the rows
 * is a subtotal and is left out, so a range may include the 类 and 款 rows themselves.
 */
export interface RollupRow {
  code: string;
  /** the exact amount; may be omitted when `cents` holds it */
  amount?: Money;
  /** the amount in 分 as a safe integer, when it has at most two decimals (the common case, summed without Decimal) */
  cents?: number;
  /** 1-based position in the range, for messages */
  index: number;
}

/** A code as typed in a text cell in its plain form: read without the general normaliser. */
const PLAIN_CODE = /^(2\d{2}(\d{2}){0,2}|[35]\d{2}(\d{2})?)$/;

/** The amount of a number cell in 分, when the double is exactly a two-decimal amount. */
function centsOf(v: number): number | undefined {
  const c = Math.round(v * 100);
  return Number.isSafeInteger(c) && c / 100 === v ? c : undefined;
}

/** Exact sum: integer 分 while they last, Decimal for the rest. */
export function sumRows(rows: Iterable<RollupRow>): Money {
  let cents = 0;
  let rest: Money | null = null;
  for (const r of rows) {
    if (r.cents !== undefined && Number.isSafeInteger(cents + r.cents)) cents += r.cents;
    else rest = (rest ?? ZERO).plus(r.amount ?? new Money(r.cents ?? 0).div(100));
  }
  const total = new Money(cents).div(100);
  return rest ? total.plus(rest) : total;
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
export function readRollupInput(codes: unknown[][], amounts: unknown[][], keep?: (code: string) => boolean): RollupInput | RollupError {
  if (codes.length !== amounts.length) {
    return { error: `科目编码区域有 ${codes.length} 行，金额区域有 ${amounts.length} 行，行数应相同` };
  }
  if (amounts.some((r) => r.length !== 1)) return { error: '金额区域应为一列' };
  const width = codes[0]?.length ?? 0;
  if (width < 1 || width > 3) return { error: `科目编码区域应为一列，或类、款（、项）分列的两三列（现为 ${width} 列）` };
  const rows: RollupRow[] = [];
  const textAmounts: number[] = [];
  for (let i = 0; i < codes.length; i++) {
    const index = i + 1;
    const codeCells = codes[i];
    const rawAmount = amounts[i][0];
    // Fast path for what Excel passes almost always: a plain text code and a number or a blank.
    const rawCode = codeCells[0];
    if (width === 1 && typeof rawCode === 'string' && PLAIN_CODE.test(rawCode)) {
      // Every row is checked; only the rows the caller keeps are built (a call for one code
      // over 20,000 rows then allocates a handful of objects, not 20,000).
      if (typeof rawAmount === 'number') {
        const cents = centsOf(rawAmount);
        if (cents !== undefined) {
          if (!keep || keep(rawCode)) rows.push({ code: rawCode, cents, index });
          continue;
        }
      } else if (rawAmount === null || rawAmount === undefined || rawAmount === '') {
        if (!keep || keep(rawCode)) rows.push({ code: rawCode, cents: 0, index });
        continue;
      }
    }
    const amount = parseAmount(rawAmount);
    if (amount.kind === 'invalid') return { error: `第 ${index} 行的金额“${amount.text}”不是数字`, index };
    const blankCode = codeCells.every(cellIsBlank);
    if (blankCode) {
      if (amount.kind === 'number' && !amount.value.isZero()) return { error: `第 ${index} 行有金额但没有科目编码`, index };
      continue;
    }
    const code = normalizeCode(width === 1 ? codeCells[0] : codeCells);
    if (!code.ok) return { error: `第 ${index} 行：${code.reason}`, index };
    if (amount.kind === 'number' && amount.fromText) textAmounts.push(index);
    if (keep && !keep(code.code)) continue;
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
  // A row's descendants share its prefix, so leafness can be decided within the subset.
  return sumRows(leafRows(rows.filter((r) => r.code.startsWith(code))));
}

/** Grand total: every leaf once. */
export function rollupTotal(rows: RollupRow[]): Money {
  return sumRows(leafRows(rows));
}

export interface RollupLine {
  code: string;
  total: Money;
}

/** Every 类 and 款 present (or implied by a 项) with its total, in code order. */
export function rollupAll(rows: RollupRow[]): RollupLine[] {
  const groups = new Map<string, RollupRow[]>();
  for (const r of leafRows(rows)) {
    for (let len = 3; len <= Math.min(5, r.code.length); len += 2) {
      const key = r.code.slice(0, len);
      const g = groups.get(key);
      if (g) g.push(r);
      else groups.set(key, [r]);
    }
  }
  return [...groups.keys()].sort().map((code) => ({ code, total: sumRows(groups.get(code)!) }));
}
