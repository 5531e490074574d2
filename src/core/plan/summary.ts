import type { BudgetContext } from '../model';
import { Money } from '../money';
import { TARGET_SUMMARY } from '../specs/forms';
import { address, parseAddress, rangeAddress, sheetRef } from './a1';
import { PlanBuilder } from './builder';
import { fill, safeSheetName } from './build';
import { plannedText, textCell } from './text-cells';
import { fitRowHeights } from './text-height';
import { AMOUNT_FORMAT, BODY, LABEL, TARGET_CELLS, TARGET_INDICATOR_COLUMNS } from './forms';
import { LONG_CELLS, LONG_INDICATOR_COLUMNS } from './long-form';
import { formatMarker } from './marker';
import type { CellValue, SheetPlan } from './types';

/**
 * 绩效目标汇总表: one row per project of the unit, each cell a formula reading the project's
 * target form (项目名称, 金额, 年度目标, the 三级 indicators with their values), so what the
 * clerk types in a form shows in the summary without typing it twice. The cached results are
 * what the forms hold when planned, for readers without a formula engine.
 *
 * The links name the form sheets, so the plans must carry the names they will be written
 * under (as `planProjectForms` makes them: never taken).
 */

/** Columns of a summary row. */
export const SUMMARY_COLUMNS = { no: 1, name: 2, amount: 3, goal: 4, indicators: 5 } as const;
export const SUMMARY_HEADER_ROW = 3;
export const SUMMARY_FIRST_ROW = 4;

/** Where a form keeps what the summary shows. */
interface FormCells {
  name: string;
  amount: string;
  goal: string;
  level3Col: number;
  targetCol: number;
}

function formCells(plan: SheetPlan): FormCells | null {
  if (plan.specId === 'target-form') {
    return {
      name: TARGET_CELLS.projectName,
      amount: TARGET_CELLS.annualTotal,
      goal: TARGET_CELLS.annualGoal,
      level3Col: TARGET_INDICATOR_COLUMNS.level3,
      targetCol: TARGET_INDICATOR_COLUMNS.target,
    };
  }
  if (plan.specId === 'target-form-2020') {
    return {
      name: LONG_CELLS.projectName,
      amount: LONG_CELLS.annualTotal,
      goal: LONG_CELLS.overallGoal,
      level3Col: LONG_INDICATOR_COLUMNS.level3,
      targetCol: LONG_INDICATOR_COLUMNS.target,
    };
  }
  return null;
}

/** A planned cell's words ('' when blank), as `&""` shows them. */
function words(plan: SheetPlan, a1: string): string {
  const { row, col } = parseAddress(a1);
  return plannedText(plan.cells[row - 1]?.[col - 1] ?? null) ?? '';
}

function plannedNumber(plan: SheetPlan, a1: string): number {
  const { row, col } = parseAddress(a1);
  const v = plan.cells[row - 1]?.[col - 1] ?? null;
  if (typeof v === 'number') return v;
  return plan.results[a1] ?? 0;
}

