import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { SheetPlan } from '../../src/core/plan/types';
import { planWorkbook } from '../../src/core/plan/workbook';
import { readRollupInput, rollupTotal, rollupUnder } from '../../src/core/rollup';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import { workbookFromPlans } from '../../src/xlsx/writer';
import { valuesByLibreOffice } from './libreoffice';

/**
 * The CLI's templates open anywhere (issue 14.4): LibreOffice Calc, with no add-in, computes
 * every 类/款/合计 of a blank template, of one a clerk filled in, and of the seed budgets
 * planned with the standard subtotal formulas, to the figure our own engine (src/core/rollup,
 * what BUDGET.ROLLUP computes) gives from the same cells; and no cell shows #NAME? or any
 * other error.
 */
jest.setTimeout(300_000);

const ERROR_TEXT = /^(#NAME\?|#VALUE!|#REF!|#DIV\/0!|#N\/A|#NUM!|#NULL!|Err:\d+)$/;

/** The coded tables, whose 类/款/合计 are subtotal formulas (U2's 合计 adds its project rows by 序号 instead). */
const coded = (plans: SheetPlan[]) => plans.filter((p) => p.specId !== 'U2' && (p.layout.codeColumns ?? 0) >= 2 && p.layout.totalRow !== undefined);

/** The engine's figure for the subtotal at (row, col), from the cells as LibreOffice holds them. */
function engineFigure(grid: string[][], plan: SheetPlan, row: number, col: number): number {
  const n = plan.layout.codeColumns!;
  const total = plan.layout.totalRow!;
  const anchor = row === total ? plan.layout.headerRows![1] : row;
  const at = (r: number, c: number) => grid[r - 1]?.[c - 1] ?? '';
  const codes: string[][] = [];
  const amounts: string[][] = [];
  for (let r = anchor + 1; r < total; r++) {
    codes.push(Array.from({ length: n }, (_, j) => at(r, j + 1)));
    amounts.push([at(r, col)]);
  }
  const input = readRollupInput(codes, amounts);
  if ('error' in input) throw new Error(`${plan.name} R${row}C${col}: ${input.error}`);
  const own = Array.from({ length: n }, (_, j) => at(row, j + 1)).join('');
  return (row === total ? rollupTotal(input.rows) : rollupUnder(input.rows, own)).toNumber();
}

function errorsIn(grids: Record<string, string[][]>): string[] {
  const found: string[] = [];
  for (const [sheet, grid] of Object.entries(grids)) grid.forEach((row, r) => row.forEach((v, c) => ERROR_TEXT.test(v) && found.push(`${sheet} R${r + 1}C${c + 1} ${v}`)));
  return found;
}

/** What a clerk types into an empty coded table: subtotal rows typed too (wrongly), leaves at every level. */
function typeRows(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const first = plan.layout.dataRows![0];
  const rows: [string[], number][] =
    plan.layout.codeColumns === 3
      ? [
          [['201', '', ''], 999], // a 类 with descendants: a subtotal, not added again
          [['201', '01', ''], 500],
          [['201', '01', '01'], 120],
          [['201', '01', '02'], 80.5],
          [['201', '03', ''], 40], // a 款 without 项: a leaf
          [['205', '', ''], 7], // a 类 alone: a leaf
          [['208', '05', '01'], 3], // a 项 without its parents
        ]
      : [
          [['301', ''], 1000],
          [['301', '01'], 600],
          [['301', '02'], 0.25],
          [['302', ''], 44],
        ];
  rows.forEach(([parts, amount], i) => {
    parts.forEach((p, j) => (ws.getCell(first + i, j + 1).value = p === '' ? null : p));
    Object.values(plan.layout.amountColumns!).forEach((col, k) => (ws.getCell(first + i, col).value = amount * (k + 1)));
  });
}

describe('templates and sample budgets in LibreOffice, without the add-in', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-tables-anywhere-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('computes every 合计 and 类/款 row as our engine does, and shows no #NAME?', async () => {
    const files: string[] = [];
    const plansOf: Record<string, SheetPlan[]> = {};
    // 1. blank templates, as the CLI writes them
    for (const level of ['unit', 'department'] as const) {
      const file = path.join(dir, `blank-${level}.xlsx`);
      expect(await main(['template', '--level', level, '--org', '测试单位', '--year', '2026', '--out', file], () => undefined)).toBe(0);
      files.push(file);
      plansOf[file] = planWorkbook({ ctx: { level, org: '测试单位', year: 2026 } });
    }
    // 2. the unit template with rows typed in by a clerk (its cached 合计 stay 0)
    const filled = path.join(dir, 'filled-unit.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files[0]);
    for (const plan of coded(plansOf[files[0]])) typeRows(wb.getWorksheet(plan.name)!, plan);
    await wb.xlsx.writeFile(filled);
    files.push(filled);
    plansOf[filled] = plansOf[files[0]];
    // 3. the seed budgets with standard subtotal formulas on every 类 and 款 row
    for (const id of ['2018-shanghai-police-department', '2021-shanghai-social-security-card-unit']) {
      const sample = sampleFromSeed(SEED_BUDGETS.find((s) => s.id === id)!);
      const plans = coded(planWorkbook({ ctx: sample.ctx, data: sample.data, specs: Object.keys(sample.data) as never, options: { subtotalFormula: 'standard' } }));
      const file = path.join(dir, `${id}.xlsx`);
      await (await workbookFromPlans(plans)).xlsx.writeFile(file);
      files.push(file);
      plansOf[file] = plans;
    }

    const values = await valuesByLibreOffice(
      files,
      Object.fromEntries(files.map((f) => [f, plansOf[f].map((p) => p.name)])),
    );

    const wrong: string[] = [];
    let checked = 0;
    let nonZero = 0;
    for (const file of files) {
      expect(errorsIn(values[file])).toEqual([]);
      for (const plan of coded(plansOf[file])) {
        const grid = values[file][plan.name];
        const formulaRows = plan.cells.flatMap((row, r) => (row.some((v) => typeof v === 'string' && v.startsWith('=')) ? [r + 1] : []));
        for (const row of formulaRows) {
          for (const col of Object.values(plan.layout.amountColumns!)) {
            const shown = grid[row - 1]?.[col - 1] ?? '';
            const want = engineFigure(grid, plan, row, col);
            checked++;
            if (want !== 0) nonZero++;
            if (shown === '' || Number(shown) !== want) wrong.push(`${path.basename(file)} ${plan.name} R${row}C${col}: LibreOffice ${JSON.stringify(shown)}, engine ${want}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(200);
    expect(nonZero).toBeGreaterThan(100);

    // The clerk's typed rows, by hand: 120 + 80.5 + 40 + 7 + 3 (functional), 600 + 0.25 + 44 (economic).
    for (const plan of coded(plansOf[filled])) {
      const firstCol = Object.values(plan.layout.amountColumns!)[0];
      expect(Number(values[filled][plan.name][plan.layout.totalRow! - 1][firstCol - 1])).toBe(plan.layout.codeColumns === 3 ? 250.5 : 644.25);
    }
  });
});
