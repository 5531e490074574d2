import type { BudgetContext } from '../model';
import { Money } from '../money';
import type { SeedAmount, SeedIndicator, SeedSelfEvaluation, SeedTargetForm } from '../seed-types';
import { indicatorSkeleton, level1Names, PROJECT_CATEGORIES, PROJECT_NATURES, SELF_EVALUATION, TARGET_FORM } from '../specs/forms';
import { targetCheckText } from '../performance/rules';
import { grade } from '../performance/scoring';
import { executionRateFormula, gradeFormula, indicatorScoreFormula, targetCheckFormula, type FormFormulaFlavour } from './form-formulas';
import { address, rangeAddress } from './a1';
import { absolute, editionListSet, level2ListFormula, planListsSheet, type ListSet } from './lists';
import { PlanBuilder } from './builder';
import { textCell } from './text-cells';
import { fitRowHeights } from './text-height';
import { withIndicatorPages } from './print';
import { amountValidation, safeSheetName } from './build';
import { formatMarker } from './marker';
import type { CellStyle, CellValue, SheetPlan, ValidationPlan } from './types';

/**
 * Sheet plans of the two performance forms (domain.md §6). Like the budget tables: a title,
 * the marker in a hidden cell of row 1 right of the form, input cells unlocked, the sheet
 * protected without a password.
 *
 * Every published or prefilled text (a target such as `=100.00(%)`, a project name) is
 * planned with `textCell`, so the writers put it in as text whatever it starts with;
 * `formText` reads such a cell back.
 */

export interface FormPlanOptions {
  /** blank 三级 rows under each 二级 of an empty form's indicator skeleton (default 1) */
  blankRows?: number;
  /**
   * What is known of a project before its form is written (from the U2 project list, see
   * `prefill.ts`); used only when no published form is given. The other cells stay blank
   * for the clerk.
   */
  prefill?: FormPrefill;
  /**
   * `rollup` (the default, the task pane's) writes the add-in's BUDGET.* functions; `standard`
   * only functions every spreadsheet has, as the CLI writes by default (see ./form-formulas).
   */
  formulas?: FormFormulaFlavour;
}

/** The fields a form is prefilled with from the budget. */
export interface FormPrefill {
  projectName: string;
  /** 主管部门 */
  department?: string | null;
  /** 实施单位 */
  unit?: string | null;
  /** 当年财政拨款 (元): the U2 预算数 */
  fiscal: Money | null;
}

export const AMOUNT_FORMAT = '#,##0.00';
/** points of the 总体目标 row: a blank form's room to write, a filled form's least (two lines) */
const GOAL_ROW_BLANK = 90;
const GOAL_ROW_FILLED = 34;
const TEXT_FORMAT = '@';
const SUBTITLE: CellStyle = { hAlign: 'center', vAlign: 'center' };
export const LABEL: CellStyle = { bold: true, hAlign: 'center', vAlign: 'center', wrap: true, border: true, fill: '#F2F2F2' };
export const BODY: CellStyle = { border: true, vAlign: 'center', wrap: true };
export const INPUT_TEXT: CellStyle = { numberFormat: TEXT_FORMAT, hAlign: 'left', locked: false, wrap: true };
export const INPUT_AMOUNT: CellStyle = { numberFormat: AMOUNT_FORMAT, hAlign: 'right', locked: false };
const INPUT_NUMBER: CellStyle = { numberFormat: 'General', hAlign: 'right', locked: false };
export const FORMULA_AMOUNT: CellStyle = { numberFormat: AMOUNT_FORMAT, hAlign: 'right', locked: true };
export const AMOUNT_VALIDATION = (range: string): ValidationPlan =>
  amountValidation(range, { title: '金额无效', text: '这里只能输入数字金额（元）。' }, { title: '金额（元）', text: '请输入数字金额，单位：元，可到分。' });

export { formText, textCell } from './text-cells';

export const amount = (a: SeedAmount | undefined): number | null => (typeof a === 'string' ? new Money(a).toNumber() : null);

