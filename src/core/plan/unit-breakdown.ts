import type { Breakdown, BreakdownLine } from '../consolidate/types';
import type { BudgetContext } from '../model';
import { tableSpec } from '../specs/tables';
import type { SpecId } from '../specs/types';
import { rangeAddress } from './a1';
import { THREE_PUBLIC_COLUMNS } from './build';
import { PlanBuilder } from './builder';
import { MARKER_PREFIX } from './marker';
import { textCell } from './text-cells';
import { fitRowHeights } from './text-height';
import { maxUnitsForPage, SMALLEST_LEGIBLE_SCALE } from './print';
import type { CellStyle, SheetPlan } from './types';

/**
 * 分单位明细 (issue 17 point 3): per figure of the department's tables (code and column, T1/T4
 * lines, T9 items) each unit's amount and their sum, so a reviewer sees where a figure came
 * from. Its marker (row 1, hidden column) lets the reader skip it as a table and the
 * department check read it back.
 */
export const BREAKDOWN_SHEET = '分单位明细';
export const BREAKDOWN_SPEC = 'unit-breakdown';
/** The first header cell; the reader finds the header row by it. */
export const BREAKDOWN_HEADER = '表';

export function breakdownMarker(year: number): string {
  return `${MARKER_PREFIX} ${BREAKDOWN_SPEC} department ${year}`;
}

export function isBreakdownMarker(text: unknown): boolean {
  return typeof text === 'string' && text.startsWith(`${MARKER_PREFIX} ${BREAKDOWN_SPEC} `);
}

// made once: every cell of every sheet's row 1 is asked
const CONSOLIDATION_MARKER = /^budget-tables\/1 (unit-breakdown|unit-targets) /;

/** The sheets consolidation adds beside the tables (分单位明细, 部门绩效目标汇总表): no table to read. */
export function isConsolidationMarker(text: unknown): boolean {
  return typeof text === 'string' && CONSOLIDATION_MARKER.test(text);
}

/** Columns before the units: 表 | 科目编码/项目 | 名称 | 栏目. */
export const FIXED_COLUMNS = 4;

const COLUMN_LABEL: Record<string, string> = {
  total: '合计', fiscal: '财政拨款收入', business: '事业收入', operating: '事业单位经营收入', other: '其他收入',
  basic: '基本支出', project: '项目支出', personnel: '人员经费', public: '公用经费',
  general: '一般公共预算', fund: '政府性基金预算', stateCapital: '国有资本经营预算', amount: '预算数',
};

/** The 栏目 words of a line: the column's label, T9's item name, or 预算数 for a T1/T4 income line. */
export function columnLabel(line: Pick<BreakdownLine, 'table' | 'kind' | 'key'>): string {
  if (line.kind === 'three-public') return THREE_PUBLIC_COLUMNS.find((c) => c.key === line.key)?.labels[2] ?? line.key;
  if (line.table === 'T1' && line.kind === 'expenditure' && line.key === 'total') return '预算数';
  return COLUMN_LABEL[line.key] ?? line.key;
}

/** `T2 收入预算总表`: the id first, so the reader takes the table back from the first word. */
export function tableLabel(table: string): string {
  const spec = tableSpec(table);
  return spec ? `${table} ${spec.title.department.replace(/^\{year\}年部门/, '').replace(/^\{year\}年/, '')}` : table;
}

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
