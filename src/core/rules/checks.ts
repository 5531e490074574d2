import { levelOf, parentOf } from '../codes';
import type { Amounts, BalanceTableData, CodedRow, CodedTableData, ModelSheet, ProjectTableData, ThreePublicData } from '../model';
import { formatAmount, Money, ZERO } from '../money';
import { address } from '../plan/a1';
import type { ReadIssue } from '../read/parse';
import type { AmountKey } from '../seed-types';
import { tableSpec } from '../specs/tables';
import type { CodedTableSpec } from '../specs/types';
import { sameName } from '../catalog/names';
import { RULES, RuleKey } from './catalog-of-rules';
import { withoutOwnCell } from './message-style';
import { nestQuotes, oneLine } from './message-text';
import { BAD_CODE, CodeTree, codeTree, KEPT, wholeYuan } from './coded-tree';
import { sumAgrees, sumOf } from './sums';
import { agree, halfUnit, printed, Scale, scaleOf, show, YUAN } from './tolerance';
import type { Finding, RuleContext } from './types';

const LABEL: Record<string, string> = {
  total: '合计', fiscal: '财政拨款收入', business: '事业收入', operating: '事业单位经营收入', other: '其他收入',
  basic: '基本支出', project: '项目支出', personnel: '人员经费', public: '公用经费',
  general: '一般公共预算', fund: '政府性基金预算', stateCapital: '国有资本经营预算',
};

/** A blank amount is zero. */
export const v = (m: Money | null | undefined): Money => m ?? ZERO;
export const yuan = (m: Money) => `${formatAmount(m)}元`;

/**
 * A finding of the rule at the cell. The message does not name the cell again (message-style.ts,
 * rule 4): a leading `C7：` in the wording is dropped here, so every rule reads the same; a
 * quote inside a quote (a clerk's sentence quoting “三公”) nests as ‘…’ and white space is one space (message-text.ts).
 */
export function finding(rule: RuleKey, sheet: string, cell: string, message: string): Finding {
  return { rule: RULES[rule].id, severity: RULES[rule].severity, sheet, cell, message: nestQuotes(oneLine(withoutOwnCell(cell, message))) };
}

function cellOf(data: { at?: { columns: Partial<Record<string, number>>; codeColumn?: number } }, row: number | null | undefined, key: string): string {
  const col = data.at?.columns[key] ?? data.at?.codeColumn ?? 1;
  return row ? address(row, col) : 'A1';
}

/** “左（a）与右（b）不一致，相差 d 元” — both sides, their values and the difference, in the table's unit. */
export function mismatch(left: string, a: Money, right: string, b: Money, s: Scale = YUAN): string {
  return `${left}为${show(a, s)}，${right}为${show(b, s)}，相差${show(a.minus(b).abs(), s)}`;
}

// ---------------------------------------------------------------- inside one coded table

/** A coded spec's columns, and every column the whole-元 figures are read for: made once per spec, not per table. */
const COLUMNS_OF = new Map<CodedTableSpec, { keys: string[]; figured: string[] }>();

function columnsOf(spec: CodedTableSpec): { keys: string[]; figured: string[] } {
  let c = COLUMNS_OF.get(spec);
  if (!c) {
    const keys = spec.columns.map((x) => x.key);
    COLUMNS_OF.set(spec, (c = { keys, figured: [...keys, ...spec.partsOfTotal, 'total'] }));
  }
  return c;
}

export function checkCodedTable(sheet: ModelSheet, data: CodedTableData, ctx: RuleContext): Finding[] {
  const spec = tableSpec(sheet.specId) as CodedTableSpec;
  const out: Finding[] = [];
  const tree = codeTree(data.rows);
  codeFindings(sheet, data, ctx, tree, out);
  const { keys, figured } = columnsOf(spec);
  const scale = scaleOf(data);
  const fast = scale.unit === '元' ? wholeYuan(data.rows, data.total, figured) : null;
  for (const key of keys) subtotalFindings(sheet, data, tree, key, fast?.get(key) ?? null, scale, out);
  if (data.rows.length > 0) for (const key of keys) grandTotalFindings(sheet, data, tree, key, fast?.get(key) ?? null, scale, out);
  rowPartsFindings(sheet, data, spec.partsOfTotal, fast, scale, out);
  return out;
}

