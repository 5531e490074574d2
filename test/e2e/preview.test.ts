import { execFileSync } from 'child_process';
import fs from 'fs';
import type { Server } from 'http';
import path from 'path';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { planWorkbook } from '../../src/core/plan/workbook';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import { address as cellAddress } from '../../src/core/plan/a1';
import { MARK_FILL } from '../../src/excel/marks';
import { planTargetForm, TARGET_CELLS, TARGET_CHECK_COLUMN, TARGET_INDICATOR_COLUMNS } from '../../src/core/plan/forms';
import { projectChoices } from '../../src/core/plan/prefill';
import { SUMMARY_COLUMNS, SUMMARY_FIRST_ROW } from '../../src/core/plan/summary';
import { SELF_EVALUATION, TARGET_FORM } from '../../src/core/specs/forms';
import type { SpecId } from '../../src/core/specs/types';
import { workbookFromPlans } from '../../src/xlsx/writer';
import { seriousViolations } from './axe';
import { t } from '../../src/taskpane/i18n';
import { RULES } from '../../src/core/rules/catalog-of-rules';
import type { DevHost } from '../../src/dev/host/office-host';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPreviewServer } = require('../../scripts/preview-server.js') as {
  startPreviewServer: (o: { root: string; port: number }) => Promise<{ server: Server; url: string }>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkDist } = require('../../scripts/check-dist.js') as { checkDist: (dir: string) => string[] };

/**
 * The preview in headless Chromium (Debian's, never a downloaded one): every flow driven
 * through the task pane's own controls (by id) and the grid, asserting on the workbook the
 * stand-in host holds and on what the pane shows. Screenshots of each step go to
 * test-output/e2e/.
 */
jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist-preview');
const SHOTS = path.join(ROOT, 'test-output', 'e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let browser: Browser;
let server: Server;
let origin: string;
/** every request any page made that did not go to the preview's own server */
const offOrigin: string[] = [];
let shot = 0;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`);
  }
  // Always built from the sources under test, so a stale dist-preview cannot pass.
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--config', 'webpack.preview.config.js'], { cwd: ROOT, stdio: 'pipe' });
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  const started = await startPreviewServer({ root: DIST, port: 0 });
  server = started.server;
  origin = new URL(started.url).origin;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

interface Preview {
  context: BrowserContext;
  page: Page;
  pane: Frame;
}

/** A fresh browser profile (no remembered language) with the preview open and the pane connected. */
async function open(query = ''): Promise<Preview> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  // Nothing may leave the origin: such a request is recorded and refused, never sent.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    offOrigin.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/${query}`);
  await page.waitForSelector('#taskpane');
  const pane = await paneFrame(page);
  await pane.waitForSelector('#banner', { state: 'hidden' }); // Office.onReady said Excel
  expect(errors).toEqual([]);
  return { context, page, pane };
}

async function paneFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('#taskpane');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the task pane frame has no content');
  await frame.waitForLoadState('load');
  return frame;
}

async function screenshot(page: Page, step: string): Promise<void> {
  shot++;
  await page.screenshot({ path: path.join(SHOTS, `${String(shot).padStart(2, '0')}-${step}.png`) });
}

/** Reads the stand-in host's workbook in the page. */
function host<T>(page: Page, f: (host: DevHost) => T): Promise<T> {
  return page.evaluate(`(${f.toString()})(window.__budgetDevHost)`) as Promise<T>;
}

const shown = (page: Page, sheet: string, addr: string) => page.evaluate(([s, a]) => (window as unknown as { __budgetDevHost: DevHost }).__budgetDevHost.workbook.shown(s, a), [sheet, addr] as const);

async function tabs(page: Page): Promise<string[]> {
  return page.$$eval('#sheet-tabs [role="tab"]', (els) => els.map((e) => (e as HTMLElement).dataset.sheet!));
}

async function showSheet(page: Page, name: string): Promise<void> {
  await page.click(`#sheet-tabs [role="tab"][data-sheet="${name}"]`);
  await page.waitForSelector(`#grid table[data-sheet="${name}"]`);
}

/** Types into a cell the way a clerk does here: click it, type in the formula bar, Enter. */
async function typeInto(page: Page, addr: string, text: string): Promise<void> {
  await page.click(`#grid td[data-address="${addr}"]`);
  await page.waitForFunction((a) => document.getElementById('name-box')?.textContent === a, addr);
  await page.fill('#formula-bar', text);
  await page.press('#formula-bar', 'Enter');
}

