import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { FORMS_FILE } from '../../src/cli/forms';
import { main } from '../../src/cli/main';
import { parseMarker } from '../../src/core/plan/marker';

describe('budget-tables forms', () => {
  afterEach(() => jest.restoreAllMocks());

  it('writes one workbook with the ten 2026 target forms then the ten 2021 self-evaluations', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-tables-forms-'));
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
    expect(selfEval.getCell('G6').formula).toBe('BUDGET.EXECRATE(D6,E6)');
    expect(log.join('\n')).toContain('10 张绩效目标申报表');
  });

  it('help names the command', async () => {
    const log: string[] = [];
    expect(await main(['help'], (s) => log.push(s))).toBe(0);
    expect(log.join('\n')).toContain('budget-tables forms');
  });

  it('an unwritable --out is one line, exit 2', async () => {
    const errors: string[] = [];
    jest.spyOn(console, 'error').mockImplementation((s: string) => void errors.push(s));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'budget-tables-forms-')), 'a-file');
    fs.writeFileSync(file, '');
    expect(await main(['forms', '--out', path.join(file, 'sub')], () => undefined)).toBe(2);
    expect(errors).toHaveLength(1);
  });
});
