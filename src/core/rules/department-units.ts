import { breakdownOf } from '../consolidate/breakdown';
import { figureId, figuresOf, SUMMED_TABLES } from '../consolidate/figures';
import { sheetsInDepartmentUnits } from '../consolidate/units-in-yuan';
import type { ReadBreakdown } from '../consolidate/read-breakdown';
import { unitName } from '../consolidate/unit-name';
import type { BreakdownLine, Figure, UnitWorkbook } from '../consolidate/types';
import type { ModelSheet } from '../model';
import { formatAmount, Money, ZERO } from '../money';
import { columnLabel } from '../plan/breakdown-layout';
import type { TableId } from '../specs/types';
import { finding } from './checks';
import { halfUnit, scaleOf, show, type Scale } from './tolerance';
import type { Finding } from './types';

/**
 * What a department is checked against (issue 17 point 4): its units' workbooks as read, or
 * the 分单位明细 sheet the department workbook holds, or both (the units then give the sums,
 * the sheet the list of units).
 */
export interface DepartmentUnits {
  units?: UnitWorkbook[];
  breakdown?: ReadBreakdown | null;
}

const MAX_SHARES_NAMED = 5;

function money(table: TableId, m: Money): string {
  return table === 'T9' ? `${m.toFixed(2)}万元` : `${formatAmount(m)}元`;
}

function what(line: Pick<BreakdownLine, 'table' | 'kind' | 'code' | 'name' | 'key'>): string {
  const col = columnLabel(line);
  if (line.kind === 'coded') return /^\d+$/.test(line.code) ? `科目${line.code}“${line.name}”的${col}` : `${line.name}行的${col}`;
  if (line.kind === 'income') return `“${line.name}”`;
  if (line.kind === 'expenditure') return `“${line.name}”的${col}`;
  return col;
}

function shares(table: TableId, units: string[], line: BreakdownLine): string {
  const named = line.shares
    .map((m, i) => ({ unit: units[i], m }))
    .filter((x): x is { unit: string; m: Money } => x.m !== null && !x.m.isZero())
    .sort((a, b) => b.m.abs().comparedTo(a.m.abs()));
  if (named.length === 0) return line.shares.some((m) => m !== null) ? '各单位均为0' : '各单位均无此数';
  const shown = named.slice(0, MAX_SHARES_NAMED).map((x) => `${x.unit}${money(table, x.m)}`);
  return shown.join('、') + (named.length > MAX_SHARES_NAMED ? `等${named.length}家` : '');
}

/** Unit names a department's 机构设置 lists, one per numbered line (`1. 上海公安学院`). */
export function unitsListedIn(sheets: ModelSheet[]): { names: string[]; sheet: string } | null {
  const org = sheets.find((s) => s.specId === 'organization' && s.data.kind === 'text');
  if (!org || org.data.kind !== 'text') return null;
  const names = org.data.paragraphs
    .map((p) => /^\s*\d+\s*[.、．]\s*(.+?)\s*$/.exec(p)?.[1])
    .filter((n): n is string => !!n && !/^[…．.]+$/.test(n));
  return names.length ? { names, sheet: org.sheetName } : null;
}

const norm = (n: string) => n.replace(/[\s\u3000]/g, '');

const TEN_THOUSAND = new Money(10000);

/** Each summed table's scale as printed, the first sheet of a table counting (as figuresOf does). */
function scalesOf(sheets: ModelSheet[]): Map<TableId, Scale> {
  const out = new Map<TableId, Scale>();
  for (const s of sheets) {
    const table = s.specId as TableId;
    const d = s.data;
    if (SUMMED_TABLES.includes(table) && !out.has(table) && (d.kind === 'coded' || d.kind === 'balance' || d.kind === 'three-public')) out.set(table, scaleOf(d, table === 'T9' ? '万元' : '元'));
  }
  return out;
}

/**
 * How far the rounding of printed figures may carry a department figure from its units' sum, in
 * 元 (the rule of tolerance.ts): half a last unit for the department's figure when its table is
 * printed in 万元, and for each unit's share taken from a table printed in 万元 (its 元 there are
 * ×10,000 of a rounded figure). T9 is in 万元 on both sides and compared as summed.
 */
function roundingSlack(table: TableId, deptScale: Scale | undefined, deptPrinted: boolean, line: BreakdownLine | undefined, unitScales: Map<TableId, Scale>[] | null): Money {
  if (table === 'T9') return ZERO;
  let slack = deptScale && deptScale.unit === '万元' && deptPrinted ? halfUnit(deptScale) : ZERO;
  if (line && unitScales) {
    line.shares.forEach((m, i) => {
      const s = unitScales[i]?.get(table);
      if (m !== null && s && s.unit === '万元') slack = slack.plus(halfUnit(s));
    });
  }
  return slack.times(TEN_THOUSAND);
}

