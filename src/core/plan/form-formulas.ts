import type { SubtotalFlavour } from './subtotals';

/**
 * The formulas of the performance forms, in the two flavours of the budget tables' subtotals
 * (./subtotals): `rollup` calls the add-in's functions (the task pane, where the add-in is
 * loaded); `standard` uses only functions every spreadsheet has (Excel without the add-in,
 * WPS 表格, LibreOffice Calc), and gives exactly what the add-in's function gives
 * (src/functions/logic.ts) wherever it gives a number or words:
 *
 * - 执行率: BUDGET.EXECRATE is 全年执行数 ÷ 全年预算数 as a percentage rounded half up to two
 *   decimals, i.e. the fraction rounded to four. ROUND rounds half away from zero, the same for
 *   the positive amounts of a budget, and ROUND(x, 4) is the double nearest the four-decimal
 *   value, the very number the add-in returns. A 全年预算数 of 0 is an error in both
 *   (#VALUE! from the add-in, #DIV/0! here).
 * - 自评等级: BUDGET.GRADE's thresholds (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差) as nested IFs.
 * - An indicator's 得分 (BUDGET.SCORE) has no standard flavour: its rules read the 指标值 by the
 *   target grammar (targets.ts: comparators in half- and full-width forms, units in either kind
 *   of bracket or none, phrases such as `2个工作日内`, `基本` + phrase for half marks). Standard
 *   functions without regular expressions (REGEX is neither in Excel before 365 nor in WPS)
 *   cannot read that grammar the same way in every case, and a 得分 that differs from the rules
 *   `check` applies (selfScoreRules) would contradict the validator. So the standard flavour
 *   leaves 得分 an input cell for the clerk, as the printed form has it; `check` computes the
 *   rules' figure and names a typed 得分 that differs (see `indicatorScoreFormula`).
 * - 填写提示 (BUDGET.TARGETCHECK) is left out for the same reason: the words it says come from
 *   the same grammar; `check` says them at the cell.
 */
export type FormFormulaFlavour = SubtotalFlavour;

/** 执行率 beside 全年预算数 and 全年执行数; blank until 全年预算数 is typed. */
export function executionRateFormula(flavour: FormFormulaFlavour, full: string, executed: string): string {
  const rate = flavour === 'standard' ? `ROUND(${executed}/${full},4)` : `BUDGET.EXECRATE(${full},${executed})`;
  return `=IF(${full}="","",${rate})`;
}

/** The 得分 of an indicator row, or null where the flavour leaves it to the clerk (see above). */
export function indicatorScoreFormula(flavour: FormFormulaFlavour, target: string, actual: string, weight: string): string | null {
  if (flavour === 'standard') return null;
  return `=IF(${actual}="","",BUDGET.SCORE(${target},${actual},${weight}))`;
}

/** `自评等级：优` beside 总分; blank while nothing is scored. */
export function gradeFormula(flavour: FormFormulaFlavour, total: string): string {
  const grade = flavour === 'standard' ? `IF(${total}>=90,"优",IF(${total}>=80,"良",IF(${total}>=60,"中","差")))` : `BUDGET.GRADE(${total})`;
  return `=IF(${total}=0,"","自评等级："&${grade})`;
}

/** The 填写提示 beside a 指标值, or null where the flavour leaves it out (see above). */
export function targetCheckFormula(flavour: FormFormulaFlavour, target: string, indicator: string, level1: string): string | null {
  return flavour === 'standard' ? null : `=BUDGET.TARGETCHECK(${target},${indicator},${level1})`;
}
