import type { ReadDepartmentTargets } from '../consolidate/read-targets';
import { departmentTargets } from '../consolidate/targets';
import type { ModelSheet } from '../model';
import { formatAmount, ZERO } from '../money';
import { address } from '../plan/a1';
import { projectKey } from '../plan/project-key';
import { finding } from './checks';
import type { Finding } from './types';

/**
 * The department's 绩效目标汇总表 against its units (issue 17 point 5): its 合计 equals the sum
 * of the units' U2 amounts of the projects that have target forms (错误 at the 合计); a unit's
 * form the sheet does not list, and a line naming no form of that unit, are 提示.
 */
export function checkDepartmentTargets(read: ReadDepartmentTargets, units: { name: string; sheets: ModelSheet[] }[]): Finding[] {
  const out: Finding[] = [];
  const expected = departmentTargets(units);
  const key = (unit: string, project: string) => `${projectKey(unit)}\u0000${projectKey(project)}`;
  const totalCell = read.totalRow ? address(read.totalRow, 4) : 'A1';
  const stated = read.total ?? ZERO;
  if (!stated.eq(expected.u2WithForms)) {
    out.push(
      finding(
        'departmentVsUnits',
        read.sheet,
        totalCell,
        `${totalCell}：绩效目标汇总表合计为${formatAmount(stated)}元，所属单位项目支出预算表中有绩效目标申报表的项目金额之和为${formatAmount(expected.u2WithForms)}元，相差${formatAmount(stated.minus(expected.u2WithForms).abs())}元`,
      ),
    );
  }
  const listed = new Set(read.lines.map((l) => key(l.unit, l.project)));
  const forms = new Set(expected.lines.map((l) => key(l.unit, l.project)));
  const endCell = read.totalRow ? address(read.totalRow, 1) : 'A1';
  for (const l of expected.lines) {
    if (!listed.has(key(l.unit, l.project))) {
      out.push(finding('summaryMissing', read.sheet, endCell, `${endCell}：${l.unit}有项目“${l.project}”的绩效目标申报表，绩效目标汇总表中没有列出`));
    }
  }
  for (const l of read.lines) {
    if (!forms.has(key(l.unit, l.project))) {
      const cell = address(l.row, 3);
      out.push(finding('summaryNoForm', read.sheet, cell, `${cell}：绩效目标汇总表列出${l.unit || '（未填单位）'}的项目“${l.project}”，该单位的工作簿中没有这一项目的绩效目标申报表`));
    }
  }
  return out;
}
