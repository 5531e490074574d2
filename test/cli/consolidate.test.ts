import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { CodedTableData, SheetData } from '../../src/core/model';
import { Money } from '../../src/core/money';
import { planWorkbook } from '../../src/core/plan/workbook';
import { BREAKDOWN_SHEET } from '../../src/core/plan/unit-breakdown';
import type { SpecId } from '../../src/core/specs/types';
import { workbookFromPlans } from '../../src/xlsx/writer';
import { SEED_TARGET_FORMS } from '../../src/cli/forms';
import { planTargetForm } from '../../src/core/plan/forms';
import { DEPARTMENT_TARGETS_SHEET } from '../../src/core/plan/department-targets';
import { cleanUnit } from '../core/consolidate/fixtures';
import { toWan } from '../xlsx/layout-variants';

async function writeUnit(dir: string, org: string, data: Partial<Record<SpecId, SheetData>>, year = 2021): Promise<string> {
  const plans = planWorkbook({ ctx: { level: 'unit', org, year }, data, specs: Object.keys(data) as SpecId[], options: { subtotals: 'values' } });
  const file = path.join(dir, `${org}.xlsx`);
  await (await workbookFromPlans(plans)).xlsx.writeFile(file);
  return file;
}

describe('budget-tables consolidate and check --units', () => {
  let errors: string[];
  let log: string[];
  let dir: string;
  let unitsDir: string;
  beforeEach(async () => {
    errors = [];
    log = [];
    jest.spyOn(console, 'error').mockImplementation((s: string) => void errors.push(s));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-consolidate-'));
    unitsDir = path.join(dir, 'units');
    fs.mkdirSync(unitsDir);
    await writeUnit(unitsDir, '甲单位', cleanUnit({ personnel: 1000, public: 200, project: 300 }));
    await writeUnit(unitsDir, '乙单位', cleanUnit({ personnel: 5000, public: 700, project: 40 }));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the department workbook, which checks clean against its units', async () => {
    const out = path.join(dir, '部门.xlsx');
    const code = await main(['consolidate', unitsDir, '--department', '上海市某局', '--year', '2021', '--out', out], (s) => log.push(s));
    expect([code, errors]).toEqual([0, []]);
    expect(log[0]).toContain('汇总 2 个单位（乙单位、甲单位）');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toContain(BREAKDOWN_SHEET);
    const t3 = wb.getWorksheet('部门支出总表')!;
    expect(t3.getCell('A1').value).toBe('2021年部门支出预算总表');
    // Each department cell names its units' shares, biggest first.
    expect(t3.getCell('G8').note).toBe('所属单位：\n甲单位：300 元\n乙单位：40 元');
    log = [];
    expect(await main(['check', out, '--units', unitsDir], (s) => log.push(s))).toBe(0);
    expect(log[0]).toContain('可以报送');
  });

  it('a unit published in 万元 is summed in 元 (×10,000), said in the log, and checks clean against its units', async () => {
    // amounts in whole hundreds of 元, so the 万元 copy loses nothing to rounding
    const file = await writeUnit(unitsDir, '丙单位', cleanUnit({ personnel: 20000, public: 3000, project: 500 }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    toWan(wb);
    await wb.xlsx.writeFile(file);
    const out = path.join(dir, '部门.xlsx');
    expect(await main(['consolidate', unitsDir, '--department', '上海市某局', '--year', '2021', '--out', out], (s) => log.push(s))).toBe(0);
    expect(log.join('\n')).toMatch(/丙单位：【[^】]+】万元/);
    const dept = new ExcelJS.Workbook();
    await dept.xlsx.readFile(out);
    expect(dept.getWorksheet('部门支出总表')!.getCell('G8').note).toBe('所属单位：\n丙单位：500 元\n甲单位：300 元\n乙单位：40 元');
    expect(await main(['check', out, '--units', unitsDir], () => undefined)).toBe(0);
  });

  it('check finds a revised unit at the department cell (and exits 1)', async () => {
    const out = path.join(dir, '部门.xlsx');
    await main(['consolidate', unitsDir, '--department', '上海市某局', '--year', '2021', '--out', out], () => undefined);
    const revised = cleanUnit({ personnel: 5000, public: 700, project: 40 });
    (revised.T8 as CodedTableData).rows[1].amounts.personnel = new Money(5001);
    await writeUnit(unitsDir, '乙单位', revised);
    log = [];
    expect(await main(['check', out, '--units', unitsDir], (s) => log.push(s))).toBe(1);
    const text = log.join('\n');
    expect(text).toMatch(/错误 E7 +科目30101“基本工资”的人员经费为6,000元，所属单位之和为6,001元（乙单位5,001元、甲单位1,000元），相差1元/);
  });

  it('refuses a unit with errors (exit 1) unless --allow-errors, which names it on the first sheet', async () => {
    const bad = cleanUnit({ personnel: 1, public: 2, project: 3 });
    (bad.T2 as CodedTableData).total.total = new Money(7);
    await writeUnit(unitsDir, '丙单位', bad);
    const out = path.join(dir, '部门.xlsx');
    expect(await main(['consolidate', unitsDir, '--department', '上海市某局', '--year', '2021', '--out', out], (s) => log.push(s))).toBe(1);
    expect(errors.join('\n')).toContain('丙单位');
    expect(fs.existsSync(out)).toBe(false);
    expect(await main(['consolidate', unitsDir, '--department', '上海市某局', '--year', '2021', '--out', out, '--allow-errors'], (s) => log.push(s))).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets[0].name).toBe(BREAKDOWN_SHEET);
    expect(String(wb.worksheets[0].getCell('A3').value)).toContain('丙单位');
  });

  it('check compares a department holding 分单位明细 with it, without --units', async () => {
    const out = path.join(dir, '部门.xlsx');
    await main(['consolidate', unitsDir, '--department', '上海市某局', '--year', '2021', '--out', out], () => undefined);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // T9 of the department: typed over by hand after consolidation.
    const t9 = wb.worksheets.find((w) => String(w.getCell('A1').value).includes('三公'))!;
    t9.getCell('G6').value = 1.5;
    await wb.xlsx.writeFile(out);
    log = [];
    expect(await main(['check', out], (s) => log.push(s))).toBe(1);
    expect(log.join('\n')).toMatch(/错误 G6 +机关运行经费预算数为1.50万元，所属单位之和为0.00万元（各单位均为0），相差1.50万元/);
  });

  /** The department-vs-units findings of `check DEPT --units DIR --format json`. */
  async function againstUnits(out: string): Promise<{ cell: string; message: string }[]> {
    const lines: string[] = [];
    await main(['check', out, '--units', unitsDir, '--format', 'json'], (s) => lines.push(s));
    const doc = JSON.parse(lines[0]) as { findings: { rule: string; cell: string; message: string }[] };
    return doc.findings.filter((f) => f.rule === 'department-vs-units').map(({ cell, message }) => ({ cell, message }));
  }

  it('a department printed in 万元 meets its units in 元 under the rounding rule; a figure off by more is found at its cell', async () => {
    const out = path.join(dir, '部门.xlsx');
    await main(['consolidate', unitsDir, '--department', '上海市某局', '--year', '2021', '--out', out], () => undefined);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // Rounded cell by cell to 0.01 万元: G8 (甲 300 + 乙 40 = 340 元) prints 0.03, 40 元 from the sum.
    toWan(wb, 2, (name) => name !== BREAKDOWN_SHEET);
    await wb.xlsx.writeFile(out);
    expect(wb.getWorksheet('部门支出总表')!.getCell('G8').value).toBe(0.03);
    expect(await againstUnits(out)).toEqual([]);
    wb.getWorksheet('部门支出总表')!.getCell('G8').value = 0.05;
    await wb.xlsx.writeFile(out);
    expect(await againstUnits(out)).toEqual([
      { cell: 'G8', message: '科目2040201“行政运行”的项目支出为0.05万元，所属单位之和为0.034万元（甲单位300元、乙单位40元），相差0.016万元' },
    ]);
  });

  it('a unit printed in 万元 meets a department in 元 within its rounding; beyond it the department cell is named', async () => {
    // The department is summed from the units in 元; 丙单位 then republishes in 万元 (12,345 元 → 1.23 万元).
    const file = await writeUnit(unitsDir, '丙单位', cleanUnit({ personnel: 12345, public: 3000, project: 500 }));
    const out = path.join(dir, '部门.xlsx');
    await main(['consolidate', unitsDir, '--department', '上海市某局', '--year', '2021', '--out', out], () => undefined);
    const unit = new ExcelJS.Workbook();
    await unit.xlsx.readFile(file);
    toWan(unit);
    await unit.xlsx.writeFile(file);
    expect(await againstUnits(out)).toEqual([]);
    // Now 丙 writes 1.25 万元 in its T8 (the 工资福利支出 合计): 155 元 more than rounding can explain.
    const t8 = unit.worksheets.find((w) => String(w.getCell('A1').value).includes('基本支出'))!;
    let changed = '';
    t8.eachRow((row) => row.eachCell((c) => {
      if (!changed && c.value === 1.23) {
        c.value = 1.25;
        changed = c.address;
      }
    }));
    expect(changed).not.toBe('');
    await unit.xlsx.writeFile(file);
    const found = await againstUnits(out);
    expect(found).toContainEqual({ cell: 'D6', message: '科目301“工资福利支出”的合计为18,345元，所属单位之和为18,500元（丙单位12,500元、乙单位5,000元、甲单位1,000元），相差155元' });
  });

  it('check --units compares the department’s 绩效目标汇总表 with its units’ forms and U2, and finds a wrong 合计 at its cell', async () => {
    // Each unit with a target form for its U2 project 业务项目 (甲 300 元, 乙 40 元).
    for (const [org, f] of [['甲单位', { personnel: 1000, public: 200, project: 300 }], ['乙单位', { personnel: 5000, public: 700, project: 40 }]] as const) {
      const data = cleanUnit(f);
      const ctx = { level: 'unit' as const, org, year: 2021 };
      const amount = String(f.project);
      const form = planTargetForm(ctx, { ...SEED_TARGET_FORMS[0], year: 2021, projectName: '业务项目', funds: { total: amount, fiscal: amount, other: null, annualTotal: amount, annualFiscal: amount, carryOver: null, annualOther: null } });
      const plans = [...planWorkbook({ ctx, data, specs: Object.keys(data) as SpecId[], options: { subtotals: 'values' } }), form];
      await (await workbookFromPlans(plans)).xlsx.writeFile(path.join(unitsDir, `${org}.xlsx`));
    }
    const out = path.join(dir, '部门.xlsx');
    expect(await main(['consolidate', unitsDir, '--department', '上海市某局', '--year', '2021', '--out', out], () => undefined)).toBe(0);
    const rules = async () => {
      const lines: string[] = [];
      await main(['check', out, '--units', unitsDir, '--format', 'json'], (x) => lines.push(x));
      return (JSON.parse(lines[0]) as { findings: { rule: string; sheet: string; cell: string }[] }).findings.filter((f) => f.sheet === DEPARTMENT_TARGETS_SHEET);
    };
    expect(await rules()).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet(DEPARTMENT_TARGETS_SHEET)!;
    expect([ws.getCell('A6').value, ws.getCell('D6').value]).toEqual(['合计', 340]);
    ws.getCell('D6').value = 345;
    await wb.xlsx.writeFile(out);
    expect((await rules()).map((f) => [f.rule, f.cell])).toEqual([['department-vs-units', 'D6']]);
  });

  it('says what is missing in one line (exit 2)', async () => {
    expect(await main(['consolidate', unitsDir, '--year', '2021', '--out', path.join(dir, 'x.xlsx')], () => undefined)).toBe(2);
    expect(errors[0]).toContain('--department');
  });
});
