import { levelOf, parentOf } from '../codes';
import type { Amounts, BalanceTableData, CodedTableData, ModelSheet, ProjectTableData, ThreePublicData } from '../model';
import { formatAmount, Money, ZERO } from '../money';
import { address } from '../plan/a1';
import type { ReadIssue } from '../read/parse';
import type { AmountKey } from '../seed-types';
import { tableSpec } from '../specs/tables';
import type { CodedTableSpec } from '../specs/types';
import { RULES, RuleKey } from './catalog-of-rules';
import type { Finding, RuleContext } from './types';

const LABEL: Record<string, string> = {
  total: '合计', fiscal: '财政拨款收入', business: '事业收入', operating: '事业单位经营收入', other: '其他收入',
  basic: '基本支出', project: '项目支出', personnel: '人员经费', public: '公用经费',
  general: '一般公共预算', fund: '政府性基金预算', stateCapital: '国有资本经营预算',
};

/** A blank amount is zero. */
export const v = (m: Money | null | undefined): Money => m ?? ZERO;
export const yuan = (m: Money) => `${formatAmount(m)} 元`;

export function finding(rule: RuleKey, sheet: string, cell: string, message: string): Finding {
  return { rule: RULES[rule].id, severity: RULES[rule].severity, sheet, cell, message };
}

function cellOf(data: { at?: { columns: Partial<Record<string, number>>; codeColumn?: number } }, row: number | null | undefined, key: string): string {
  const col = data.at?.columns[key] ?? data.at?.codeColumn ?? 1;
  return row ? address(row, col) : 'A1';
}

/** “左（a）与右（b）不一致，相差 d 元” — both sides, their values and the difference. */
function mismatch(left: string, a: Money, right: string, b: Money): string {
  return `${left}为 ${yuan(a)}，${right}为 ${yuan(b)}，相差 ${yuan(a.minus(b).abs())}`;
}

// ---------------------------------------------------------------- inside one coded table

