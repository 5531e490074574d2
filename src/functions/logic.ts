import type { Catalog } from '../core/catalog/catalog';
import { catalogInForce, setCatalogInForce } from '../excel/workbook-catalog';
import { levelOf, normalizeCode, parentOf } from '../core/codes';
import { Money, parseAmount, yuanToWan } from '../core/money';
import { readRollupInput, rollupAll, rollupTotal, rollupUnder } from '../core/rollup';
import { targetCheckText } from '../core/performance/rules';
import { executionRate, grade, indicatorScore } from '../core/performance/scoring';

/**
 * The custom functions' logic as plain TypeScript, so it is tested without Excel. Each
 * returns a value or a `FunctionProblem` that the Excel wrapper turns into `#VALUE!` or
 * `#N/A` with the message shown to the clerk.
 */
export interface FunctionProblem {
  problem: 'invalid' | 'notFound';
  message: string;
}

export function isProblem(v: unknown): v is FunctionProblem {
  return typeof v === 'object' && v !== null && 'problem' in v;
}

/** The workbook's 科目目录 sheet, when there is one, extends the built-in catalog (shared with 校验). */
export function useCatalog(c: Catalog): void {
  setCatalogInForce(c);
}

function firstCell(v: unknown): unknown {
  // A cell reference arrives as a 1×1 matrix when the parameter is declared as a range.
  while (Array.isArray(v)) v = v[0];
  return v;
}

export function codeName(code: unknown, year?: unknown, catalog: Catalog = catalogInForce()): string | FunctionProblem {
  const n = normalizeCode(firstCellOrRow(code));
  if (!n.ok) return { problem: 'invalid', message: n.reason };
  let y: number | undefined;
  const yv = firstCell(year);
  if (yv !== undefined && yv !== null && yv !== '') {
    y = Number(yv);
    if (!Number.isInteger(y) || y < 1990 || y > 2100) return { problem: 'invalid', message: `预算年度“${String(yv)}”应为四位年份` };
  }
  const name = catalog.nameOf(n.code, y);
  if (name === undefined && catalog.isKnown(n.code, y)) return { problem: 'notFound', message: `科目编码 ${n.code} 在科目目录中，但名称待确认；可在“科目目录”表中补充名称` };
  if (name === undefined) return { problem: 'notFound', message: `科目编码 ${n.code} 不在科目目录中` };
  return name;
}

// ---------------------------------------------------------------- ROLLUP and its companions

const GRAND_TOTAL = new Set(['合计', '总计', '*']);

function asMatrix(v: unknown): unknown[][] {
  if (Array.isArray(v)) return v.map((r) => (Array.isArray(r) ? r : [r]));
  return [[v]];
}

/** Excel shows a double; the total is exact until this last step, so no binary tail appears. */
const cellNumber = (m: Money): number => Number(m.toFixed());

/**
 * `BUDGET.ROLLUP(codes, amounts, [code])`: the total of `amounts` under `code`; with `合计` the
 * grand total; without `code`, every 类 and 款 with its name and total, then 合计.
 */
export function rollup(codes: unknown, amounts: unknown, code?: unknown, catalog: Catalog = catalogInForce()): number | (string | number)[][] | FunctionProblem {
  const target = targetCode(code, firstCell(code));
  if (target && 'problem' in target) return target;
  const prefix = target?.code;
  const input = readRollupInput(asMatrix(codes), asMatrix(amounts), prefix ? (c) => c.startsWith(prefix) : undefined);
  if ('error' in input) return { problem: 'invalid', message: input.error };
  if (target === null) {
    const lines = rollupAll(input.rows).map((l) => [l.code, catalog.nameOf(l.code) ?? '', cellNumber(l.total)]);
    return [...lines, ['合计', '', cellNumber(rollupTotal(input.rows))]];
  }
  if (!prefix) return cellNumber(rollupTotal(input.rows));
  return cellNumber(rollupUnder(input.rows, prefix));
}

/** The code a ROLLUP call totals: none (spill), the grand total (`合计`), or a code. */
function targetCode(code: unknown, wanted: unknown): { code: string | null } | FunctionProblem | null {
  if (wanted === undefined || wanted === null || wanted === '') return null;
  if (typeof wanted === 'string' && GRAND_TOTAL.has(wanted.trim())) return { code: null };
  const n = normalizeCode(firstCellOrRow(code));
  return n.ok ? { code: n.code } : { problem: 'invalid', message: `要汇总的科目：${n.reason}` };
}

