import type { BalanceTableData, BudgetContext, ModelSheet, ProjectTableData, TargetFormData, TargetSummaryData, ThreePublicData } from '../model';
import { Money, sum } from '../money';
import type { CurrencyUnit } from '../specs/types';

/**
 * What the drafted 说明 says, gathered from a workbook's read sheets: every figure in 万元,
 * exact (rounding happens only when a figure is printed). `null` where the workbook has no
 * table to take the figure from: the draft then asks a person for it.
 */
export interface DraftFigures {
  level: BudgetContext['level'];
  org: string | null;
  year: number | null;
  income: { total: Money; fiscal: Money; business: Money; operating: Money; other: Money } | null;
  expenditureTotal: Money | null;
  fiscal: { total: Money; general: Money; fund: Money; stateCapital: Money } | null;
  /** each functional 类 of the 财政拨款 expenditure, in table order */
  classes: { code: string | null; name: string; amount: Money }[];
  threePublic: { total: Money; abroad: Money; vehicle: Money; purchase: Money; running: Money; reception: Money; operating: Money } | null;
  /** the projects whose 绩效目标 are filed, and where the count came from */
  performance: { count: number; amount: Money; source: 'target-forms' | 'target-summary' | 'U2' } | null;
}

const TEN_THOUSAND = new Money(10000);

/** A read figure in 万元: tables printed in 元 are divided, tables printed in 万元 are as read. */
function wan(value: Money | null | undefined, unit: CurrencyUnit | undefined, fallback: CurrencyUnit): Money {
  const v = value ?? new Money(0);
  return (unit ?? fallback) === '元' ? v.div(TEN_THOUSAND) : v;
}

function first<K extends ModelSheet['data']['kind']>(sheets: readonly ModelSheet[], specIds: readonly string[], kind: K): Extract<ModelSheet['data'], { kind: K }> | null {
  for (const id of specIds) {
    const s = sheets.find((x) => x.specId === id && x.data.kind === kind);
    if (s) return s.data as Extract<ModelSheet['data'], { kind: K }>;
  }
  return null;
}

/** `一、公共安全支出` → `公共安全支出`: the 类 name without the table's list numbering. */
function className(label: string): string {
  return label.replace(/^\s*[一二三四五六七八九十百]+\s*[、.．]\s*/, '').trim();
}

function incomeOf(t1: BalanceTableData): DraftFigures['income'] {
  const item = (key: string): Money => wan(t1.income.find((i) => i.key === key)?.amount, t1.unit, '元');
  return { total: wan(t1.incomeTotal, t1.unit, '元'), fiscal: item('fiscal'), business: item('business'), operating: item('operating'), other: item('other') };
}

function fiscalOf(t4: BalanceTableData): DraftFigures['fiscal'] {
  const e = t4.expenditureTotal;
  const total = wan(e.total, t4.unit, '元');
  const general = wan(e.general, t4.unit, '元');
  const fund = wan(e.fund, t4.unit, '元');
  // A T4 without a 国有资本经营预算 column holds none: what is left of the total is that part.
  const stateCapital = e.stateCapital !== undefined ? wan(e.stateCapital, t4.unit, '元') : total.minus(general).minus(fund);
  return { total, general, fund, stateCapital };
}

function threePublicOf(t9: ThreePublicData): DraftFigures['threePublic'] {
  const a = (k: keyof ThreePublicData['amounts']): Money => wan(t9.amounts[k], t9.unit, '万元');
  return { total: a('total'), abroad: a('abroad'), vehicle: a('vehicleTotal'), purchase: a('vehiclePurchase'), running: a('vehicleRunning'), reception: a('reception'), operating: a('operating') };
}

function performanceOf(sheets: readonly ModelSheet[]): DraftFigures['performance'] {
  const forms = sheets.map((s) => s.data).filter((d): d is TargetFormData => d.kind === 'target-form');
  if (forms.length) {
    return { count: forms.length, amount: sum(forms.map((f) => f.funds.annualTotal)).div(TEN_THOUSAND), source: 'target-forms' };
  }
  const summary = first(sheets, ['target-summary'], 'target-summary') as TargetSummaryData | null;
  if (summary && summary.rows.length) {
    return { count: summary.rows.length, amount: sum(summary.rows.map((r) => r.amount)).div(TEN_THOUSAND), source: 'target-summary' };
  }
  const u2 = first(sheets, ['U2'], 'projects') as ProjectTableData | null;
  if (u2) {
    const projects = u2.rows.flatMap((g) => g.projects);
    if (projects.length) return { count: projects.length, amount: wan(sum(projects.map((p) => p.amount)), u2.unit, '元'), source: 'U2' };
  }
  return null;
}

export function draftFigures(sheets: readonly ModelSheet[]): DraftFigures {
  const ctx = (key: keyof BudgetContext) => sheets.map((s) => s.context[key]).find((v) => v !== undefined && v !== null && v !== '');
  const t1 = first(sheets, ['T1'], 'balance');
  const t4 = first(sheets, ['T4'], 'balance');
  const t9 = first(sheets, ['T9'], 'three-public');
  return {
    level: (ctx('level') as BudgetContext['level'] | undefined) ?? 'unit',
    org: (ctx('org') as string | undefined) ?? null,
    year: (ctx('year') as number | undefined) ?? null,
    income: t1 ? incomeOf(t1) : null,
    expenditureTotal: t1 ? wan(t1.expenditureTotal.total, t1.unit, '元') : null,
    fiscal: t4 ? fiscalOf(t4) : null,
    classes: t4 ? t4.expenditure.map((e) => ({ code: e.code, name: className(e.label), amount: wan(e.amounts.total, t4.unit, '元') })) : [],
    threePublic: t9 ? threePublicOf(t9) : null,
    performance: performanceOf(sheets),
  };
}