export function checkCodedTable(sheet: ModelSheet, data: CodedTableData, ctx: RuleContext): Finding[] {
  const spec = tableSpec(sheet.specId) as CodedTableSpec;
  const out: Finding[] = [];
  const name = sheet.sheetName;
  const byCode = new Map<string, typeof data.rows[number]>();
  const year = sheet.context.year ?? ctx.year;
  for (const r of data.rows) {
    const codeCell = r.row ? address(r.row, data.at?.codeColumn ?? 1) : 'A1';
    if (!/^\d+$/.test(r.code)) continue; // a bad code is reported by the reader
    if (byCode.has(r.code)) {
      out.push(finding('duplicateCode', name, codeCell, `${codeCell}：科目 ${r.code} 在本表出现两次（第 ${byCode.get(r.code)!.row ?? '?'} 行已有），金额会被重复计算`));
      continue;
    }
    byCode.set(r.code, r);
    const official = ctx.catalog.nameOf(r.code, year);
    if (official === undefined) {
      out.push(finding('unknownCode', name, codeCell, `${codeCell}：科目编码 ${r.code} 不在${year ?? ''}年科目目录中；请核对编码，或在“科目目录”表中补充`));
    } else if (r.name && r.name.replace(/\s/g, '') !== official.replace(/\s/g, '')) {
      const nameCell = r.row ? address(r.row, data.at?.nameColumn ?? 4) : 'A1';
      out.push(finding('nameMismatch', name, nameCell, `${nameCell}：科目 ${r.code} 的名称为“${r.name}”，${year ?? ''}年科目目录为“${official}”`));
    }
  }
  for (const r of byCode.values()) {
    const p = parentOf(r.code);
    if (p && !byCode.has(p)) {
      const codeCell = r.row ? address(r.row, data.at?.codeColumn ?? 1) : 'A1';
      out.push(finding('orphan', name, codeCell, `${codeCell}：${levelOf(r.code)}级科目 ${r.code} 缺少上级科目 ${p} 所在行`));
    }
  }
  const keys = spec.columns.map((c) => c.key);
  // 类/款 = Σ direct children, per column. A subtotal is flagged only when it also differs from
  // the sum of its lowest rows, so one wrong 款 is reported at that 款, not again at its 类.
  // Linear: children grouped by parent once, leaf sums carried up from the 项 level.
  const all = [...byCode.values()];
  const children = new Map<string, typeof all>();
  const ancestors = new Set<string>();
  for (const r of all) {
    const p = parentOf(r.code);
    if (p) children.set(p, [...(children.get(p) ?? []), r]);
    for (let len = r.code.length - 2; len >= 3; len -= 2) ancestors.add(r.code.slice(0, len));
  }
  for (const key of keys) {
    const leafSum = new Map<string, Money>();
    for (const r of all) {
      if (ancestors.has(r.code)) continue;
      for (let len = r.code.length - 2; len >= 3; len -= 2) {
        const a = r.code.slice(0, len);
        leafSum.set(a, (leafSum.get(a) ?? ZERO).plus(v(r.amounts[key])));
      }
    }
    for (const r of all) {
      const kids = children.get(r.code);
      if (!kids) continue;
      const stated = v(r.amounts[key]);
      const sum = kids.reduce((s, c) => s.plus(v(c.amounts[key])), ZERO);
      if (!sum.eq(stated) && !(leafSum.get(r.code) ?? ZERO).eq(stated)) {
        const cell = cellOf(data, r.row, key);
        out.push(finding('subtotal', name, cell, `${cell}：${r.code} ${r.name} 的${LABEL[key]}${mismatch('', stated, '其下级科目之和', sum)}`));
      }
    }
  }
  // 合计 = Σ 类 rows (the leaves when no 类 row is given).
  const lei = [...byCode.values()].filter((r) => r.code.length === 3);
  const top = lei.length ? lei : all.filter((r) => !ancestors.has(r.code));
  if (data.rows.length > 0) {
    for (const key of keys) {
      const sum = top.reduce((s, c) => s.plus(v(c.amounts[key])), ZERO);
      if (!sum.eq(v(data.total[key]))) {
        const cell = cellOf(data, data.at?.totalRow, key);
        out.push(finding('grandTotal', name, cell, `${cell}：合计行${LABEL[key]}${mismatch('', v(data.total[key]), '各类级科目之和', sum)}`));
      }
    }
  }
  // 合计 column = Σ its parts, on every row and the 合计 row.
  const parts = spec.partsOfTotal;
  const rowsWithTotal: { row?: number | null; label: string; amounts: Amounts }[] = [
    ...data.rows.map((r) => ({ row: r.row, label: `${r.code} ${r.name}`, amounts: r.amounts })),
    { row: data.at?.totalRow, label: '合计行', amounts: data.total },
  ];
  for (const r of rowsWithTotal) {
    if (parts.every((k) => r.amounts[k] === null || r.amounts[k] === undefined) && (r.amounts.total === null || r.amounts.total === undefined)) continue;
    const sum = parts.reduce((s, k) => s.plus(v(r.amounts[k])), ZERO);
    if (!sum.eq(v(r.amounts.total))) {
      const cell = cellOf(data, r.row, 'total');
      out.push(finding('rowParts', name, cell, `${cell}：${r.label} 的合计${mismatch('', v(r.amounts.total), parts.map((k) => LABEL[k]).join('＋'), sum)}`));
    }
  }
  return out;
}

// ---------------------------------------------------------------- T1, T4

