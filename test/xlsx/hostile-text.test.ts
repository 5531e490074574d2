import { withMadeNames } from '../../src/core/plan/pack';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { BudgetContext, ProjectGroup } from '../../src/core/model';
import { Money } from '../../src/core/money';
import { address } from '../../src/core/plan/a1';
import { planSheet } from '../../src/core/plan/build';
import { planProjectForms, projectChoices } from '../../src/core/plan/prefill';
import { isPlanFormula, isPlanText, MAX_CELL_TEXT } from '../../src/core/plan/text-cells';
import type { SheetPlan } from '../../src/core/plan/types';
import { planWorkbook } from '../../src/core/plan/workbook';
import { tableSpec } from '../../src/core/specs/tables';
import { insertPlans } from '../../src/excel/writer';
import { readWorkbookFile } from '../../src/xlsx/reader';
import { workbookFromPlans } from '../../src/xlsx/writer';
import { createFakeExcel, MODERN_HOST } from '../excel/fake-excel';

/**
 * Names as a hostile or merely unlucky workbook brings them: each must land as the same words,
 * never as a formula, in both writers, and the sheets they name must open in our reader and in
 * LibreOffice.
 */
const LONG = '长'.repeat(40000);
const HOSTILE = [
  "Children's 项目",
  "'引号开头'",
  '"双引号"项目',
  '=HYPERLINK("http://example.invalid","点我")',
  '+1+2',
  "-cmd|' /C calc'!A0",
  '@SUM(1,2)',
  '=1+1',
  '[方括号]/斜杠\\反斜杠:冒号*星号?问号',
  '第一行\n第二行',
  '\u202E逆序项目\u200F',
  'History',
  LONG,
];
const ORG = '=HYPERLINK("http://example.invalid","单位")';
const DEPARTMENT = '@部门+1';
const ctx: BudgetContext = { level: 'unit', org: ORG, year: 2026 };

/** A U2 table listing every hostile name as a project under 2080505. */
function hostileU2(): SheetPlan {
  const projects = HOSTILE.map((name, i) => ({ no: i + 1, name, amount: new Money(1000 * (i + 1)) }));
  const total = projects.reduce((s, p) => s.plus(p.amount), new Money(0));
  const group: ProjectGroup = { code: '2080505', name: '机关事业单位基本养老保险缴费支出', amount: total, projects };
  return planSheet(tableSpec('U2')!, { ...ctx, org: '上海市某单位' }, { kind: 'projects', rows: [group], total });
}

/** Every plan the four planners make from the hostile names. */
async function hostilePlans(dir: string): Promise<{ plans: SheetPlan[]; u2File: string }> {
  const template = planWorkbook({
    ctx,
    projects: HOSTILE.map((subject) => ({ kind: 'text' as const, subject, paragraphs: [subject, `说明：${subject}`] })),
  });
  const u2File = path.join(dir, 'u2.xlsx');
  await (await workbookFromPlans([hostileU2()])).xlsx.writeFile(u2File);
  const { sheets } = await readWorkbookFile(u2File);
  const forms = planProjectForms(ctx, sheets, projectChoices(sheets).map((c) => c.name), { summary: true, selfEvaluation: true, statement: true, department: DEPARTMENT });
  return { plans: [...template, ...forms], u2File };
}

/** `=…` formulas in a workbook that its plans did not plan there (so came from text). */
function unplannedFormulas(wb: ExcelJS.Workbook, plans: SheetPlan[], names: string[]): string[] {
  const out: string[] = [];
  names.forEach((name, i) => {
    const ws = wb.getWorksheet(name);
    if (!ws) return void out.push(`${name}: missing`);
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (!cell.formula) return;
        const planned = plans[i].cells[r - 1]?.[c - 1] ?? null;
        if (!isPlanFormula(planned)) out.push(`${name}!${address(r, c)}: =${cell.formula}`);
      }),
    );
  });
  return out;
}