const cellText = (page: Page, addr: string) => page.textContent(`#grid td[data-address="${addr}"]`);

/** Every marked cell (fill of a finding) and every comment, across the workbook. */
function marksOf(page: Page): Promise<{ fills: string[]; comments: string[] }> {
  return page.evaluate((colors) => {
    const wb = (window as unknown as { __budgetDevHost: DevHost }).__budgetDevHost.workbook;
    const fills: string[] = [];
    for (const s of wb.sheets) for (const [a, c] of s.cells) if (c.fill && colors.includes(c.fill.toUpperCase())) fills.push(`${s.name}!${a}`);
    return { fills, comments: wb.comments.map((c) => `${c.sheet.name}!${c.address}: ${c.content}`) };
  }, Object.values(MARK_FILL).map((c) => c.toUpperCase()));
}

describe('blank templates', () => {
  let p: Preview;
  beforeAll(async () => {
    p = await open();
  });
  afterAll(() => p?.context.close());

  it('opens on an empty workbook with the pane connected to the stand-in Excel', async () => {
    expect(await tabs(p.page)).toEqual(['Sheet1']);
    expect(await p.pane.isEnabled('#insert')).toBe(true);
    // functions.js and commands.js ran on the shim as in Excel's shared runtime
    const registered = await host(p.page, (h) => ({ functions: [...h.functions.keys()].sort(), actions: [...h.actions.keys()] }));
    expect(registered.functions).toEqual(['DIFF', 'EXECRATE', 'GRADE', 'LEVEL', 'NAME', 'PARENT', 'ROLLUP', 'SCORE', 'TARGETCHECK', 'WAN']);
    expect(registered.actions).toEqual(['validateWorkbookCommand']);
    await screenshot(p.page, 'open');
  });

  it('inserts the templates, and a taken name gets (2) without touching the sheet that has it', async () => {
    await p.pane.fill('#org', '测试单位');
    await p.pane.click('#insert');
    await p.pane.waitForSelector('#output.done');
    const made = await tabs(p.page);
    expect(made).toEqual(expect.arrayContaining(['Sheet1', '单位收支总表', '单位收入总表', '单位支出总表', '单位财政拨款项目支出表']));
    expect(await p.pane.textContent('#output')).toContain('单位收入总表');
    await screenshot(p.page, 'templates-inserted');

    await showSheet(p.page, '单位收入总表');
    const input = await host(p.page, (h) => [...h.workbook.sheet('单位收入总表').cells].find(([, c]) => !c.locked && c.numberFormat !== '@')![0]);
    await typeInto(p.page, input, '12345');
    expect(await shown(p.page, '单位收入总表', input)).toBe(12345);
    const before = await host(p.page, (h) => h.workbook.snapshotSheet('单位收入总表'));

    await p.pane.click('#select-none');
    await p.pane.check('#spec-T2');
    await p.pane.click('#insert');
    await p.pane.waitForSelector('#output.done');
    expect(await tabs(p.page)).toContain('单位收入总表 (2)');
    expect(await p.pane.textContent('#output')).toContain('单位收入总表 (2)');
    expect(await host(p.page, (h) => h.workbook.snapshotSheet('单位收入总表'))).toBe(before);
    await screenshot(p.page, 'name-collision');
  });
});

