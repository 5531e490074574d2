import Decimal from 'decimal.js';
import type { ModelSheet } from '../model';
import { formatAmount, type Money } from '../money';
import { needsReason } from '../previous/compare';
import { EXPLANATION, OTHER } from '../specs/texts';
import { tierWords, type Tier } from '../tier';
import { draftFigures, type DraftFigures } from './figures';
import { changeWords, type Previous } from './changes';
import { procurementInputs, type ProcurementInputs } from '../previous/procurement';

/**
 * The 预算编制说明 and 其他相关情况说明 drafted from a workbook's tables, in the district
 * template's outline (specs/texts.ts) and the seeds' wording. Only what the tables hold is
 * stated; every place that needs a person (a reason, a purpose, the change against last year,
 * 政府采购 and assets, which no table holds) is a visible `【请填写…】` that the checks find.
 */
export interface DraftSection {
  id: 'explanation' | 'other';
  title: string;
  paragraphs: string[];
}

export interface Draft {
  figures: DraftFigures;
  sections: DraftSection[];
}

/**
 * What the draft may be given beside this year's tables: last year's figures (the changes are
 * then stated, with a 【请填写增减原因】 where a reason is required) and the 政府采购 inputs.
 */
export interface DraftOptions {
  previous?: Previous;
  procurement?: ProcurementInputs | null;
  /** the 财政级次 (市级 when not given) */
  tier?: Tier;
}

/** Whole 万元 with thousands separators, half up: how the seeds print the 预算编制说明 (`4,706万元`). */
export function wholeWan(x: Money): string {
  return formatAmount(x.toDecimalPlaces(0, Decimal.ROUND_HALF_UP), 0);
}

/** Two decimals, half up, with separators: the seeds' “三公” and 机关运行经费 (`1,058.70万元`). */
export function twoDecimalsWan(x: Money): string {
  return formatAmount(x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP), 2);
}

