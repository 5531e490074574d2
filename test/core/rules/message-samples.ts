import { Catalog } from '../../../src/core/catalog/catalog';
import type { ModelSheet } from '../../../src/core/model';
import { address } from '../../../src/core/plan/a1';
import { isPlanText } from '../../../src/core/plan/text-cells';
import type { SheetPlan } from '../../../src/core/plan/types';
import { planWorkbook } from '../../../src/core/plan/workbook';
import type { GridValue, SheetGrid } from '../../../src/core/read/grid';
import { readSheet, type ReadIssue } from '../../../src/core/read/parse';
import type { Finding } from '../../../src/core/rules/types';
import { validateSheets } from '../../../src/core/rules/validate';
import { sampleFromSeed } from '../../../src/core/sample';
import { SEED_BUDGETS } from '../../../src/core/sample-seeds';
import type { SpecId } from '../../../src/core/specs/types';
import { seedFormPlans, seedLongTargetPlans, withBudgetValues } from '../../../src/cli/forms';

/**
 * Real findings of every rule, to hold their messages to the style guide (message-style.ts):
 * the seed budgets and forms as the samples make them (the seeds' own mistakes kept), empty
 * templates, and faults planted in them, one or more per rule. Nothing here writes a message:
 * each one comes from running the rules.
 */

export const catalog = Catalog.builtIn();

/** A plan as the reader sees the saved file: formulas show their cached result. */
export function gridOf(plan: SheetPlan): SheetGrid {
  return {
    name: plan.name,
    values: plan.cells.map((r, i) =>
      r.map((v, j): GridValue => {
        if (isPlanText(v)) return v.text;
        if (typeof v === 'string' && v.startsWith('=')) return plan.results[address(i + 1, j + 1)] ?? plan.textResults?.[address(i + 1, j + 1)] ?? null;
        return v;
      }),
    ),
  };
}

export function check(grids: SheetGrid[]): Finding[] {
  const sheets: ModelSheet[] = [];
  const issues: ReadIssue[] = [];
  for (const g of grids) {
    const r = readSheet(g, catalog);
    if (r.sheet) sheets.push(r.sheet);
    issues.push(...r.issues);
  }
  return validateSheets(sheets, issues, catalog).findings;
}

export function seedGrids(id: string): SheetGrid[] {
  const sample = sampleFromSeed(SEED_BUDGETS.find((s) => s.id === id)!);
  const specs = [...(Object.keys(sample.data) as SpecId[]), ...(sample.projects.length ? (['project'] as SpecId[]) : [])];
  return planWorkbook({ ctx: sample.ctx, data: sample.data, projects: sample.projects, specs, options: { subtotals: 'values' } }).map(gridOf);
}

export function allFindings(): Finding[] {
  const out: Finding[] = [];
  for (const seed of SEED_BUDGETS) out.push(...check(seedGrids(seed.id)));
  out.push(...check([...seedFormPlans(), ...seedLongTargetPlans()].map(withBudgetValues).map(gridOf)));
  for (const level of ['unit', 'department'] as const) out.push(...check(planWorkbook({ ctx: { level, org: '上海市普陀区XX局', year: 2026 } }).map(gridOf)));
  return out;
}
