import { seedFormPlans, seedLongTargetPlans } from '../../../src/cli/forms';
import type { SheetPlan } from '../../../src/core/plan/types';
import { planWorkbook } from '../../../src/core/plan/workbook';
import { sampleFromSeed } from '../../../src/core/sample';
import { SEED_BUDGETS } from '../../../src/core/sample-seeds';

/**
 * No template formula is volatile (issue 13.4): Excel recalculates a volatile formula on every
 * edit anywhere, and every recalculation of a BUDGET.* cell goes through the add-in's
 * JavaScript runtime. Cell formulas of every plan we write are checked, in both subtotal
 * flavours, empty and filled.
 */
const VOLATILE = /(^|[^A-Z0-9_.])(OFFSET|INDIRECT|NOW|TODAY|RAND|RANDBETWEEN|CELL|INFO)\s*\(/i;

function formulas(plans: SheetPlan[]): string[] {
  return plans.flatMap((p) => p.cells.flatMap((row) => row.filter((v): v is string => typeof v === 'string' && v.startsWith('=')).map((f) => `${p.name}: ${f}`)));
}

describe('template formulas', () => {
  const all: string[] = [];
  for (const subtotalFormula of ['rollup', 'standard'] as const) {
    for (const level of ['unit', 'department'] as const) all.push(...formulas(planWorkbook({ ctx: { level, org: '单位', year: 2026 }, options: { subtotalFormula } })));
    for (const seed of SEED_BUDGETS) {
      const sample = sampleFromSeed(seed);
      all.push(...formulas(planWorkbook({ ctx: sample.ctx, data: sample.data, projects: sample.projects, options: { subtotalFormula } })));
    }
  }
  all.push(...formulas(seedFormPlans()), ...formulas(seedLongTargetPlans()));

  it('call no volatile function', () => {
    expect(all.length).toBeGreaterThan(1000);
    expect(all.filter((f) => VOLATILE.test(f))).toEqual([]);
  });

  it('the check itself catches the old OFFSET subtotal and the other volatile functions', () => {
    for (const f of ['=BUDGET.ROLLUP(OFFSET($A6,1,0,3,3),OFFSET($A6,1,3,3,1),$A6:$C6)', '=SUM(INDIRECT("A1:A3"))', '=TODAY()', '=rand()', '=1+CELL("row")']) expect(VOLATILE.test(f)).toBe(true);
    for (const f of ['=SUM(D7:D9)', '=BUDGET.ROLLUP(INDEX($A:$A,ROW($A6)+1):INDEX($C:$C,ROW($A$20)-1),D7:D9,"合计")', '=MYNOW(1)']) expect(VOLATILE.test(f)).toBe(false);
  });
});
