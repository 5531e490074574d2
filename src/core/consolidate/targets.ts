import type { ModelSheet, ProjectTableData, TargetFormData } from '../model';
import { Money, ZERO } from '../money';
import { projectKey } from '../plan/prefill';

/** One line of the department's 绩效目标汇总表: a unit's target form. */
export interface UnitTarget {
  unit: string;
  project: string;
  /** the form's 年度资金申请总额 (项目当年预算 on the 2020 form) */
  amount: Money | null;
  /** the form's 三级 indicators with their values, as the unit summary shows them */
  indicators: string;
  /** the project's amount in the unit's U2, when U2 lists it */
  u2: Money | null;
}

export interface DepartmentTargets {
  lines: UnitTarget[];
  /** Σ the forms' amounts: the summary's 合计 */
  total: Money;
  /** Σ the units' U2 amounts of the projects that have a form: what the 合计 must equal */
  u2WithForms: Money;
}

/**
 * Every unit's target forms for the department's 绩效目标汇总表 (issue 17 point 5), matched to
 * the unit's U2 projects by name as the unit summary matches them.
 */
export function departmentTargets(units: { name: string; sheets: ModelSheet[] }[]): DepartmentTargets {
  const lines: UnitTarget[] = [];
  let u2WithForms = ZERO;
  for (const u of units) {
    const u2 = u.sheets.find((s) => s.specId === 'U2' && s.data.kind === 'projects')?.data as ProjectTableData | undefined;
    const projects = new Map<string, Money | null>();
    for (const g of u2?.rows ?? []) for (const p of g.projects) projects.set(projectKey(p.name), p.amount);
    const forms = u.sheets.map((s) => s.data).filter((d): d is TargetFormData => d.kind === 'target-form' && projectKey(d.projectName) !== '');
    const counted = new Set<string>();
    for (const f of forms) {
      const key = projectKey(f.projectName);
      const inU2 = projects.has(key) ? projects.get(key)! : null;
      if (projects.has(key) && !counted.has(key)) {
        counted.add(key);
        u2WithForms = u2WithForms.plus(inU2 ?? ZERO);
      }
      lines.push({
        unit: u.name,
        project: f.projectName.trim(),
        amount: f.funds.annualTotal,
        indicators: f.indicators.filter((i) => i.level3).map((i) => `${i.level3}${i.target ? `：${i.target}` : ''}`).join('；'),
        u2: inU2,
      });
    }
  }
  const total = lines.reduce<Money>((s, l) => (l.amount ? s.plus(l.amount) : s), new Money(0));
  return { lines, total, u2WithForms };
}