/** A published 分值 / 得分: a number when it is one ("2.5"), else the words ("—"). */
function scoreCell(v: string | null | undefined): CellValue {
  if (v === null || v === undefined || v === '') return null;
  return /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v.trim()) : textCell(v);
}

export function listValidation(range: string, items: string[], title: string): ValidationPlan {
  return { range, kind: 'list', items, error: { title, text: `请从列表中选择${title}。` }, strict: false };
}

/** The 一级 and 二级 words of an indicator row (null when blank). */
export interface IndicatorRowWords {
  level1: string | null;
  level2: string | null;
}

const indicatorWords = (rows: Partial<SeedIndicator>[]): IndicatorRowWords[] =>
  rows.map((r) => ({ level1: r.level1 || null, level2: r.level2 || null }));

/** Runs of consecutive rows with the same non-blank value: [first index, last index]. */
export function levelRuns(values: (string | null | undefined)[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < values.length; ) {
    let j = i;
    if (values[i]) while (j + 1 < values.length && values[j + 1] === values[i]) j++;
    out.push([i, j]);
    i = j + 1;
  }
  return out;
}

/** The rows of an empty indicator table: each 一级 with its 二级, `perLevel2` blank 三级 rows under each. */
export function skeletonRows(levels: { level1: string; level2: string[] }[], perLevel2 = 1): { level1: string; level2: string }[] {
  return levels.flatMap((l) => l.level2.flatMap((level2) => Array.from({ length: Math.max(1, perLevel2) }, () => ({ level1: l.level1, level2 }))));
}

/**
 * 一级 and 二级 of an indicator table as the official forms print them: each merged over its
 * rows (only the top cell keeps the words). 一级 offers the set's 一级 list; 二级 offers only
 * what `_BT_LISTS` allows under the 一级 of its block, through a formula anchored on the merged
 * 一级 cell, which is where a merged cell's value lives (the rows below it read blank).
 */
export function indicatorLevels(
  b: PlanBuilder,
  first: number,
  rows: IndicatorRowWords[],
  cols: { level1: number; level2: number },
  set: ListSet,
  level1Items: string[],
): void {
  if (rows.length === 0) return;
  const last = first + rows.length - 1;
  for (const [i, j] of levelRuns(rows.map((r) => r.level1))) {
    b.merge(first + i, cols.level1, first + j, cols.level1);
    for (let k = i + 1; k <= j; k++) b.set(first + k, cols.level1, null);
    for (const [p, q] of levelRuns(rows.slice(i, j + 1).map((r) => r.level2))) {
      b.merge(first + i + p, cols.level2, first + i + q, cols.level2);
      for (let k = i + p + 1; k <= i + q; k++) b.set(first + k, cols.level2, null);
    }
    b.validations.push({
      range: rangeAddress(first + i, cols.level2, first + j, cols.level2),
      kind: 'listFormula',
      formula: level2ListFormula(set, absolute(first + i, cols.level1)),
      error: { title: '二级指标', text: '请先选一级指标，再从列表中选择其下的二级指标。' },
      strict: false,
    });
  }
  b.validations.push(listValidation(rangeAddress(first, cols.level1, last, cols.level1), level1Items, '一级指标'));
  b.helpers.push(planListsSheet());
}

/** A label cell and its input cell spanning c1..c2 on one row. */
export function field(b: PlanBuilder, row: number, labelCol: number, label: string, c1: number, c2: number, value: CellValue): void {
  b.set(row, labelCol, label);
  b.style(row, labelCol, row, labelCol, LABEL);
  b.set(row, c1, value);
  b.merge(row, c1, row, c2);
  b.style(row, c1, row, c2, BODY);
  b.style(row, c1, row, c2, INPUT_TEXT);
}

export function heading(b: PlanBuilder, width: number, title: string, year: number): void {
  b.title(title, width);
  b.set(2, 1, `(${year} 年度)`);
  b.merge(2, 1, 2, width);
  b.style(2, 1, 2, width, SUBTITLE);
}

