import { levelOf, parentOf } from '../codes';
import type { Amounts, BalanceTableData, CodedTableData, ModelSheet, ProjectTableData, ThreePublicData } from '../model';
import { formatAmount, Money, wholeNumber, ZERO } from '../money';
import { address } from '../plan/a1';
import type { ReadIssue } from '../read/parse';
import type { AmountKey } from '../seed-types';
import { tableSpec } from '../specs/tables';
import type { CodedTableSpec } from '../specs/types';
import { sameName } from '../catalog/names';
import { RULES, RuleKey } from './catalog-of-rules';
import { withoutOwnCell } from './message-style';
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
 * rule 4): a leading `C7：` in the wording is dropped here, so every rule reads the same.
 */
export function finding(rule: RuleKey, sheet: string, cell: string, message: string): Finding {
  return { rule: RULES[rule].id, severity: RULES[rule].severity, sheet, cell, message: withoutOwnCell(cell, message) };
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

export function checkCodedTable(sheet: ModelSheet, data: CodedTableData, ctx: RuleContext): Finding[] {
  const spec = tableSpec(sheet.specId) as CodedTableSpec;
  const out: Finding[] = [];
  const name = sheet.sheetName;
  const byCode = new Map<string, typeof data.rows[number]>();
  const year = sheet.context.year ?? ctx.year;
  const scale = scaleOf(data);
  // A table over several sheets (read/join.ts): each row names its own.
  const on = (r: { sheet?: string }) => r.sheet ?? name;
  const totalSheet = data.at?.totalSheet ?? name;
  // The cell's address is built only for a finding: most rows have none.
  const codeCellOf = (r: { row?: number | null }) => (r.row ? address(r.row, data.at?.codeColumn ?? 1) : 'A1');
  // Each kept row's place in data.rows, in byCode's order: the whole-元 figures are kept by it.
  const placeOf: number[] = [];
  for (let i = 0; i < data.rows.length; i++) {
    const r = data.rows[i];
    if (!/^\d+$/.test(r.code)) continue; // a bad code is reported by the reader
    if (byCode.has(r.code)) {
      const codeCell = codeCellOf(r);
      out.push(finding('duplicateCode', on(r), codeCell, `${codeCell}：科目${r.code}在本表出现两次（第${byCode.get(r.code)!.row ?? '?'}行已有），金额会被重复计算`));
      continue;
    }
    byCode.set(r.code, r);
    placeOf.push(i);
    // A code the catalog knows without a confirmed name (see Catalog.nameConfirmed) raises neither
    // finding: there is no official name to compare with.
    const official = ctx.catalog.nameOf(r.code, year);
    // A code with a name is known: isKnown is asked only of the rest.
    if (official === undefined && !ctx.catalog.isKnown(r.code, year)) {
      const codeCell = codeCellOf(r);
      out.push(finding('unknownCode', on(r), codeCell, `${codeCell}：科目编码${r.code}不在${year ?? ''}年科目目录中；请核对编码，或在“科目目录”表中补充`));
    } else if (official !== undefined && r.name && !sameName(r.name, official)) {
      const nameCell = r.row ? address(r.row, data.at?.nameColumn ?? 4) : 'A1';
      out.push(finding('nameMismatch', on(r), nameCell, `${nameCell}：科目${r.code}的名称为“${r.name}”，${year ?? ''}年科目目录为“${official}”`));
    }
  }
  for (const r of byCode.values()) {
    const p = parentOf(r.code);
    if (p && !byCode.has(p)) {
      const codeCell = r.row ? address(r.row, data.at?.codeColumn ?? 1) : 'A1';
      out.push(finding('orphan', on(r), codeCell, `${codeCell}：${levelOf(r.code)}级科目${r.code}缺少上级科目${p}所在行`));
    }
  }
  const keys = spec.columns.map((c) => c.key);
  // 类/款 = Σ direct children, per column. A subtotal is flagged only when it also differs from
  // the sum of its lowest rows, so one wrong 款 is reported at that 款, not again at its 类.
  // Linear: children grouped by parent once, leaf sums carried up from the 项 level.
  const all = [...byCode.values()];
  // Rows are named by their index in `all` (placeOf maps it into data.rows).
  const children = new Map<string, number[]>();
  const ancestors = new Set<string>();
  for (let j = 0; j < all.length; j++) {
    const r = all[j];
    const p = parentOf(r.code);
    if (p) {
      // push, not a spread: a 类 with thousands of 款 rows (a department's joined table) made this quadratic
      const kids = children.get(p);
      if (kids) kids.push(j);
      else children.set(p, [j]);
    }
    for (let len = r.code.length - 2; len >= 3; len -= 2) ancestors.add(r.code.slice(0, len));
  }
  // Each leaf's ancestors once, not once per column; and those that are rows of the table, by index.
  const indexOf = new Map<string, number>();
  for (let j = 0; j < all.length; j++) indexOf.set(all[j].code, j);
  const kidsAt = all.map((r) => children.get(r.code));
  const leaves: { j: number; up: string[]; upAt: number[] }[] = [];
  for (let j = 0; j < all.length; j++) {
    const r = all[j];
    if (ancestors.has(r.code)) continue;
    const up: string[] = [];
    const upAt: number[] = [];
    for (let len = r.code.length - 2; len >= 3; len -= 2) {
      const a = r.code.slice(0, len);
      up.push(a);
      const at = indexOf.get(a);
      if (at !== undefined) upAt.push(at);
    }
    leaves.push({ j, up, upAt });
  }
  const fast = scale.unit === '元' ? wholeYuan([...data.rows.map((r) => r.amounts), data.total], [...keys, ...spec.partsOfTotal, 'total']) : null;
  const totalPlace = data.rows.length;
  for (const key of keys) {
    const F = fast ? fast[key]! : null;
    // Built only when a subtotal disagrees in whole numbers, or the table is not in whole 元.
    let leafSum: Map<string, Money> | null = null;
    let leafCount: Map<string, number> | null = null;
    const buildLeafSums = () => {
      leafSum = new Map<string, Money>();
      leafCount = new Map<string, number>();
      for (const { j, up } of leaves) {
        const m = all[j].amounts[key];
        for (const a of up) {
          // A blank adds zero: a sum from ZERO stays what it was (never −0), so it is skipped.
          const had = leafSum.get(a) ?? ZERO;
          leafSum.set(a, m === null || m === undefined ? had : had.plus(m));
          leafCount.set(a, (leafCount.get(a) ?? 0) + printed(m));
        }
      }
      return { leafSum, leafCount };
    };
    // Each row's sum of its lowest rows in whole 元 (only rows with children are asked).
    let leafNum: Float64Array | null = null;
    if (F) {
      leafNum = new Float64Array(all.length);
      for (const { j, upAt } of leaves) {
        const n = F[placeOf[j]];
        for (const a of upAt) leafNum[a] += n;
      }
    }
    for (let j = 0; j < all.length; j++) {
      const kids = kidsAt[j];
      if (!kids) continue;
      const r = all[j];
      if (F && leafNum) {
        const stated = F[placeOf[j]];
        let n = 0;
        for (const c of kids) n += F[placeOf[c]];
        if (n === stated || leafNum[j] === stated) continue;
      }
      const stated = v(r.amounts[key]);
      let sum = ZERO;
      let kidsPrinted = 0;
      for (const c of kids) {
        const m = all[c].amounts[key];
        sum = sum.plus(v(m));
        if (m !== null && m !== undefined) kidsPrinted++;
      }
      const own = printed(r.amounts[key]);
      // The leaves are compared only when the direct children disagree (both are pure).
      if (agree(stated, sum, own + kidsPrinted, scale)) continue;
      const sums = leafSum && leafCount ? { leafSum: leafSum as Map<string, Money>, leafCount: leafCount as Map<string, number> } : buildLeafSums();
      const leavesAgree = agree(stated, sums.leafSum.get(r.code) ?? ZERO, own + (sums.leafCount.get(r.code) ?? 0), scale);
      if (!leavesAgree) {
        const cell = cellOf(data, r.row, key);
        out.push(finding('subtotal', on(r), cell, `${cell}：科目${r.code}“${r.name}”的${LABEL[key]}${mismatch('', stated, '其下级科目之和', sum, scale)}`));
      }
    }
  }
  // 合计 = Σ 类 rows (the leaves when no 类 row is given).
  const leiAt: number[] = [];
  for (let j = 0; j < all.length; j++) if (all[j].code.length === 3) leiAt.push(j);
  const topAt = leiAt.length ? leiAt : leaves.map((l) => l.j);
  const top = topAt.map((j) => all[j]);
  if (data.rows.length > 0) {
    for (const key of keys) {
      const F = fast ? fast[key]! : null;
      if (F && topAt.reduce((n, j) => n + F[placeOf[j]], 0) === F[totalPlace]) continue;
      const sum = top.reduce((s, c) => s.plus(v(c.amounts[key])), ZERO);
      if (!agree(sum, v(data.total[key]), printed(data.total[key], ...top.map((c) => c.amounts[key])), scale)) {
        const cell = cellOf(data, data.at?.totalRow, key);
        out.push(finding('grandTotal', totalSheet, cell, `${cell}：合计行${LABEL[key]}${mismatch('', v(data.total[key]), '各类级科目之和', sum, scale)}`));
      }
    }
  }
  // 合计 column = Σ its parts, on every row and the 合计 row.
  const parts = spec.partsOfTotal;
  const other = data.at?.otherColumns ?? [];
  // Every row, then the 合计 row; nothing is built for a row that adds up (most rows).
  const rowCount = data.rows.length;
  for (let i = 0; i <= rowCount; i++) {
    const coded = i < rowCount ? data.rows[i] : null;
    const amounts = coded ? coded.amounts : data.total;
    if (amounts.total === null || amounts.total === undefined) {
      let blank = true;
      for (const k of parts) if (amounts[k] !== null && amounts[k] !== undefined) blank = false;
      if (blank) continue;
    }
    if (fast) {
      let s = 0;
      for (const k of parts) s += fast[k]![i];
      if (s === fast.total![i]) continue;
    }
    const sum = parts.reduce((s, k) => s.plus(v(amounts[k])), ZERO);
    const slack = printed(amounts.total, ...parts.map((k) => amounts[k]));
    if (agree(sum, v(amounts.total), slack, scale)) continue;
    // With columns beyond the official parts (上年结转, …) the 合计 holds them too: it can only
    // be short of the known parts, never above them, by a mistake.
    if (other.length && v(amounts.total).plus(halfUnit(scale).times(slack)).gte(sum)) continue;
    const cell = cellOf(data, coded ? coded.row : data.at?.totalRow, 'total');
    const extra = other.length ? `（另有${other.join('、')}列，合计应不少于各列之和）` : '';
    const label = coded ? `科目${coded.code}“${coded.name}”` : '合计行';
    out.push(finding('rowParts', coded ? on(coded) : totalSheet, cell, `${cell}：${label}的合计${mismatch('', v(amounts.total), parts.map((k) => LABEL[k]).join('＋'), sum, scale)}${extra}`));
  }
  return out;
}

/**
 * A 元 table's figures as numbers, when every one is a whole 元 and all of them together stay
 * far below 2^53: then every sum of them is exact in doubles, and equal sums are exactly what
 * `agree` in 元 asks (its allowance is zero). A blank is 0. Null when any figure is not so,
 * and the checks stay in Decimal; where a comparison fails in numbers, it is made again in
 * Decimal, which words the finding (so the findings are the same either way).
 */
function wholeYuan(amounts: Amounts[], keys: string[]): Partial<Record<string, Float64Array>> | null {
  const out: Partial<Record<string, Float64Array>> = {};
  let magnitude = 0;
  for (const k of new Set(keys)) {
    const ns = new Float64Array(amounts.length);
    for (let i = 0; i < amounts.length; i++) {
      const m = amounts[i][k as keyof Amounts];
      // A blank is 0 (the array's own zero).
      if (m === null || m === undefined) continue;
      const n = wholeNumber(m);
      if (n === null) return null;
      ns[i] = n;
      magnitude += Math.abs(n);
    }
    out[k] = ns;
  }
  return magnitude <= 2 ** 51 ? out : null;
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
  const incomeSum = topKeys.reduce((s, k) => s.plus(v(income(k)?.amount)), ZERO);
  if (!agree(incomeSum, v(data.incomeTotal), printed(data.incomeTotal, ...topKeys.map((k) => income(k)?.amount)), scale)) {
    out.push(finding('balance', name, incomeCell(totalRow), `${incomeCell(totalRow)}：收入总计${mismatch('', v(data.incomeTotal), '各项收入之和', incomeSum, scale)}`));
  }
  const fiscal = income('fiscal');
  if (sheet.specId === 'T1' && fiscal) {
    const fundKeys = ['general', 'fund', 'stateCapital'];
    const funds = fundKeys.reduce((s, k) => s.plus(v(income(k)?.amount)), ZERO);
    if (!agree(funds, v(fiscal.amount), printed(fiscal.amount, ...fundKeys.map((k) => income(k)?.amount)), scale)) {
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
    const sum = data.expenditure.reduce((s, e) => s.plus(v(e.amounts[k])), ZERO);
    if (!agree(sum, v(data.expenditureTotal[k]), printed(data.expenditureTotal[k], ...data.expenditure.map((e) => e.amounts[k])), scale)) {
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
    const sum = parts.reduce((s, k) => s.plus(v(l.amounts[k])), ZERO);
    if (agree(sum, v(l.amounts.total), printed(l.amounts.total, ...parts.map((k) => l.amounts[k])), scale)) continue;
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
  const leaves = data.rows.flatMap((g) => g.projects.map((p) => ({ code: g.code, amount: v(p.amount), printed: printed(p.amount) })));
  for (const g of data.rows) {
    if (!g.code) continue;
    const mine = leaves.filter((l) => l.code.startsWith(g.code));
    const sum = mine.reduce((s, l) => s.plus(l.amount), ZERO);
    if (!agree(sum, v(g.amount), printed(g.amount) + mine.reduce((n, l) => n + l.printed, 0), scale)) {
      const cell = cellOf(data, g.row, 'amount');
      out.push(finding('projects', g.sheet ?? sheet.sheetName, cell, `${cell}：科目${g.code}“${g.name}”${mismatch('', v(g.amount), '其下项目之和', sum, scale)}`));
    }
  }
  const all = leaves.reduce((s, l) => s.plus(l.amount), ZERO);
  if (!agree(all, v(data.total), printed(data.total) + leaves.reduce((n, l) => n + l.printed, 0), scale)) {
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