/** Text cells whose words did not come back as planned (cut at Excel's limit). */
function changedTexts(wb: ExcelJS.Workbook, plans: SheetPlan[], names: string[]): string[] {
  const out: string[] = [];
  names.forEach((name, i) => {
    const ws = wb.getWorksheet(name)!;
    plans[i].cells.forEach((row, r) =>
      row.forEach((v, c) => {
        if (!isPlanText(v)) return;
        const cell = ws.getCell(r + 1, c + 1);
        const got = cell.formula ? `=${cell.formula}` : typeof cell.value === 'object' && cell.value && 'richText' in cell.value ? cell.value.richText.map((t) => t.text).join('') : String(cell.value);
        if (got !== v.text) out.push(`${name}!${address(r + 1, c + 1)}: ${JSON.stringify(got.slice(0, 60))} ≠ ${JSON.stringify(v.text.slice(0, 60))}`);
      }),
    );
  });
  return out;
}

const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => fs.existsSync(p)) ?? null;

describe('hostile names through template, forms, summary and statement', () => {
  let dir: string;
  let plans: SheetPlan[];
  let u2File: string;
  let file: string;
  let names: string[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-tables-hostile-'));
    ({ plans, u2File } = await hostilePlans(dir));
    const wb = await workbookFromPlans(plans);
    names = wb.worksheets.slice(0, plans.length).map((w) => w.name);
    file = path.join(dir, 'hostile.xlsx');
    await wb.xlsx.writeFile(file);
  }, 60000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('plans every hostile string as text; the only formulas are the planner’s own', () => {
    const kinds = new Set(plans.map((p) => p.specId));
    expect([...kinds]).toEqual(expect.arrayContaining(['functions', 'T1', 'U2', 'project', 'target-form', 'self-evaluation', 'target-summary']));
    const texts = plans.flatMap((p) => p.cells.flat().filter(isPlanText).map((t) => t.text));
    for (const h of HOSTILE.slice(0, -1)) expect({ h, found: texts.some((t) => t.includes(h)) }).toEqual({ h, found: true });
    expect(texts).toContain(`编制单位：${ORG}`);
    expect(texts).toContain(DEPARTMENT);
    // the 40,000 characters are cut at Excel's limit of a cell, not refused
    expect(Math.max(...texts.map((t) => t.length))).toBe(MAX_CELL_TEXT);
    // a formula may name a sheet (the summary's links, quoted); outside those names, none holds a hostile text
    const formulas = plans.flatMap((p) => p.cells.flat().filter(isPlanFormula)).map((f) => f.replace(/'(?:[^']|'')*'!/g, ''));
    const leaked = formulas.filter((f) => HOSTILE.some((h) => f.includes(h)) || f.includes(ORG) || f.includes(DEPARTMENT));
    expect(leaked).toEqual([]);
  });

  it('sheet names are safe for Excel and unique; the 40,000-character name is cut to 31', () => {
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const n of names) {
      expect(n.length).toBeGreaterThan(0);
      expect(n.length).toBeLessThanOrEqual(31);
      // eslint-disable-next-line no-control-regex -- a control character is what must not be there
      expect(n).not.toMatch(/[:\\/?*[\]\u0000-\u001f]/);
      expect(n).not.toMatch(/^'|'$/);
      expect(n.toLowerCase()).not.toBe('history');
    }
    expect(names).toContain("绩效目标-Children's 项目");
  });

  it('the ExcelJS file opens in our reader with every text as text and no formula that came from text', async () => {
    await expect(readWorkbookFile(file)).resolves.toBeDefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(unplannedFormulas(wb, plans, names)).toEqual([]);
    expect(changedTexts(wb, plans, names)).toEqual([]);
    // print areas and titles of a sheet with an apostrophe survive the round trip
    const form = wb.getWorksheet("绩效目标-Children's 项目")!;
    expect(form.pageSetup.printArea).toMatch(/^A1:F\d+$/);
    const xml = execFileSync('unzip', ['-p', file, 'xl/workbook.xml']).toString();
    expect(xml).toContain('&apos;绩效目标-Children&apos;&apos;s 项目&apos;!$A$1:$F$');
    const definedNames = /<definedNames>.*<\/definedNames>/s.exec(xml)![0];
    expect(definedNames).not.toMatch(/Children&apos;s/);
  });

  it('the Office.js writer puts the same plans in as text: no formula in a text cell, every name accepted', async () => {
    const { fake, context } = createFakeExcel({ support: MODERN_HOST });
    const { sheets } = await insertPlans(context, plans, MODERN_HOST);
    expect(sheets).toEqual(names);
    const wrong: string[] = [];
    // the 目录 names the sheets as made (withMadeNames), which is what it must hold as text
    const renames = new Map(plans.flatMap((p, i) => (p.name !== sheets[i] ? [[p.name, sheets[i]] as const] : [])));
    plans.map((p) => withMadeNames(p, renames)).forEach((plan, i) =>
      plan.cells.forEach((row, r) =>
        row.forEach((v, c) => {
          const cell = fake.cell(sheets[i], address(r + 1, c + 1));
          if (isPlanText(v) && (cell.formula !== null || cell.value !== v.text)) wrong.push(`${sheets[i]}!${address(r + 1, c + 1)}`);
          if (!isPlanFormula(v) && cell.formula !== null) wrong.push(`${sheets[i]}!${address(r + 1, c + 1)} formula`);
        }),
      ),
    );
    expect(wrong).toEqual([]);
  });

  it('forms --from a U2 with hostile project names writes a workbook our reader opens, with no formula from text', async () => {
    const out = path.join(dir, 'forms');
    const code = await main(['forms', '--from', u2File, '--self-evaluation', '--summary', '--statement', '--department', DEPARTMENT, '--out', out], () => undefined);
    expect(code).toBe(0);
    const [written] = fs.readdirSync(out);
    const outFile = path.join(out, written);
    await expect(readWorkbookFile(outFile)).resolves.toBeDefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outFile);
    const formulas: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void (cell.formula && formulas.push(cell.formula)))));
    expect(formulas.length).toBeGreaterThan(0);
    // a formula may name a sheet (the summary's links); none is a project name or the department
    const bare = formulas.map((f) => f.replace(/'(?:[^']|'')*'!/g, ''));
    expect(bare.filter((f) => /HYPERLINK|SUM\(1,2\)|calc|部门/.test(f))).toEqual([]);
    const form = wb.getWorksheet("绩效目标-Children's 项目")!;
    expect(form.getCell('B3').value).toBe("Children's 项目");
    expect(form.getCell('B5').value).toBe(DEPARTMENT);
    const names2 = wb.worksheets.map((w) => w.name);
    expect(names2.find((n) => n.includes('HYPERLINK'))).toBeDefined();
    expect(wb.worksheets.find((w) => w.name.includes('HYPERLINK') && w.name.startsWith('绩效目标-'))!.getCell('B3').value).toBe(HOSTILE[3]);
  }, 60000);

  it('LibreOffice opens the file: every text comes back as text, no formula from text', async () => {
    if (!soffice) {
      console.warn('soffice not installed: the LibreOffice half of the hostile round trip was not run');
      return;
    }
    const lo = path.join(dir, 'lo');
    fs.mkdirSync(lo);
    execFileSync(soffice, [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'xlsx', '--outdir', lo, file], {
      timeout: 170000,
      stdio: 'ignore',
    });
    const converted = path.join(lo, 'hostile.xlsx');
    expect(fs.existsSync(converted)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(converted);
    expect(wb.worksheets.slice(0, names.length).map((w) => w.name)).toEqual(names);
    expect(unplannedFormulas(wb, plans, names)).toEqual([]);
    expect(changedTexts(wb, plans, names)).toEqual([]);
  }, 180000);
});