// ---------------------------------------------------------------- 绩效目标申报表

/** Where the fixed fields of the target form are (A1 addresses), for readers and tests. */
export const TARGET_CELLS = {
  projectName: 'B3',
  nature: 'B4',
  category: 'E4',
  department: 'B5',
  unit: 'E5',
  startDate: 'B6',
  endDate: 'E6',
  total: 'C7',
  fiscal: 'C8',
  other: 'C9',
  annualTotal: 'E7',
  annualFiscal: 'E8',
  carryOver: 'E9',
  annualOther: 'E10',
  overallGoal: 'A12',
  annualGoal: 'D12',
} as const;

/** Columns of an indicator row of the target form: 一级, 二级, 三级 (C:D), 指标值 (E:F). */
export const TARGET_INDICATOR_COLUMNS = { level1: 1, level2: 2, level3: 3, target: 5 } as const;

/**
 * Beside each 指标值, right of the printed form, `BUDGET.TARGETCHECK` says at once what does
 * not read in the target grammar or looks wrong (the validator says the same later, at the
 * cell). The words planned are what the function gives, cached for files opened without it.
 * The standard flavour has no such column (./form-formulas).
 */
export const TARGET_CHECK_COLUMN = 8;
const CHECK_STYLE: CellStyle = { color: '#C00000', wrap: true, vAlign: 'center', locked: true };

function targetChecks(b: PlanBuilder, headerRow: number, first: number, indicators: Partial<SeedIndicator>[], col: number, flavour: FormFormulaFlavour): void {
  // No standard flavour of the hint (./form-formulas): no column at all rather than a blank one.
  if (flavour === 'standard') return;
  b.set(headerRow, col, '填写提示（不打印）');
  b.style(headerRow, col, headerRow, col, { bold: true, vAlign: 'center', wrap: true });
  const runs = levelRuns(indicators.map((i) => i?.level1 ?? null));
  for (const [start, end] of runs) {
    for (let i = start; i <= end; i++) {
      const row = first + i;
      const ind = indicators[i];
      b.set(row, col, targetCheckFormula(flavour, `E${row}`, `C${row}`, `$A$${first + start}`));
      b.textResults[address(row, col)] = targetCheckText(ind?.target ?? '', ind?.level3 ?? '', indicators[start]?.level1 ?? '');
    }
  }
  if (indicators.length > 0) b.style(first, col, first + indicators.length - 1, col, CHECK_STYLE);
}