/** Two decimals, half up, no separators: the seeds' 绩效 paragraph (`3209.38万元`). */
export function performanceWan(x: Money): string {
  return x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

export function placeholder(what: string): string {
  return `【请填写${what}】`;
}

interface Words {
  year: string;
  prev: string;
  org: string;
  self: string;
  /** `，比2020年预算【…】`: the change no table of this year holds */
  change: string;
  /** the change of one figure against last year, or `change` without last year */
  against: (key: ChangeKey, decimals: 0 | 2) => string;
  hasPrevious: boolean;
  /** the reason given for a figure's change, or the placeholder asking for it */
  reason: (key: ChangeKey) => string;
  /** does any of these figures' change need a reason */
  needsReason: (keys: ChangeKey[]) => boolean;
  /** 本市, 本区 or 本县 by the 财政级次 (../tier.ts) */
  local: string;
}

type ChangeKey = 'fiscal' | 'general' | 'fund' | 'stateCapital' | 'income-fiscal' | 'tp-total' | 'tp-abroad' | 'tp-vehicle' | 'tp-reception' | 'operating';

/** This year's and last year's figure of a change key; null when either workbook lacks its table. */
function pairOf(key: ChangeKey, f: DraftFigures, p: DraftFigures): [Money, Money] | null {
  const tp = (k: keyof NonNullable<DraftFigures['threePublic']>) => (f.threePublic && p.threePublic ? ([p.threePublic[k], f.threePublic[k]] as [Money, Money]) : null);
  const fi = (k: keyof NonNullable<DraftFigures['fiscal']>) => (f.fiscal && p.fiscal ? ([p.fiscal[k], f.fiscal[k]] as [Money, Money]) : null);
  switch (key) {
    case 'income-fiscal':
      return f.income && p.income ? [p.income.fiscal, f.income.fiscal] : null;
    case 'fiscal':
      return fi('total');
    case 'general':
    case 'fund':
    case 'stateCapital':
      return fi(key);
    case 'tp-total':
      return tp('total');
    case 'tp-abroad':
      return tp('abroad');
    case 'tp-vehicle':
      return tp('vehicle');
    case 'tp-reception':
      return tp('reception');
    case 'operating':
      return tp('operating');
  }
}

function wordsOf(f: DraftFigures, o: DraftOptions): Words {
  const year = f.year !== null ? String(f.year) : placeholder('预算年度');
  const prevYear = o.previous?.figures.year ?? (f.year !== null ? f.year - 1 : null);
  const prev = prevYear !== null ? String(prevYear) : placeholder('上年年度');
  const change = `，比${prev}年预算${placeholder('增加或减少…万元，或改为“持平”；有增减时写明主要原因')}`;
  const previous = o.previous;
  return {
    year,
    prev,
    org: f.org ?? placeholder(f.level === 'unit' ? '单位名称' : '部门名称'),
    self: f.level === 'unit' ? '本单位' : '本部门',
    change,
    hasPrevious: previous !== undefined,
    reason: (key) => previous?.reasons?.get(COMPARISON_KEY[key]) ?? placeholder('增减原因'),
    against: (key, decimals) => {
      const pair = previous ? pairOf(key, f, previous.figures) : null;
      if (!previous || !pair) return change;
      return `，${changeWords(prev, pair[0], pair[1], decimals)}`;
    },
    needsReason: (keys) =>
      keys.some((k) => {
        const pair = previous ? pairOf(k, f, previous.figures) : null;
        return pair !== null && needsReason(pair[0], pair[1], previous!.threshold);
      }),
    local: tierWords(o.tier).local,
  };
}

/** The 上年对比 row of each figure the draft words, whose 原因 a person may have typed. */
const COMPARISON_KEY: Record<ChangeKey, string> = {
  'income-fiscal': 'T1:income:fiscal',
  fiscal: 'T1:income:fiscal',
  general: 'T1:income:general',
  fund: 'T1:income:fund',
  stateCapital: 'T1:income:stateCapital',
  'tp-total': 'T9:total',
  'tp-abroad': 'T9:abroad',
  'tp-vehicle': 'T9:vehicleTotal',
  'tp-reception': 'T9:reception',
  operating: 'T9:operating',
};

/** `，主要原因是…` after a change that needs one: the clerk's reason from the 上年对比 sheet, else 【请填写增减原因】. */
function reasonAfter(w: Words, key: ChangeKey): string {
  return w.needsReason([key]) ? `，主要原因是${w.reason(key)}` : '';
}

function missing(table: string): string {
  return placeholder(`金额（工作簿中没有${table}）`);
}

function explanation(f: DraftFigures, w: Words): string[] {
  const W = (x: Money) => `${wholeWan(x)}万元`;
  const inc = f.income;
  const income = inc
    ? `${w.year}年，${w.org}收入预算${W(inc.total)}，其中：财政拨款收入${W(inc.fiscal)}${w.against('income-fiscal', 0)}；事业收入${W(inc.business)}；事业单位经营收入${W(inc.operating)}；其他收入${W(inc.other)}。`
    : `${w.year}年，${w.org}收入预算${missing('财务收支预算总表T1')}。`;
  const spend = f.expenditureTotal ? W(f.expenditureTotal) : missing('财务收支预算总表T1');
  const fi = f.fiscal;
  const fiscal = fi
    ? `其中：财政拨款支出预算${W(fi.total)}${w.against('fiscal', 0)}。财政拨款支出预算中，一般公共预算拨款支出预算${W(fi.general)}${w.against('general', 0)}；政府性基金拨款支出预算${W(fi.fund)}${w.against('fund', 0)}；国有资本经营预算拨款支出预算${W(fi.stateCapital)}${w.against('stateCapital', 0)}。`
    : `其中：财政拨款支出预算${missing('财政拨款收支预算总表T4')}。`;
  const classes = f.classes
    .filter((c) => !c.amount.isZero())
    .map((c, i) => `${i + 1}. “${c.name}”科目${W(c.amount)}，主要用于${placeholder('主要用途')}。`);
  // With last year, the reason is asked for only when a change needs one (issue 16.2).
  const ask = !w.hasPrevious || w.needsReason(['income-fiscal', 'fiscal', 'general', 'fund', 'stateCapital']);
  return [
    income,
    `支出预算${spend}，${fiscal}`,
    ...(ask ? [`财政拨款收入支出增加（减少）的主要原因是${w.hasPrevious ? w.reason('fiscal') : placeholder('增减原因')}。`] : []),
    '财政拨款支出主要内容如下：',
    ...(classes.length ? classes : [`1. “${placeholder('科目名称')}”科目${missing('财政拨款收支预算总表T4')}，主要用于${placeholder('主要用途')}。`]),
  ];
}

function threePublic(f: DraftFigures, w: Words): string[] {
  const T = (x: Money) => `${twoDecimalsWan(x)}万元`;
  const t = f.threePublic;
  const heading = `一、${w.year}年“三公”经费预算情况说明`;
  if (!t) return [heading, `${w.year}年“三公”经费预算数为${missing('“三公”经费预算表T9')}${w.change}。`];
  return [
    heading,
    // the total's change is explained by its items, which follow
    `${w.year}年“三公”经费预算数为${T(t.total)}${w.against('tp-total', 2)}。其中：`,
    `（一）因公出国（境）费${T(t.abroad)}${w.against('tp-abroad', 2)}${reasonAfter(w, 'tp-abroad')}。`,
    `（二）公务用车购置及运行费${T(t.vehicle)}${w.against('tp-vehicle', 2)}${reasonAfter(w, 'tp-vehicle')}。其中：公务用车购置费${T(t.purchase)}；公务用车运行费${T(t.running)}。`,
    `（三）公务接待费${T(t.reception)}${w.against('tp-reception', 2)}${reasonAfter(w, 'tp-reception')}。`,
  ];
}

function operating(f: DraftFigures, w: Words): string[] {
  const t = f.threePublic;
  const heading = '二、机关运行经费预算';
  if (!t) return [heading, `${w.year}年${w.org}机关运行经费预算为${missing('“三公”经费预算表T9')}。`];
  // The template's own wording when there is none (a blank or 0 in T9's 机关运行经费 column).
  if (t.operating.isZero() && !w.needsReason(['operating'])) return [heading, `${w.self}无机关运行经费。`];
  return [heading, `${w.year}年${w.org}机关运行经费预算为${twoDecimalsWan(t.operating)}万元${w.hasPrevious ? w.against('operating', 2) + reasonAfter(w, 'operating') : ''}。`];
}

function procurement(w: Words, p: ProcurementInputs | null | undefined): string[] {
  // As the seeds print them: two decimals at most, trailing zeros dropped (`45261.9`, `533`).
  const x = (v: Money | null | undefined) => (v ? v.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString() : placeholder('金额'));
  const total = p?.total ?? (p && (p.goods || p.works || p.services) ? [p.goods, p.works, p.services].reduce<Money>((s, v) => (v ? s.plus(v) : s), new Decimal(0)) : null);
  return [
    '三、政府采购预算情况',
    `${w.year}年${w.self}政府采购预算${x(total)}万元，其中：政府采购货物预算${x(p?.goods)}万元、政府采购工程预算${x(p?.works)}万元、政府采购服务预算${x(p?.services)}万元。`,
    `${w.year}年${w.self}面向中小企业预留政府采购项目预算金额${x(p?.smes)}万元，其中，预留给小型和微型企业的政府采购项目预算为${x(p?.small)}万元。`,
  ];
}

function performance(f: DraftFigures, w: Words): string[] {
  const p = f.performance;
  const figures = p
    ? `编报绩效目标的项目${p.count}个，涉及项目预算资金${performanceWan(p.amount)}万元。`
    : `编报绩效目标的项目${placeholder('项目个数')}个，涉及项目预算资金${placeholder('金额')}万元。`;
  // U2 lists every project, also those that file no 绩效目标: a person confirms the count.
  const confirm = p?.source === 'U2' ? placeholder(`核对结果：以上按项目支出预算表U2全部${p.count}个项目计，未编报绩效目标的项目应剔除后改写个数和金额`) : '';
  return ['四、绩效目标设置情况', `按照${w.local}预算绩效管理工作的总体要求，${w.self}开展了${w.year}年项目预算绩效目标编报工作，${figures}${confirm}`];
}

function assets(w: Words): string[] {
  const n = placeholder('数量');
  return [
    '五、国有资产占有使用情况',
    `截至${w.prev}年8月31日，${w.org}共有车辆${n}辆；单价100万元（含）以上设备（不含车辆）${n}台（套）。`,
    `${w.year}年${w.self}预算安排购置车辆${n}辆；购置单价100万元（含）以上设备（不含车辆）${n}台（套）。`,
  ];
}

/** The two sections drafted from already-gathered figures. */
export function draftFromFigures(f: DraftFigures, o: DraftOptions = {}): Draft {
  const w = wordsOf(f, o);
  const title = (t: string) => t.replace('{year}', w.year).replace('{org}', w.org);
  return {
    figures: f,
    sections: [
      { id: 'explanation', title: title(EXPLANATION.title[f.level]), paragraphs: explanation(f, w) },
      { id: 'other', title: title(OTHER.title[f.level]), paragraphs: [...threePublic(f, w), ...operating(f, w), ...procurement(w, o.procurement), ...performance(f, w), ...assets(w)] },
    ],
  };
}

/** The 预算编制说明 and 其他相关情况说明 drafted from a workbook's read sheets. */
export function draftText(sheets: readonly ModelSheet[], o: DraftOptions = {}): Draft {
  return draftFromFigures(draftFigures(sheets), { procurement: procurementInputs(sheets), ...o });
}

/** The draft as plain text: each section's title, then its paragraphs, one per line. */
export function draftAsText(draft: Draft): string {
  return draft.sections.map((s) => [s.title, ...s.paragraphs].join('\n')).join('\n\n');
}
