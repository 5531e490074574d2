import type { BudgetContext } from '../model';
import { Money } from '../money';
import type { SeedLongTargetForm } from '../seed-types-2020-form';
import { tierWords } from '../tier';
import { LONG_FORM_2020_LEVELS, LONG_TARGET_FORM } from '../specs/forms';
import { address, rangeAddress } from './a1';
import { PlanBuilder } from './builder';
import { fitRowHeights } from './text-height';
import { withIndicatorPages } from './print';
import { safeSheetName } from './build';
import {
  amount,
  AMOUNT_VALIDATION,
  BODY,
  field,
  FORMULA_AMOUNT,
  indicatorLevels,
  levelRuns,
  INPUT_AMOUNT,
  INPUT_TEXT,
  LABEL,
  listValidation,
  skeletonRows,
  textCell,
} from './forms';
import { formatMarker } from './marker';
import type { CellStyle, SheetPlan } from './types';

/**
 * The long 2020 财政项目支出绩效目标申报表 (seed 003, 社会保险服务费): the fields of the 2020
 * form in the order it prints them, the 子项目 list (项目资金投入构成) with its 合计 as a SUM
 * over the rows, last year's use of funds, and the indicator table in the form's own words
 * (一级目标 投入与管理 / 产出目标 / 效果目标 / 影响力目标), dependent lists from `_BT_LISTS`
 * (set `L2020`).
 *
 * The fixed part is at fixed cells (`LONG_CELLS`); what follows the 子项目 list moves with its
 * length, so `longFormRows(n)` gives those rows for a form of n 子项目.
 */

const WIDTH = 6;

/** Fixed cells of the long form (A1), for readers and tests. */
export const LONG_CELLS = {
  unit: 'B3',
  projectName: 'B4',
  category: 'E4',
  startDate: 'B5',
  endDate: 'E5',
  contactName: 'B6',
  contactPhone: 'E6',
  governmentPurchase: 'B7',
  performanceType: 'E7',
  overview: 'B8',
  basis: 'B9',
  necessity: 'B10',
  safeguards: 'B11',
  implementationPlan: 'B12',
  overallGoal: 'B13',
  /** 项目总预算（元） */
  total: 'B14',
  /** 项目当年预算（元） */
  annualTotal: 'E14',
  /** 同名项目上年预算额 */
  previousBudget: 'B16',
  /** 同名项目上年预算执行数 */
  previousExecuted: 'E16',
} as const;

/** Columns of a 子项目 row: 子项目名称 (A:D), 预算金额（元） (E:F). */
export const LONG_SUBPROJECT_COLUMNS = { name: 1, amount: 5 } as const;
/** Columns of an indicator row: 一级目标, 二级目标, 三级目标 (C:D), 指标目标值 (E:F). */
export const LONG_INDICATOR_COLUMNS = { level1: 1, level2: 2, level3: 3, target: 5 } as const;
/** The header row of the 子项目 list; its rows start on the next. */
export const LONG_SUBPROJECT_HEADER_ROW = 18;

/** Rows that follow the 子项目 list, for a form with `subProjects` 子项目 rows. */
export function longFormRows(subProjects: number): {
  subProjectFirst: number;
  subProjectLast: number;
  subProjectTotal: number;
  goalsTitle: number;
  indicatorHeader: number;
  indicatorFirst: number;
} {
  const subProjectFirst = LONG_SUBPROJECT_HEADER_ROW + 1;
  const subProjectLast = subProjectFirst + subProjects - 1;
  const subProjectTotal = subProjectLast + 1;
  return { subProjectFirst, subProjectLast, subProjectTotal, goalsTitle: subProjectTotal + 1, indicatorHeader: subProjectTotal + 2, indicatorFirst: subProjectTotal + 3 };
}

export interface LongFormPlanOptions {
  /** 子项目 rows in an empty form (default 8) */
  blankSubProjects?: number;
}

const SECTION: CellStyle = { ...LABEL, hAlign: 'left' };
const LONG_TEXT: [keyof typeof LONG_CELLS, string, keyof SeedLongTargetForm][] = [
  ['overview', '项目概况', 'overview'],
  ['basis', '立项依据', 'basis'],
  ['necessity', '项目设立的必要性', 'necessity'],
  ['safeguards', '保证项目实施的制度、措施', 'safeguards'],
  ['implementationPlan', '项目实施计划', 'implementationPlan'],
  ['overallGoal', '总目标及阶段性目标', 'overallGoal'],
];

