/**
 * The reader's and validator's benchmark (run by `npm run bench`). A department workbook of
 * 10 to 200 units (500 coded rows a unit: 50,000 at 100) is written once per size; then,
 * each tool in its own process (so one's memory does not count for another), medians of
 * RUNS runs after a warm-up:
 *   1. on the 100-unit workbook, side by side: the floor (scripts/unzip-scan.js: unzip the
 *      sheets, scan their XML for values, nothing else), our streaming read into grids, the
 *      same plus the core's reading into the model, our read + rules
 *      (`checkFile`, check end to end in the process), SheetJS's and ExcelJS's full loads;
 *   2. end to end, each a fresh process (start-up, loading, a cold JIT): the floor script
 *      against the built CLI's `check` (run `npm run build:cli` first), wall time, the two
 *      and `node -e 0` interleaved, medians of at least 9;
 *   3. read + rules at every size, to show it grows linearly with the rows.
 * Figures, not assertions.
 */
import { execFileSync, spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkFile } from '../src/cli/check';
import { readWorkbookFile } from '../src/xlsx/reader';
import { readXlsxFile } from '../src/xlsx/stream/workbook';
import { writeDepartmentWorkbook } from './bench-workbook';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unzipScan } = require('./unzip-scan.js') as { unzipScan: (file: string) => number };

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
type Tool = 'floor' | 'grids' | 'read' | 'check' | 'sheetjs' | 'exceljs';

const TOOLS: Record<Tool, { label: string; run: (file: string) => Promise<unknown> }> = {
  floor: { label: 'floor: unzip + scan values', run: async (f) => unzipScan(f) },
  grids: { label: 'our streaming read (grids)', run: async (f) => readXlsxFile(f) },
  read: { label: 'our read, grids + model', run: (f) => readWorkbookFile(f) },
  check: { label: 'our read + rules (check)', run: (f) => checkFile(f) },
  sheetjs: {
    label: 'SheetJS full load',
    run: async (f) => {
      // SheetJS (npm `xlsx`, a dev dependency here) is optional: the table says when it is missing.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const XLSX = require('xlsx') as { readFile: (f: string, o: object) => unknown };
      return XLSX.readFile(f, { cellFormula: true });
    },
  },
  exceljs: {
    label: 'ExcelJS full load',
    run: async (f) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      return wb;
    },
  },
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** In the child: a warm-up, then RUNS timed runs; prints the median and the peak RSS. */
async function measure(tool: Tool, file: string): Promise<void> {
  await TOOLS[tool].run(file);
  const ms: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const t0 = process.hrtime.bigint();
    await TOOLS[tool].run(file);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  process.stdout.write(JSON.stringify({ ms: median(ms), peak: process.resourceUsage().maxRSS * 1024 }));
}

function inChild(tool: Tool, file: string): { ms: number; peak: number } | null {
  try {
    const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', __filename, '--measure', tool, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(out) as { ms: number; peak: number };
  } catch (e) {
    if (tool === 'sheetjs') return null;
    throw e;
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-validate-'));
  try {
    const files = new Map<number, { file: string; rows: number }>();
    for (const units of [10, 50, 100, 200]) {
      const file = path.join(dir, `${units}.xlsx`);
      files.set(units, { file, rows: await writeDepartmentWorkbook(units, file) });
    }
    const big = files.get(100)!;
    console.log(`\n100-unit department workbook: ${big.rows} coded rows, ${(fs.statSync(big.file).size / 1048576).toFixed(1)} MB; medians of ${RUNS} runs`);
    console.log('tool                            ms      × floor   peak RSS');
    let floor = 0;
    for (const tool of Object.keys(TOOLS) as Tool[]) {
      const m = inChild(tool, big.file);
      if (!m) {
        console.log(`${TOOLS[tool].label.padEnd(30)}  (npm package xlsx not installed: skipped)`);
        continue;
      }
      if (tool === 'floor') floor = m.ms;
      console.log(`${TOOLS[tool].label.padEnd(30)}${m.ms.toFixed(0).padStart(6)}   ${(m.ms / floor).toFixed(2).padStart(6)}×   ${(m.peak / 1048576).toFixed(0).padStart(5)} MB`);
    }
    // Interleaved, so a change in the machine's load falls on all three alike.
    const root = path.join(__dirname, '..');
    const commands: Record<'node' | 'floor' | 'check', string[]> = {
      node: ['-e', '0'],
      floor: [path.join(root, 'scripts', 'unzip-scan.js'), big.file],
      check: [path.join(root, 'bin', 'budget-tables.js'), 'check', big.file],
    };
    const walls: Record<string, number[]> = { node: [], floor: [], check: [] };
    const rounds = Math.max(RUNS, 9);
    for (let k = 0; k < rounds; k++) {
      for (const [name, args] of Object.entries(commands)) {
        const t0 = process.hrtime.bigint();
        spawnSync(process.execPath, args, { stdio: 'ignore' });
        walls[name].push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }
    const [nodeAlone, floorProcess, checkProcess] = [median(walls.node), median(walls.floor), median(walls.check)];
    console.log(`\nend to end, a process each (wall ms, medians of ${rounds}, interleaved): node -e 0 ${nodeAlone.toFixed(0)}; floor ${floorProcess.toFixed(0)}; budget-tables check ${checkProcess.toFixed(0)} = ${(checkProcess / floorProcess).toFixed(2)}× the floor`);
    console.log('\nread + rules (check) by size');
    console.log('units  coded rows  file MB      ms   µs per row   peak RSS');
    for (const [units, { file, rows }] of files) {
      const m = inChild('check', file)!;
      console.log(
        `${String(units).padEnd(7)}${String(rows).padEnd(12)}${(fs.statSync(file).size / 1048576).toFixed(1).padEnd(9)}${m.ms.toFixed(0).padStart(6)}   ${((m.ms * 1000) / rows).toFixed(1).padStart(10)}   ${(m.peak / 1048576).toFixed(0).padStart(5)} MB`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

(process.argv[2] === '--measure' ? measure(process.argv[3] as Tool, process.argv[4]) : main()).catch((e) => {
  console.error(`bench failed: ${(e as Error).message}`);
  process.exit(1);
});
