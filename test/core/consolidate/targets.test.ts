import ExcelJS from 'exceljs';
import { Catalog } from '../../../src/core/catalog/catalog';
import { consolidate } from '../../../src/core/consolidate/consolidate';
import { consolidationPlans } from '../../../src/core/consolidate/plans';
import type { UnitWorkbook } from '../../../src/core/consolidate/types';
import type { ModelSheet, TargetFormData } from '../../../src/core/model';
import { Money } from '../../../src/core/money';
import { DEPARTMENT_TARGETS_SHEET } from '../../../src/core/plan/department-targets';
import { readDepartmentTargetsGrid } from '../../../src/core/consolidate/read-targets';
import { unitName } from '../../../src/core/consolidate/unit-name';
import type { SheetGrid } from '../../../src/core/read/grid';
import { checkDepartmentTargets } from '../../../src/core/rules/department-targets';
import { readWorkbook } from '../../../src/xlsx/reader';
import { readXlsxBuffer } from '../../../src/xlsx/stream/workbook';
import { workbookFromPlans } from '../../../src/xlsx/writer';
import { cleanUnit } from './fixtures';
import { unitWorkbook } from './split';

const YEAR = 2021;

function form(projectName: string, amount: number): ModelSheet {
  const m = new Money(amount);
  const data: TargetFormData = {
    kind: 'target-form',
    projectName,
    year: YEAR,
    funds: { total: m, fiscal: m, other: null, annualTotal: m, annualFiscal: m, carryOver: null, annualOther: null },
    indicators: [{ level1: '产出指标', level2: '数量指标', level3: '完成件数', target: '≥100件' }],
  };
  return { sheetName: `绩效目标申报表-${projectName}`, specId: 'target-form', context: { year: YEAR }, data };
}

describe('the department’s 绩效目标汇总表 (issue 17 point 5)', () => {
  let units: UnitWorkbook[];
  beforeAll(async () => {
    units = await Promise.all([
      unitWorkbook('甲单位', YEAR, cleanUnit({ personnel: 1000, public: 200, project: 300 })),
      unitWorkbook('乙单位', YEAR, cleanUnit({ personnel: 5000, public: 700, project: 40 })),
    ]);
    units[0].sheets.push(form('业务项目', 300));
    // 乙单位's form asks for 45 where its U2 gives 40: the summary total must show it.
    units[1].sheets.push(form('业务项目', 45));
  });

  it('lists every unit’s forms with the unit, and compares the 合计 with the U2 projects that have forms', async () => {
    const c = consolidate(units, { department: '上海市某局', year: YEAR, catalog: Catalog.builtIn(), allowErrors: true });
    expect(c.targets.lines.map((l) => [l.unit, l.project, l.amount?.toFixed(), l.u2?.toFixed()])).toEqual([
      ['甲单位', '业务项目', '300', '300'],
      ['乙单位', '业务项目', '45', '40'],
    ]);
    expect([c.targets.total.toFixed(), c.targets.u2WithForms.toFixed()]).toEqual(['345', '340']);
    const wb = await workbookFromPlans(consolidationPlans(c));
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const ws = back.getWorksheet(DEPARTMENT_TARGETS_SHEET)!;
    expect([2, 3, 4].map((col) => ws.getCell(3, col).value)).toEqual(['单位名称', '项目名称', '金额（元）']);
    expect([ws.getCell('B5').value, ws.getCell('D5').value, ws.getCell('A6').value, ws.getCell('D6').value]).toEqual(['乙单位', 45, '合计', 345]);
    expect(String(ws.getCell('A7').value)).toContain('相差 5 元');
    // Not read as a unit's summary (whose forms would be missing beside it), nor reported unrecognised.
    const read = readWorkbook(back);
    expect(read.issues).toEqual([]);
    expect(read.sheets.some((s) => s.sheetName === DEPARTMENT_TARGETS_SHEET)).toBe(false);
  });
});

describe('check of the department’s 绩效目标汇总表 against its units (issue 17 point 5)', () => {
  let units: UnitWorkbook[];
  let grid: SheetGrid;
  const named = () => units.map((u) => ({ name: unitName(u), sheets: u.sheets }));
  beforeAll(async () => {
    units = await Promise.all([
      unitWorkbook('甲单位', YEAR, cleanUnit({ personnel: 1000, public: 200, project: 300 })),
      unitWorkbook('乙单位', YEAR, cleanUnit({ personnel: 5000, public: 700, project: 40 })),
    ]);
    units[0].sheets.push(form('业务项目', 300));
    units[1].sheets.push(form('业务项目', 40));
    const c = consolidate(units, { department: '上海市某局', year: YEAR, catalog: Catalog.builtIn(), allowErrors: true });
    const wb = await workbookFromPlans(consolidationPlans(c));
    const sheets = readXlsxBuffer(Buffer.from(await wb.xlsx.writeBuffer())).sheets;
    grid = sheets.find((s) => s.name === DEPARTMENT_TARGETS_SHEET)!.grid;
  });
  const check = (g: SheetGrid) => checkDepartmentTargets(readDepartmentTargetsGrid(g)!, named()).map((f) => [f.rule, f.cell, f.message]);
  const copy = (): SheetGrid => ({ ...grid, values: grid.values.map((r) => (r ? [...r] : r)) });

  it('finds nothing in the sheet consolidation wrote', () => {
    expect(readDepartmentTargetsGrid(grid)!.lines.map((l) => [l.unit, l.project, l.row])).toEqual([
      ['甲单位', '业务项目', 4],
      ['乙单位', '业务项目', 5],
    ]);
    expect(check(grid)).toEqual([]);
  });

  it('finds a 合计 that is not the units’ U2 amounts with forms at the 合计 cell', () => {
    const g = copy();
    g.values[5][3] = 350; // D6
    expect(check(g)).toEqual([['department-vs-units', 'D6', '绩效目标汇总表合计为350元，所属单位项目支出预算表中有绩效目标申报表的项目金额之和为340元，相差10元']]);
  });

  it('finds a unit’s form the sheet leaves out, and a line naming no form of its unit', () => {
    const g = copy();
    g.values[4][2] = '另一项目'; // C5: 乙单位's line renamed
    expect(check(g)).toEqual([
      ['summary-missing', 'A6', '乙单位有项目“业务项目”的绩效目标申报表，绩效目标汇总表中没有列出'],
      ['summary-no-form', 'C5', '绩效目标汇总表列出乙单位的项目“另一项目”，该单位的工作簿中没有这一项目的绩效目标申报表'],
    ]);
  });
});
