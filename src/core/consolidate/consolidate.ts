import type { Catalog } from '../catalog/catalog';
import type { BudgetContext, ProjectTableData, TextData } from '../model';
import { fill } from '../plan/build';
import type { Tier } from '../tier';
import { TEXT_SPECS } from '../specs/texts';
import { breakdownOf } from './breakdown';
import { departmentTargets } from './targets';
import { screenUnits } from './screen';
import { unitName, unitNamed } from './unit-name';
import { sumTables } from './sum';
import { sheetsInDepartmentUnits } from './units-in-yuan';
import type { Consolidation, UnitProblem, UnitWorkbook } from './types';

export interface ConsolidateOptions {
  department: string;
  year: number;
  catalog: Catalog;
  /** sum even when the units have problems; the result names the units with 错误 */
  allowErrors?: boolean;
  /** 财政级次 of the department's wording (../tier.ts) */
  tier?: Tier;
}

/** Thrown when the units have problems and the clerk did not say to go on. */
export class ConsolidationRefused extends Error {
  constructor(readonly problems: UnitProblem[]) {
    super(`${new Set(problems.map((p) => p.unit)).size} 个单位有问题，未汇总（共 ${problems.length} 处）：\n` + refusalLines(problems).join('\n'));
  }
}

const SHOWN_PER_UNIT = 20;

/** The problems unit by unit; past 20 a unit's rest are counted, so 100 units stay readable. */
export function refusalLines(problems: UnitProblem[]): string[] {
  const byUnit = new Map<string, UnitProblem[]>();
  for (const p of problems) byUnit.set(p.source, [...(byUnit.get(p.source) ?? []), p]);
  const out: string[] = [];
  for (const list of byUnit.values()) {
    for (const p of list.slice(0, SHOWN_PER_UNIT)) out.push(`  ${p.message}`);
    if (list.length > SHOWN_PER_UNIT) out.push(`  单位“${list[0].unit}”另有 ${list.length - SHOWN_PER_UNIT} 处问题未列出`);
  }
  return out;
}

/** 机构设置 for the department: the outline's opening, then the units its workbooks name. */
export function organizationText(ctx: BudgetContext, named: string[]): TextData {
  const spec = TEXT_SPECS.find((s) => s.id === 'organization')!;
  const outline = fill(spec.outline.department, ctx).split('\n');
  if (named.length === 0) return { kind: 'text', paragraphs: outline };
  return {
    kind: 'text',
    paragraphs: [
      `    ${ctx.org}部门预算由以下 ${named.length} 家预算单位的预算汇总而成（列示至基层预算单位）：`,
      ...named.map((n, i) => `    ${i + 1}. ${n}`),
    ],
  };
}

/**
 * The department = Σ its units (issue 17): screens the units (point 2), then sums every
 * summed table exactly. Refuses with `ConsolidationRefused` when a unit has a problem, unless
 * `allowErrors`.
 */
export function consolidate(units: UnitWorkbook[], opts: ConsolidateOptions): Consolidation {
  const problems = screenUnits(units, opts.year, opts.catalog);
  if (problems.length > 0 && !opts.allowErrors) throw new ConsolidationRefused(problems);
  // A unit given twice is summed once; one without tables adds nothing.
  const skipped = new Set(problems.filter((p) => p.kind === 'duplicate-unit' || p.kind === 'no-tables').map((p) => p.source));
  // Each unit's tables in the department's units (元; “三公” in 万元) before anything is summed.
  const converted: string[] = [];
  const kept = units
    .filter((u) => !skipped.has(u.source))
    .map((u) => {
      const c = sheetsInDepartmentUnits(u.sheets);
      if (c.converted.length) converted.push(`${unitName(u)}：${c.converted.join('、')}`);
      return { ...u, sheets: c.sheets };
    });
  const ctx: BudgetContext = { level: 'department', org: opts.department, year: opts.year, ...(opts.tier ? { tier: opts.tier } : {}) };
  const names = kept.map(unitName);
  const data = sumTables(kept.map((u) => u.sheets), ctx);
  const organization = organizationText(ctx, kept.filter(unitNamed).map(unitName));
  const projects = kept.flatMap((u, i) => {
    const u2 = u.sheets.find((s) => s.specId === 'U2' && s.data.kind === 'projects');
    return u2 ? [{ unit: names[i], groups: (u2.data as ProjectTableData).rows }] : [];
  });
  const unitsWithErrors = [...new Set(problems.filter((p) => p.kind === 'unit-errors').map((p) => p.unit))];
  return {
    ctx,
    data: { ...data, organization },
    units: names,
    breakdown: breakdownOf(kept.map((u, i) => ({ name: names[i], sheets: u.sheets }))),
    targets: departmentTargets(kept.map((u, i) => ({ name: names[i], sheets: u.sheets }))),
    projects,
    problems,
    unitsWithErrors,
    notes: converted.length
      ? [`以下单位的表已换算为部门表的单位（元；“三公”经费表为万元）后汇总，按万元公布的数含其四舍五入之差：${converted.join('；')}`]
      : [],
    texts: { organization },
  };
}
