import type { Breakdown } from '../consolidate/types';
import type { BudgetContext } from '../model';
import type { SpecId } from '../specs/types';
import { rangeAddress } from './a1';
import { PlanBuilder } from './builder';
import { textCell } from './text-cells';
import { fitRowHeights } from './text-height';
import { maxUnitsForPage, SMALLEST_LEGIBLE_SCALE } from './print';
import type { CellStyle, SheetPlan } from './types';

export { BREAKDOWN_HEADER, BREAKDOWN_SHEET, BREAKDOWN_SPEC, breakdownMarker, columnLabel, FIXED_COLUMNS, isBreakdownMarker, isConsolidationMarker, tableLabel } from './breakdown-layout';
import { BREAKDOWN_HEADER, BREAKDOWN_SHEET, BREAKDOWN_SPEC, breakdownMarker, columnLabel, FIXED_COLUMNS, tableLabel } from './breakdown-layout';

const HEADER: CellStyle = { bold: true, hAlign: 'center', vAlign: 'center', wrap: true, border: true, fill: '#F2F2F2' };
const NOTICE: CellStyle = { bold: true, color: '#C00000', wrap: true };

/**
 * The sheet as a plan both writers apply. `notice` lines (the units summed despite 错误) go
 * under the title, before the header.
 */
export function planUnitBreakdown(b0: Breakdown, ctx: BudgetContext, notice: string[] = []): SheetPlan {
  const units = b0.units;
  const totalCol = FIXED_COLUMNS + units.length + 1;
  const keyCol = totalCol + 1;
  const width = totalCol;
  const b = new PlanBuilder();
  b.title(textCell(`${ctx.year}年${ctx.org}${BREAKDOWN_SHEET}`), width);
  const marker = breakdownMarker(ctx.year);
  b.set(1, keyCol, marker);
  b.set(2, 1, textCell(`编制部门：${ctx.org}`));
  b.set(2, totalCol, '单位：元（“三公”经费为万元）');
  let row = 3;
  for (const line of notice) {
    b.set(row, 1, textCell(line));
    b.merge(row, 1, row, width);
    b.style(row, 1, row, width, NOTICE);
    row++;
  }
  const header = row;
  [BREAKDOWN_HEADER, '科目编码/项目', '名称', '栏目', ...units, '各单位合计'].forEach((label, i) => b.set(header, i + 1, textCell(label)));
  b.set(header, keyCol, 'key');
  b.style(header, 1, header, width, HEADER);
  b.rowHeights[header] = 32;
  b0.lines.forEach((line, i) => {
    const r = header + 1 + i;
    b.set(r, 1, tableLabel(line.table));
    b.set(r, 2, textCell(line.code));
    b.set(r, 3, textCell(line.name));
    b.set(r, 4, columnLabel(line));
    line.shares.forEach((m, j) => b.set(r, FIXED_COLUMNS + 1 + j, m === null ? null : m.toNumber()));
    b.set(r, totalCol, line.total === null ? null : line.total.toNumber());
    b.set(r, keyCol, textCell(`${line.kind}:${line.key}`));
  });
  const last = header + b0.lines.length;
  if (b0.lines.length > 0) {
    b.style(header + 1, 1, last, width, { border: true, vAlign: 'center' });
    b.style(header + 1, 2, last, 2, { numberFormat: '@' });
    b.style(header + 1, 3, last, 3, { wrap: true });
    b.style(header + 1, FIXED_COLUMNS + 1, last, totalCol, { numberFormat: '#,##0.00', hAlign: 'right' });
    b.style(header + 1, totalCol, last, totalCol, { bold: true });
    // a little over Excel's 15 points, so 11-point CJK text clears the borders
    for (let r = header + 1; r <= last; r++) b.rowHeights[r] = 18;
  }
  // The four naming columns narrow, so a page wide beside them holds three units.
  const widths = [16, 12, 26, 10, ...units.map(() => 16), 18, 4];
  const oneWide = widths.slice(0, -1).reduce((a, w) => a + w, 0) <= maxUnitsForPage('landscape');
  return fitRowHeights(b.finish(
    {
      // Not one of the budget's specs: the sheet lives beside them (see BREAKDOWN_SPEC).
      specId: BREAKDOWN_SPEC as SpecId,
      name: BREAKDOWN_SHEET,
      marker,
      markerCell: rangeAddress(1, keyCol, 1, keyCol),
      columnWidths: widths,
      hiddenColumns: [keyCol],
      freeze: { rows: header, columns: FIXED_COLUMNS },
      // One page wide while that keeps 10 pt (a few units); else at the smallest scale that
      // does, over as many pages wide as it takes, each with the header row and the
      // 表 | 科目 | 名称 | 栏目 columns that name its figures.
      print: {
        orientation: 'landscape',
        titleRows: `${header}:${header}`,
        fitToWidth: oneWide,
        ...(oneWide ? {} : { scale: SMALLEST_LEGIBLE_SCALE, titleColumns: 'A:D' }),
      },
      protect: false,
      layout: {
        headerRows: [header, header],
        dataRows: [header + 1, last],
        totalRow: null,
        amountColumns: Object.fromEntries(units.map((u, j) => [u, FIXED_COLUMNS + 1 + j])),
        codeColumns: 1,
        nameColumn: 3,
      },
    },
    keyCol,
  ));
}