describe('the sample budget', () => {
  const seedIndex = SEED_BUDGETS.findIndex((s) => s.id === '2021-shanghai-social-security-card-unit');
  const sample = sampleFromSeed(SEED_BUDGETS[seedIndex]);
  const t3 = planWorkbook({ ctx: sample.ctx, data: sample.data, specs: ['T3'] })[0];
  const col = t3.layout.amountColumns.total;
  const [first] = t3.layout.dataRows;
  const lei = cellAddress(first, col); // 204 公共安全支出
  const kuan = cellAddress(first + 1, col); // 20402 公安
  const xiang = cellAddress(first + 2, col); // 2040202 一般行政管理事务
  const total = cellAddress(t3.layout.totalRow!, col);
  let p: Preview;
  let marksBefore: { fills: string[]; comments: string[] };

  beforeAll(async () => {
    p = await open();
  });
  afterAll(() => p?.context.close());

  it('loads the sample into the workbook, with the rollups calculated to the published figures', async () => {
    await p.pane.selectOption('#sample', String(seedIndex));
    await p.pane.click('#load-sample');
    await p.pane.waitForSelector('#output.done');
    expect(await tabs(p.page)).toContain(t3.name);
    await showSheet(p.page, t3.name);
    expect(await p.page.getAttribute(`#grid td[data-address="${kuan}"]`, 'data-formula')).toMatch(/BUDGET\.ROLLUP\(INDEX\(/);
    expect(await p.page.getAttribute(`#grid td[data-address="${kuan}"]`, 'title')).toContain(`${kuan}: =IF(ROW(`); // the formula on hover
    expect(await cellText(p.page, kuan)).toBe('44,119,958');
    expect(await cellText(p.page, total)).toBe('47,061,988');
    marksBefore = await marksOf(p.page);
    await screenshot(p.page, 'sample-loaded');
  });

  it('moves the 款, 类 and 合计 rollups when an amount is typed into a 项 row', async () => {
    await typeInto(p.page, xiang, '30518606'); // 29,518,606 + 1,000,000
    await p.page.waitForFunction((a) => document.querySelector(`#grid td[data-address="${a}"]`)?.textContent === '30,518,606', xiang);
    expect(await cellText(p.page, kuan)).toBe('45,119,958');
    expect(await cellText(p.page, lei)).toBe('45,119,958');
    expect(await cellText(p.page, total)).toBe('48,061,988');
    expect(await shown(p.page, t3.name, total)).toBe(48061988);
    await screenshot(p.page, 'amount-typed');
  });

  it('refuses typing into a locked cell of the protected sheet', async () => {
    const formula = await host(p.page, (h) => h.workbook.snapshotSheet(h.workbook.activeSheet!));
    // typed straight into the grid this time, as in Excel: select, a character, Enter
    // each step waits for the state the next one needs (the cell selected, the character in
    // the bar, the message shown), never for a time: under load these come late, not never
    await p.page.click(`#grid td[data-address="${kuan}"]`);
    await p.page.waitForSelector(`#grid td.selected[data-address="${kuan}"]`);
    await p.page.keyboard.press('1');
    await p.page.waitForFunction(() => (document.querySelector('#formula-bar') as HTMLInputElement | null)?.value === '1');
    await p.page.keyboard.press('Enter');
    await p.page.waitForSelector('#grid-message:not([hidden])');
    await p.page.waitForFunction(() => (document.querySelector('#grid-message')?.textContent ?? '').includes('受保护'));
    expect(await host(p.page, (h) => h.workbook.snapshotSheet(h.workbook.activeSheet!))).toBe(formula);
    expect(await cellText(p.page, kuan)).toBe('45,119,958');
    await screenshot(p.page, 'locked-cell');
    await p.page.keyboard.press('ArrowDown'); // the message belongs to the refused cell
    await p.page.waitForSelector(`#grid td.selected[data-address="${xiang}"]`);
    await p.page.waitForSelector('#grid-message', { state: 'hidden' });
  });

  it('validates from the pane: marks in the grid and the findings listed by sheet', async () => {
    await p.pane.click('#check');
    await p.pane.waitForSelector('#check-output:not([aria-busy]) .output-title');
    expect(await p.pane.getAttribute('#check-output', 'class')).toContain('error'); // 不能报送: the 项 no longer adds up
    const findings = await p.pane.$$('#check-output button.link');
    expect(findings.length).toBeGreaterThan(0);
    const marks = await marksOf(p.page);
    expect(marks.fills.some((f) => f.startsWith(`${t3.name}!`))).toBe(true);
    expect(marks.comments.length).toBeGreaterThan(0);
    await showSheet(p.page, t3.name);
    expect(await p.page.$$eval('#grid td[data-fill]', (tds) => tds.length)).toBeGreaterThan(0);
    expect(await p.page.$$eval('#grid td.has-comment', (tds) => tds.length)).toBeGreaterThan(0);
    await screenshot(p.page, 'validated');
  });

  it('takes a finding to its cell: the sheet shown, the cell selected', async () => {
    const groups = await p.pane.$$('#check-output details.check-sheet');
    const target = groups[groups.length - 1];
    const sheet = ((await target.$eval('summary', (s) => s.textContent)) ?? '').replace(/（\d+）$/, '');
    const button = (await target.$('button.link'))!;
    const cell = (await button.getAttribute('data-cell'))!;
    expect(await button.getAttribute('data-sheet')).toBe(sheet);
    expect(((await button.textContent()) ?? '').trim().startsWith(cell)).toBe(true);
    await showSheet(p.page, sheet === t3.name ? 'Sheet1' : t3.name); // start elsewhere
    await button.click();
    await p.page.waitForSelector(`#grid table[data-sheet="${sheet}"] td.selected[data-address="${cell}"]`);
    expect(await p.page.textContent('#name-box')).toBe(cell);
    expect(await host(p.page, (h) => h.workbook.selected)).toBe(`${sheet}!${cell}`);
    await screenshot(p.page, 'finding-selected');
  });

  it('the findings’ rule headings follow the language toggle; the findings themselves do not change', async () => {
    const groups = () =>
      p.pane.$$eval('#check-output .check-rule', (gs) =>
        gs.map((g) => ({ rule: (g as HTMLElement).dataset.rule ?? '', title: g.querySelector('.check-rule-title')?.textContent ?? '', findings: Array.from(g.querySelectorAll('button.link'), (b) => b.textContent) })),
      );
    const zh = await groups();
    expect(zh.length).toBeGreaterThan(0);
    const spec = (id: string) => Object.values(RULES).find((r) => r.id === id)!;
    for (const g of zh) expect(g.title).toContain(spec(g.rule).description);
    await p.pane.click('#lang-toggle');
    expect(await p.pane.getAttribute('html', 'lang')).toBe('en-US');
    const en = await groups();
    expect(en.map((g) => [g.rule, g.findings])).toEqual(zh.map((g) => [g.rule, g.findings]));
    for (const g of en) {
      expect(g.title).toContain(spec(g.rule).descriptionEn);
      expect(g.title).not.toContain(spec(g.rule).description);
    }
    await screenshot(p.page, 'validated-en');
    await p.pane.click('#lang-toggle');
    expect((await groups()).map((g) => g.title)).toEqual(zh.map((g) => g.title));
  });

  it('清除标记 puts back the fills and comments that were there before', async () => {
    await p.pane.click('#clear-marks');
    await p.pane.waitForSelector('#check-output.info');
    expect(await marksOf(p.page)).toEqual(marksBefore);
    expect(await p.page.$$eval('#grid td.has-comment', (tds) => tds.length)).toBe(0);
    await screenshot(p.page, 'marks-cleared');
  });

  it('the ribbon 校验 button validates and marks without the pane', async () => {
    await p.page.click('#ribbon-validate');
    await p.page.waitForFunction(() => document.getElementById('ribbon-status')?.textContent === '校验完成');
    expect((await marksOf(p.page)).fills.length).toBeGreaterThan(0);
    await screenshot(p.page, 'ribbon-validated');
    await p.pane.click('#clear-marks');
    await p.pane.waitForSelector('#check-output.info');
    expect(await marksOf(p.page)).toEqual(marksBefore);
  });

  it('公式转为数值 asks first; 取消 changes nothing, 确定 turns every BUDGET formula into its value', async () => {
    const budgetFormulas = () => host(p.page, (h) => h.workbook.sheets.flatMap((s) => [...s.cells].filter(([, c]) => /BUDGET\./i.test(c.formula ?? '')).map(([a]) => `${s.name}!${a}`)));
    const count = (await budgetFormulas()).length;
    expect(count).toBeGreaterThan(0);
    await p.pane.click('#freeze');
    await p.pane.waitForSelector('#freeze-cancel');
    await screenshot(p.page, 'prepare-confirm');
    await p.pane.click('#freeze-cancel');
    expect((await budgetFormulas()).length).toBe(count);

    await p.pane.click('#freeze');
    await p.pane.click('#freeze-ok');
    await p.pane.waitForSelector('#freeze-output.done');
    expect(await budgetFormulas()).toEqual([]);
    await showSheet(p.page, t3.name);
    expect(await p.page.getAttribute(`#grid td[data-address="${kuan}"]`, 'data-formula')).toBeNull();
    expect(await shown(p.page, t3.name, kuan)).toBe(45119958);
    expect(await shown(p.page, t3.name, total)).toBe(48061988);
    expect(await p.pane.textContent('#freeze-output')).toContain(String(count));
    await screenshot(p.page, 'prepared');
  });
});

describe('performance forms from the unit’s project list (U2)', () => {
  const seedIndex = SEED_BUDGETS.findIndex((s) => s.id === '2021-shanghai-social-security-card-unit');
  const sample = sampleFromSeed(SEED_BUDGETS[seedIndex]);
  const choices = projectChoices([{ sheetName: 'U2', specId: 'U2', context: sample.ctx, data: sample.data.U2! }]);
  const [one, two] = choices;
  const DEPARTMENT = '上海市人力资源和社会保障局';
  const formOf = (name: string) => TARGET_FORM.sheetPrefix + name;
  let p: Preview;

  beforeAll(async () => {
    p = await open();
    await p.pane.selectOption('#sample', String(seedIndex));
    await p.pane.click('#load-sample');
    await p.pane.waitForSelector('#output.done');
  });
  afterAll(() => p?.context.close());

  it('reads the U2 projects into the pane and inserts the chosen forms, prefilled, with the 汇总表 linking to them', async () => {
    await p.pane.click('#forms-load');
    await p.pane.waitForSelector('#forms-projects:not([hidden]) input[type="checkbox"]');
    const labels = await p.pane.$$eval('#forms-projects label', (ls) => ls.map((l) => (l.textContent ?? '').trim()));
    expect(labels).toHaveLength(choices.length);
    expect(labels[0]).toContain(one.name);
    await p.pane.click('#forms-select-none');
    const boxes = await p.pane.$$('#forms-projects input[type="checkbox"]');
    await boxes[0].check();
    await boxes[1].check();
    await p.pane.check('#forms-self');
    await p.pane.check('#forms-summary');
    await p.pane.fill('#forms-department', DEPARTMENT);
    await p.pane.click('#forms-insert');
    await p.pane.waitForSelector('#forms-output.done');
    const sheets = await tabs(p.page);
    for (const name of ['绩效目标汇总表', formOf(one.name), formOf(two.name), SELF_EVALUATION.sheetPrefix + one.name]) expect(sheets).toContain(name);
    // prefilled from U2: name, 当年财政拨款, 年度资金申请总额 (its SUM, calculated), 主管部门, 实施单位
    expect(await shown(p.page, formOf(one.name), TARGET_CELLS.projectName)).toBe(one.name);
    expect(await shown(p.page, formOf(one.name), TARGET_CELLS.annualFiscal)).toBe(one.amount!.toNumber());
    expect(await shown(p.page, formOf(one.name), TARGET_CELLS.annualTotal)).toBe(one.amount!.toNumber());
    expect(await shown(p.page, formOf(one.name), TARGET_CELLS.department)).toBe(DEPARTMENT);
    expect(await shown(p.page, formOf(one.name), TARGET_CELLS.unit)).toBe(sample.ctx.org);
    // the 汇总表 rows are formulas over the forms, calculated by the engine
    const row = SUMMARY_FIRST_ROW + 1;
    expect(await shown(p.page, '绩效目标汇总表', cellAddress(row, SUMMARY_COLUMNS.name))).toBe(two.name);
    expect(await shown(p.page, '绩效目标汇总表', cellAddress(row, SUMMARY_COLUMNS.amount))).toBe(two.amount!.toNumber());
    expect(await p.pane.textContent('#forms-output')).toContain(formOf(one.name));
    await showSheet(p.page, formOf(one.name));
    await screenshot(p.page, 'forms-inserted');
  });

  it('says beside the cell, as it is typed, a target that does not read, and falls silent once it does', async () => {
    const sheet = formOf(one.name);
    const plan = planTargetForm(sample.ctx);
    const [first] = plan.layout.dataRows; // 成本指标 / 经济成本, the first skeleton row
    const target = cellAddress(first, TARGET_INDICATOR_COLUMNS.target);
    const check = cellAddress(first, TARGET_CHECK_COLUMN);
    await showSheet(p.page, sheet);
    expect(await cellText(p.page, check)).toBe('');
    await typeInto(p.page, cellAddress(first, TARGET_INDICATOR_COLUMNS.level3), '人均运维成本');
    await typeInto(p.page, target, '90');
    await p.page.waitForFunction((a) => /缺少比较符和单位/.test(document.querySelector(`#grid td[data-address="${a}"]`)?.textContent ?? ''), check);
    await screenshot(p.page, 'forms-target-said');
    await typeInto(p.page, target, '≤90.00(元)');
    await p.page.waitForFunction((a) => document.querySelector(`#grid td[data-address="${a}"]`)?.textContent === '', check);
  });

  it('校验 lists the forms’ findings with the tables’, and the findings list has no serious or critical axe violation', async () => {
    await p.pane.click('#check');
    await p.pane.waitForSelector('#check-output:not([aria-busy]) .output-title');
    const groups = await p.pane.$$eval('#check-output details.check-sheet summary', (ss) => ss.map((s) => (s.textContent ?? '').replace(/（\d+）$/, '')));
    // the skeleton forms have no 三级 under most 一级 yet: each is a finding at its sheet
    expect(groups).toContain(formOf(two.name));
    // the 汇总表 is read and agrees with its forms: no finding of its own
    expect(groups).not.toContain('绩效目标汇总表');
    expect(await p.pane.textContent('#check-output')).not.toContain('#VALUE!');
    await p.pane.$$eval('#check-output details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await seriousViolations(p.pane)).toEqual([]);
    await screenshot(p.page, 'forms-validated');
  });
});

describe('a pane that leads the clerk (issue 15 point 4), 汇总所属单位 (17) and 起草说明 (16)', () => {
  const seed = SEED_BUDGETS.find((s) => s.id === '2021-shanghai-social-security-card-unit')!;
  const sample = sampleFromSeed(seed);
  const DEPT = '上海市公安局';
  let p: Preview;
  let unitFile: string;
  let lastYearFile: string;
  const sheetHas = (sheet: string, text: string) =>
    p.page.evaluate(
      ([s, t]) => [...(window as unknown as { __budgetDevHost: DevHost }).__budgetDevHost.workbook.sheet(s).cells.values()].some((c) => String(c.value ?? '').includes(t)),
      [sheet, text] as const,
    );

  beforeAll(async () => {
    const wb = await workbookFromPlans(planWorkbook({ ctx: sample.ctx, data: sample.data, specs: Object.keys(sample.data) as SpecId[], options: { subtotals: 'values' } }));
    unitFile = path.join(SHOTS, '上海市社会保障卡服务中心.xlsx');
    await wb.xlsx.writeFile(unitFile);
    // last year's workbook for 上年对比: the same figures a year earlier, so every change is 持平
    const last = await workbookFromPlans(planWorkbook({ ctx: { ...sample.ctx, year: sample.ctx.year - 1 }, data: sample.data, specs: Object.keys(sample.data) as SpecId[], options: { subtotals: 'values' } }));
    lastYearFile = path.join(SHOTS, '上年预算.xlsx');
    await last.xlsx.writeFile(lastYearFile);
    p = await open();
  });
  afterAll(() => p?.context.close());

  it('the subtitle, the name’s label and the hints follow the level; 汇总所属单位 shows for a department', async () => {
    expect(await p.pane.textContent('.app-subtitle')).toBe(t('zh-CN', 'app.subtitle.unit'));
    expect(await p.pane.isHidden('#consolidate-section')).toBe(true);
    await p.pane.check('input[name="level"][value="department"]');
    expect(await p.pane.textContent('.app-subtitle')).toBe(t('zh-CN', 'app.subtitle.department'));
    expect(await p.pane.textContent('#org-label')).toBe(t('zh-CN', 'field.org.department'));
    expect(await p.pane.textContent('#forms-hint')).toBe(t('zh-CN', 'hint.forms.department'));
    expect(await p.pane.textContent('#check-hint')).toBe(t('zh-CN', 'hint.check.department'));
    expect(await p.pane.isVisible('#consolidate-section')).toBe(true);
    // each button that needs an earlier step says which, beside it
    expect(await p.pane.textContent('#consolidate-needs')).toBe(t('zh-CN', 'consolidate.needs.org'));
    expect(await p.pane.textContent('#forms-insert-needs')).toContain('请先点“读取项目”');
    await screenshot(p.page, 'lead-department');
  });

  it('the 插入 button stays in view below the long checklist', async () => {
    const box = await p.page.$('#taskpane');
    const frame = (await box!.boundingBox())!;
    const button = (await (await p.pane.$('#insert'))!.boundingBox())!;
    expect(button.y + button.height).toBeLessThanOrEqual(frame.y + frame.height + 1);
  });

  it('财政级次 reaches the glossary; a 校验 result is marked out of date once sheets are inserted', async () => {
    expect(await p.pane.inputValue('#tier')).toBe('市级');
    await p.pane.selectOption('#tier', '区级');
    await p.pane.fill('#org', DEPT);
    await p.pane.fill('#year', '2021');
    await p.pane.click('#select-none');
    await p.pane.check('#spec-glossary');
    await p.pane.click('#insert');
    await p.pane.waitForSelector('#output.done');
    expect(await sheetHas('名词解释', '区级预算主管部门')).toBe(true);
    expect(await sheetHas('名词解释', '市级预算主管部门')).toBe(false);
    await p.pane.click('#check');
    await p.pane.waitForSelector('#check-output:not([aria-busy]) .output-title');
    expect(await p.pane.$('#check-output .stale-note')).toBeNull();
    await p.pane.click('#spec-T9');
    await p.pane.click('#spec-glossary');
    await p.pane.click('#insert');
    await p.pane.waitForSelector('#output.done');
    await p.pane.waitForSelector('#check-output.stale .stale-note');
    expect(await p.pane.textContent('#check-output .stale-note')).toBe(t('zh-CN', 'check.stale'));
  });

  it('插入绩效表 before any project says to read them first; typing a project clears it, and its form is made', async () => {
    await p.pane.click('#forms-insert');
    await p.pane.waitForSelector('#forms-projects-error:not([hidden])');
    expect(await p.pane.textContent('#forms-projects-error')).toBe(t('zh-CN', 'forms.error.notLoaded'));
    expect(await p.pane.textContent('#forms-output')).toContain('还有 1 处');
    await p.pane.fill('#forms-typed', '警务信息系统运维 1,200,000');
    await p.pane.waitForSelector('#forms-projects-error', { state: 'hidden' });
    expect(await p.pane.isHidden('#forms-output')).toBe(true);
    expect(await p.pane.isHidden('#forms-insert-needs')).toBe(true);
    await p.pane.click('#forms-insert');
    await p.pane.waitForSelector('#forms-output.done');
    expect(await tabs(p.page)).toContain(TARGET_FORM.sheetPrefix + '警务信息系统运维');
    expect(await shown(p.page, TARGET_FORM.sheetPrefix + '警务信息系统运维', TARGET_CELLS.annualFiscal)).toBe(1200000);
  });

  it('汇总所属单位: the same unit picked twice is shown before summing; 仍然汇总 inserts the department’s tables and 分单位明细', async () => {
    await p.pane.setInputFiles('#consolidate-files', [unitFile, unitFile]);
    await p.pane.waitForSelector('#consolidate-needs', { state: 'hidden' });
    expect(await p.pane.textContent('#consolidate-count')).toBe(t('zh-CN', 'consolidate.files', { n: 2 }));
    await p.pane.click('#consolidate-run');
    await p.pane.waitForSelector('#consolidate-cancel');
    expect(await p.pane.textContent('#consolidate-output')).toContain('出现两次');
    await screenshot(p.page, 'consolidate-screened');
    const before = await tabs(p.page);
    await p.pane.click('#consolidate-cancel');
    await p.pane.waitForSelector('#consolidate-output.info');
    expect(await tabs(p.page)).toEqual(before);
    await p.pane.click('#consolidate-run');
    await p.pane.click('#consolidate-go');
    await p.pane.waitForSelector('#consolidate-output.done');
    const made = await tabs(p.page);
    expect(made).toContain('分单位明细');
    // the 名词解释 inserted above keeps its name: the department's takes a free one
    expect(made).toContain('名词解释 (2)');
    expect(await p.pane.textContent('#consolidate-output')).toContain('上海市社会保障卡服务中心');
    await showSheet(p.page, '分单位明细');
    await screenshot(p.page, 'consolidated');
  });

  it('所选单元格的单位构成 names the units of the selected department figure, from 分单位明细', async () => {
    const cell = await host(p.page, (h) => [...h.workbook.sheet('部门支出总表').cells].find(([, c]) => c.value === 29518606)?.[0] ?? '');
    expect(cell).not.toBe('');
    await showSheet(p.page, '部门支出总表');
    await p.page.click(`#grid td[data-address="${cell}"]`);
    await p.pane.click('#shares-run');
    await p.pane.waitForSelector('#shares-output.info');
    expect(await p.pane.textContent('#shares-output')).toContain('上海市社会保障卡服务中心：29,518,606.00');
    await screenshot(p.page, 'shares');
  });

  it('起草说明 drafts from the department’s tables into new sheets, leaving the outline sheets as they were', async () => {
    const outline = await host(p.page, (h) => h.workbook.snapshotSheet('部门编制说明'));
    await p.pane.click('#draft-run');
    await p.pane.waitForSelector('#draft-output.done');
    expect(await tabs(p.page)).toContain('部门编制说明 (2)');
    expect(await host(p.page, (h) => h.workbook.snapshotSheet('部门编制说明'))).toBe(outline);
    expect(await sheetHas('部门编制说明 (2)', '4,706万元')).toBe(true);
    await screenshot(p.page, 'drafted');
    await p.pane.click('#lang-toggle');
    expect(await p.pane.textContent('.app-subtitle')).toBe(t('en-US', 'app.subtitle.department'));
    await screenshot(p.page, 'lead-en');
    await p.pane.click('#lang-toggle');
  });

  it('起草说明 with last year’s workbook picked states the changes and inserts the 上年对比 sheet', async () => {
    await p.pane.setInputFiles('#draft-previous', lastYearFile);
    expect(await p.pane.textContent('#draft-previous-name')).toBe(t('zh-CN', 'draft.previousPicked', { file: '上年预算.xlsx' }));
    await p.pane.fill('#draft-threshold', '十');
    await p.pane.click('#draft-run');
    await p.pane.waitForSelector('#draft-output.error');
    expect(await p.pane.textContent('#draft-output')).toContain(t('zh-CN', 'draft.threshold'));
    await p.pane.fill('#draft-threshold', '10');
    const before = await tabs(p.page);
    await p.pane.click('#draft-run');
    await p.pane.waitForSelector('#draft-output.done');
    const made = (await tabs(p.page)).filter((n) => !before.includes(n));
    expect(made).toContain('上年对比');
    const explanation = made.find((n) => n.startsWith('部门编制说明'))!;
    const year = sample.ctx.year - 1;
    expect(await sheetHas(explanation, `与${year}年预算持平`)).toBe(true);
    expect(await sheetHas(explanation, '增加或减少…万元')).toBe(false);
    await showSheet(p.page, '上年对比');
    await screenshot(p.page, 'drafted-previous');
  });
});

describe('language', () => {
  it('follows Office’s display language: zh-CN', async () => {
    const p = await open('?displayLanguage=zh-CN');
    expect(await p.pane.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await p.pane.textContent('#check')).toBe(t('zh-CN', 'button.check'));
    await screenshot(p.page, 'display-zh');
    await p.context.close();
  });

  it('follows Office’s display language: en-US', async () => {
    const p = await open('?displayLanguage=en-US');
    expect(await p.pane.getAttribute('html', 'lang')).toBe('en-US');
    expect(await p.pane.textContent('#check')).toBe(t('en-US', 'button.check'));
    await screenshot(p.page, 'display-en');
    await p.context.close();
  });

  it('the toggle switches the pane and is remembered over Office’s language', async () => {
    const p = await open('?displayLanguage=zh-CN');
    await p.pane.click('#lang-toggle');
    expect(await p.pane.getAttribute('html', 'lang')).toBe('en-US');
    expect(await p.pane.textContent('#insert')).toBe(t('en-US', 'button.insert'));
    await screenshot(p.page, 'toggle-en');
    await p.page.selectOption('#display-language', 'zh-CN'); // the pane starts again
    const pane = await paneFrame(p.page);
    await pane.waitForSelector('#banner', { state: 'hidden' });
    expect(await pane.getAttribute('html', 'lang')).toBe('en-US');
    await pane.click('#lang-toggle');
    expect(await pane.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await pane.textContent('#insert')).toBe(t('zh-CN', 'button.insert'));
    await p.context.close();
  });
});

describe('the preview itself', () => {
  it('made every request to its own origin', () => {
    expect(shot).toBeGreaterThan(10); // the flows above ran
    expect(offOrigin).toEqual([]);
  });

  it('is a bundle the production guard would refuse', () => {
    expect(checkDist(DIST).some((p) => p.includes('HyperFormula'))).toBe(true);
  });
});