/** A table over several sheets (read/join.ts): each row names its own. */
function sheetOf(r: CodedRow, sheet: ModelSheet): string {
  return r.sheet ?? sheet.sheetName;
}

/** The cell's address is built only for a finding: most rows have none. */
function codeCellOf(data: CodedTableData, r: CodedRow): string {
  return r.row ? address(r.row, data.at?.codeColumn ?? 1) : 'A1';
}

/** Codes listed twice, codes the catalog does not know or names differently, codes without their parent row. */
function codeFindings(sheet: ModelSheet, data: CodedTableData, ctx: RuleContext, tree: CodeTree, out: Finding[]): void {
  const year = sheet.context.year ?? ctx.year;
  const rows = data.rows;
  for (let i = 0; i < rows.length; i++) {
    const first = tree.firstOf[i];
    if (first === BAD_CODE) continue;
    const r = rows[i];
    if (first !== KEPT) {
      const codeCell = codeCellOf(data, r);
      out.push(finding('duplicateCode', sheetOf(r, sheet), codeCell, `${codeCell}：科目${r.code}在本表出现两次（第${rows[first].row ?? '?'}行已有），金额会被重复计算`));
      continue;
    }
    // A code the catalog knows without a confirmed name (see Catalog.nameConfirmed) raises neither
    // finding: there is no official name to compare with.
    const official = ctx.catalog.nameOf(r.code, year);
    // A code with a name is known: isKnown is asked only of the rest.
    if (official === undefined && !ctx.catalog.isKnown(r.code, year)) {
      const codeCell = codeCellOf(data, r);
      out.push(finding('unknownCode', sheetOf(r, sheet), codeCell, `${codeCell}：科目编码${r.code}不在${year ?? ''}年科目目录中；请核对编码，或在“科目目录”表中补充`));
    } else if (official !== undefined && r.name && !sameName(r.name, official)) {
      const nameCell = r.row ? address(r.row, data.at?.nameColumn ?? 4) : 'A1';
      out.push(finding('nameMismatch', sheetOf(r, sheet), nameCell, `${nameCell}：科目${r.code}的名称为“${r.name}”，${year ?? ''}年科目目录为“${official}”`));
    }
  }
  for (let j = 0; j < tree.place.length; j++) {
    const r = rows[tree.place[j]];
    if (tree.parent[j] >= 0 || r.code.length <= 3) continue;
    const p = parentOf(r.code);
    const codeCell = codeCellOf(data, r);
    out.push(finding('orphan', sheetOf(r, sheet), codeCell, `${codeCell}：${levelOf(r.code)}级科目${r.code}缺少上级科目${p}所在行`));
  }
}

/**
 * 类/款 = Σ direct children, in one column. A subtotal is flagged only when it also differs from
 * the sum of its lowest rows, so one wrong 款 is reported at that 款, not again at its 类.
 * In whole 元 (`F`, the column's figures) the sums are made in numbers, and only a row that
 * disagrees there is compared again in Decimal.
 */
function subtotalFindings(sheet: ModelSheet, data: CodedTableData, tree: CodeTree, key: string, F: Float64Array | null, scale: Scale, out: Finding[]): void {
  const { place, kidStart, kids } = tree;
  // The leaves' sums are made only once a row's direct children disagree: in most tables none does.
  let leafNum: Float64Array | null = null;
  let sums: LeafSums | null = null;
  for (let j = 0; j < place.length; j++) {
    const from = kidStart[j];
    const to = kidStart[j + 1];
    if (from === to) continue;
    if (F) {
      const stated = F[place[j]];
      let n = 0;
      for (let k = from; k < to; k++) n += F[place[kids[k]]];
      if (n === stated) continue;
      leafNum ??= leafNumbers(tree, F);
      if (leafNum[j] === stated) continue;
    }
    const r = data.rows[place[j]];
    const stated = v(r.amounts[key as AmountKey]);
    let sum = ZERO;
    let kidsPrinted = 0;
    for (let k = from; k < to; k++) {
      const m = data.rows[place[kids[k]]].amounts[key as AmountKey];
      sum = sum.plus(v(m));
      if (m !== null && m !== undefined) kidsPrinted++;
    }
    const own = printed(r.amounts[key as AmountKey]);
    // The leaves are compared only when the direct children disagree (both are pure).
    if (agree(stated, sum, own + kidsPrinted, scale)) continue;
    sums ??= leafSums(data, tree, key);
    if (agree(stated, sums.sum[j], own + sums.count[j], scale)) continue;
    const cell = cellOf(data, r.row, key);
    out.push(finding('subtotal', sheetOf(r, sheet), cell, `${cell}：科目${r.code}“${r.name}”的${LABEL[key]}${mismatch('', stated, '其下级科目之和', sum, scale)}`));
  }
}

