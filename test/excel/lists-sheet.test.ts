import { LISTS_MARKER, LISTS_SHEET } from '../../src/core/plan/lists';
import { planTargetForm } from '../../src/core/plan/forms';
import { insertPlans } from '../../src/excel/writer';
import { createFakeExcel, MODERN_HOST } from './fake-excel';

describe("the forms' lists sheet is known by its marker, not its name", () => {
  const plan = () => planTargetForm({ level: 'unit', org: 'X', year: 2026 });

  it("refuses to insert a form over a clerk's own sheet named _BT_LISTS, changing nothing", async () => {
    const { fake, context } = createFakeExcel({ sheets: [{ name: '封面', cells: { A1: '封面' } }, { name: LISTS_SHEET, cells: { B2: '我的清单' } }] });
    const before = fake.sheets.map((s) => fake.snapshotSheet(s.name));
    await expect(insertPlans(context, [plan()], MODERN_HOST)).rejects.toThrow(/已有名为“_BT_LISTS”的工作表，但它不是本加载项的下拉列表/);
    expect(fake.sheets.map((s) => fake.snapshotSheet(s.name))).toEqual(before);
  });

  it('uses its own _BT_LISTS again, found by the marker in A1', async () => {
    const { fake, context } = createFakeExcel({ sheets: [{ name: '封面', cells: { A1: '封面' } }] });
    await insertPlans(context, [plan()], MODERN_HOST);
    expect(fake.content(LISTS_SHEET, 'A1')).toBe(LISTS_MARKER);
    const lists = fake.snapshotSheet(LISTS_SHEET);
    await insertPlans(context, [plan()], MODERN_HOST);
    expect(fake.snapshotSheet(LISTS_SHEET)).toBe(lists);
    expect(fake.sheets.filter((s) => s.name.startsWith('绩效目标'))).toHaveLength(2);
  });
});
