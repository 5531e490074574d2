import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';

const made: string[] = [];
function tmp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-tables-'));
  made.push(dir);
  return dir;
}
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('budget-tables CLI', () => {
  let errors: string[];
  beforeEach(() => {
    errors = [];
    jest.spyOn(console, 'error').mockImplementation((s: string) => void errors.push(s));
  });
  afterEach(() => jest.restoreAllMocks());

  it('sample writes one filled workbook per seed budget, and the seed performance forms beside them', async () => {
    const dir = tmp();
    const log: string[] = [];
    expect(await main(['sample', '--out', dir], (s) => log.push(s))).toBe(0);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual([
      '2018-shanghai-police-department.xlsx',
      '2020-shanghai-hrss-department.xlsx',
      // seed 003, the long 2020 target form, beside the 2020 budget of its department
      '2020-shanghai-hrss-social-insurance-service-target.xlsx',
      '2021-shanghai-social-security-card-unit-self-evaluations.xlsx',
      '2021-shanghai-social-security-card-unit.xlsx',
      '2026-shanghai-social-security-card-unit-performance-targets.xlsx',
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, '2021-shanghai-social-security-card-unit.xlsx'));
    const t2 = wb.getWorksheet('单位收入总表')!;
    expect(t2.getCell('A1').value).toBe('2021年预算单位收入预算总表');
    expect(t2.getCell('A6').value).toBe('204');
    // By default the published subtotals are typed in, so the file reads right anywhere.
    expect(t2.getCell('E6').value).toBe(44119958);
    expect(t2.getCell('E8').value).toBe(29518606);
    expect(wb.getWorksheet('单位财政拨款项目支出表')).toBeDefined();
    expect(log.join('\n')).toContain('上海市社会保障卡服务中心');
  });

  it('sample --subtotals formulas writes BUDGET.ROLLUP with the published figure cached', async () => {
    const dir = tmp();
    expect(await main(['sample', '--out', dir, '--subtotals', 'formulas'], () => undefined)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, '2021-shanghai-social-security-card-unit.xlsx'));
    const t2 = wb.getWorksheet('单位收入总表')!;
    expect(t2.getCell('E6').formula).toMatch(/BUDGET\.ROLLUP\(INDEX\(/);
    expect(t2.getCell('E6').result).toBe(44119958);
    expect(t2.getCell('E8').value).toBe(29518606);
    expect(await main(['sample', '--out', dir, '--subtotals', 'maybe'], () => undefined)).toBe(2);
  });

  it('template writes an empty workbook for the level, org and year', async () => {
    const out = path.join(tmp(), 'sub', '2026.xlsx');
    const code = await main(['template', '--level', 'department', '--org', '上海市公安局', '--year', '2026', '--out', out], () => undefined);
    expect(code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toContain('部门收入总表');
    expect(wb.worksheets.map((w) => w.name)).not.toContain('单位财政拨款项目支出表');
    expect(wb.getWorksheet('部门支出总表')!.getCell('A2').value).toBe('编制部门：上海市公安局');
  });

  it('template --tables picks tables and refuses unknown ones', async () => {
    const out = path.join(tmp(), 'pick.xlsx');
    expect(await main(['template', '--level', 'unit', '--org', 'X', '--year', '2026', '--out', out, '--tables', 'T2,U2'], () => undefined)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['单位收入总表', '单位财政拨款项目支出表']);
    expect(await main(['template', '--level', 'department', '--org', 'X', '--year', '2026', '--out', out, '--tables', 'U2'], () => undefined)).toBe(2);
    expect(errors.join()).toContain('U2 不是部门的表');
  });

  it.each([
    [['template', '--level', 'city', '--org', 'X', '--year', '2026', '--out', 'a.xlsx'], '--level'],
    [['template', '--level', 'unit', '--year', '2026', '--out', 'a.xlsx'], '--org'],
    [['template', '--level', 'unit', '--org', 'X', '--year', '26', '--out', 'a.xlsx'], '四位年份'],
    [['template', '--level', 'unit', '--org', 'X', '--year', '2026', '--out', 'a.csv'], '.xlsx'],
    [['template', '--level'], '缺少取值'],
    [['frobnicate'], '不认识的命令'],
  ])('refuses %j with one plain line and exit 2', async (argv, words) => {
    expect(await main(argv as string[], () => undefined)).toBe(2);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(words);
    expect(errors[0]).not.toMatch(/\n\s+at /);
  });
});

describe('budget-tables check', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tmp();
    await main(['sample', '--out', dir], () => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('says 可以报送 and exits 0 for a workbook without 错误', async () => {
    const log: string[] = [];
    expect(await main(['check', path.join(dir, '2021-shanghai-social-security-card-unit.xlsx')], (s) => log.push(s))).toBe(0);
    expect(log.join('\n')).toContain('可以报送（错误0个，提示0个）');
  });

  it('exits 1 with the findings as JSON when there is an 错误', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, '2021-shanghai-social-security-card-unit.xlsx'));
    wb.getWorksheet('单位收入总表')!.getCell('E7').value = 1;
    const file = path.join(tmp(), 'broken.xlsx');
    await wb.xlsx.writeFile(file);
    const log: string[] = [];
    expect(await main(['check', file, '--format', 'json'], (s) => log.push(s))).toBe(1);
    const report = JSON.parse(log.join('\n'));
    expect(report).toMatchObject({ file, ready: false });
    expect(report.counts.error).toBeGreaterThan(0);
    expect(report.findings[0]).toEqual({ rule: expect.any(String), severity: 'error', sheet: '单位收入总表', cell: expect.stringMatching(/^[A-Z]+\d+$/), message: expect.any(String) });
  });

  it('reports exactly the real problems of the sample performance forms, each at sheet and cell', async () => {
    const log: string[] = [];
    expect(await main(['check', path.join(dir, '2026-shanghai-social-security-card-unit-performance-targets.xlsx')], (s) => log.push(s))).toBe(1);
    const text = log.join('\n').split('\n').slice(1).join('\n');
    expect(text).toBe(
      [
        '  【绩效目标-申领、补换卡网点运行费】',
        '    错误 E15    三级指标“维护工作完成数”没有指标值；每个三级指标都应有指标值，如“≥90.00(%)”或“健全”',
        '  【绩效目标-信息化运维项目】',
        '    错误 E15    三级指标“运维系统完成数”没有指标值；每个三级指标都应有指标值，如“≥90.00(%)”或“健全”',
        '  【绩效目标-交换平台运行费】',
        '    提示 E22    满意度指标“市民满意度”的目标为=0.00(%)，满意度目标为0%不合常理，通常应为如“≥90.00(%)”',
      ].join('\n'),
    );
    const json: string[] = [];
    expect(await main(['check', path.join(dir, '2021-shanghai-social-security-card-unit-self-evaluations.xlsx'), '--format', 'json'], (s) => json.push(s))).toBe(1);
    const report = JSON.parse(json.join('\n'));
    expect(report.counts).toEqual({ error: 2, warning: 1 });
    expect(report.findings.map((f: { rule: string; severity: string; sheet: string; cell: string }) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`)).toEqual([
      'self-met-deducted warning 绩效自评-2021年(社保卡中心)公务车辆购置费!G25',
      'self-rate error 绩效自评-上海市社会保障卡服务中心信息系统(2021升级改造)!G6',
      'self-rate error 绩效自评-2021年(社保卡中心)敬老卡制作费!G6',
    ]);
  });

  it('reports the one real problem of the 2020 long target form sample (seed 003), at its cell', async () => {
    const log: string[] = [];
    expect(await main(['check', path.join(dir, '2020-shanghai-hrss-social-insurance-service-target.xlsx')], (s) => log.push(s))).toBe(1);
    // Its 7 子项目 add up to 项目当年预算 17,088,121.00 and every 一级目标 has a 三级: only the
    // 三级 the clerk left as 其它 (target 其它) is a mistake (see test/core/performance/rules.test.ts).
    expect(log.join('\n').split('\n').slice(1).join('\n')).toBe(
      [
        '  【绩效目标2020-社会保险服务费】',
        '    错误 C64    三级目标名称为“其它”（指标值“其它”），只是表样的占位，不是可考核的指标；应写明具体的三级目标和指标值，或删去这一行',
      ].join('\n'),
    );
  });

  it('treats leftover BUDGET formulas as a 提示', async () => {
    const d = tmp();
    await main(['sample', '--out', d, '--subtotals', 'formulas'], () => undefined);
    const log: string[] = [];
    expect(await main(['check', path.join(d, '2021-shanghai-social-security-card-unit.xlsx'), '--format', 'json'], (s) => log.push(s))).toBe(0);
    const report = JSON.parse(log.join('\n'));
    expect(report.findings.every((f: { rule: string; severity: string }) => f.rule === 'budget-formula' && f.severity === 'warning')).toBe(true);
    expect(report.counts.warning).toBeGreaterThan(0);
  });

  it('checks a folder, one summary line per file, and exits 2 on a file it cannot read', async () => {
    fs.writeFileSync(path.join(dir, 'not-a-workbook.xlsx'), 'hello');
    const log: string[] = [];
    const errors: string[] = [];
    jest.spyOn(console, 'error').mockImplementation((s: string) => void errors.push(s));
    expect(await main(['check', dir], (s) => log.push(s))).toBe(2);
    // The three budgets are ready; the three performance-form samples since `sample` writes them,
    // and `check` reads forms, are not: they carry the seeds' real mistakes (2 错误 each for the
    // 2026 targets and 2021 self-evaluations; the 2020 long form's placeholder 其它 row, 1 错误).
    // 2018's 提示: its empty T6 without a statement and 17 paragraphs whose figures the source lost (the sample has no project 说明).
    expect(log.map((l) => path.basename(l))).toEqual([
      '2018-shanghai-police-department.xlsx：可以报送（错误0个，提示18个）',
      '2020-shanghai-hrss-department.xlsx：可以报送（错误0个，提示0个）',
      '2020-shanghai-hrss-social-insurance-service-target.xlsx：不能报送（错误1个，提示0个）',
      '2021-shanghai-social-security-card-unit-self-evaluations.xlsx：不能报送（错误2个，提示1个）',
      '2021-shanghai-social-security-card-unit.xlsx：可以报送（错误0个，提示0个）',
      '2026-shanghai-social-security-card-unit-performance-targets.xlsx：不能报送（错误2个，提示1个）',
      '共 7 个文件：可以报送 3 个，不能报送 3 个，无法读取 1 个',
    ]);
    expect(errors).toEqual([expect.stringContaining('不是.xlsx工作簿')]);
    fs.unlinkSync(path.join(dir, 'not-a-workbook.xlsx'));
  });
});
