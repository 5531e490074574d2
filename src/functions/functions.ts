/* global CustomFunctions */
import { catalogForFunctions } from '../excel/workbook-catalog';
import { codeLevel, codeName, codeParent, diff, execRate, FunctionProblem, gradeOf, isProblem, rollup, score, targetCheck, wan } from './logic';

/**
 * The `BUDGET.*` custom functions. Each is a thin wrapper: the logic lives in `logic.ts`
 * (tested as plain TypeScript); a problem becomes `#VALUE!` (or `#N/A` for an unknown code)
 * with a message a clerk can act on. custom-functions-metadata-plugin reads the JSDoc below
 * into functions.json and adds the CustomFunctions.associate calls.
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
 * 返回科目编码的规范名称（按预算年度的科目版本）。Returns the official name of a classification code for the budget year's edition.
 * @customfunction NAME
 * @param code 科目编码：2040201、204 02 01、204-02-01，或类|款|项三个单元格。Classification code in any form, or a 类|款|项 block of three cells.
 * @param [year] 预算年度，如 2021；省略时用现行版本。Budget year, e.g. 2021; the current edition when omitted.
 * @returns 科目名称 / the code's name
 */
export async function codeNameFunction(code: any[][], year?: number): Promise<string> {
  // the workbook's 科目目录 sheet, as 校验 reads it (read again at most every few seconds)
  const catalog = await catalogForFunctions();
  return ok(codeName(code, year, catalog));
}

/**
 * 按科目层级汇总金额：项→款→类→合计，每笔金额只计一次（有下级的行视为小计，不重复相加）。Rolls amounts up the code hierarchy, each amount once (a row with descendants in the range is a subtotal).
 * @customfunction ROLLUP
 * @param codes 科目编码区域：一列（任意写法）或类|款|项三列。Codes: one column in any form, or a 类|款|项 block.
 * @param amounts 金额区域（一列，与编码区域行数相同；空白为零，文本数字照读）。Amounts: one column, as many rows as codes; blanks are zero, numbers typed as text are read.
 * @param [code] 要汇总的科目（如 204 或 20402），“合计”为总计；省略时列出每个类、款及其合计。The code to total, or 合计 for the grand total; omitted, every 类 and 款 spills with its total.
 * @returns 合计金额，或科目、名称、金额的列表 / the total, or a spilled list of code, name, total
 */
export async function rollupFunction(codes: any[][], amounts: any[][], code?: any[][]): Promise<any[][]> {
  const catalog = await catalogForFunctions();
  const r = ok(rollup(codes, amounts, code, catalog));
  return Array.isArray(r) ? r : [[r]];
}

/**
 * 科目的级次：类、款或项。The level of a code: 类, 款 or 项.
 * @customfunction LEVEL
 * @param code 科目编码（任意写法或类|款|项三个单元格）。A code in any form, or a 类|款|项 block.
 * @returns 类 / 款 / 项
 */
function levelFunction(code: any[][]): string {
  return ok(codeLevel(code));
}

/**
 * 上级科目编码：2040201 → 20402 → 204。The parent code: 2040201 → 20402 → 204.
 * @customfunction PARENT
 * @param code 科目编码（任意写法或类|款|项三个单元格）。A code in any form, or a 类|款|项 block.
 * @returns 上级编码 / the parent code
 */
function parentFunction(code: any[][]): string {
  return ok(codeParent(code));
}

/**
 * 元换算为万元，精确计算，四舍五入（默认两位小数）。Yuan to 万元, exact, rounded half up (2 decimals by default).
 * @customfunction WAN
 * @param yuan 金额（元）。Amount in 元.
 * @param [digits] 小数位数，默认 2。Decimal places, 2 by default.
 * @returns 万元 / the amount in 万元
 */
function wanFunction(yuan: any, digits?: number): number {
  return ok(wan(yuan, digits));
}

/**
 * 精确差额：实际值 − 应有值，一致时为 0，不会出现浮点尾数。The exact difference actual − expected; 0 when they agree, with no floating-point tail.
 * @customfunction DIFF
 * @param expected 应有值。The expected amount.
 * @param actual 实际值。The actual amount.
 * @returns 差额 / the difference
 */
function diffFunction(expected: any, actual: any): number {
  return ok(diff(expected, actual));
}

/**
 * 执行率 = 全年执行数 ÷ 全年预算数（小数，显示为百分比时保留两位）。Execution rate = executed ÷ budget, as a fraction (two decimals of a percent).
 * @customfunction EXECRATE
 * @param budget 全年预算数（元）。The full-year budget.
 * @param actual 全年执行数（元）。The amount executed.
 * @returns 执行率 / the rate
 */
function execRateFunction(budget: any, actual: any): number {
  return ok(execRate(budget, actual));
}

/**
 * 按绩效自评规则计算指标得分：定量按完成比例（≤ 类指标为目标÷实际），不超过分值；定性达成得满分、基本达成得一半。Scores an indicator: quantitative in proportion (target ÷ actual for ≤), capped at the weight; qualitative full when met, half when 基本 met.
 * @customfunction SCORE
 * @param target 年度指标值，如 ≥90.00(%)、=100%、健全。The target value.
 * @param actual 实际完成值，如 95%、基本健全。The value achieved.
 * @param weight 分值。The indicator's weight.
 * @returns 得分 / the score
 */
function scoreFunction(target: any, actual: any, weight: any): number {
  return ok(score(target, actual, weight));
}

/**
 * 自评等级：总分 ≥90 优，≥80 良，≥60 中，其余差。The grade of a self-evaluation total: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, otherwise 差.
 * @customfunction GRADE
 * @param total 总分。The total score.
 * @returns 优 / 良 / 中 / 差
 */
function gradeFunction(total: any): string {
  return ok(gradeOf(total));
}

/**
 * 检查年度指标值的写法：能识别时为空；写法不对或目标可疑时说明原因。Checks how a target value is written: empty when it reads; otherwise what is wrong or suspicious.
 * @customfunction TARGETCHECK
 * @param target 年度指标值，如 ≥90.00(%)、=100%、健全。The target value.
 * @param [indicator] 三级指标名称（用于判断比率、满意度等）。The 三级 indicator's name.
 * @param [level1] 一级指标（成本指标的单位应为元）。The 一级 indicator.
 * @returns 空白或问题说明 / empty, or the problem in words
 */
function targetCheckFunction(target: any, indicator?: any, level1?: any): string {
  return targetCheck(target, indicator, level1);
}
