/**
 * Consolidation's benchmark (issue 17 point 6): 10 to 100 unit budgets of 500 coded rows each
 * (T2, T3, T5 150 functional rows, T8 50 economic rows) are screened (each unit validated, codes
 * looked up, names compared), summed per code and column, broken down unit by unit (分单位明细)
 * and laid out as the department's workbook, in a fresh process per size. Prints the core's
 * time, the time to write the .xlsx, time per unit row, and the peak memory. Figures, not
 * assertions. The units are made in memory: reading .xlsx files costs what `check` costs per
 * file (see bench-validate.ts). A second table runs the built CLI end to end on 100 unit
 * .xlsx files (read on 1 thread, then on the CPUs' count), with its wall time and the
 * process's peak memory (worker threads included).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { planWorkbook } from '../src/core/plan/workbook';
import type { SheetData } from '../src/core/model';
import { Catalog } from '../src/core/catalog/catalog';
import { consolidate } from '../src/core/consolidate/consolidate';
import { consolidationPlans } from '../src/core/consolidate/plans';
import type { UnitWorkbook } from '../src/core/consolidate/types';
import type { CodedRow, CodedTableData, ModelSheet } from '../src/core/model';
import { Money } from '../src/core/money';
import { workbookFromPlans } from '../src/xlsx/writer';
import { codedRows, sumAmounts } from './bench-workbook';

const YEAR = 2026;
const FUNCTIONAL_ROWS = 150;
const ECONOMIC_ROWS = 50;


function sheet(specId: 'T2' | 'T3' | 'T5' | 'T8', org: string, rows: CodedRow[]): ModelSheet {
  const data: CodedTableData = { kind: 'coded', rows, total: sumAmounts(rows.filter((r) => r.code.length === 3)) };
  return { sheetName: specId, specId, context: { level: 'unit', org, year: YEAR }, data };
}

/** One unit: reconciles inside each table and between T2/T3/T5/T8, so screening finds nothing. */
function unit(i: number): UnitWorkbook {
  const org = `基准单位${String(i).padStart(3, '0')}`;
  const amount = (code: string) => new Money(((Number(code) * 7 + i * 13) % 9973) * 100 + 17);
  const t2 = codedRows(FUNCTIONAL_ROWS, false, (c) => ({ total: amount(c), fiscal: amount(c) }));
  const spend = (c: string) => ({ total: amount(c), basic: amount(c).minus(17), project: new Money(17) });
  const t3 = codedRows(FUNCTIONAL_ROWS, false, spend);
  const t5 = codedRows(FUNCTIONAL_ROWS, false, spend);
  const basic = sumAmounts(t5.filter((r) => r.code.length === 3)).basic!;
  const leaves = ECONOMIC_ROWS - Math.ceil(ECONOMIC_ROWS / 100);
  let given = new Money(0);
  let seen = 0;
  const t8 = codedRows(ECONOMIC_ROWS, true, () => {
    seen++;
    const a = seen === leaves ? basic.minus(given) : basic.divToInt(leaves);
    given = given.plus(a);
    return { total: a, personnel: a, public: new Money(0) };
  });
  return { source: `${org}.xlsx`, sheets: [sheet('T2', org, t2), sheet('T3', org, t3), sheet('T5', org, t5), sheet('T8', org, t8)], issues: [] };
}

