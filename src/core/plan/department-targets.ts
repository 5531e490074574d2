import type { DepartmentTargets } from '../consolidate/targets';
import type { BudgetContext } from '../model';
import { formatAmount } from '../money';
import type { SpecId } from '../specs/types';
import { rangeAddress } from './a1';
import { PlanBuilder } from './builder';
import { MARKER_PREFIX } from './marker';
import { textCell } from './text-cells';
import { fitRowHeights } from './text-height';
import type { CellStyle, SheetPlan } from './types';

/**
 * The department's 绩效目标汇总表 (issue 17 point 5): every unit's target forms, with a
 * 单位名称 column, and under the 合计 what it must equal: the units' U2 amounts of the
 * projects that have forms. The forms stay in the units' workbooks, so the sheet carries its
 * own marker and is not read as a unit's summary (whose lines must each have a form beside it).
 */
export const DEPARTMENT_TARGETS_SPEC = 'unit-targets';
export const DEPARTMENT_TARGETS_SHEET = '部门绩效目标汇总表';

export function departmentTargetsMarker(year: number): string {
  return `${MARKER_PREFIX} ${DEPARTMENT_TARGETS_SPEC} department ${year}`;
}

const HEADER: CellStyle = { bold: true, hAlign: 'center', vAlign: 'center', wrap: true, border: true, fill: '#F2F2F2' };

export function planDepartmentTargets(t: DepartmentTargets, ctx: BudgetContext): SheetPlan {
  const width = 5;
  const markerCol = width + 1;
  const b = new PlanBuilder();
  b.title(textCell(`${ctx.year}年度${ctx.org}项目支出绩效目标汇总表`), width);
  const marker = departmentTargetsMarker(ctx.year);
  b.set(1, markerCol, marker);
  b.set(2, 1, textCell(`编制部门：${ctx.org}`));
  b.set(2, width, '单位：元');
  ['序号', '单位名称', '项目名称', '金额（元）', '主要绩效指标'].forEach((l, i) => b.set(3, i + 1, l));
  b.style(3, 1, 3, width, HEADER);
  t.lines.forEach((l, i) => {
    const r = 4 + i;
    b.set(r, 1, i + 1);
    b.set(r, 2, textCell(l.unit));
    b.set(r, 3, textCell(l.project));
    b.set(r, 4, l.amount === null ? null : l.amount.toNumber());
    b.set(r, 5, textCell(l.indicators));
  });
  const totalRow = 4 + t.lines.length;
  b.set(totalRow, 1, '合计');
  b.merge(totalRow, 1, totalRow, 3);
  b.set(totalRow, 4, t.total.toNumber());
  b.style(4, 1, totalRow, width, { border: true, vAlign: 'center', wrap: true });
  b.style(4, 4, totalRow, 4, { numberFormat: '#,##0.00', hAlign: 'right' });
  b.style(totalRow, 1, totalRow, width, { bold: true });
  const diff = t.total.minus(t.u2WithForms);
  b.set(
    totalRow + 1,
    1,
    `所属单位项目支出预算表中有申报表的项目金额合计 ${formatAmount(t.u2WithForms)} 元` + (diff.isZero() ? '，与合计一致。' : `，与合计相差 ${formatAmount(diff.abs())} 元，请核对。`),
  );
  b.merge(totalRow + 1, 1, totalRow + 1, width);
  return fitRowHeights(b.finish(
    {
      specId: DEPARTMENT_TARGETS_SPEC as SpecId,
      name: DEPARTMENT_TARGETS_SHEET,
      marker,
      markerCell: rangeAddress(1, markerCol, 1, markerCol),
      // One landscape page wide at 10 pt or more (print.ts); names and indicators wrap.
      columnWidths: [5, 22, 26, 15, 48, 4],
      hiddenColumns: [markerCol],
      freeze: { rows: 3, columns: 0 },
      print: { orientation: 'landscape', titleRows: '3:3', fitToWidth: true },
      protect: false,
      layout: { headerRows: [3, 3], dataRows: [4, totalRow - 1], totalRow, amountColumns: { amount: 4 }, codeColumns: 0, nameColumn: 3 },
    },
    markerCol,
  ));
}
