import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { FORM_SAMPLES, FORMS_FILE } from '../../src/cli/forms';
import { main } from '../../src/cli/main';
import { parseRange } from '../../src/core/plan/a1';
import { Money } from '../../src/core/money';
import { executionScore } from '../../src/core/performance/scoring';
import { execRate, gradeOf, isProblem } from '../../src/functions/logic';
import { valuesByLibreOffice } from './libreoffice';

/**
 * The CLI's performance forms open anywhere (issue 14.4): LibreOffice Calc, with no add-in,
 * computes every formula of the seed forms (`forms`), of blank forms prefilled from a budget
 * (`forms --from`), of the same forms after a clerk typed figures in, and of the sample forms,
 * to the figure the add-in's logic (src/functions/logic.ts) or our exact sums give from the same
 * cells; and no cell shows #NAME? or any other error.
 */
jest.setTimeout(300_000);

const ERROR_TEXT = /^(#NAME\?|#VALUE!|#REF!|#DIV\/0!|#N\/A|#NUM!|#NULL!|Err:\d+)$/;

type Grid = string[][];
const at = (grid: Grid, a1: string): string => {
  const { r1, c1 } = parseRange(a1);
  return grid[r1 - 1]?.[c1 - 1] ?? '';
};
const cellsOf = (grid: Grid, range: string): string[] => {
  const { r1, c1, r2, c2 } = parseRange(range);
  const out: string[] = [];
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) out.push(grid[r - 1]?.[c - 1] ?? '');
  return out;
};
/** A cell's number as LibreOffice writes it; a value typed in a percentage format comes as shown (`100%`). */
const figure = (v: string) => (v === '' ? new Money(0) : v.endsWith('%') ? new Money(v.slice(0, -1)).div(100) : new Money(v));

/**
 * The figure a formula cell should show, from the cells LibreOffice holds: the add-in's logic
 * for 执行率 and 自评等级, the scoring rules for 执行率's 得分, exact sums for SUM. null: a formula
 * this test does not know (then the test fails: every formula is checked).
 */
function engineFigure(grid: Grid, formula: string): string | number | null {
  let m = /^SUM\(([^)]*)\)$/.exec(formula);
  if (m) return m[1].split(',').flatMap((r) => cellsOf(grid, r)).reduce((s, v) => s.plus(figure(v)), new Money(0)).toNumber();
  m = /^IF\(([A-Z]+\d+)="","",ROUND\(([A-Z]+\d+)\/\1,4\)\)$/.exec(formula);
  if (m) {
    if (at(grid, m[1]) === '') return '';
    const rate = execRate(figure(at(grid, m[1])).toNumber(), figure(at(grid, m[2])).toNumber());
    return isProblem(rate) ? rate.message : rate;
  }
  m = /^IF\(([A-Z]+\d+)="","",MIN\(10,ROUND\(10\*\1,2\)\)\)$/.exec(formula);
  if (m) return at(grid, m[1]) === '' ? '' : executionScore(figure(at(grid, m[1])).times(100)).toNumber();
  m = /^IF\(([A-Z]+\d+)=0,"","自评等级："&IF\(\1>=90,"优",IF\(\1>=80,"良",IF\(\1>=60,"中","差"\)\)\)\)$/.exec(formula);
  if (m) {
    const total = figure(at(grid, m[1]));
    return total.isZero() ? '' : `自评等级：${gradeOf(total.toNumber()) as string}`;
  }
  return null;
}

/**
 * Every formula cell of every visible sheet (sheet → [address, formula]), and a copy of the file
 * for LibreOffice in which those cells show General: its CSV writes a percentage as shown
 * (`98.28%`), which would hide the digits the 执行率's rounding is about. Nothing else changes.
 */
async function formulasIn(file: string, copy: string): Promise<Record<string, [string, string][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, [string, string][]> = {};
  for (const ws of wb.worksheets.filter((w) => w.state !== 'veryHidden')) {
    out[ws.name] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (!cell.formula) return;
        out[ws.name].push([cell.address, cell.formula]);
        cell.numFmt = 'General';
      }),
    );
  }
  await wb.xlsx.writeFile(copy);
  return out;
}

/** What clerks type into the blank forms: amounts, 分值 and 得分 (the standard forms leave 得分 to them). */
const TYPED: { full: number; executed: number; scores: number[] }[] = [
  // 98.275 % and 100.005 %: half-way cases of the 执行率's rounding
  { full: 40000, executed: 39310, scores: [20, 20, 10, 10, 10, 9.5, 8] },
  { full: 100, executed: 100.005, scores: [15, 15, 10, 10, 9, 8] },
  { full: 17088121, executed: 16792348.27, scores: [30, 30, 5] },
  { full: 8, executed: 0, scores: [] },
  { full: 1000, executed: 982.65, scores: [2.5, 0] },
];

