import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ModelSheet, SheetData } from '../../src/core/model';
import { planWorkbook } from '../../src/core/plan/workbook';
import type { SpecId } from '../../src/core/specs/types';
import { workbookFromPlans } from '../../src/xlsx/writer';
import { readWorkbookFile } from '../../src/xlsx/reader';
import { validateSheets } from '../../src/core/rules/validate';
import { Catalog } from '../../src/core/catalog/catalog';
import { runSample } from '../../src/cli/write';
import { captureCli } from './capture';
import { CARD_2020 } from '../core/previous/fixtures';

/** Issue 16.1–16.2 on the command line: --previous on draft, and compare writing the 上年对比 sheet. */

let dir: string;
const file = (name: string) => path.join(dir, name);
const CARD = () => file('2021-shanghai-social-security-card-unit.xlsx');
const LAST = () => file('2020-card-as-stated.xlsx');

async function writeBudget(sheets: ModelSheet[], out: string): Promise<void> {
  const ctx = { level: sheets[0].context.level!, org: sheets[0].context.org!, year: sheets[0].context.year! };
  const data = Object.fromEntries(sheets.map((s) => [s.specId, s.data])) as Partial<Record<SpecId, SheetData>>;
  const plans = planWorkbook({ ctx, data, specs: sheets.map((s) => s.specId), options: { subtotals: 'values' } });
  await (await workbookFromPlans(plans)).xlsx.writeFile(out);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-tables-compare-'));
  await runSample(dir, () => undefined);
  await writeBudget(CARD_2020(), LAST());
}, 60000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const { run, errors } = captureCli();

