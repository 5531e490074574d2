import { plainCell } from '../../src/core/plan/text-cells';
import { planWorkbook } from '../../src/core/plan/workbook';
import { insertPlans } from '../../src/excel/writer';
import { createFakeExcel } from './fake-excel';

/** Issue 15.3: the 目录 inserted into a workbook that already has the tables names the sheets as made. */
it('a second pack’s 目录 names its own sheets, `(2)` and all, not the clerk’s first ones', async () => {
  const plans = planWorkbook({ ctx: { level: 'unit', org: '上海市普陀区某某中心', year: 2026 } });
  const { fake, context } = createFakeExcel();
  await insertPlans(context, plans, fake.support);
  const second = await insertPlans(context, plans, fake.support);
  expect(second.sheets).toContain('单位收入总表 (2)');
  const contents = plans.find((p) => p.specId === 'contents')!;
  const madeContents = second.sheets[plans.indexOf(contents)];
  expect(madeContents).toBe('目录 (2)');
  const listed = fake
    .grid(madeContents, contents.cells.length, 2)
    .map((r) => r[1])
    .filter((v): v is string => typeof v === 'string' && v !== '' && v !== '工作表');
  // every sheet the 目录 lists is one this insert made, and each made table is listed
  expect(listed.filter((n) => !second.sheets.includes(n))).toEqual([]);
  expect(listed).toContain('单位收入总表 (2)');
  expect(listed).not.toContain('单位收入总表');
  // the first 目录 is untouched and still names the first pack's sheets
  expect(fake.grid('目录', contents.cells.length, 2).map((r) => r[1])).toEqual(contents.cells.map((r) => plainCell(r[1] ?? null)));
});
