import type { CodedTableData, SheetData } from '../model';
import { fill } from '../plan/build';
import { planDepartmentTargets } from '../plan/department-targets';
import { planUnitBreakdown } from '../plan/unit-breakdown';
import type { SheetPlan } from '../plan/types';
import { planWorkbook, specsForLevel } from '../plan/workbook';
import type { SpecId } from '../specs/types';
import type { Consolidation } from './types';

/** The first sheet's notice when units were summed despite their 错误 (issue 17 point 2). */
export function errorNotice(c: Consolidation): string[] {
  if (c.unitsWithErrors.length === 0) return [];
  return [`注意：以下 ${c.unitsWithErrors.length} 个单位有错误，仍按 --allow-errors 汇总，部门数字可能随之有误：${c.unitsWithErrors.join('、')}`];
}

/**
 * The department workbook: its texts (outlines to write, 机构设置 listing the units), T1–T9
 * in the department's wording, and 分单位明细, which comes first when units had 错误 so the
 * notice is on the first sheet.
 */
export function consolidationPlans(c: Consolidation): SheetPlan[] {
  const data: Partial<Record<SpecId, SheetData>> = { ...c.data };
  for (const spec of specsForLevel('department')) {
    // An empty table is still published, with its statement (domain.md §4).
    if (spec.kind === 'coded' && !data[spec.id]) {
      data[spec.id] = { kind: 'coded', rows: [], total: {}, statement: fill(spec.emptyStatement.department, c.ctx) } satisfies CodedTableData;
    }
  }
  const plans = planWorkbook({ ctx: c.ctx, data, options: { subtotals: 'values' } });
  const notice = errorNotice(c);
  const breakdown = planUnitBreakdown(c.breakdown, c.ctx, notice);
  const targets = c.targets.lines.length ? [planDepartmentTargets(c.targets, c.ctx)] : [];
  return notice.length ? [breakdown, ...plans, ...targets] : [...plans, ...targets, breakdown];
}