export function planTargetForm(ctx: BudgetContext, form?: SeedTargetForm, opts: FormPlanOptions = {}): SheetPlan {
  const width = 6;
  const markerCol = width + 1;
  const year = form?.year ?? ctx.year;
  const b = new PlanBuilder();
  heading(b, width, TARGET_FORM.title, year);
  const pre = form ? undefined : opts.prefill;

  field(b, 3, 1, '项目名称', 2, 6, textCell(form?.projectName ?? pre?.projectName));
  field(b, 4, 1, '项目性质', 2, 3, textCell(form?.nature));
  field(b, 4, 4, '项目类别', 5, 6, textCell(form?.category));
  field(b, 5, 1, '主管部门', 2, 3, textCell(form?.department ?? pre?.department));
  field(b, 5, 4, '实施单位', 5, 6, textCell(form?.unit ?? pre?.unit));
  field(b, 6, 1, '计划开始日期', 2, 3, textCell(form?.startDate));
  field(b, 6, 4, '计划完成日期', 5, 6, textCell(form?.endDate));
  b.validations.push(listValidation('B4:C4', PROJECT_NATURES, '项目性质'));
  b.validations.push(listValidation('E4:F4', PROJECT_CATEGORIES, '项目类别'));

  // 项目资金 (元): left 项目资金总额 / 财政资金 / 其他资金, right 年度资金申请总额 = Σ the three below it.
  b.set(7, 1, '项目资金（元）');
  b.merge(7, 1, 10, 1);
  b.style(7, 1, 10, 1, LABEL);
  const f = form?.funds;
  const left: [string, number | null][] = [
    ['项目资金总额', amount(f?.total)],
    ['其中：财政资金', amount(f?.fiscal)],
    ['其他资金', amount(f?.other)],
  ];
  left.forEach(([label, v], i) => {
    b.set(7 + i, 2, label);
    b.set(7 + i, 3, v);
  });
  b.style(7, 2, 10, 2, LABEL);
  b.style(7, 3, 10, 3, BODY);
  b.style(7, 3, 9, 3, INPUT_AMOUNT);
  const right: [string, number | null][] = [
    ['年度资金申请总额', null],
    ['其中：当年财政拨款', pre?.fiscal ? pre.fiscal.toNumber() : amount(f?.annualFiscal)],
    ['上年结转资金', amount(f?.carryOver)],
    ['其他资金', amount(f?.annualOther)],
  ];
  right.forEach(([label, v], i) => {
    b.set(7 + i, 4, label);
    b.set(7 + i, 5, v);
    b.merge(7 + i, 5, 7 + i, 6);
  });
  b.style(7, 4, 10, 4, LABEL);
  b.style(7, 5, 10, 6, BODY);
  b.style(8, 5, 10, 6, INPUT_AMOUNT);
  b.set(7, 5, '=SUM(E8:E10)');
  b.style(7, 5, 7, 6, FORMULA_AMOUNT);
  b.results.E7 = right.slice(1).reduce((s, [, v]) => s.plus(new Money(v ?? 0)), new Money(0)).toNumber();
  b.validations.push(AMOUNT_VALIDATION('C7:C9'), AMOUNT_VALIDATION('E8:F10'));

  b.set(11, 1, '项目总目标');
  b.merge(11, 1, 11, 3);
  b.set(11, 4, '年度总体目标');
  b.merge(11, 4, 11, 6);
  b.style(11, 1, 11, 6, LABEL);
  b.set(12, 1, textCell(form?.overallGoal));
  b.merge(12, 1, 12, 3);
  b.set(12, 4, textCell(form?.annualGoal));
  b.merge(12, 4, 12, 6);
  b.style(12, 1, 12, 6, { ...BODY, vAlign: 'top' });
  b.style(12, 1, 12, 6, INPUT_TEXT);
  // Room to type the goals in a blank form; a filled one's row is as tall as its words need
  // (fitRowHeights), so the form keeps to one page where it can.
  b.rowHeights[12] = form ? GOAL_ROW_FILLED : GOAL_ROW_BLANK;

  const headerRow = 13;
  b.header(headerRow, 1, [['一级指标', '二级指标', '三级指标', '三级指标', '年度(/项目)指标值', '年度(/项目)指标值']]);
  b.style(headerRow, 1, headerRow, width, LABEL);
  b.rowHeights[headerRow] = 24;
  const first = headerRow + 1;
  const indicators: Partial<SeedIndicator>[] = form?.indicators.length ? form.indicators : skeletonRows(indicatorSkeleton(year), opts.blankRows);
  const count = indicators.length;
  const last = first + count - 1;
  for (let i = 0; i < count; i++) {
    const row = first + i;
    const ind = indicators[i];
    b.set(row, 1, textCell(ind?.level1));
    b.set(row, 2, textCell(ind?.level2));
    b.set(row, 3, textCell(ind?.level3));
    b.merge(row, 3, row, 4);
    b.set(row, 5, textCell(ind?.target));
    b.merge(row, 5, row, 6);
  }
  if (count > 0) {
    b.style(first, 1, last, width, BODY);
    b.style(first, 1, last, width, INPUT_TEXT);
  }
  indicatorLevels(b, first, indicatorWords(indicators), TARGET_INDICATOR_COLUMNS, editionListSet(year), level1Names(year));
  targetChecks(b, headerRow, first, indicators, TARGET_CHECK_COLUMN, opts.formulas ?? 'rollup');

  const marker = formatMarker({ specId: TARGET_FORM.id, level: ctx.level, year });
  b.set(1, markerCol, marker);
  const plan = fitRowHeights(b.finish(
    {
      specId: TARGET_FORM.id,
      name: safeSheetName(TARGET_FORM.sheetPrefix + (form?.projectName ?? pre?.projectName ?? '')),
      marker,
      markerCell: address(1, markerCol),
      // The official form is portrait: 77 units (项目资金（元） on one line) print its 11-point text at 10 pt or more (print.ts).
      columnWidths: [15, 12, 14, 12, 12, 12, 4, 36],
      hiddenColumns: [markerCol],
      freeze: { rows: 0, columns: 0 },
      print: { orientation: 'portrait', titleRows: null, fitToWidth: true, area: `A1:${address(Math.max(last, headerRow), width)}` },
      protect: true,
      layout: {
        headerRows: [headerRow, headerRow],
        dataRows: [first, last],
        totalRow: null,
        amountColumns: {},
        codeColumns: 0,
        nameColumn: null,
      },
    },
    TARGET_CHECK_COLUMN,
  ));
  return withIndicatorPages(plan, headerRow, blockRows(first, indicators), last);
}