/**
 * Every department figure against the sum of its units, per table, code and column: a figure
 * that differs is a 错误 at the department's cell, naming the units' sum, the biggest shares
 * and the difference. Units listed (分单位明细 or 机构设置) but not given, and given but not
 * listed, are 提示.
 */
export function checkDepartmentAgainstUnits(sheets: ModelSheet[], against: DepartmentUnits): Finding[] {
  const out: Finding[] = [];
  const fromUnits = against.units ? breakdownOf(against.units.map((u) => ({ name: unitName(u), sheets: sheetsInDepartmentUnits(u.sheets).sheets }))) : null;
  const source = fromUnits ?? against.breakdown;
  if (!source) return out;
  const dept = new Map<string, Figure>();
  for (const f of figuresOf(sheets, 'department')) dept.set(figureId(f), f);
  const sheetOf = new Map<string, string>();
  for (const s of sheets) if (SUMMED_TABLES.includes(s.specId as TableId) && !sheetOf.has(s.specId)) sheetOf.set(s.specId, s.sheetName);

  const deptScales = scalesOf(sheets);
  const unitScales = fromUnits && against.units ? against.units.map((u) => scalesOf(u.sheets)) : null;
  const lines = new Map<string, BreakdownLine>();
  for (const l of source.lines) lines.set(figureId(l), l);
  const ids = new Set([...lines.keys(), ...dept.keys()]);
  const missingTables = new Map<TableId, Money>();
  for (const id of ids) {
    const line = lines.get(id);
    const f = dept.get(id);
    const unitsSum = line ? line.shares.reduce<Money>((s, m) => (m ? s.plus(m) : s), ZERO) : ZERO;
    const ref = (line ?? f)!;
    const table = ref.table;
    const deptScale = deptScales.get(table);
    // A department table printed in 万元 holds 万元: brought to 元 exactly to meet its units' sum.
    const inWan = table !== 'T9' && deptScale?.unit === '万元';
    const printedMine = f?.amount ?? ZERO;
    const mine = inWan ? printedMine.times(TEN_THOUSAND) : printedMine;
    if (mine.eq(unitsSum)) continue;
    if (mine.minus(unitsSum).abs().lte(roundingSlack(table, deptScale, f?.amount != null, line, unitScales))) continue;
    const sheet = f?.sheet ?? sheetOf.get(table);
    if (!sheet) {
      missingTables.set(table, (missingTables.get(table) ?? ZERO).plus(unitsSum.abs()));
      continue;
    }
    const cell = f?.cell ?? 'A1';
    const where = f?.cell ? `${cell}：` : `${cell}：部门表中没有这一行；`;
    const parts = line ? shares(table, source.units, line) : '各单位均无此数';
    // In the department's own unit: a 万元 table's figure as printed, the units' sum and the difference in 万元.
    const say = (m: Money, printedAs?: Money) => (inWan && deptScale ? show(printedAs ?? m.div(TEN_THOUSAND), deptScale) : money(table, m));
    out.push(
      finding(
        'departmentVsUnits',
        sheet,
        cell,
        `${where}${what(ref)}为${say(mine, printedMine)}，所属单位之和为${say(unitsSum)}（${parts}），相差${say(mine.minus(unitsSum).abs())}`,
      ),
    );
  }
  for (const [table] of missingTables) {
    out.push(finding('departmentVsUnits', against.breakdown?.sheet ?? '', 'A1', `A1：所属单位有表${table}的数字，部门工作簿中没有这张表`));
  }

  // Who is listed and who is given.
  const listed = unitsListedIn(sheets) ?? (against.breakdown && against.units ? { names: against.breakdown.units, sheet: against.breakdown.sheet } : null);
  const present = against.units ? against.units.map(unitName) : against.breakdown && unitsListedIn(sheets) ? against.breakdown.units : null;
  if (listed && present) {
    const have = new Set(present.map(norm));
    const want = new Set(listed.names.map(norm));
    for (const n of listed.names) {
      if (!have.has(norm(n))) out.push(finding('departmentUnitList', listed.sheet, 'A1', `A1：列出的单位“${n}”没有一并提供其预算（缺少该单位的工作簿或分单位明细列）`));
    }
    for (const n of present) {
      if (!want.has(norm(n))) out.push(finding('departmentUnitList', listed.sheet, 'A1', `A1：单位“${n}”参与了核对，但${listed.sheet}中没有列出它`));
    }
  }
  return out;
}