/** Per kept row, the sum of its lowest rows in whole 元 (0 where it has none). */
function leafNumbers(tree: CodeTree, F: Float64Array): Float64Array {
  const { place, leaves, ancStart, anc } = tree;
  const out = new Float64Array(place.length);
  for (let l = 0; l < leaves.length; l++) {
    const j = leaves[l];
    const n = F[place[j]];
    for (let k = ancStart[j]; k < ancStart[j + 1]; k++) out[anc[k]] += n;
  }
  return out;
}

interface LeafSums {
  sum: Money[];
  /** printed figures among the lowest rows */
  count: Int32Array;
}

/** Per kept row, the exact sum of its lowest rows and how many of them are printed; built only when a subtotal disagrees. */
function leafSums(data: CodedTableData, tree: CodeTree, key: string): LeafSums {
  const { place, leaves, ancStart, anc } = tree;
  const sum: Money[] = new Array<Money>(place.length).fill(ZERO);
  const count = new Int32Array(place.length);
  for (let l = 0; l < leaves.length; l++) {
    const j = leaves[l];
    const m = data.rows[place[j]].amounts[key as AmountKey];
    // A blank adds zero: a sum from ZERO stays what it was (never −0), so it is skipped.
    if (m === null || m === undefined) continue;
    for (let k = ancStart[j]; k < ancStart[j + 1]; k++) {
      sum[anc[k]] = sum[anc[k]].plus(m);
      count[anc[k]]++;
    }
  }
  return { sum, count };
}

/** 合计 = Σ 类 rows (the leaves when no 类 row is given), in one column. */
function grandTotalFindings(sheet: ModelSheet, data: CodedTableData, tree: CodeTree, key: string, F: Float64Array | null, scale: Scale, out: Finding[]): void {
  const topAt = tree.lei.length ? tree.lei : tree.leaves;
  if (F) {
    let n = 0;
    for (let t = 0; t < topAt.length; t++) n += F[tree.place[topAt[t]]];
    if (n === F[data.rows.length]) return;
  }
  const k = key as AmountKey;
  let sum = ZERO;
  let count = printed(data.total[k]);
  for (let t = 0; t < topAt.length; t++) {
    const m = data.rows[tree.place[topAt[t]]].amounts[k];
    sum = sum.plus(v(m));
    if (m !== null && m !== undefined) count++;
  }
  if (agree(sum, v(data.total[k]), count, scale)) return;
  const cell = cellOf(data, data.at?.totalRow, key);
  out.push(finding('grandTotal', data.at?.totalSheet ?? sheet.sheetName, cell, `${cell}：合计行${LABEL[key]}${mismatch('', v(data.total[k]), '各类级科目之和', sum, scale)}`));
}

/** 合计 column = Σ its parts, on every row and the 合计 row; nothing is built for a row that adds up (most rows). */
function rowPartsFindings(sheet: ModelSheet, data: CodedTableData, parts: readonly AmountKey[], fast: Map<string, Float64Array> | null, scale: Scale, out: Finding[]): void {
  const rowCount = data.rows.length;
  const partCols = fast ? parts.map((k) => fast.get(k)!) : null;
  const totalCol = fast ? fast.get('total')! : null;
  for (let i = 0; i <= rowCount; i++) {
    if (partCols && totalCol) {
      // A blank row adds up too: its parts and 合计 are all 0.
      let s = 0;
      for (let p = 0; p < partCols.length; p++) s += partCols[p][i];
      if (s === totalCol[i]) continue;
    }
    const coded = i < rowCount ? data.rows[i] : null;
    rowPartsFinding(sheet, data, coded, coded ? coded.amounts : data.total, parts, scale, out);
  }
}

