import ExcelJS from 'exceljs';
import { Catalog } from '../../../src/core/catalog/catalog';
import { consolidate } from '../../../src/core/consolidate/consolidate';
import { consolidationPlans } from '../../../src/core/consolidate/plans';
import type { UnitWorkbook } from '../../../src/core/consolidate/types';
import type { ModelSheet, TargetFormData } from '../../../src/core/model';
import { Money } from '../../../src/core/money';
import { DEPARTMENT_TARGETS_SHEET } from '../../../src/core/plan/department-targets';
import { readWorkbook } from '../../../src/xlsx/reader';
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