export function planTargetSummary(ctx: BudgetContext, forms: SheetPlan[]): SheetPlan {
  const C = SUMMARY_COLUMNS;
  const width = 5;
  const markerCol = width + 1;
  const b = new PlanBuilder();
  b.title(textCell(fill(TARGET_SUMMARY.title, ctx)), width);
  b.set(2, 1, textCell(`编制单位：${ctx.org}`));
  b.merge(2, 1, 2, width - 1);
  b.set(2, width, '单位：元');
  b.style(2, width, 2, width, { hAlign: 'right' });
  b.header(SUMMARY_HEADER_ROW, 1, [['序号', '项目名称', '金额（元）', '年度目标', '主要指标']]);
  b.style(SUMMARY_HEADER_ROW, 1, SUMMARY_HEADER_ROW, width, LABEL);

  const rows = forms.map((plan) => ({ plan, cells: formCells(plan) })).filter((f): f is { plan: SheetPlan; cells: FormCells } => f.cells !== null);
  let total = new Money(0);
  rows.forEach(({ plan, cells }, i) => {
    const row = SUMMARY_FIRST_ROW + i;
    const ref = (a1: string) => sheetRef(plan.name, a1);
    b.set(row, C.no, i + 1);
    // `&""` shows a blank cell as nothing rather than 0, and a number as its digits.
    b.set(row, C.name, `=${ref(cells.name)}&""`);
    b.textResults[address(row, C.name)] = words(plan, cells.name);
    b.set(row, C.amount, `=${ref(cells.amount)}`);
    const amount = plannedNumber(plan, cells.amount);
    b.results[address(row, C.amount)] = amount;
    total = total.plus(new Money(amount));
    b.set(row, C.goal, `=${ref(cells.goal)}&""`);
    b.textResults[address(row, C.goal)] = words(plan, cells.goal);
    // One line per 三级 indicator that has a name: "三级：指标值".
    const [first, last] = plan.layout.dataRows;
    const parts: string[] = [];
    const shown: string[] = [];
    for (let r = first; r <= last; r++) {
      const l3 = ref(address(r, cells.level3Col));
      const target = ref(address(r, cells.targetCol));
      parts.push(`IF(${l3}&""="","",${l3}&"："&${target}&CHAR(10))`);
      const w = words(plan, address(r, cells.level3Col));
      if (w) shown.push(`${w}：${words(plan, address(r, cells.targetCol))}\n`);
    }
    b.set(row, C.indicators, parts.length > 0 ? `=${parts.join('&')}` : null);
    if (parts.length > 0) b.textResults[address(row, C.indicators)] = shown.join('');
  });
  const first = SUMMARY_FIRST_ROW;
  const last = first + rows.length - 1;
  const totalRow = last + 1;
  if (rows.length > 0) {
    b.style(first, 1, last, width, { ...BODY, vAlign: 'top' });
    b.style(first, C.no, last, C.no, { hAlign: 'center' });
    b.style(first, C.amount, last, C.amount, { numberFormat: AMOUNT_FORMAT, hAlign: 'right' });
  }
  b.set(totalRow, 1, '合计');
  b.merge(totalRow, 1, totalRow, C.amount - 1);
  b.set(totalRow, C.amount, rows.length > 0 ? `=SUM(${rangeAddress(first, C.amount, last, C.amount)})` : 0);
  b.results[address(totalRow, C.amount)] = total.toNumber();
  b.style(totalRow, 1, totalRow, width, LABEL);
  b.style(totalRow, C.amount, totalRow, C.amount, { numberFormat: AMOUNT_FORMAT, hAlign: 'right' });

  const marker = formatMarker({ specId: TARGET_SUMMARY.id, level: ctx.level, year: ctx.year });
  b.set(1, markerCol, marker);
  return fitRowHeights(b.finish(
    {
      specId: TARGET_SUMMARY.id,
      name: safeSheetName(TARGET_SUMMARY.sheetName),
      marker,
      markerCell: address(1, markerCol),
      // One landscape page wide at 10 pt or more (print.ts); the indicator lines wrap.
      columnWidths: [5, 26, 15, 35, 35, 4],
      hiddenColumns: [markerCol],
      freeze: { rows: SUMMARY_HEADER_ROW, columns: 0 },
      print: { orientation: 'landscape', titleRows: `1:${SUMMARY_HEADER_ROW}`, fitToWidth: true },
      // Every cell is a formula over the forms: nothing to type, so nothing unlocked.
      protect: true,
      layout: {
        headerRows: [SUMMARY_HEADER_ROW, SUMMARY_HEADER_ROW],
        dataRows: [first, last],
        totalRow,
        amountColumns: { amount: C.amount },
        codeColumns: 0,
        nameColumn: C.name,
      },
    },
    markerCol,
  ));
}

/** Cells of a summary row, for readers: the form sheet each row links to. */
export function summaryLinks(plan: SheetPlan): string[] {
  const [first, last] = plan.layout.dataRows;
  const out: string[] = [];
  for (let r = first; r <= last; r++) {
    const v: CellValue = plan.cells[r - 1]?.[SUMMARY_COLUMNS.amount - 1] ?? null;
    const m = typeof v === 'string' ? /^='((?:[^']|'')+)'!/.exec(v) : null;
    if (m) out.push(m[1].replace(/''/g, "'"));
  }
  return out;
}