/** One row's 合计 against its parts in Decimal, which words the finding. */
function rowPartsFinding(sheet: ModelSheet, data: CodedTableData, coded: CodedRow | null, amounts: Amounts, parts: readonly AmountKey[], scale: Scale, out: Finding[]): void {
  if (amounts.total === null || amounts.total === undefined) {
    let blank = true;
    for (const k of parts) if (amounts[k] !== null && amounts[k] !== undefined) blank = false;
    if (blank) return;
  }
  const sum = parts.reduce((s, k) => s.plus(v(amounts[k])), ZERO);
  const slack = printed(amounts.total, ...parts.map((k) => amounts[k]));
  if (agree(sum, v(amounts.total), slack, scale)) return;
  // With columns beyond the official parts (上年结转, …) the 合计 holds them too: it can only
  // be short of the known parts, never above them, by a mistake.
  const other = data.at?.otherColumns ?? [];
  if (other.length && v(amounts.total).plus(halfUnit(scale).times(slack)).gte(sum)) return;
  const cell = cellOf(data, coded ? coded.row : data.at?.totalRow, 'total');
  const extra = other.length ? `（另有${other.join('、')}列，合计应不少于各列之和）` : '';
  const label = coded ? `科目${coded.code}“${coded.name}”` : '合计行';
  out.push(finding('rowParts', coded ? sheetOf(coded, sheet) : (data.at?.totalSheet ?? sheet.sheetName), cell, `${cell}：${label}的合计${mismatch('', v(amounts.total), parts.map((k) => LABEL[k]).join('＋'), sum, scale)}${extra}`));
}

// ---------------------------------------------------------------- T1, T4

export function checkBalance(sheet: ModelSheet, data: BalanceTableData): Finding[] {
  const out: Finding[] = [];
  const name = sheet.sheetName;
  const scale = scaleOf(data);
  const income = (k: string) => data.income.find((i) => i.key === k);
  const incomeCell = (row?: number | null) => (row ? address(row, data.at?.columns.income ?? 2) : 'B1');
  const totalRow = data.at?.totalRow;
  const topKeys = sheet.specId === 'T1' ? ['fiscal', 'business', 'operating', 'other'] : ['general', 'fund', 'stateCapital'];
  const incomeParts = topKeys.map((k) => income(k)?.amount);
  if (!sumAgrees(incomeParts, data.incomeTotal, scale)) {
    const incomeSum = sumOf(incomeParts);
    out.push(finding('balance', name, incomeCell(totalRow), `${incomeCell(totalRow)}：收入总计${mismatch('', v(data.incomeTotal), '各项收入之和', incomeSum, scale)}`));
  }
  const fiscal = income('fiscal');
  if (sheet.specId === 'T1' && fiscal) {
    const fundKeys = ['general', 'fund', 'stateCapital'];
    const fundParts = fundKeys.map((k) => income(k)?.amount);
    if (!sumAgrees(fundParts, fiscal.amount, scale)) {
      const funds = sumOf(fundParts);
      out.push(finding('balance', name, incomeCell(fiscal.row), `${incomeCell(fiscal.row)}：财政拨款收入${mismatch('', v(fiscal.amount), '一般公共预算、政府性基金、国有资本经营预算之和', funds, scale)}`));
    }
  }
  const expenseTotal = v(data.expenditureTotal.total);
  if (!agree(expenseTotal, v(data.incomeTotal), printed(data.expenditureTotal.total, data.incomeTotal), scale)) {
    const cell = cellOf(data, totalRow, 'total');
    out.push(finding('balance', name, cell, `${cell}：支出总计${mismatch('', expenseTotal, '收入总计', v(data.incomeTotal), scale)}`));
  }
  const keys = Object.keys(data.at?.columns ?? { total: 1 }).filter((k) => k !== 'income');
  for (const key of keys.length ? keys : ['total']) {
    const k = key as AmountKey;
    const lineParts = data.expenditure.map((e) => e.amounts[k]);
    if (!sumAgrees(lineParts, data.expenditureTotal[k], scale)) {
      const sum = sumOf(lineParts);
      const cell = cellOf(data, totalRow, key);
      out.push(finding('balance', name, cell, `${cell}：支出总计的${LABEL[key] ?? key}${mismatch('', v(data.expenditureTotal[k]), '各类支出之和', sum, scale)}`));
    }
  }
  out.push(...checkExpenditureSplit(sheet, data, scale));
  return out;
}

/**
 * A unit's T1 splits each expenditure line into 人员经费 + 公用经费 + 项目支出 beside its 合计
 * (the 2021 unit seed, the 2026 template): every line and the 支出总计 add up.
 */