function peakMemory(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

async function measure(count: number): Promise<void> {
  const units = Array.from({ length: count }, (_, i) => unit(i + 1));
  const names = units[0].sheets.flatMap((s) => (s.data.kind === 'coded' ? s.data.rows.map((r) => ({ code: r.code, name: r.name })) : []));
  const catalog = Catalog.builtIn().withOverrides(names);
  const mem = peakMemory();
  const t0 = process.hrtime.bigint();
  // The units lack T1, T4, T6, T7 and T9 (5 错误 each, counted under problems): summed all the same.
  const c = consolidate(units, { department: '基准测试部门', year: YEAR, catalog, allowErrors: true });
  const t1 = process.hrtime.bigint();
  const wb = await workbookFromPlans(consolidationPlans(c));
  const bytes = (await wb.xlsx.writeBuffer()).byteLength;
  const t2 = process.hrtime.bigint();
  const peak = mem.stop();
  const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;
  const problems = c.problems.length;
  process.stdout.write(JSON.stringify({ core: ms(t0, t1), write: ms(t1, t2), lines: c.breakdown.lines.length, bytes, problems, peak }));
}

/** The built CLI's `consolidate` over the unit files of `dir`: wall ms and peak RSS in MB. */
function cliConsolidate(dir: string, jobs: number): { ms: number; rssMB: number } {
  const usage = path.join(dir, `usage-${jobs}.json`);
  const out = path.join(dir, `dept-${jobs}.xlsx`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    ['-r', path.join(__dirname, '..', 'test', 'xlsx', 'hostile', 'usage-report.js'), path.join(__dirname, '..', 'bin', 'budget-tables.js'), 'consolidate', path.join(dir, 'units'), '--department', '基准测试部门', '--year', String(YEAR), '--out', out, '--allow-errors', '--force', '--jobs', String(jobs)],
    // its log lists every unit's problems (the bench units lack T1, T4, …): not kept
    { encoding: 'utf8', env: { ...process.env, HOSTILE_USAGE_FILE: usage }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`consolidate exited ${r.status ?? r.signal}: ${r.error?.message ?? ''} ${r.stderr}`);
  return { ms, rssMB: (JSON.parse(fs.readFileSync(usage, 'utf8')) as { rssMB: number }).rssMB };
}

async function writeUnits(dir: string, count: number): Promise<number> {
  fs.mkdirSync(path.join(dir, 'units'), { recursive: true });
  let bytes = 0;
  for (let i = 1; i <= count; i++) {
    const u = unit(i);
    const data = Object.fromEntries(u.sheets.map((s) => [s.specId, s.data])) as Partial<Record<'T2' | 'T3' | 'T5' | 'T8', SheetData>>;
    const plans = planWorkbook({ ctx: { level: 'unit', org: u.sheets[0].context.org!, year: YEAR }, data, specs: ['T2', 'T3', 'T5', 'T8'], options: { subtotals: 'values' } });
    const file = path.join(dir, 'units', `${u.sheets[0].context.org}.xlsx`);
    await (await workbookFromPlans(plans)).xlsx.writeFile(file);
    bytes += fs.statSync(file).size;
  }
  return bytes;
}

async function endToEnd(): Promise<void> {
  const count = 100;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-consolidate-'));
  if (process.env.BENCH_ONLY_CLI) console.log(dir);
  try {
    const bytes = await writeUnits(dir, count);
    const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    console.log(`\nconsolidate end to end (built CLI): ${count} unit .xlsx files, ${(bytes / 1048576).toFixed(1)} MB; medians of ${RUNS} runs`);
    console.log('threads   wall ms   peak RSS');
    for (const jobs of [...new Set([1, cpus])]) {
      const runs = Array.from({ length: RUNS }, () => cliConsolidate(dir, jobs));
      const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      console.log(`${String(jobs).padEnd(10)}${med(runs.map((r) => r.ms)).toFixed(0).padStart(7)}   ${Math.max(...runs.map((r) => r.rssMB)).toFixed(0).padStart(5)} MB`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function main(): Promise<void> {
  if (process.env.BENCH_ONLY_CLI) return endToEnd();
  console.log('units  unit rows  core (screen + sum + 明细)  per row   write .xlsx   明细 lines  file MB  problems  peak RSS');
  for (const count of [10, 25, 50, 100]) {
    const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', __filename, '--measure', String(count)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const m = JSON.parse(out) as { core: number; write: number; lines: number; bytes: number; problems: number; peak: number };
    const rows = count * (3 * FUNCTIONAL_ROWS + ECONOMIC_ROWS);
    console.log(
      `${String(count).padEnd(7)}${String(rows).padEnd(11)}${m.core.toFixed(0).padStart(10)} ms                ${((m.core * 1000) / rows).toFixed(1).padStart(6)} µs` +
        `${m.write.toFixed(0).padStart(10)} ms   ${String(m.lines).padEnd(12)}${(m.bytes / 1048576).toFixed(1).padEnd(9)}${String(m.problems).padEnd(10)}${(m.peak / 1048576).toFixed(0)} MB`,
    );
  }
  await endToEnd();
}

if (process.argv[2] === '--measure') {
  measure(Number(process.argv[3])).catch((e) => {
    console.error(`bench failed: ${(e as Error).message}`);
    process.exit(1);
  });
} else
  main().catch((e) => {
    console.error(`bench failed: ${(e as Error).message}`);
    process.exit(1);
  });
