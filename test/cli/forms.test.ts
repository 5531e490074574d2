import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { FORMS_FILE } from '../../src/cli/forms';
import { main } from '../../src/cli/main';
import { parseMarker } from '../../src/core/plan/marker';
import { splitProjectNames } from '../../src/cli/forms';

const made: string[] = [];
/** A temporary folder, removed when the file's tests are done. */
function tmpDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('budget-tables forms', () => {
  afterEach(() => jest.restoreAllMocks());

  it('writes one workbook with the ten 2026 target forms then the ten 2021 self-evaluations', async () => {
    const dir = tmpDir('budget-tables-forms-');
    const log: string[] = [];
    expect(await main(['forms', '--out', dir], (s) => log.push(s))).toBe(0);
    expect(fs.readdirSync(dir)).toEqual([FORMS_FILE]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, FORMS_FILE));
    expect(wb.worksheets).toHaveLength(21);
    // The drop-down lists the forms share, very hidden, after them.
    expect([wb.worksheets[20].name, wb.worksheets[20].state]).toEqual(['_BT_LISTS', 'veryHidden']);
    wb.removeWorksheet(wb.worksheets[20].id);
    const names = wb.worksheets.map((w) => w.name);
    expect(new Set(names).size).toBe(20);
    const markers = wb.worksheets.map((w) => {
      const found = (w.getRow(1).values as unknown[]).map((v) => parseMarker(v)).find((m) => m);
      return found && `${found.specId} ${found.year}`;
    });
    expect(markers).toEqual([...Array(10).fill('target-form 2026'), ...Array(10).fill('self-evaluation 2021')]);
    const first = wb.worksheets[0];
    expect(first.name).toBe('绩效目标-制卡设备更新及维护费');
    expect(first.getCell('B3').value).toBe('制卡设备更新及维护费');
    expect(first.getCell('E7').formula).toBe('SUM(E8:E10)');
    expect(first.getCell('E7').result).toBe(955500);
    const selfEval = wb.worksheets[10];
    expect(selfEval.name.startsWith('绩效自评-')).toBe(true);
    // standard functions by default, so the file computes without the add-in (forms-anywhere.test.ts)
    expect(selfEval.getCell('G6').formula).toBe('IF(D6="","",ROUND(E6/D6,4))');
    expect(log.join('\n')).toContain('10 张绩效目标申报表');
  });

  it('--subtotals rollup keeps the add-in functions; another value is a usage error', async () => {
    const dir = tmpDir('budget-tables-forms-rollup-');
    expect(await main(['forms', '--out', dir, '--subtotals', 'rollup'], () => undefined)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, FORMS_FILE));
    expect(wb.worksheets[10].getCell('G6').formula).toBe('IF(D6="","",BUDGET.EXECRATE(D6,E6))');
    expect(wb.worksheets[0].getCell('H14').formula).toMatch(/^BUDGET\.TARGETCHECK\(/);
    const errors: string[] = [];
    jest.spyOn(console, 'error').mockImplementation((s: string) => void errors.push(s));
    expect(await main(['forms', '--out', dir, '--subtotals', 'values', '--force'], () => undefined)).toBe(2);
    expect(errors.join('\n')).toContain('--subtotals 应为 standard');
  });

  it('check finds the same problems in both flavours, less the hints to replace BUDGET.* formulas', async () => {
    const findings = async (flavour: string) => {
      const dir = tmpDir(`budget-tables-forms-${flavour}-`);
      expect(await main(['forms', '--out', dir, '--subtotals', flavour], () => undefined)).toBe(0);
      const json: string[] = [];
      expect(await main(['check', path.join(dir, FORMS_FILE), '--format', 'json'], (s) => json.push(s))).toBe(1);
      return (JSON.parse(json.join('\n')).findings as { rule: string; sheet: string; cell: string }[]).map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
    };
    const standard = await findings('standard');
    const rollup = await findings('rollup');
    expect(standard).toEqual(rollup.filter((f) => !f.startsWith('budget-formula ')));
    expect(standard.some((f) => f.startsWith('self-rate '))).toBe(true);
    expect(rollup.length - standard.length).toBe(20);
  });

  it('help names the command', async () => {
    const log: string[] = [];
    expect(await main(['help'], (s) => log.push(s))).toBe(0);
    expect(log.join('\n')).toContain('budget-tables forms');
  });

  it('an unwritable --out is one line, exit 2', async () => {
    const errors: string[] = [];
    jest.spyOn(console, 'error').mockImplementation((s: string) => void errors.push(s));
    const file = path.join(tmpDir('budget-tables-forms-'), 'a-file');
    fs.writeFileSync(file, '');
    expect(await main(['forms', '--out', path.join(file, 'sub')], () => undefined)).toBe(2);
    expect(errors).toHaveLength(1);
  });
});

