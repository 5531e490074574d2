/**
 * Last year beside this year, as one API for the task pane and the CLI (issue 16):
 *
 * - `compareBudgets(previousSheets, currentSheets, threshold?)` → `Comparison`: both workbooks as
 *   read sheets (any layout the reader knows), threshold in percent points (10 by default);
 * - `planComparison(ctx, comparison)` → the 上年对比 `SheetPlan` for either writer;
 * - `previousOf(previousSheets, threshold?, reasonsIn(currentSheets))` → what `draftText(sheets,
 *   { previous })` needs to state the changes (and the reasons typed in the 上年对比 sheet);
 * - `planProcurement(ctx)` → the 政府采购 input sheet the draft reads.
 */
export { changeRate, compareBudgets, DEFAULT_THRESHOLD, needsReason, reasonsMissing, type Comparison, type ComparisonRow, type ComparisonSection } from './compare';
export { codeInYear, FUNCTIONAL_MOVES, type CodeMove } from './moves';
export { PROCUREMENT, PROCUREMENT_FIELDS, procurementInputs, type ProcurementInputs } from './procurement';
export { COMPARISON, COMPARISON_COLUMNS, COMPARISON_THRESHOLD_CELL, planComparison } from '../plan/comparison';
export { planProcurement } from '../plan/procurement';
export { previousOf, reasonsIn, type Previous } from '../draft/changes';
export { budgetYearOf, comparisonWithReasons, thresholdFor } from './with-reasons';
