/**
 * The department workbooks the benchmarks read: the rows of `units` units (150 functional and
 * 50 economic coded rows a unit in each of T2/T3/T5/T8, so 50,000+ coded rows at 100 units),
 * every 类/款 row carrying the exact sum so every rule runs its full path and passes.
 */
import type { CodedRow, CodedTableData, SheetData } from '../src/core/model';
import { Money } from '../src/core/money';
import { planWorkbook } from '../src/core/plan/workbook';
import type { SpecId } from '../src/core/specs/types';
import { workbookFromPlans } from '../src/xlsx/writer';

const ROWS_PER_UNIT = { functional: 150, economic: 50 };

/** Leaves with amounts; 类/款 rows carry the exact sums, so every rule runs its full path and passes. */
export function codedRows(count: number, economic: boolean, amountOf: (code: string) => { [k: string]: Money }): CodedRow[] {
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

export function sumAmounts(rows: CodedRow[]): { [k: string]: Money } {
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

/** Writes the department workbook of `units` units (with a 科目目录 sheet) to `file`; returns its coded rows. */
export async function writeDepartmentWorkbook(units: number, file: string): Promise<number> {
  const { data, catalogRows } = department(units);
  const plans = planWorkbook({ ctx: { level: 'department', org: '基准测试部门', year: 2026 }, data, specs: Object.keys(data) as SpecId[], options: { subtotals: 'values' } });
  const wb = await workbookFromPlans(plans);
  const cat = wb.addWorksheet('科目目录');
  cat.addRow(['科目编码', '科目名称']);
  for (const r of catalogRows) cat.addRow(r);
  await wb.xlsx.writeFile(file);
  return Object.values(data).reduce((n, d) => n + (d && d.kind === 'coded' ? d.rows.length : 0), 0);
}