/** The rows of each 一级 block of an indicator table. */
function blockRows(first: number, indicators: Partial<SeedIndicator>[]): [number, number][] {
  return levelRuns(indicators.map((i) => i?.level1 ?? null)).map(([a, b]) => [first + a, first + b]);
}

// ---------------------------------------------------------------- 绩效自评表

/** Fixed fields of the self-evaluation: 项目资金 rows 6–9 with columns C–H. */
export const SELF_CELLS = {
  projectName: 'B3',
  department: 'B4',
  unit: 'F4',
  fundsFirstRow: 6,
  budgetGoal: 'B11',
  actualResult: 'F11',
} as const;

/** Columns of the 项目资金 rows: 年初预算数 … 得分. */
export const SELF_FUND_COLUMNS = { label: 2, initial: 3, full: 4, executed: 5, weight: 6, rate: 7, score: 8 } as const;
/** Columns of an indicator row. */
export const SELF_INDICATOR_COLUMNS = { level1: 1, level2: 2, level3: 3, target: 4, actual: 5, weight: 6, score: 7, deviation: 8 } as const;

const FUND_LABELS = ['年度资金总额', '其中：当年财政拨款', '上年结转资金', '其他资金'];

/** "98.27%" → 0.9827; null when not a percentage. */
function percent(v: string | null | undefined): number | null {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/.exec(v ?? '');
  return m ? new Money(m[1]).div(100).toNumber() : null;
}

