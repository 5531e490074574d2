import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { checkFile } from '../../src/cli/check';
import { Catalog } from '../../src/core/catalog/catalog';
import { planWorkbook } from '../../src/core/plan/workbook';
import { RULES } from '../../src/core/rules/catalog-of-rules';
import { validateSheets } from '../../src/core/rules/validate';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import { insertPlans } from '../../src/excel/writer';
import { validateWorkbook } from '../../src/excel/validate';
import { readWorkbook } from '../../src/xlsx/reader';
import { workbookFromPlans } from '../../src/xlsx/writer';
import { createFakeExcel, MODERN_HOST } from '../excel/fake-excel';

/** Nothing unrecognised or untouched is ready: no false 可以报送 (issue 12, point 2). */

const notFilled = RULES.notFilled.id;
const nothing = RULES.nothingRecognised.id;

describe('nothing unrecognised is ready', () => {
  let dir: string;
  beforeAll(() => void (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-tables-unrecognised-'))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => jest.restoreAllMocks());

  it('a freshly made blank template (CLI template): 不能报送, one 尚未填写 per table, none for T6/T7, exit 1', async () => {
    const file = path.join(dir, 'blank.xlsx');
    expect(await main(['template', '--level', 'unit', '--org', '测试单位', '--year', '2026', '--out', file], () => undefined)).toBe(0);
    const report = await checkFile(file);
    expect(report.ready).toBe(false);
    const unfilled = report.findings.filter((f) => f.rule === notFilled);
    expect(unfilled.every((f) => f.severity === 'error' && f.message.includes('尚未填写'))).toBe(true);
    // one per table, not per row: every unit table but the two that may be empty by right
    expect(unfilled.map((f) => f.sheet).sort()).toEqual(
      ['单位收支总表', '单位收入总表', '单位支出总表', '单位财政拨款收支总表', '单位一般公共预算拨款表', '单位一般公共预算拨款基本支出明细表', '单位“三公”经费和机关运行费预算表', '单位财政拨款支出表', '单位财政拨款项目支出表'].sort(),
    );
    expect(report.findings.filter((f) => f.severity === 'error' && f.rule !== notFilled)).toEqual([]);
    const out: string[] = [];
    jest.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
    expect(await main(['check', file], (s) => out.push(s))).toBe(1);
    expect(out.join('\n')).toContain('不能报送');
  });

  it('a blank template inserted in Excel: not ready, one 尚未填写 per table', async () => {
    const { fake, context } = createFakeExcel({ support: MODERN_HOST });
    await insertPlans(context, planWorkbook({ ctx: { level: 'department', org: '测试部门', year: 2026 } }), MODERN_HOST);
    // as Excel shows an untouched template: every sum and rollup of nothing is 0
    fake.calculate(() => 0);
    const v = await validateWorkbook(context);
    expect(v.ready).toBe(false);
    const bySheet = new Map<string, number>();
    for (const f of v.findings.filter((x) => x.rule === notFilled)) bySheet.set(f.sheet, (bySheet.get(f.sheet) ?? 0) + 1);
    expect(bySheet.size).toBeGreaterThanOrEqual(7);
    expect([...bySheet.values()].every((n) => n === 1)).toBe(true);
  });

  it('one figure typed makes a table filled: its 尚未填写 goes, the other tables keep theirs', async () => {
    const wb = await workbookFromPlans(planWorkbook({ ctx: { level: 'unit', org: '测试单位', year: 2026 }, specs: ['T9', 'T3'] }));
    const before = validateSheets(readWorkbook(wb).sheets, [], Catalog.builtIn()).findings.filter((f) => f.rule === notFilled);
    expect(before.map((f) => f.cell).sort()).toEqual(['A1', 'B6']);
    // a unit with no “三公” at all types 0: a typed 0 is a figure
    const t9 = wb.worksheets.find((w) => w.name.includes('三公'))!;
    for (const c of ['B6', 'C6', 'E6', 'F6', 'G6']) t9.getCell(c).value = 0;
    const after = validateSheets(readWorkbook(wb).sheets, [], Catalog.builtIn()).findings.filter((f) => f.rule === notFilled);
    expect(after.map((f) => f.sheet)).toEqual([wb.worksheets.find((w) => w.name.includes('支出总表'))!.name]);
  });

  it('the seed samples, filled, have no 尚未填写', async () => {
    for (const seed of SEED_BUDGETS) {
      const s = sampleFromSeed(seed);
      const wb = await workbookFromPlans(planWorkbook({ ctx: s.ctx, data: s.data, options: { subtotals: 'values' } }));
      const v = validateSheets(readWorkbook(wb).sheets, [], Catalog.builtIn());
      expect({ seed: seed.id, found: v.findings.filter((f) => f.rule === notFilled || f.rule === nothing) }).toEqual({ seed: seed.id, found: [] });
    }
  });

  it('a workbook with no budget table or form: 不能报送 with one 错误 saying so, exit 1', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('我的清单').addRow(['名称', '数量']);
    wb.getWorksheet('我的清单')!.addRow(['订书机', 3]);
    wb.addWorksheet('空表');
    const file = path.join(dir, 'no-tables.xlsx');
    await wb.xlsx.writeFile(file);
    const report = await checkFile(file);
    expect(report.ready).toBe(false);
    const errors = report.findings.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].rule).toBe(nothing);
    expect(errors[0].message).toContain('没有识别出任何预算表或绩效表');
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await main(['check', file], () => undefined)).toBe(1);
  });

  it('no sheets at all in the model is the same one 错误', () => {
    const v = validateSheets([], [], Catalog.builtIn());
    expect(v.findings.map((f) => `${f.rule} ${f.severity}`)).toEqual([`${nothing} error`]);
    expect(v.ready).toBe(false);
  });
});