function section(b: PlanBuilder, row: number, title: string): void {
  b.set(row, 1, title);
  b.merge(row, 1, row, WIDTH);
  b.style(row, 1, row, WIDTH, SECTION);
}

/** An amount field: label, then the amount merged over two columns. */
function amountField(b: PlanBuilder, row: number, labelCol: number, label: string, col: number, value: number | null): void {
  b.set(row, labelCol, label);
  b.style(row, labelCol, row, labelCol, LABEL);
  b.set(row, col, value);
  b.merge(row, col, row, col + 1);
  b.style(row, col, row, col + 1, BODY);
  b.style(row, col, row, col + 1, INPUT_AMOUNT);
}

export function planLongTargetForm(ctx: BudgetContext, form?: SeedLongTargetForm, opts: LongFormPlanOptions = {}): SheetPlan {
  const year = form?.year ?? ctx.year;
  const markerCol = WIDTH + 1;
  const b = new PlanBuilder();
  b.title(LONG_TARGET_FORM.title, WIDTH);
  // As the 2020 form prints it: "(2020)年度".
  b.set(2, 1, `(${year})年度`);
  b.merge(2, 1, 2, WIDTH);
  b.style(2, 1, 2, WIDTH, { hAlign: 'center', vAlign: 'center' });

  field(b, 3, 1, '申报单位名称', 2, 6, textCell(form ? form.unit : ctx.org));
  field(b, 4, 1, '项目名称', 2, 3, textCell(form?.projectName));
  field(b, 4, 4, '项目类别', 5, 6, textCell(form?.category));
  field(b, 5, 1, '计划开始日期', 2, 3, textCell(form?.startDate));
  field(b, 5, 4, '计划完成日期', 5, 6, textCell(form?.endDate));
  field(b, 6, 1, '联系人', 2, 3, textCell(form?.contact.name));
  field(b, 6, 4, '联系电话', 5, 6, textCell(form?.contact.phone));
  field(b, 7, 1, '是否含有政府购买服务', 2, 3, textCell(form?.governmentPurchase));
  field(b, 7, 4, '绩效类型', 5, 6, textCell(form?.performanceType));
  for (const [key, label, seedKey] of LONG_TEXT) {
    const row = Number(LONG_CELLS[key].slice(1));
    field(b, row, 1, label, 2, 6, textCell(form?.[seedKey] as string | null | undefined));
    b.style(row, 2, row, 6, { vAlign: 'top' });
    b.rowHeights[row] = 80;
  }
  b.validations.push(listValidation('B7:C7', ['是', '否'], '是否含有政府购买服务'));

  amountField(b, 14, 1, '项目总预算（元）', 2, amount(form?.funds.total));
  amountField(b, 14, 4, '项目当年预算（元）', 5, amount(form?.funds.annualTotal));
  section(b, 15, `本项目上年度${tierWords(ctx.tier).tier}财政资金使用情况`);
  amountField(b, 16, 1, '同名项目上年预算额', 2, amount(form?.previousYear.budget));
  amountField(b, 16, 4, '同名项目上年预算执行数', 5, amount(form?.previousYear.executed));
  b.validations.push(AMOUNT_VALIDATION('B14:C14'), AMOUNT_VALIDATION('E14:F14'), AMOUNT_VALIDATION('B16:C16'), AMOUNT_VALIDATION('E16:F16'));

  // 项目资金投入构成: the 子项目 and their 合计, which is the project's budget when they are complete.
  section(b, 17, '项目资金投入构成');
  const S = LONG_SUBPROJECT_COLUMNS;
  const head = LONG_SUBPROJECT_HEADER_ROW;
  b.set(head, S.name, '子项目名称');
  b.merge(head, S.name, head, S.amount - 1);
  b.set(head, S.amount, '预算金额（元）');
  b.merge(head, S.amount, head, WIDTH);
  b.style(head, 1, head, WIDTH, LABEL);
  const subs = form?.subProjects ?? [];
  const count = form ? subs.length : opts.blankSubProjects ?? 8;
  const rows = longFormRows(count);
  for (let i = 0; i < count; i++) {
    const row = rows.subProjectFirst + i;
    b.set(row, S.name, textCell(subs[i]?.name));
    b.merge(row, S.name, row, S.amount - 1);
    b.set(row, S.amount, amount(subs[i]?.amount));
    b.merge(row, S.amount, row, WIDTH);
  }
  if (count > 0) {
    b.style(rows.subProjectFirst, 1, rows.subProjectLast, WIDTH, BODY);
    b.style(rows.subProjectFirst, S.name, rows.subProjectLast, S.amount - 1, INPUT_TEXT);
    b.style(rows.subProjectFirst, S.amount, rows.subProjectLast, WIDTH, INPUT_AMOUNT);
    b.validations.push(AMOUNT_VALIDATION(rangeAddress(rows.subProjectFirst, S.amount, rows.subProjectLast, WIDTH)));
  }
  const totalRow = rows.subProjectTotal;
  b.set(totalRow, S.name, '合计');
  b.merge(totalRow, S.name, totalRow, S.amount - 1);
  b.merge(totalRow, S.amount, totalRow, WIDTH);
  const amountCol = S.amount;
  // An empty list still sums its (blank) rows; with no rows at all the 合计 is 0.
  b.set(totalRow, amountCol, count > 0 ? `=SUM(${rangeAddress(rows.subProjectFirst, amountCol, rows.subProjectLast, amountCol)})` : 0);
  b.results[address(totalRow, amountCol)] = subs.reduce((s, p) => (typeof p.amount === 'string' ? s.plus(new Money(p.amount)) : s), new Money(0)).toNumber();
  b.style(totalRow, 1, totalRow, WIDTH, { ...LABEL });
  b.style(totalRow, amountCol, totalRow, WIDTH, FORMULA_AMOUNT);

  section(b, rows.goalsTitle, `${year}年绩效目标`);
  const I = LONG_INDICATOR_COLUMNS;
  b.header(rows.indicatorHeader, 1, [['一级目标', '二级目标', '三级目标', '三级目标', '指标目标值', '指标目标值']]);
  b.style(rows.indicatorHeader, 1, rows.indicatorHeader, WIDTH, LABEL);
  const indicators = form?.indicators.length
    ? form.indicators.map((r) => ({ level1: r.level1, level2: r.level2, level3: r.level3, target: r.target }))
    : skeletonRows(LONG_FORM_2020_LEVELS).map((r) => ({ ...r, level3: null, target: null }));
  const first = rows.indicatorFirst;
  const last = first + indicators.length - 1;
  indicators.forEach((ind, i) => {
    const row = first + i;
    b.set(row, I.level1, textCell(ind.level1));
    b.set(row, I.level2, textCell(ind.level2));
    b.set(row, I.level3, textCell(ind.level3));
    b.merge(row, I.level3, row, I.target - 1);
    b.set(row, I.target, textCell(ind.target));
    b.merge(row, I.target, row, WIDTH);
  });
  if (indicators.length > 0) {
    b.style(first, 1, last, WIDTH, BODY);
    b.style(first, 1, last, WIDTH, INPUT_TEXT);
  }
  indicatorLevels(
    b,
    first,
    indicators.map((r) => ({ level1: r.level1 || null, level2: r.level2 || null })),
    I,
    'L2020',
    LONG_FORM_2020_LEVELS.map((l) => l.level1),
  );

  const marker = formatMarker({ specId: LONG_TARGET_FORM.id, level: ctx.level, year });
  b.set(1, markerCol, marker);
  const plan = fitRowHeights(b.finish(
    {
      specId: LONG_TARGET_FORM.id,
      name: safeSheetName(LONG_TARGET_FORM.sheetPrefix + (form?.projectName ?? '')),
      marker,
      markerCell: address(1, markerCol),
      // Portrait, as the 2020 form prints: 78 units keep its text at 10 pt or more (print.ts).
      columnWidths: [14, 12, 13, 13, 13, 13, 4],
      hiddenColumns: [markerCol],
      freeze: { rows: 0, columns: 0 },
      print: { orientation: 'portrait', titleRows: null, fitToWidth: true },
      protect: true,
      layout: {
        headerRows: [rows.indicatorHeader, rows.indicatorHeader],
        dataRows: [first, last],
        totalRow,
        amountColumns: { subProject: amountCol },
        codeColumns: 0,
        nameColumn: null,
      },
    },
    markerCol,
  ));
  const blocks = levelRuns(indicators.map((r) => r.level1 || null)).map(([a, z]): [number, number] => [first + a, first + z]);
  return withIndicatorPages(plan, rows.indicatorHeader, blocks, last);
}
