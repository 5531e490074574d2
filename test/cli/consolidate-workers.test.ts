import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { SheetData } from '../../src/core/model';
import { planWorkbook } from '../../src/core/plan/workbook';
import type { SpecId } from '../../src/core/specs/types';
import { readXlsxFile } from '../../src/xlsx/stream/workbook';
import { workbookFromPlans } from '../../src/xlsx/writer';
import { cleanUnit } from '../core/consolidate/fixtures';

/**
 * Issue 17 point 6: the built CLI reads the units of `consolidate` on worker threads (the pool
 * of `check`, models sent back with their amounts exact) and writes the same department
 * workbook as on one thread, units in the same order.
 */
jest.setTimeout(120_000);
const BIN = path.join(__dirname, '..', '..', 'bin', 'budget-tables.js');
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-consolidate-workers-'));
  fs.mkdirSync(path.join(dir, 'units'));
  const units: [string, Partial<Record<SpecId, SheetData>>][] = [
    ['甲单位', cleanUnit({ personnel: 1000.25, public: 200, project: 300 })],
    ['乙单位', cleanUnit({ personnel: 5000, public: 700.1, project: 40 })],
    ['丙单位', cleanUnit({ personnel: 12, public: 7, project: 0.01 })],
    ['丁单位', cleanUnit({ personnel: 800, public: 90, project: 60 })],
    ['戊单位', cleanUnit({ personnel: 3, public: 4, project: 5 })],
  ];
  for (const [org, data] of units) {
    const plans = planWorkbook({ ctx: { level: 'unit', org, year: 2021 }, data, specs: Object.keys(data) as SpecId[], options: { subtotals: 'values' } });
    await (await workbookFromPlans(plans)).xlsx.writeFile(path.join(dir, 'units', `${org}.xlsx`));
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

it('consolidates on three threads exactly as on one', () => {
  const outs = ['1', '3'].map((jobs) => {
    const out = path.join(dir, `部门-${jobs}.xlsx`);
    const r = run(['consolidate', path.join(dir, 'units'), '--department', '上海市某局', '--year', '2021', '--out', out, '--jobs', jobs]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    return { log: r.stdout.replace(out, 'OUT'), grids: JSON.stringify(readXlsxFile(out).sheets) };
  });
  expect(outs[1].log).toBe(outs[0].log);
  expect(outs[0].log).toContain('汇总 5 个单位');
  expect(outs[1].grids).toBe(outs[0].grids);
  // the cents of 甲 and 乙 arrive exact through the threads
  expect(outs[1].grids).toContain('1000.25');
});

it('names an unreadable unit as one thread does, and refuses a --jobs that is not a count', () => {
  fs.writeFileSync(path.join(dir, 'units', '坏单位.xlsx'), 'not a zip');
  try {
    const r = run(['consolidate', path.join(dir, 'units'), '--department', '某局', '--year', '2021', '--out', path.join(dir, 'x.xlsx'), '--jobs', '3']);
    const one = run(['consolidate', path.join(dir, 'units'), '--department', '某局', '--year', '2021', '--out', path.join(dir, 'x.xlsx'), '--jobs', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('坏单位.xlsx');
    expect(r.stderr).toBe(one.stderr);
  } finally {
    fs.rmSync(path.join(dir, 'units', '坏单位.xlsx'));
  }
  expect(run(['consolidate', path.join(dir, 'units'), '--department', '某局', '--year', '2021', '--out', path.join(dir, 'x.xlsx'), '--jobs', '0']).status).toBe(2);
});