export function checkBalance(sheet: ModelSheet, data: BalanceTableData): Finding[] {
  const out: Finding[] = [];
  const name = sheet.sheetName;
  const income = (k: string) => data.income.find((i) => i.key === k);
  const incomeCell = (row?: number | null) => (row ? address(row, data.at?.columns.income ?? 2) : 'B1');
  const totalRow = data.at?.totalRow;
  const topKeys = sheet.specId === 'T1' ? ['fiscal', 'business', 'operating', 'other'] : ['general', 'fund', 'stateCapital'];
  const incomeSum = topKeys.reduce((s, k) => s.plus(v(income(k)?.amount)), ZERO);
  if (!incomeSum.eq(v(data.incomeTotal))) {
    out.push(finding('balance', name, incomeCell(totalRow), `${incomeCell(totalRow)}：收入总计${mismatch('', v(data.incomeTotal), '各项收入之和', incomeSum)}`));
  }
  const fiscal = income('fiscal');
  if (sheet.specId === 'T1' && fiscal) {
    const funds = ['general', 'fund', 'stateCapital'].reduce((s, k) => s.plus(v(income(k)?.amount)), ZERO);
    if (!funds.eq(v(fiscal.amount))) {
      out.push(finding('balance', name, incomeCell(fiscal.row), `${incomeCell(fiscal.row)}：财政拨款收入${mismatch('', v(fiscal.amount), '一般公共预算、政府性基金、国有资本经营预算之和', funds)}`));
    }
  }
  const expenseTotal = v(data.expenditureTotal.total);
  if (!expenseTotal.eq(v(data.incomeTotal))) {
    const cell = cellOf(data, totalRow, 'total');
    out.push(finding('balance', name, cell, `${cell}：支出总计${mismatch('', expenseTotal, '收入总计', v(data.incomeTotal))}`));
  }
  const keys = Object.keys(data.at?.columns ?? { total: 1 }).filter((k) => k !== 'income');
  for (const key of keys.length ? keys : ['total']) {
    const sum = data.expenditure.reduce((s, e) => s.plus(v(e.amounts[key as AmountKey])), ZERO);
    if (!sum.eq(v(data.expenditureTotal[key as AmountKey]))) {
      const cell = cellOf(data, totalRow, key);
      out.push(finding('balance', name, cell, `${cell}：支出总计的${LABEL[key] ?? key}${mismatch('', v(data.expenditureTotal[key as AmountKey]), '各类支出之和', sum)}`));
    }
  }
  return out;
}

// ---------------------------------------------------------------- T9, U2

export function checkThreePublic(sheet: ModelSheet, data: ThreePublicData): Finding[] {
  const a = data.amounts;
  const out: Finding[] = [];
  const cell = (k: string) => cellOf(data, data.at?.totalRow, k);
  const vehicles = v(a.vehiclePurchase).plus(v(a.vehicleRunning));
  if (!vehicles.eq(v(a.vehicleTotal))) {
    out.push(finding('threePublic', sheet.sheetName, cell('vehicleTotal'), `${cell('vehicleTotal')}：公务用车购置及运行费小计为 ${v(a.vehicleTotal).toFixed(2)} 万元，购置费与运行费之和为 ${vehicles.toFixed(2)} 万元`));
  }
  const total = v(a.abroad).plus(v(a.reception)).plus(v(a.vehicleTotal));
  if (!total.eq(v(a.total))) {
    out.push(finding('threePublic', sheet.sheetName, cell('total'), `${cell('total')}：“三公”经费合计为 ${v(a.total).toFixed(2)} 万元，因公出国（境）费、公务接待费、公务用车购置及运行费之和为 ${total.toFixed(2)} 万元`));
  }
  return out;
}

export function checkProjects(sheet: ModelSheet, data: ProjectTableData): Finding[] {
  const out: Finding[] = [];
  const leaves = data.rows.flatMap((g) => g.projects.map((p) => ({ code: g.code, amount: v(p.amount) })));
  for (const g of data.rows) {
    if (!g.code) continue;
    const sum = leaves.filter((l) => l.code.startsWith(g.code)).reduce((s, l) => s.plus(l.amount), ZERO);
    if (!sum.eq(v(g.amount))) {
      const cell = cellOf(data, g.row, 'amount');
      out.push(finding('projects', sheet.sheetName, cell, `${cell}：${g.code} ${g.name}${mismatch('', v(g.amount), '其下项目之和', sum)}`));
    }
  }
  const all = leaves.reduce((s, l) => s.plus(l.amount), ZERO);
  if (!all.eq(v(data.total))) {
    const cell = cellOf(data, data.at?.totalRow, 'amount');
    out.push(finding('projects', sheet.sheetName, cell, `${cell}：合计${mismatch('', v(data.total), '全部项目之和', all)}`));
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