describe('budget-tables forms --from BUDGET.xlsx', () => {
  let budgetDir: string;
  let card: string;
  let police: string;
  beforeAll(async () => {
    budgetDir = tmpDir('budget-tables-from-');
    expect(await main(['sample', '--out', budgetDir], () => undefined)).toBe(0);
    card = path.join(budgetDir, '2021-shanghai-social-security-card-unit.xlsx');
    police = path.join(budgetDir, '2018-shanghai-police-department.xlsx');
  });
  afterEach(() => jest.restoreAllMocks());

  const visible = (wb: ExcelJS.Workbook) => wb.worksheets.filter((w) => w.state !== 'veryHidden');

  it('writes <单位>-绩效表.xlsx with the chosen projects prefilled, plus the self-evaluations and the summary', async () => {
    const out = tmpDir('budget-tables-forms-out-');
    const log: string[] = [];
    const code = await main(
      ['forms', '--from', card, '--projects', '正式居住证制作费，敬老卡制作费', '--self-evaluation', '--summary', '--department', '上海市人力资源和社会保障局', '--out', out],
      (s) => log.push(s),
    );
    expect(code).toBe(0);
    expect(fs.readdirSync(out)).toEqual(['上海市社会保障卡服务中心-绩效表.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, '上海市社会保障卡服务中心-绩效表.xlsx'));
    expect(visible(wb).map((w) => w.name)).toEqual([
      '绩效目标汇总表',
      '绩效目标-正式居住证制作费',
      '绩效目标-敬老卡制作费',
      '绩效自评-正式居住证制作费',
      '绩效自评-敬老卡制作费',
    ]);
    expect(wb.getWorksheet('_BT_LISTS')?.state).toBe('veryHidden');
    const form = wb.getWorksheet('绩效目标-敬老卡制作费')!;
    expect(form.getCell('B3').value).toBe('敬老卡制作费');
    expect(form.getCell('B5').value).toBe('上海市人力资源和社会保障局');
    expect(form.getCell('E5').value).toBe('上海市社会保障卡服务中心');
    expect(form.getCell('E8').value).toBe(2564000);
    expect(form.getCell('E7').result).toBe(2564000);
    expect(parseMarker(form.getCell('G1').value)).toEqual({ specId: 'target-form', level: 'unit', year: 2021 });
    expect(wb.getWorksheet('绩效自评-正式居住证制作费')!.getCell('C7').value).toBe(7958000);
    expect(wb.getWorksheet('绩效目标汇总表')!.getCell('C6').result).toBe(7958000 + 2564000);
    expect(log.join('\n')).toContain('2 张绩效目标申报表，2 张绩效自评表，1 张绩效目标汇总表');
  });

  it('--projects all (the default) gives every U2 project a target form, and --statement its 项目经费情况说明', async () => {
    const out = tmpDir('budget-tables-forms-out-');
    expect(await main(['forms', '--from', card, '--statement', '--out', out], () => undefined)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, '上海市社会保障卡服务中心-绩效表.xlsx'));
    const names = visible(wb).map((w) => w.name);
    expect(names.filter((n) => n.startsWith('绩效目标-'))).toHaveLength(14);
    expect(names.filter((n) => n.startsWith('项目经费情况说明-'))).toHaveLength(14);
    expect(names[0]).toBe('绩效目标-上海市社会保障卡服务中心信息系统(运维)');
    expect(wb.getWorksheet(names[0])!.getCell('E8').value).toBe(4104326);
  });

  it('unknown project names: exit 2 and one message naming them, nothing written', async () => {
    const out = tmpDir('budget-tables-forms-out-');
    const errors: string[] = [];
    jest.spyOn(console, 'error').mockImplementation((s: string) => void errors.push(s));
    expect(await main(['forms', '--from', card, '--projects', '敬老卡制作费,办公楼维修,食堂补贴', '--out', out], () => undefined)).toBe(2);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('找不到以下项目：“办公楼维修”、“食堂补贴”');
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('a workbook without a U2 table, a missing file, or U2 flags without --from: exit 2 with a reason', async () => {
    const out = tmpDir('budget-tables-forms-out-');
    const errors: string[] = [];
    jest.spyOn(console, 'error').mockImplementation((s: string) => void errors.push(s));
    expect(await main(['forms', '--from', police, '--out', out], () => undefined)).toBe(2);
    expect(errors[0]).toContain('没有找到财政拨款项目支出预算表（U2）');
    expect(await main(['forms', '--from', path.join(out, 'none.xlsx'), '--out', out], () => undefined)).toBe(2);
    expect(errors[1]).toContain('无法读取');
    expect(await main(['forms', '--summary', '--out', out], () => undefined)).toBe(2);
    expect(errors[2]).toContain('--summary 需要与 --from');
    expect(await main(['forms', '--from', card], () => undefined)).toBe(2);
    expect(errors[3]).toContain('--out');
  });

  it('splits the project list on commas only: 、 belongs to names', () => {
    expect(splitProjectNames('申领、补换卡网点运行费, 敬老卡制作费，声讯系统运行费,')).toEqual(['申领、补换卡网点运行费', '敬老卡制作费', '声讯系统运行费']);
  });
});
