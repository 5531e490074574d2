import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { address } from '../../src/core/plan/a1';
import { plainCell } from '../../src/core/plan/text-cells';
import { planWorkbook } from '../../src/core/plan/workbook';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';

/**
 * The built task pane in Chromium, with test/e2e/fake-office.js served in place of Microsoft's
 * office.js (its CDN address is intercepted in the browser; nothing reaches the internet): no serious or
 * critical axe-core violation in Chinese, English and the dark theme, every control reachable by
 * Tab, the spinner only after half a second with the buttons disabled at once, an error said
 * in plain words, and nothing refused by the Content-Security-Policy (self and the Office.js CDN).
 * Chromium comes from Debian (`apt-get install -y chromium fonts-noto-cjk`); no browser download.
 */

const ROOT = path.join(__dirname, '../..');
const DIST = path.join(ROOT, 'test-output/e2e-dist');
const ORIGIN = 'http://pane.test';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FAKE_OFFICE = fs.readFileSync(path.join(__dirname, 'fake-office.js'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { OFFICE_JS_CDN } = require('../../scripts/office-js-source.js') as { OFFICE_JS_CDN: string };
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.json': 'application/json' };

interface FakeOffice {
  /** sheets a run may read (names and used ranges); without them every run fails */
  sheets?: { name: string; values: unknown[][]; formulas: unknown[][] }[];
  displayLanguage?: string;
  officeTheme?: Record<string, unknown>;
  runDelay?: number;
  errorCode?: string;
  errorMessage?: string;
}

let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`);
  }
  // A build of its own, so the test never runs on a stale dist/ (or races a dev server writing it).
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', DIST], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens the pane as Office would, and collects what the CSP refused. */
async function openPane(fake: FakeOffice, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; refused: string[] }> {
  const context = await browser.newContext({ colorScheme, viewport: { width: 360, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  await page.addInitScript((cfg) => {
    (window as unknown as { __FAKE_OFFICE__: unknown }).__FAKE_OFFICE__ = cfg;
  }, fake);
  // Anything else off the page's origin is refused, never sent (routes added later win).
  const offOrigin: string[] = [];
  await page.route('**/*', (route) => {
    offOrigin.push(route.request().url());
    return route.abort();
  });
  await page.route(OFFICE_JS_CDN, (route) => route.fulfill({ body: FAKE_OFFICE, contentType: 'text/javascript' }));
  await page.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const name = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.join(DIST, name);
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ body: fs.readFileSync(file), contentType: TYPES[path.extname(file)] ?? 'application/octet-stream' });
  });
  await page.goto(`${ORIGIN}/taskpane.html`);
  // Office has answered: the 正在连接 banner is gone and the strings are in
  await page.waitForFunction(() => document.getElementById('banner')?.hidden === true && document.querySelector('h1')?.textContent !== '');
  expect(offOrigin).toEqual([]);
  return { page, refused };
}


const LIGHT_THEME = { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#262626', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#262626', isDarkTheme: false };
const BLACK_THEME = { bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#363636', controlForegroundColor: '#FFFFFF', isDarkTheme: true };

describe('the built task pane', () => {
  test('Chinese Office: Chinese pane, every string filled in, no serious or critical axe violation, nothing refused by the CSP', async () => {
    const { page, refused } = await openPane({ displayLanguage: 'zh-CN', officeTheme: LIGHT_THEME });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.title()).toBe('预算编制助手');
    expect(await page.textContent('#insert')).toBe('插入');
    // the toggle's name starts with what it shows (WCAG 2.5.3), then says what it does
    expect(await page.getAttribute('#lang-toggle', 'aria-label')).toBe('English（切换为英文界面）');
    const empty = await page.$$eval('[data-i18n]', (nodes) => nodes.filter((n) => (n.textContent ?? '').trim() === '').map((n) => n.getAttribute('data-i18n')));
    expect(empty).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    // self, and Microsoft's Office.js CDN for scripts and connections only
    expect(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')).toMatch(
      /^default-src 'self'; script-src 'self' https:\/\/appsforoffice\.microsoft\.com; style-src 'self';.* connect-src 'self' https:\/\/appsforoffice\.microsoft\.com;/,
    );
    expect(refused).toEqual([]);
    await page.context().close();
  }, 60_000);

  test('English Office: English pane; the toggle switches to Chinese and back, still without violations', async () => {
    const { page, refused } = await openPane({ displayLanguage: 'en-US', officeTheme: LIGHT_THEME });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');
    expect(await page.textContent('#insert')).toBe('Insert');
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('#lang-toggle');
    expect(await page.textContent('#insert')).toBe('插入');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.click('#lang-toggle');
    expect(await page.textContent('#insert')).toBe('Insert');
    expect(refused).toEqual([]);
    await page.context().close();
  }, 60_000);

  test('a dark Office theme gives the dark Fluent tokens and Office’s own colours, still readable', async () => {
    const { page, refused } = await openPane({ displayLanguage: 'zh-CN', officeTheme: BLACK_THEME }, 'light');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(38, 38, 38)');
    expect(await seriousViolations(page)).toEqual([]);
    expect(refused).toEqual([]);
    await page.context().close();
  }, 60_000);

  test('no Office theme: the system’s dark mode is followed', async () => {
    const { page } = await openPane({ displayLanguage: 'zh-CN' }, 'dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);

  test('every control is reached with Tab, in document order', async () => {
    const { page } = await openPane({ displayLanguage: 'zh-CN', officeTheme: LIGHT_THEME });
    const expected = await page.$$eval('button, input, select, textarea, a[href], [tabindex="0"]', (nodes) =>
      nodes
        .filter((n) => !(n as HTMLButtonElement).disabled && (n as HTMLElement).offsetParent !== null && n.getAttribute('tabindex') !== '-1')
        // a radio group is one Tab stop: the checked radio
        .filter((n) => !(n instanceof HTMLInputElement && n.type === 'radio' && !n.checked))
        .map((n) => n.id || `${n.tagName.toLowerCase()}:${n.getAttribute('href') ?? (n as HTMLInputElement).value}`),
    );
    expect(expected.length).toBeGreaterThan(20);
    const reached: string[] = [];
    for (let i = 0; i < expected.length + 5; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        if (!a || a === document.body) return '';
        return a.id || `${a.tagName.toLowerCase()}:${a.getAttribute('href') ?? (a as HTMLInputElement).value}`;
      });
      if (id && !reached.includes(id)) reached.push(id);
    }
    expect(reached.slice(0, expected.length)).toEqual(expected);
    await page.context().close();
  }, 60_000);

  test('a slow action: buttons disabled at once, the spinner after half a second, then the error in plain words', async () => {
    const { page, refused } = await openPane({ displayLanguage: 'zh-CN', officeTheme: LIGHT_THEME, runDelay: 1500, errorMessage: 'The request failed.' });
    await page.click('#check');
    const ids = ['insert', 'load-sample', 'check', 'clear-marks', 'freeze', 'forms-load', 'forms-insert'];
    expect(await page.evaluate((list) => list.map((id) => (document.getElementById(id) as HTMLButtonElement).disabled), ids)).toEqual(ids.map(() => true));
    const spinnerShown = () => page.evaluate(() => {
      const s = document.querySelector('#check-output .spinner') as HTMLElement | null;
      return !!s && getComputedStyle(s).display !== 'none';
    });
    expect(await spinnerShown()).toBe(false);
    await page.waitForTimeout(750);
    expect(await spinnerShown()).toBe(true);
    // the Fluent spinner was fetched on demand, under the CSP, and named for screen readers
    expect(await page.evaluate(() => !!customElements.get('fluent-spinner'))).toBe(true);
    expect(await page.getAttribute('#check-output .spinner', 'aria-label')).toBe('正在处理');
    expect(await seriousViolations(page)).toEqual([]);
    await page.waitForSelector('#check-output [role="alert"]', { timeout: 5000 });
    expect(await page.textContent('#check-output [role="alert"]')).toBe('Excel 没能完成校验（The request failed.）。请保存工作簿后再试一次。');
    expect(await spinnerShown()).toBe(false);
    expect(await page.isDisabled('#check')).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('check-output');
    expect(refused).toEqual([]);
    await page.context().close();
  }, 60_000);

  test('绩效表 asked to insert before the projects are read: says what to do and takes focus there, still accessible', async () => {
    const { page, refused } = await openPane({ displayLanguage: 'zh-CN', officeTheme: LIGHT_THEME });
    for (const id of ['forms-section', 'forms-load', 'forms-projects', 'forms-target', 'forms-self', 'forms-statement', 'forms-summary', 'forms-department', 'forms-insert']) {
      expect({ id, present: (await page.$(`#${id}`)) !== null }).toEqual({ id, present: true });
    }
    await page.uncheck('#forms-target');
    await page.click('#forms-insert');
    expect(await page.textContent('#forms-projects-error')).toBe('请先点“读取项目”，再勾选项目；或在下面逐行输入项目。');
    expect(await page.textContent('#forms-kinds-error')).toBe('请至少勾选一种表。');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('forms-load');
    expect(await seriousViolations(page)).toEqual([]);
    // reading needs Excel; the fake's Excel.run fails, and the pane says what to do next
    await page.click('#forms-load');
    await page.waitForSelector('#forms-output [role="alert"]', { timeout: 5000 });
    expect(await page.textContent('#forms-output [role="alert"]')).toBe('Excel 没能读取工作簿（The operation failed.）。请保存工作簿后再点“读取项目”。');
    expect(refused).toEqual([]);
    await page.context().close();
  }, 60_000);

  test('绩效表 with the projects read: one labelled checkbox per project, reachable by Tab, still accessible', async () => {
    // the 2021 card centre's U2 as the pane inserts it, as values and formulas the way Office.js reads them
    const sample = sampleFromSeed(SEED_BUDGETS.find((s) => s.id === '2021-shanghai-social-security-card-unit')!);
    const [u2] = planWorkbook({ ctx: sample.ctx, data: sample.data, specs: ['U2'] });
    const width = Math.max(...u2.cells.map((r) => r.length));
    const grid = u2.cells.map((row) => Array.from({ length: width }, (_, c) => plainCell(row[c] ?? null) ?? ''));
    const values = grid.map((row, r) => row.map((v, c) => (typeof v === 'string' && v.startsWith('=') ? u2.results[address(r + 1, c + 1)] ?? '' : v)));
    const { page, refused } = await openPane({ displayLanguage: 'zh-CN', officeTheme: LIGHT_THEME, sheets: [{ name: u2.name, values, formulas: grid }], runDelay: 100 });
    await page.click('#forms-load');
    await page.waitForSelector('#forms-projects input[type="checkbox"]');
    const labels = await page.$$eval('#forms-projects label', (ls) => ls.map((l) => l.textContent));
    expect(labels).toHaveLength(14);
    expect(labels[1]).toBe('正式居住证制作费（7,958,000.00 元）');
    expect(await page.textContent('#forms-projects-count')).toBe('共 14 个项目，已选 14 个');
    expect(await page.textContent('#forms-load')).toBe('刷新项目');
    expect(await page.textContent('#forms-output')).toBe('读取到 14 个项目，请勾选要插入绩效表的项目。');
    // Tab from the 全选 button reaches 全不选 and then the first project
    await page.focus('#forms-select-all');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('forms-project-0');
    await page.keyboard.press('Space');
    expect(await page.textContent('#forms-projects-count')).toBe('共 14 个项目，已选 13 个');
    expect(await seriousViolations(page)).toEqual([]);
    expect(refused).toEqual([]);
    await page.context().close();
  }, 60_000);

  test('our bundles use no eval, so the CSP needs no unsafe-eval', () => {
    const ours = fs.readdirSync(DIST).filter((f) => /\.js$/.test(f) && !/^(office|excel|o15|custom-functions-runtime)/.test(f));
    expect(ours).toEqual(expect.arrayContaining(['taskpane.js', 'vendor.js', 'functions.js', 'commands.js', 'fluent.js']));
    for (const f of ours) {
      const code = fs.readFileSync(path.join(DIST, f), 'utf8');
      expect({ f, eval: /\beval\(|new Function\(|\bFunction\(["'`]/.test(code) }).toEqual({ f, eval: false });
    }
  });
});
