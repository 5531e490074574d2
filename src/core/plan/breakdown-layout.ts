import type { BreakdownLine } from '../consolidate/types';
import { tableSpec } from '../specs/tables';
import { MARKER_PREFIX } from './marker';
import { THREE_PUBLIC_COLUMNS } from './three-public-columns';

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