export function planSelfEvaluation(ctx: BudgetContext, form?: SeedSelfEvaluation, opts: FormPlanOptions = {}): SheetPlan {
  const width = 8;
  const markerCol = width + 1;
  const year = form?.year ?? ctx.year;
  const b = new PlanBuilder();
  heading(b, width, SELF_EVALUATION.title, year);
  const pre = form ? undefined : opts.prefill;
  const flavour = opts.formulas ?? 'rollup';

  field(b, 3, 1, '项目名称', 2, 8, textCell(form?.projectName ?? pre?.projectName));
  field(b, 4, 1, '主管部门', 2, 4, textCell(form?.department ?? pre?.department));
  field(b, 4, 5, '实施单位', 6, 8, textCell(form?.unit ?? pre?.unit));

  // 项目资金 (元)
  const C = SELF_FUND_COLUMNS;
  b.set(5, 1, '项目资金（元）');
  b.merge(5, 1, 9, 1);
  b.style(5, 1, 9, 1, LABEL);
  ['', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((l, i) => b.set(5, 2 + i, l || null));
  b.style(5, 2, 5, width, LABEL);
  const fr = SELF_CELLS.fundsFirstRow;
  FUND_LABELS.forEach((label, i) => {
    const row = fr + i;
    const seed = form?.funds[i];
    b.set(row, C.label, seed?.label ? textCell(seed.label) : label);
    // 年初预算数 of 当年财政拨款 is what the budget's U2 gave the project.
    b.set(row, C.initial, i === 1 && pre?.fiscal ? pre.fiscal.toNumber() : amount(seed?.initial));
    b.set(row, C.full, amount(seed?.full));
    b.set(row, C.executed, amount(seed?.executed));
    if (i === 0) {
      b.set(row, C.weight, form ? scoreCell(seed?.weight) : 10);
      const full = address(row, C.full);
      const rate = address(row, C.rate);
      // Blank until 全年预算数 is typed: a new form shows no #VALUE! for what is not yet filled.
      b.set(row, C.rate, executionRateFormula(flavour, full, address(row, C.executed)));
      b.set(row, C.score, `=IF(${rate}="","",MIN(10,ROUND(10*${rate},2)))`);
      const publishedRate = percent(seed?.rate);
      const publishedScore = scoreCell(seed?.score);
      if (publishedRate !== null) b.results[rate] = publishedRate;
      if (typeof publishedScore === 'number') b.results[address(row, C.score)] = publishedScore;
    } else {
      b.set(row, C.weight, form ? scoreCell(seed?.weight) : '—');
      b.set(row, C.rate, textCell(seed?.rate));
      b.set(row, C.score, scoreCell(seed?.score));
    }
  });
  b.style(fr, C.label, fr + 3, C.label, LABEL);
  b.style(fr, C.initial, fr + 3, width, BODY);
  b.style(fr, C.initial, fr + 3, C.executed, INPUT_AMOUNT);
  b.style(fr, C.weight, fr + 3, C.weight, { hAlign: 'center' });
  b.style(fr, C.rate, fr, C.rate, { numberFormat: '0.00%', hAlign: 'right' });
  b.style(fr, C.score, fr, C.score, { numberFormat: '0.00', hAlign: 'right' });
  b.validations.push(AMOUNT_VALIDATION(rangeAddress(fr, C.initial, fr + 3, C.executed)));

  b.set(10, 1, '年度总体目标');
  b.merge(10, 1, 11, 1);
  b.set(10, 2, '预算目标');
  b.merge(10, 2, 10, 5);
  b.set(10, 6, '实际完成情况');
  b.merge(10, 6, 10, 8);
  b.style(10, 1, 11, 1, LABEL);
  b.style(10, 2, 10, width, LABEL);
  b.set(11, 2, textCell(form?.budgetGoal));
  b.merge(11, 2, 11, 5);
  b.set(11, 6, textCell(form?.actualResult));
  b.merge(11, 6, 11, 8);
  b.style(11, 2, 11, width, { ...BODY, vAlign: 'top' });
  b.style(11, 2, 11, width, INPUT_TEXT);
  b.rowHeights[11] = form ? GOAL_ROW_FILLED : GOAL_ROW_BLANK;

  const I = SELF_INDICATOR_COLUMNS;
  const headerRow = 12;
  b.header(headerRow, 1, [['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']]);
  b.style(headerRow, 1, headerRow, width, LABEL);
  b.rowHeights[headerRow] = 30;
  const first = headerRow + 1;
  // A self-evaluation evaluates targets set the year before: its levels follow that edition.
  const edition = year - 1;
  const indicators: Partial<SeedIndicator>[] = form?.indicators.length ? form.indicators : skeletonRows(indicatorSkeleton(edition), opts.blankRows);
  const count = indicators.length;
  const last = first + count - 1;
  for (let i = 0; i < count; i++) {
    const row = first + i;
    const ind = indicators[i];
    b.set(row, I.level1, textCell(ind?.level1));
    b.set(row, I.level2, textCell(ind?.level2));
    b.set(row, I.level3, textCell(ind?.level3));
    b.set(row, I.target, textCell(ind?.target));
    b.set(row, I.actual, textCell(ind?.actual));
    b.set(row, I.weight, scoreCell(ind?.weight));
    // The published 得分 when filled from a seed (kept as printed); a formula in a template.
    // In a template the 得分 stays blank until 实际完成值 is typed (an unused row adds nothing to 总分);
    // the standard flavour leaves it for the clerk to type (./form-formulas says why).
    const scoreFormula = indicatorScoreFormula(flavour, address(row, I.target), address(row, I.actual), address(row, I.weight));
    b.set(row, I.score, form ? scoreCell(ind?.score) : scoreFormula);
    b.set(row, I.deviation, textCell(ind?.deviation));
  }
  if (count > 0) {
    b.style(first, 1, last, width, BODY);
    b.style(first, 1, last, I.actual, INPUT_TEXT);
    b.style(first, I.weight, last, I.score, INPUT_NUMBER);
    b.style(first, I.deviation, last, I.deviation, INPUT_TEXT);
    b.validations.push({
      range: rangeAddress(first, I.weight, last, I.weight),
      kind: 'decimal',
      min: 0,
      max: 100,
      error: { title: '分值无效', text: '分值为 0 到 100 之间的数字。' },
      strict: false,
    });
  }
  indicatorLevels(b, first, indicatorWords(indicators), I, editionListSet(edition), level1Names(edition));

  const totalRow = last + 1;
  b.set(totalRow, 1, '总分');
  b.merge(totalRow, 1, totalRow, I.actual);
  const weights = count > 0 ? `,${rangeAddress(first, I.weight, last, I.weight)}` : '';
  const scores = count > 0 ? `,${rangeAddress(first, I.score, last, I.score)}` : '';
  b.set(totalRow, I.weight, `=SUM(${address(fr, C.weight)}${weights})`);
  b.set(totalRow, I.score, `=SUM(${address(fr, C.score)}${scores})`);
  const tw = scoreCell(form?.total.weight);
  const ts = scoreCell(form?.total.score);
  b.results[address(totalRow, I.weight)] = typeof tw === 'number' ? tw : form ? 0 : 10;
  if (typeof ts === 'number') b.results[address(totalRow, I.score)] = ts;
  // 自评等级 from 总分 beside it (BUDGET.GRADE or its thresholds); blank while nothing is scored.
  const totalScore = address(totalRow, I.score);
  const gradeCell = address(totalRow, I.deviation);
  b.set(totalRow, I.deviation, gradeFormula(flavour, totalScore));
  const scored = b.results[totalScore];
  b.textResults[gradeCell] = typeof scored === 'number' && scored !== 0 ? `自评等级：${grade(new Money(scored))}` : '';
  b.style(totalRow, 1, totalRow, width, { ...LABEL, fill: '#F2F2F2' });
  b.style(totalRow, I.weight, totalRow, I.score, { numberFormat: 'General', hAlign: 'right' });
  b.style(totalRow, I.deviation, totalRow, I.deviation, { hAlign: 'left' });

  const marker = formatMarker({ specId: SELF_EVALUATION.id, level: ctx.level, year });
  b.set(1, markerCol, marker);
  const plan = fitRowHeights(b.finish(
    {
      specId: SELF_EVALUATION.id,
      name: safeSheetName(SELF_EVALUATION.sheetPrefix + (form?.projectName ?? pre?.projectName ?? '')),
      marker,
      markerCell: address(1, markerCol),
      // One landscape page wide at 10 pt or more (print.ts); amounts keep 14 for 17,088,121.00.
      columnWidths: [14, 12, 16, 14, 14, 7, 8, 30, 4],
      hiddenColumns: [markerCol],
      freeze: { rows: 0, columns: 0 },
      print: { orientation: 'landscape', titleRows: null, fitToWidth: true },
      protect: true,
      layout: {
        headerRows: [headerRow, headerRow],
        dataRows: [first, last],
        totalRow,
        amountColumns: { initial: C.initial, full: C.full, executed: C.executed },
        codeColumns: 0,
        nameColumn: null,
      },
    },
    markerCol,
  ));
  return withIndicatorPages(plan, headerRow, blockRows(first, indicators), totalRow);
}
