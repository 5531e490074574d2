/**
 * The validator's benchmark (run by `npm run bench`): a department workbook with the rows of
 * 10 to 100 units (500 coded rows a unit, 50,000+ at 100) is written once per size, then
 * loaded by ExcelJS, read into the model and validated. Prints the file load, the engine's
 * own time (read + rules), how they grow, and the peak memory. Figures, not assertions.
 */
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodedRow, CodedTableData, SheetData } from '../src/core/model';
import { Money } from '../src/core/money';
import { planWorkbook } from '../src/core/plan/workbook';
import { validateSheets } from '../src/core/rules/validate';
import type { SpecId } from '../src/core/specs/types';
import { readWorkbook, workbookCatalog } from '../src/xlsx/reader';
import { workbookFromPlans } from '../src/xlsx/writer';

const ROWS_PER_UNIT = { functional: 150, economic: 50 };

/** Leaves with amounts; 类/款 rows carry the exact sums, so every rule runs its full path and passes. */
function codedRows(count: number, economic: boolean, amountOf: (code: string) => { [k: string]: Money }): CodedRow[] {
  const rows: CodedRow[] = [];
  const perKuan = economic ? 0 : 9;
  for (let lei = 1; rows.length < count && lei <= 99; lei++) {
    const leiCode = `${economic ? 3 : 2}${String(lei).padStart(2, '0')}`;
    const leiRow: CodedRow = { code: leiCode, name: `类${leiCode}`, amounts: {} };
    rows.push(leiRow);
    const leiKids: CodedRow[] = [];
    for (let kuan = 1; rows.length < count && kuan <= 99; kuan++) {
      const kuanCode = leiCode + String(kuan).padStart(2, '0');
      const kuanRow: CodedRow = { code: kuanCode, name: `款${kuanCode}`, amounts: perKuan ? {} : amountOf(kuanCode) };
      rows.push(kuanRow);
      leiKids.push(kuanRow);
      const kids: CodedRow[] = [];
      for (let x = 1; x <= perKuan && rows.length < count; x++) {
        const code = kuanCode + String(x).padStart(2, '0');
        const row = { code, name: `项${code}`, amounts: amountOf(code) };
        rows.push(row);
        kids.push(row);
      }
      if (perKuan) kuanRow.amounts = sumAmounts(kids);
    }
    leiRow.amounts = sumAmounts(leiKids);
  }
  return rows;
}

function sumAmounts(rows: CodedRow[]): { [k: string]: Money } {
  const out: { [k: string]: Money } = {};
  for (const r of rows) for (const [k, v] of Object.entries(r.amounts)) if (v) out[k] = (out[k] ?? new Money(0)).plus(v);
  return out;
}

function table(rows: CodedRow[]): CodedTableData {
  return { kind: 'coded', rows, total: sumAmounts(rows.filter((r) => r.code.length === 3)) };
}

function department(units: number): { data: Partial<Record<SpecId, SheetData>>; catalogRows: [string, string][] } {
  const n = units * ROWS_PER_UNIT.functional;
  const amount = (code: string) => new Money((Number(code) % 9973) * 100 + 17);
  const t2 = table(codedRows(n, false, (c) => ({ total: amount(c), fiscal: amount(c) })));
  const t3 = table(codedRows(n, false, (c) => ({ total: amount(c), basic: amount(c).minus(17), project: new Money(17) })));
  const t5 = table(codedRows(n, false, (c) => ({ total: amount(c), basic: amount(c).minus(17), project: new Money(17) })));
  const basicTotal = t5.total.basic!;
  // T8 spreads T5's basic total over its economic rows, exactly.
  const economicCount = units * ROWS_PER_UNIT.economic;
  const leaves = Math.max(1, economicCount - Math.ceil(economicCount / 100));
  const share = basicTotal.divToInt(leaves);
  let given = new Money(0);
  let seen = 0;
  const t8 = table(
    codedRows(economicCount, true, () => {
      seen++;
      const a = seen === leaves ? basicTotal.minus(given) : share;
      given = given.plus(a);
      return { total: a, personnel: a, public: new Money(0) };
    }),
  );
  t8.total = sumAmounts(t8.rows.filter((r) => r.code.length === 3));
  const catalogRows = [...new Set([...t2.rows, ...t8.rows].map((r) => `${r.code}\t${r.name}`))].map((l) => l.split('\t') as [string, string]);
  return { data: { T2: t2, T3: t3, T5: t5, T8: t8 }, catalogRows };
}

function peakMemory(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

/** Measures one file in a fresh process, so the generator's memory does not count. */
async function measure(file: string): Promise<void> {
  const mem = peakMemory();
  const t0 = process.hrtime.bigint();
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.readFile(file);
  const t1 = process.hrtime.bigint();
  const catalog = workbookCatalog(loaded);
  const read = readWorkbook(loaded, catalog);
  const v = validateSheets(read.sheets, read.issues, catalog);
  const t2 = process.hrtime.bigint();
  const peak = mem.stop();
  const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;
  process.stdout.write(JSON.stringify({ load: ms(t0, t1), engine: ms(t1, t2), findings: v.findings.length, peak }));
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-validate-'));
  console.log('units  coded rows  file MB   ExcelJS load   engine (read + rules)   findings   peak RSS');
  for (const units of [10, 25, 50, 100]) {
    const { data, catalogRows } = department(units);
    const plans = planWorkbook({ ctx: { level: 'department', org: '基准测试部门', year: 2026 }, data, specs: Object.keys(data) as SpecId[], options: { subtotals: 'values' } });
    const wb = await workbookFromPlans(plans);
    const cat = wb.addWorksheet('科目目录');
    cat.addRow(['科目编码', '科目名称']);
    for (const r of catalogRows) cat.addRow(r);
    const file = path.join(dir, `${units}.xlsx`);
    await wb.xlsx.writeFile(file);
    const rows = Object.values(data).reduce((n, d) => n + (d && d.kind === 'coded' ? d.rows.length : 0), 0);
    const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', __filename, '--measure', file], { encoding: 'utf8' });
    const m = JSON.parse(out) as { load: number; engine: number; findings: number; peak: number };
    console.log(
      `${String(units).padEnd(7)}${String(rows).padEnd(12)}${(fs.statSync(file).size / 1048576).toFixed(1).padEnd(10)}` +
        `${m.load.toFixed(0).padStart(8)} ms     ${m.engine.toFixed(0).padStart(8)} ms              ${String(m.findings).padEnd(11)}${(m.peak / 1048576).toFixed(0)} MB`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

(process.argv[2] === '--measure' ? measure(process.argv[3]) : main()).catch((e) => {
  console.error(`bench failed: ${(e as Error).message}`);
  process.exit(1);
});