export function codeLevel(code: unknown): string | FunctionProblem {
  const n = normalizeCode(firstCellOrRow(code));
  return n.ok ? levelOf(n.code) : { problem: 'invalid', message: n.reason };
}

export function codeParent(code: unknown): string | FunctionProblem {
  const n = normalizeCode(firstCellOrRow(code));
  if (!n.ok) return { problem: 'invalid', message: n.reason };
  const p = parentOf(n.code);
  return p ?? { problem: 'notFound', message: `${n.code} 是类级科目，没有上级` };
}

function amountOf(v: unknown, what: string): Money | FunctionProblem {
  const p = parseAmount(firstCell(v));
  if (p.kind === 'invalid') return { problem: 'invalid', message: `${what}“${p.text}”不是数字` };
  return p.kind === 'blank' ? new Money(0) : p.value;
}

/** `BUDGET.WAN(yuan, [digits])`: 元 → 万元, exact, half up (domain.md §2). */
export function wan(yuan: unknown, digits?: unknown): number | FunctionProblem {
  const y = amountOf(yuan, '金额');
  if (isProblem(y)) return y;
  const d = firstCell(digits);
  const places = d === undefined || d === null || d === '' ? 2 : Number(d);
  if (!Number.isInteger(places) || places < 0 || places > 6) return { problem: 'invalid', message: `小数位数“${String(d)}”应为 0 到 6 的整数` };
  return cellNumber(yuanToWan(y, places));
}

/** `BUDGET.DIFF(expected, actual)`: actual − expected, exactly; 0 when they agree. */
export function diff(expected: unknown, actual: unknown): number | FunctionProblem {
  const e = amountOf(expected, '应有值');
  if (isProblem(e)) return e;
  const a = amountOf(actual, '实际值');
  if (isProblem(a)) return a;
  return cellNumber(a.minus(e));
}

function firstCellOrRow(v: unknown): unknown {
  return Array.isArray(v) && Array.isArray(v[0]) && v[0].length > 1 ? v[0] : firstCell(v);
}

// ---------------------------------------------------------------- self-evaluation scoring


/** `BUDGET.EXECRATE(budget, actual)`: 执行率 as a fraction (0.9827), two decimals of a percent. */
export function execRate(budget: unknown, actual: unknown): number | FunctionProblem {
  const b = amountOf(budget, '全年预算数');
  if (isProblem(b)) return b;
  const a = amountOf(actual, '全年执行数');
  if (isProblem(a)) return a;
  const rate = executionRate(b, a);
  if (rate === null) return { problem: 'invalid', message: '全年预算数为 0，无法计算执行率' };
  return cellNumber(rate.div(100));
}

/** A target or achieved value as the forms' words: a number in the cell means exactly it (`=95`). */
function cellWords(v: unknown): string | null {
  const c = firstCell(v);
  return c === null || c === undefined ? null : typeof c === 'number' ? `=${c}` : String(c);
}

/** `BUDGET.SCORE(target, actual, weight)`: an indicator's 得分 by the forms' rules (scoring.ts). */
export function score(target: unknown, actual: unknown, weight: unknown): number | FunctionProblem {
  const w = amountOf(weight, '分值');
  if (isProblem(w)) return w;
  const s = indicatorScore(cellWords(target), cellWords(actual), w);
  if (s.score === null) return { problem: 'invalid', message: s.basis };
  return cellNumber(s.score);
}

/** `BUDGET.GRADE(total)`: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差. */
export function gradeOf(total: unknown): string | FunctionProblem {
  const t = amountOf(total, '总分');
  if (isProblem(t)) return t;
  return grade(t);
}

/**
 * `BUDGET.TARGETCHECK(target, [indicator], [level1])`: what is wrong with a 指标值, said beside
 * the cell as it is typed (the validator says the same later, with the cell): '' when it reads
 * as a comparator, number and unit or as a phrase; else `错误：…` / `提示：…`. A row with
 * neither a 三级 name nor a target is an unused template row: ''.
 */
export function targetCheck(target: unknown, indicator?: unknown, level1?: unknown): string {
  return targetCheckText(cellWords(target) ?? '', cellWords(indicator) ?? '', cellWords(level1) ?? '');
}