async function typeIntoBlank(blank: string, filled: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(blank);
  const selfEvals = wb.worksheets.filter((w) => w.name.startsWith('绩效自评-'));
  selfEvals.forEach((ws, k) => {
    const t = TYPED[k % TYPED.length];
    ws.getCell('D6').value = t.full;
    ws.getCell('E6').value = t.executed;
    t.scores.forEach((s, i) => {
      ws.getCell(`F${13 + i}`).value = s + 1;
      ws.getCell(`G${13 + i}`).value = s;
    });
  });
  for (const ws of wb.worksheets.filter((w) => w.name.startsWith('绩效目标-'))) {
    ws.getCell('E9').value = 1234.56;
    ws.getCell('E10').value = 0.01;
  }
  await wb.xlsx.writeFile(filled);
  return selfEvals.length;
}

describe('performance forms in LibreOffice, without the add-in', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-tables-forms-anywhere-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('computes every formula as the add-in does, and shows no #NAME?', async () => {
    const seeds = path.join(dir, 'seeds');
    expect(await main(['forms', '--out', seeds], () => undefined)).toBe(0);
    const samples = path.join(dir, 'samples');
    expect(await main(['sample', '--out', samples], () => undefined)).toBe(0);
    const fromDir = path.join(dir, 'from');
    const card = path.join(samples, '2021-shanghai-social-security-card-unit.xlsx');
    expect(await main(['forms', '--from', card, '--self-evaluation', '--out', fromDir], () => undefined)).toBe(0);
    const blank = path.join(fromDir, fs.readdirSync(fromDir)[0]);
    const filled = path.join(dir, 'filled-forms.xlsx');
    expect(await typeIntoBlank(blank, filled)).toBeGreaterThanOrEqual(TYPED.length);
    const files = [path.join(seeds, FORMS_FILE), blank, filled, ...FORM_SAMPLES.map((s) => path.join(samples, s.file))];

    const formulas: Record<string, Record<string, [string, string][]>> = {};
    const copies: Record<string, string> = {};
    fs.mkdirSync(path.join(dir, 'lo'));
    for (const f of files) {
      copies[f] = path.join(dir, 'lo', path.basename(f));
      formulas[f] = await formulasIn(f, copies[f]);
    }
    const read = await valuesByLibreOffice(Object.values(copies), Object.fromEntries(files.map((f) => [copies[f], Object.keys(formulas[f])])));
    const values = Object.fromEntries(files.map((f) => [f, read[copies[f]]]));

    const errors: string[] = [];
    for (const file of files) {
      for (const [sheet, grid] of Object.entries(values[file])) {
        grid.forEach((row, r) => row.forEach((v, c) => ERROR_TEXT.test(v) && errors.push(`${path.basename(file)} ${sheet} R${r + 1}C${c + 1} ${v}`)));
      }
    }
    expect(errors).toEqual([]);

    const wrong: string[] = [];
    const unknown: string[] = [];
    const checked: Record<string, number> = {};
    for (const file of files) {
      for (const [sheet, grid] of Object.entries(values[file])) {
        for (const [a1, formula] of formulas[file][sheet]) {
          const where = `${path.basename(file)} ${sheet}!${a1} =${formula}`;
          const want = engineFigure(grid, formula);
          if (want === null) {
            unknown.push(where);
            continue;
          }
          const shown = at(grid, a1);
          const ok = typeof want === 'number' ? shown !== '' && Number(shown) === want : shown === want;
          if (!ok) wrong.push(`${where}: LibreOffice ${JSON.stringify(shown)}, engine ${JSON.stringify(want)}`);
          const kind = formula.replace(/[A-Z]+\d+/g, '·').slice(0, 12);
          checked[kind] = (checked[kind] ?? 0) + 1;
        }
      }
    }
    expect(unknown).toEqual([]);
    expect(wrong).toEqual([]);
    // every kind of formula was met, more than once
    expect(Object.keys(checked).sort()).toEqual(['IF(·="","",M', 'IF(·="","",R', 'IF(·=0,"","自', 'SUM(·,·:·)', 'SUM(·:·)'].sort());
    expect(Math.min(...Object.values(checked))).toBeGreaterThan(4);

    // The typed figures, by hand: 98.275 % → 98.28 %, 100.005 % → 100.01 % (9.83 and 10 points);
    // 20+20+10+10+10+9.5+8 + 9.83 = 97.33 → 优.
    const grid = values[filled];
    const first = Object.keys(grid).find((s) => s.startsWith('绩效自评-'))!;
    const totalRow = grid[first].findIndex((row) => row[0] === '总分') + 1;
    expect(totalRow).toBeGreaterThan(13);
    expect([at(grid[first], 'G6'), at(grid[first], 'H6'), at(grid[first], `G${totalRow}`), at(grid[first], `H${totalRow}`)]).toEqual(['0.9828', '9.83', '97.33', '自评等级：优']);
    const second = Object.keys(grid).filter((s) => s.startsWith('绩效自评-'))[1];
    expect([at(grid[second], 'G6'), at(grid[second], 'H6')]).toEqual(['1.0001', '10']);
  });
});
