import ExcelJS from 'exceljs';
import { Catalog } from '../../../src/core/catalog/catalog';
import { consolidate } from '../../../src/core/consolidate/consolidate';
import { consolidationPlans } from '../../../src/core/consolidate/plans';
import { readBreakdownGrid } from '../../../src/core/consolidate/read-breakdown';
import type { UnitWorkbook } from '../../../src/core/consolidate/types';
import type { CodedTableData } from '../../../src/core/model';
import { Money } from '../../../src/core/money';
import { BREAKDOWN_SHEET } from '../../../src/core/plan/unit-breakdown';
import { checkDepartmentAgainstUnits } from '../../../src/core/rules/department-units';
import { validateSheets } from '../../../src/core/rules/validate';
import { gridFromWorksheet, readWorkbook } from '../../../src/xlsx/reader';
import { workbookFromPlans } from '../../../src/xlsx/writer';
import { cleanUnit } from './fixtures';
import { unitWorkbook } from './split';

const catalog = Catalog.builtIn();
const YEAR = 2021;

async function departmentWorkbook(units: UnitWorkbook[]): Promise<ExcelJS.Workbook> {
  const c = consolidate(units, { department: '上海市某局', year: YEAR, catalog });
  const wb = await workbookFromPlans(consolidationPlans(c));
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back;
}

describe('a department against its units (issue 17 point 4)', () => {
  let units: UnitWorkbook[];
  let dept: ExcelJS.Workbook;
  beforeAll(async () => {
    units = await Promise.all([
      unitWorkbook('甲单位', YEAR, cleanUnit({ personnel: 1000, public: 200, project: 300 })),
      unitWorkbook('乙单位', YEAR, cleanUnit({ personnel: 5000, public: 700, project: 40 })),
      unitWorkbook('丙单位', YEAR, cleanUnit({ personnel: 60, public: 7, project: 8000 })),
    ]);
    dept = await departmentWorkbook(units);
  });

  it('finds nothing when the department is its units’ sum, and the workbook reads clean', () => {
    const read = readWorkbook(dept);
    // 分单位明细 is no table: the reader does not report it as unrecognised.
    expect(read.issues).toEqual([]);
    const v = validateSheets(read.sheets, read.issues, catalog, { units, breakdown: readBreakdownGrid(gridFromWorksheet(dept.getWorksheet(BREAKDOWN_SHEET)!)) });
    expect(v.findings.filter((f) => f.rule.startsWith('department'))).toEqual([]);
    expect(v.counts.error).toBe(0);
  });

  it('reads 分单位明细 back: the units and each one’s share', () => {
    const b = readBreakdownGrid(gridFromWorksheet(dept.getWorksheet(BREAKDOWN_SHEET)!))!;
    expect(b.units).toEqual(['甲单位', '乙单位', '丙单位']);
    const line = b.lines.find((l) => l.table === 'T3' && l.code === '2040201' && l.key === 'project')!;
    expect(line.shares.map((m) => m?.toFixed())).toEqual(['300', '40', '8000']);
    expect(line.total!.toFixed()).toBe('8340');
  });

  it('finds one changed unit cell at the right department cell, with the sum and the difference', async () => {
    const data = cleanUnit({ personnel: 5000, public: 700, project: 40 });
    (data.T3 as CodedTableData).rows[2].amounts.project = new Money(45);
    const revised = await unitWorkbook('乙单位', YEAR, data);
    const read = readWorkbook(dept);
    const findings = checkDepartmentAgainstUnits(read.sheets, { units: [units[0], revised, units[2]] });
    expect(findings).toHaveLength(1);
    const t3 = read.sheets.find((s) => s.specId === 'T3')!;
    const row = (t3.data as CodedTableData).rows.find((r) => r.code === '2040201')!.row!;
    const col = (t3.data as CodedTableData).at!.columns.project!;
    expect(findings[0]).toMatchObject({ rule: 'department-vs-units', severity: 'error', sheet: t3.sheetName, cell: `${String.fromCharCode(64 + col)}${row}` });
    expect(findings[0].message).toContain('所属单位之和为8,345元');
    expect(findings[0].message).toContain('相差5元');
    expect(findings[0].message).toContain('乙单位45元');
  });

  it('checks against 分单位明细 alone when the department cell is changed', () => {
    const ws = dept.getWorksheet('部门支出总表')!;
    const read0 = readWorkbook(dept);
    const t3 = read0.sheets.find((s) => s.specId === 'T3')!.data as CodedTableData;
    const r = t3.rows.find((x) => x.code === '20402')!;
    const cell = ws.getCell(r.row!, t3.at!.columns.basic!);
    const was = cell.value;
    cell.value = 1;
    try {
      const read = readWorkbook(dept);
      const breakdown = readBreakdownGrid(gridFromWorksheet(dept.getWorksheet(BREAKDOWN_SHEET)!));
      const findings = checkDepartmentAgainstUnits(read.sheets, { breakdown });
      expect(findings.map((f) => [f.sheet, f.cell])).toEqual([['部门支出总表', cell.address]]);
      expect(findings[0].message).toContain('所属单位之和为6,967元');
    } finally {
      cell.value = was;
    }
  });

  it('says which listed unit is missing and which given unit is not listed (提示)', async () => {
    const stranger = await unitWorkbook('丁单位', YEAR, cleanUnit({ personnel: 0, public: 0, project: 0 }));
    const read = readWorkbook(dept);
    const findings = checkDepartmentAgainstUnits(read.sheets, { units: [units[0], units[1], stranger] }).filter((f) => f.rule === 'department-unit-list');
    expect(findings.map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(findings[0].message).toContain('丙单位');
    expect(findings[1].message).toContain('丁单位');
  });
});