function checkExpenditureSplit(sheet: ModelSheet, data: BalanceTableData, scale: Scale): Finding[] {
  const cols = data.at?.columns ?? {};
  const parts = (['personnel', 'public', 'project'] as const).filter((k) => cols[k] !== undefined);
  if (parts.length < 2 || cols.total === undefined) return [];
  const lines = [
    ...data.expenditure.map((e) => ({ row: e.row, label: e.label || '支出行', amounts: e.amounts })),
    { row: data.at?.totalRow ?? undefined, label: '支出总计', amounts: data.expenditureTotal },
  ];
  const out: Finding[] = [];
  for (const l of lines) {
    if (printed(l.amounts.total, ...parts.map((k) => l.amounts[k])) === 0) continue;
    const lineParts = parts.map((k) => l.amounts[k]);
    if (sumAgrees(lineParts, l.amounts.total, scale)) continue;
    const sum = sumOf(lineParts);
    const cell = cellOf(data, l.row, 'total');
    out.push(finding('rowParts', sheet.sheetName, cell, `${cell}：${l.label}的合计${mismatch('', v(l.amounts.total), parts.map((k) => LABEL[k]).join('＋'), sum, scale)}`));
  }
  return out;
}

// ---------------------------------------------------------------- T9, U2

export function checkThreePublic(sheet: ModelSheet, data: ThreePublicData): Finding[] {
  const a = data.amounts;
  const out: Finding[] = [];
  const scale = scaleOf(data, '万元');
  const cell = (k: string) => cellOf(data, data.at?.totalRow, k);
  const vehicles = v(a.vehiclePurchase).plus(v(a.vehicleRunning));
  if (!agree(vehicles, v(a.vehicleTotal), printed(a.vehicleTotal, a.vehiclePurchase, a.vehicleRunning), scale)) {
    out.push(finding('threePublic', sheet.sheetName, cell('vehicleTotal'), `${cell('vehicleTotal')}：公务用车购置及运行费小计为${show(v(a.vehicleTotal), scale)}，购置费与运行费之和为${show(vehicles, scale)}`));
  }
  const total = v(a.abroad).plus(v(a.reception)).plus(v(a.vehicleTotal));
  if (!agree(total, v(a.total), printed(a.total, a.abroad, a.reception, a.vehicleTotal), scale)) {
    out.push(finding('threePublic', sheet.sheetName, cell('total'), `${cell('total')}：“三公”经费合计为${show(v(a.total), scale)}，因公出国（境）费、公务接待费、公务用车购置及运行费之和为${show(total, scale)}`));
  }
  return out;
}

export function checkProjects(sheet: ModelSheet, data: ProjectTableData): Finding[] {
  const out: Finding[] = [];
  const scale = scaleOf(data);
  const leaves = data.rows.flatMap((g) => g.projects.map((p) => ({ code: g.code, amount: p.amount })));
  for (const g of data.rows) {
    if (!g.code) continue;
    const mine = leaves.filter((l) => l.code.startsWith(g.code)).map((l) => l.amount);
    if (!sumAgrees(mine, g.amount, scale)) {
      const sum = sumOf(mine);
      const cell = cellOf(data, g.row, 'amount');
      out.push(finding('projects', g.sheet ?? sheet.sheetName, cell, `${cell}：科目${g.code}“${g.name}”${mismatch('', v(g.amount), '其下项目之和', sum, scale)}`));
    }
  }
  const amounts = leaves.map((l) => l.amount);
  if (!sumAgrees(amounts, data.total, scale)) {
    const all = sumOf(amounts);
    const cell = cellOf(data, data.at?.totalRow, 'amount');
    out.push(finding('projects', data.at?.totalSheet ?? sheet.sheetName, cell, `${cell}：合计${mismatch('', v(data.total), '全部项目之和', all, scale)}`));
  }
  return out;
}

// ---------------------------------------------------------------- reading problems

const ISSUE_RULE: Record<ReadIssue['kind'], RuleKey> = {
  'unreadable-amount': 'unreadable',
  'error-value': 'unreadable',
  'text-amount': 'textAmount',
  'bad-code': 'badCode',
  'no-header': 'notRecognised',
  'not-recognised': 'notRecognised',
};

export function issueFindings(issues: ReadIssue[]): Finding[] {
  return issues.map((i) => finding(ISSUE_RULE[i.kind], i.sheet, i.cell, i.message));
}
