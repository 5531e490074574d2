import { Catalog } from '../../../src/core/catalog/catalog';
import { consolidate } from '../../../src/core/consolidate/consolidate';
import { consolidationPlans } from '../../../src/core/consolidate/plans';
import { BREAKDOWN_SHEET } from '../../../src/core/plan/unit-breakdown';
import { validateWorkbook } from '../../../src/excel/validate';
import { insertPlans } from '../../../src/excel/writer';
import { createFakeExcel, MODERN_HOST } from '../../excel/fake-excel';
import { cleanUnit } from './fixtures';
import { unitWorkbook } from './split';

const YEAR = 2021;

describe('校验 in Excel of a department workbook holding 分单位明细', () => {
  it('reads clean as written, and finds a department cell typed over at that cell', async () => {
    const units = await Promise.all([
      unitWorkbook('甲单位', YEAR, cleanUnit({ personnel: 1000, public: 200, project: 300 })),
      unitWorkbook('乙单位', YEAR, cleanUnit({ personnel: 5000, public: 700, project: 40 })),
    ]);
    const c = consolidate(units, { department: '上海市某局', year: YEAR, catalog: Catalog.builtIn() });
    const plans = consolidationPlans(c);
    const { fake, context } = createFakeExcel({ support: MODERN_HOST, sheets: [] });
    const { sheets } = await insertPlans(context, plans, MODERN_HOST);
    expect(sheets).toContain(BREAKDOWN_SHEET);
    const clean = await validateWorkbook(context);
    // 分单位明细 is not reported as an unrecognised sheet, and the department equals it.
    expect(clean.findings.filter((f) => f.rule === 'not-recognised' || f.rule.startsWith('department'))).toEqual([]);
    expect(clean.counts.error).toBe(0);

    // 部门支出总表 G8: 2040201's 项目支出 (300 + 40).
    const cell = fake.sheet('部门支出总表').cells.get('G8')!;
    expect(cell.value).toBe(340);
    cell.value = 345;
    const changed = await validateWorkbook(context);
    const found = changed.findings.filter((f) => f.rule === 'department-vs-units');
    expect(found.map((f) => [f.sheet, f.cell])).toEqual([['部门支出总表', 'G8']]);
    expect(found[0].message).toContain('所属单位之和为340元（甲单位300元、乙单位40元），相差5元');
  });
});
