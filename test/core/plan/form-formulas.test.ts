import { HyperFormula } from 'hyperformula';
import { HF_CONFIG } from '../../../src/dev/engine/budget-plugin';
import { seedFormPlans } from '../../../src/cli/forms';
import { executionRateFormula, gradeFormula, indicatorScoreFormula, targetCheckFormula } from '../../../src/core/plan/form-formulas';
import { planSelfEvaluation, planTargetForm, TARGET_CHECK_COLUMN } from '../../../src/core/plan/forms';
import type { SheetPlan } from '../../../src/core/plan/types';
import { execRate, gradeOf } from '../../../src/functions/logic';

/**
 * The performance forms' two flavours of formulas (issue 14.4): `standard` calls no add-in
 * function anywhere, `rollup` (the pane's default) keeps BUDGET.*.
 */
const ctx = { level: 'unit' as const, org: '测试单位', year: 2026 };
const prefill = { projectName: '测试项目', department: '测试部门', unit: '测试单位', fiscal: null };

const formulas = (plan: SheetPlan) => plan.cells.flatMap((row) => row.filter((v): v is string => typeof v === 'string' && v.startsWith('=')));

describe('the forms in the standard flavour', () => {
  const standard = [
    planTargetForm(ctx, undefined, { formulas: 'standard' }),
    planTargetForm(ctx, undefined, { formulas: 'standard', prefill }),
    planSelfEvaluation(ctx, undefined, { formulas: 'standard' }),
    planSelfEvaluation(ctx, undefined, { formulas: 'standard', prefill }),
    ...seedFormPlans('standard'),
  ];

  it('call no BUDGET.* function, in templates and in the seed forms', () => {
    const all = standard.flatMap(formulas);
    expect(all.length).toBeGreaterThan(40);
    expect(all.filter((f) => /BUDGET\./i.test(f))).toEqual([]);
  });

  it('write 执行率 and 自评等级 with standard functions; 得分 is left to the clerk; no 填写提示 column', () => {
    const self = planSelfEvaluation(ctx, undefined, { formulas: 'standard' });
    expect(self.cells[5][6]).toBe('=IF(D6="","",ROUND(E6/D6,4))');
    expect(self.cells[5][7]).toBe('=IF(G6="","",MIN(10,ROUND(10*G6,2)))');
    const [first, last] = self.layout.dataRows as [number, number];
    const total = self.layout.totalRow as number;
    expect(self.cells[total - 1][7]).toBe(`=IF(G${total}=0,"","自评等级："&IF(G${total}>=90,"优",IF(G${total}>=80,"良",IF(G${total}>=60,"中","差"))))`);
    for (let r = first; r <= last; r++) expect(self.cells[r - 1][6] ?? null).toBeNull();
    // the 得分 cells stay unlocked input cells, added into 总分
    expect(self.styles.some((s) => s.range === `F${first}:G${last}` && s.style.locked === false)).toBe(true);
    expect(self.cells[total - 1][6]).toBe(`=SUM(H6,G${first}:G${last})`);
    const target = planTargetForm(ctx, undefined, { formulas: 'standard' });
    expect(target.cells.map((row) => row[TARGET_CHECK_COLUMN - 1] ?? null).filter((v) => v !== null)).toEqual([]);
  });
});

describe('the forms in the rollup flavour (the default: the pane has the add-in)', () => {
  it('keep BUDGET.EXECRATE, BUDGET.SCORE, BUDGET.GRADE and BUDGET.TARGETCHECK', () => {
    const all = [planTargetForm(ctx), planSelfEvaluation(ctx)].flatMap(formulas).join('\n');
    for (const name of ['EXECRATE', 'SCORE', 'GRADE', 'TARGETCHECK']) expect(all).toContain(`BUDGET.${name}(`);
    expect(executionRateFormula('rollup', 'D6', 'E6')).toBe('=IF(D6="","",BUDGET.EXECRATE(D6,E6))');
    expect(indicatorScoreFormula('rollup', 'D13', 'E13', 'F13')).toBe('=IF(E13="","",BUDGET.SCORE(D13,E13,F13))');
    expect(gradeFormula('rollup', 'G24')).toBe('=IF(G24=0,"","自评等级："&BUDGET.GRADE(G24))');
    expect(targetCheckFormula('rollup', 'E14', 'C14', '$A$14')).toBe('=BUDGET.TARGETCHECK(E14,C14,$A$14)');
    expect([indicatorScoreFormula('standard', 'D13', 'E13', 'F13'), targetCheckFormula('standard', 'E14', 'C14', '$A$14')]).toEqual([null, null]);
  });
});

describe('the standard 执行率 and 自评等级 give what the add-in gives', () => {
  // The seeds' kind of figures, over 100 %, tiny and huge amounts. HyperFormula's ROUND is binary
  // (100.005 / 100 rounds down to 1); Excel, WPS and LibreOffice round at 15 digits, as the
  // add-in's decimals do: the half-way cases are in test/cli/forms-anywhere.test.ts, in LibreOffice.
  const pairs: [number, number][] = [
    [40000, 39310], [1000, 982.65], [8, 1], [17088121, 16792348.27], [3, 2], [7, 7], [6, 0], [1234567.89, 1234567.88], [0.03, 0.01], [2000, 1999.99],
  ];
  const totals = [0.5, 59.99, 60, 79.9, 80, 89.99, 90, 100, 97.5];

  it('in a formula engine, figure for figure', () => {
    const sheet = [
      ...pairs.map(([full, executed], i) => [full, executed, executionRateFormula('standard', `A${i + 1}`, `B${i + 1}`)]),
      ...totals.map((t, k) => [t, null, gradeFormula('standard', `A${pairs.length + k + 1}`)]),
    ];
    const hf = HyperFormula.buildFromArray(sheet, HF_CONFIG);
    pairs.forEach(([full, executed], i) => expect([full, executed, hf.getCellValue({ sheet: 0, row: i, col: 2 })]).toEqual([full, executed, execRate(full, executed)]));
    totals.forEach((t, k) => expect([t, hf.getCellValue({ sheet: 0, row: pairs.length + k, col: 2 })]).toEqual([t, `自评等级：${gradeOf(t) as string}`]));
    hf.destroy();
  });
});
