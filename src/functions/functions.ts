/* global CustomFunctions */
import { catalogForFunctions } from '../excel/workbook-catalog';
import { codeLevel, codeName, codeParent, diff, execRate, FunctionProblem, gradeOf, isProblem, rollup, score, targetCheck, wan } from './logic';

/**
 * The `BUDGET.*` custom functions. Each is a thin wrapper: the logic lives in `logic.ts`
 * (tested as plain TypeScript); a problem becomes `#VALUE!` (or `#N/A` for an unknown code)
 * with a message a clerk can act on. custom-functions-metadata-plugin reads the JSDoc below
 * into functions.json (English: every locale but Chinese) and adds the CustomFunctions.associate
 * calls; metadata.zh-CN.json holds the Chinese names and descriptions that make
 * functions.zh-CN.json, which the manifest gives Excel in zh-CN.
 */
function fail(p: FunctionProblem): never {
  const code = p.problem === 'notFound' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  throw new CustomFunctions.Error(code, p.message);
}

function ok<T>(v: T | FunctionProblem): T {
  if (isProblem(v)) fail(v);
  return v as T;
}

/**
 * Returns the official name of a classification code for the budget year's edition.
 * @customfunction NAME
 * @param code Classification code in any form, or a 类|款|项 block of three cells.
 * @param [year] Budget year, e.g. 2021; the current edition when omitted.
 * @returns the code's name
 */
export async function codeNameFunction(code: any[][], year?: number): Promise<string> {
  // the workbook's 科目目录 sheet, as 校验 reads it (read again at most every few seconds)
  const catalog = await catalogForFunctions();
  return ok(codeName(code, year, catalog));
}

/**
 * Rolls amounts up the code hierarchy, each amount once (a row with descendants in the range is a subtotal).
 * @customfunction ROLLUP
 * @param codes Codes: one column in any form, or a 类|款|项 block.
 * @param amounts Amounts: one column, as many rows as codes; blanks are zero, numbers typed as text are read.
 * @param [code] The code to total, or 合计 for the grand total; omitted, every 类 and 款 spills with its total.
 * @returns the total, or a spilled list of code, name, total
 */
export async function rollupFunction(codes: any[][], amounts: any[][], code?: any[][]): Promise<any[][]> {
  const catalog = await catalogForFunctions();
  const r = ok(rollup(codes, amounts, code, catalog));
  return Array.isArray(r) ? r : [[r]];
}

/**
 * The level of a code: 类, 款 or 项.
 * @customfunction LEVEL
 * @param code A code in any form, or a 类|款|项 block.
 * @returns 类, 款 or 项
 */
function levelFunction(code: any[][]): string {
  return ok(codeLevel(code));
}

/**
 * The parent code: 2040201 → 20402 → 204.
 * @customfunction PARENT
 * @param code A code in any form, or a 类|款|项 block.
 * @returns the parent code
 */
function parentFunction(code: any[][]): string {
  return ok(codeParent(code));
}

/**
 * Yuan to 万元, exact, rounded half up (2 decimals by default).
 * @customfunction WAN
 * @param yuan Amount in 元.
 * @param [digits] Decimal places, 2 by default.
 * @returns the amount in 万元
 */
function wanFunction(yuan: any, digits?: number): number {
  return ok(wan(yuan, digits));
}

/**
 * The exact difference actual − expected; 0 when they agree, with no floating-point tail.
 * @customfunction DIFF
 * @param expected The expected amount.
 * @param actual The actual amount.
 * @returns the difference
 */
function diffFunction(expected: any, actual: any): number {
  return ok(diff(expected, actual));
}

/**
 * Execution rate = executed ÷ budget, as a fraction (two decimals of a percent).
 * @customfunction EXECRATE
 * @param budget The full-year budget.
 * @param actual The amount executed.
 * @returns the rate
 */
function execRateFunction(budget: any, actual: any): number {
  return ok(execRate(budget, actual));
}

/**
 * Scores an indicator: quantitative in proportion (target ÷ actual for ≤), capped at the weight; qualitative full when met, half when 基本 met.
 * @customfunction SCORE
 * @param target The target value.
 * @param actual The value achieved.
 * @param weight The indicator's weight.
 * @returns the score
 */
function scoreFunction(target: any, actual: any, weight: any): number {
  return ok(score(target, actual, weight));
}

/**
 * The grade of a self-evaluation total: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, otherwise 差.
 * @customfunction GRADE
 * @param total The total score.
 * @returns 优, 良, 中 or 差
 */
function gradeFunction(total: any): string {
  return ok(gradeOf(total));
}

/**
 * Checks how a target value is written: empty when it reads; otherwise what is wrong or suspicious.
 * @customfunction TARGETCHECK
 * @param target The target value.
 * @param [indicator] The 三级 indicator's name.
 * @param [level1] The 一级 indicator.
 * @returns empty, or the problem in words
 */
function targetCheckFunction(target: any, indicator?: any, level1?: any): string {
  return targetCheck(target, indicator, level1);
}