describe('budget-tables draft --previous', () => {
  it('states the 2021 unit’s “三公” changes as its text prints them', async () => {
    const r = await run(['draft', CARD(), '--previous', LAST(), '--format', 'text']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2021年“三公”经费预算数为30.42万元，比2020年预算增加23.56万元。其中：');
    expect(r.out).toContain('（一）因公出国（境）费0.00万元，与2020年预算持平。');
    expect(r.out).toContain('公务用车购置及运行费30.02万元，比2020年预算增加23.62万元，主要原因是【请填写增减原因】');
    expect(r.out).toContain('公务接待费0.40万元，比2020年预算减少0.06万元，主要原因是【请填写增减原因】');
    expect(r.out).toContain('财政拨款支出预算4,706万元，比2020年预算减少1,457万元');
  });

  it('a higher threshold asks for fewer reasons (接待费 −13.04 % is under 15 %)', async () => {
    const r = await run(['draft', CARD(), '--previous', LAST(), '--threshold', '15']);
    expect(r.out).toContain('公务接待费0.40万元，比2020年预算减少0.06万元。');
  });

  it('--out adds the 上年对比 sheet and the 政府采购 inputs; check then finds nothing new but what a person must fill', async () => {
    const out = file('card-draft.xlsx');
    const hash = () => crypto.createHash('sha256').update(fs.readFileSync(CARD())).digest('hex');
    const before = hash();
    const r = await run(['draft', CARD(), '--previous', LAST(), '--out', out]);
    expect(r.code).toBe(0);
    expect(hash()).toBe(before);
    expect(r.out).toMatch(/上年对比中 \d+ 处增减须填写原因/);
    const read = await readWorkbookFile(out);
    const cmp = read.sheets.find((s) => s.specId === 'comparison')!;
    expect(cmp.sheetName).toBe('上年对比');
    expect(read.sheets.some((s) => s.specId === 'procurement')).toBe(true);
    const base = validateSheets((await readWorkbookFile(CARD())).sheets, [], Catalog.builtIn()).findings;
    const after = validateSheets(read.sheets, read.issues, Catalog.builtIn()).findings;
    const seen = new Set(base.map((f) => `${f.rule} ${f.sheet} ${f.cell}`));
    const fresh = after.filter((f) => !seen.has(`${f.rule} ${f.sheet} ${f.cell}`));
    // what the draft leaves for a person: its 【请填写…】 and the 原因 cells the 上年对比 asks for
    expect(fresh.filter((f) => f.rule !== 'blank-figure' && f.rule !== 'change-reason')).toEqual([]);
    expect(fresh.filter((f) => f.rule === 'change-reason').every((f) => f.sheet === '上年对比')).toBe(true);
  }, 30000);

  it('refuses a --previous that is not the year before, and --threshold without --previous', async () => {
    expect((await run(['draft', CARD(), '--previous', CARD()])).code).toBe(2);
    expect(errors().join('\n')).toContain('不早于本年');
    expect((await run(['draft', CARD(), '--threshold', '5'])).code).toBe(2);
    expect((await run(['draft', CARD(), '--previous', LAST(), '--threshold', 'abc'])).code).toBe(2);
  });
});

describe('the 政府采购 input block', () => {
  it('blank, the draft asks; filled with the 2021 unit’s figures, it words them as the seed prints them', async () => {
    const out = file('card-procurement.xlsx');
    expect((await run(['draft', CARD(), '--out', out])).code).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('政府采购预算')!;
    expect(ws.getCell('A5').value).toBe('其中：政府采购货物预算');
    // the total left blank: the parts make it
    ws.getCell('B5').value = 496.62;
    ws.getCell('B6').value = 0;
    ws.getCell('B7').value = 482.49;
    const filled = file('card-procurement-filled.xlsx');
    await wb.xlsx.writeFile(filled);
    const r = await run(['draft', filled, '--format', 'text']);
    expect(r.out).toContain('2021年本单位政府采购预算979.11万元，其中：政府采购货物预算496.62万元、政府采购工程预算0万元、政府采购服务预算482.49万元。');
    expect(r.out).toContain('面向中小企业预留政府采购项目预算金额【请填写金额】万元');
  }, 30000);
});

describe('budget-tables compare', () => {
  it('prints the rows that need a reason', async () => {
    const r = await run(['compare', CARD(), '--previous', LAST()]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('公务接待费：上年 0.46，本年 0.40 万元，增减 -0.06（-13.04%）');
    expect(r.out).toContain('其中：公务用车购置费：上年 0.00，本年 23.62 万元，增减 +23.62（上年为 0）');
    expect(r.out).not.toContain('因公出国（境）费：');
  });

  it('--out writes the sheet; a reason typed there is kept when the comparison is made again', async () => {
    const out = file('card-compare.xlsx');
    expect((await run(['compare', CARD(), '--previous', LAST(), '--out', out])).code).toBe(0);
    const first = (await readWorkbookFile(out)).sheets.find((s) => s.specId === 'comparison')!;
    if (first.data.kind !== 'comparison') throw new Error('not read as a comparison');
    const reception = first.data.rows.find((r) => r.key === 'T9:reception')!;
    expect([reception.previous.toFixed(2), reception.current.toFixed(2), reception.rate?.toFixed(2), reception.reasonRequired]).toEqual(['0.46', '0.40', '-13.04', true]);
    // a clerk types the reason, then compares again from that copy
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.getWorksheet('上年对比')!.getCell(`I${reception.row}`).value = '压缩开支';
    const typed = file('card-typed.xlsx');
    await wb.xlsx.writeFile(typed);
    const again = file('card-again.xlsx');
    expect((await run(['compare', typed, '--previous', LAST(), '--out', again])).code).toBe(0);
    const sheets = (await readWorkbookFile(again)).sheets.filter((s) => s.specId === 'comparison');
    expect(sheets.map((s) => s.sheetName)).toEqual(['上年对比', '上年对比 (2)']);
    const second = sheets[1].data;
    expect(second.kind === 'comparison' && second.rows.find((r) => r.key === 'T9:reception')?.reason).toBe('压缩开支');
    // the threshold typed in the sheet is the one a later run keeps (接待费 −13.04 % under 15 %)
    wb.getWorksheet('上年对比')!.getCell('C3').value = 15;
    const fifteen = file('card-fifteen.xlsx');
    await wb.xlsx.writeFile(fifteen);
    expect((await run(['compare', fifteen, '--previous', LAST()])).out).not.toContain('公务接待费：');
    expect((await run(['compare', fifteen, '--previous', LAST(), '--threshold', '10'])).out).toContain('公务接待费：');
    // and the draft words the clerk's reason where it asked for one
    const drafted = await run(['draft', typed, '--previous', LAST(), '--format', 'text']);
    expect(drafted.out).toContain('（三）公务接待费0.40万元，比2020年预算减少0.06万元，主要原因是压缩开支。');
    expect(drafted.out).toContain('比2020年预算增加23.62万元，主要原因是【请填写增减原因】');
  }, 30000);

  it('needs --previous and one file', async () => {
    expect((await run(['compare', CARD()])).code).toBe(2);
    expect((await run(['compare', '--previous', LAST()])).code).toBe(2);
    const h = await run(['compare', '--help']);
    expect(h.out).toContain('budget-tables compare FILE.xlsx --previous LAST.xlsx');
  });
});
