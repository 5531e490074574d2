import { a1, createFakeExcel } from './fake-excel';
import { planComparison } from '../../src/core/plan/comparison';
import { planProcurement } from '../../src/core/plan/procurement';
import { isPlanText, plainCell } from '../../src/core/plan/text-cells';
import { compareBudgets } from '../../src/core/previous/compare';
import { insertPlans } from '../../src/excel/writer';
import { CARD_2020, seedSheets } from '../core/previous/fixtures';

/** Issue 16.2: the 上年对比 and 政府采购 sheets go through the Office.js writer as through ExcelJS (test/cli/compare.test.ts). */
it('the Office.js writer makes both sheets as planned; a reason from a file stays text', async () => {
  const c = compareBudgets(CARD_2020(), seedSheets('2021-shanghai-social-security-card-unit'));
  const ctx = { level: 'unit' as const, org: '上海市社会保障卡服务中心', year: 2021 };
  const cmp = planComparison(ctx, { ...c, rows: c.rows.map((r) => (r.key === 'T9:reception' ? { ...r, reason: '=压缩开支' } : r)) });
  const plans = [cmp, planProcurement(ctx)];
  const { fake, context } = createFakeExcel();
  const result = await insertPlans(context, plans, fake.support);
  expect(result.sheets).toEqual(['上年对比', '政府采购预算']);
  for (const plan of plans) {
    const rows = plan.cells.length;
    const cols = plan.cells[0].length;
    expect(fake.grid(plan.name, rows, cols)).toEqual(plan.cells.map((r) => r.map(plainCell)));
    const textFormulas = plan.cells.flatMap((r, i) => r.flatMap((v, j) => (isPlanText(v) && fake.cell(plan.name, a1(i + 1, j + 1)).formula !== null ? [a1(i + 1, j + 1)] : [])));
    expect(textFormulas).toEqual([]);
  }
  expect(fake.cell('上年对比', 'C3').locked).toBe(false);
});
