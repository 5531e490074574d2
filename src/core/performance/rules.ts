import type { FormIndicator, SelfEvaluationData, TargetFormData } from '../model';
import { formatAmount, Money, ZERO } from '../money';
import { RULES, type RuleKey } from '../rules/catalog-of-rules';
import type { Severity } from '../rules/types';
import type { SeedAmount, SeedIndicator, SeedSelfEvaluation, SeedTargetForm } from '../seed-types';
import type { SeedLongTargetForm } from '../seed-types-2020-form';
import { INDICATOR_LEVELS, level1Names, LONG_FORM_2020_LEVELS } from '../specs/forms';
import { executionRate, executionScore, grade, indicatorScore } from './scoring';
import { parseTargetValue } from './targets';

/**
 * Rules for performance forms (domain.md §6), once, on the model (`TargetFormData`,
 * `SelfEvaluationData`) whether it came from a seed or was read from a sheet. Each problem
 * says which field or which indicator cell it is about; `rules/forms.ts` turns that into the
 * validator's sheet!cell, the seed wrappers below into the form's name. Ids and severities
 * are the validator's catalog (`RULES`).
 *
 * Editions: 成本指标 became a 一级 indicator in 2021 (before, 成本 was a 二级 under 产出).
 * A target form follows the edition of its own year; a self-evaluation evaluates targets set
 * the year before, so a year-Y self-evaluation follows the year Y−1 edition (the 2021
 * self-evaluations of the seeds have no 成本 一级, and one still has 成本 under 产出). A form
 * that says no year is held to the edition in force now.
 */
export const LATEST_EDITION = 2021;

export type FormRuleKey = Extract<
  RuleKey,
  | 'formFunds' | 'formSubprojects' | 'formLevel1' | 'formLevel2' | 'formLevel3' | 'formTarget' | 'formSuspicious' | 'formUnit'
  | 'selfRate' | 'selfScore' | 'selfDeviation' | 'selfMetDeducted' | 'selfScoreRules' | 'selfWeights' | 'selfTotal' | 'selfGrade'
>;

/**
 * Where a problem is: a field of the form (a key of `FormPositions.cells`: `annualTotal`,
 * `rate`, `rateScore`, `totalWeight`, `totalScore`, `indicatorHeader`) or a column of one
 * indicator row. `where` names the place in words.
 */
export interface FormProblem {
  rule: FormRuleKey;
  where: string;
  field?: string;
  indicator?: FormIndicator;
  column?: keyof FormIndicator;
  /**
   * the problem in words, without the form's name or cell. `〔field〕` stands for the cell of
   * another field the problem compares with: `（E14）` on a sheet, nothing for a seed (`placeCells`).
   */
  text: string;
}

/** `〔annualTotal〕` → `（E14）` with the cells of a sheet, or dropped when there are none. */
export function placeCells(text: string, cells: Partial<Record<string, string>> | undefined): string {
  return text.replace(/〔(\w+)〕/g, (_m, key: string) => (cells?.[key] ? `（${cells[key]}）` : ''));
}

/** A problem of a seed form, named by the form and the place (the tests' and `forms` command's view). */
export interface FormFinding {
  rule: string;
  severity: Severity;
  form: string;
  where: string;
  message: string;
}

const bare = (s: string | null | undefined) => (s ?? '').replace(/\s/g, '').replace(/(指标|目标)$/, '');
const shown = (m: Money | null | undefined) => (m ? m.toFixed() : '空');

function allowed(level1: string, edition: number): string[] | undefined {
  if (edition < 2021 && level1 === '产出') return [...INDICATOR_LEVELS.产出, '成本'];
  return INDICATOR_LEVELS[level1];
}

/**
 * A 三级 that is only the form's placeholder (the 2020 form prints 其它 as a 二级 and the seed's
 * clerk typed 其它 under it as 三级 and as target): it names nothing that can be assessed.
 */
const PLACEHOLDER = /^(其它|其他|无|略|—+|-+)$/;

/** The long 2020 form's groups as printed (一级目标 → its 二级目标), keyed by bare 一级. */
const LONG_GROUPS = new Map(LONG_FORM_2020_LEVELS.map((g) => [bare(g.level1), g] as const));

function structure(indicators: FormIndicator[], edition: number | 'long-2020', out: FormProblem[]): void {
  const long = edition === 'long-2020';
  // The 2020 long form says 一级目标 / 三级目标 and names its 一级 in full (产出目标, 投入与管理).
  const level1List = long ? LONG_FORM_2020_LEVELS.map((g) => g.level1) : level1Names(edition);
  const l3 = long ? '三级目标' : '三级指标';
  for (const full of level1List) {
    const l1 = bare(full);
    if (!indicators.some((i) => bare(i.level1) === l1 && i.level3.trim())) {
      const text = long
        ? `缺少一级目标“${full}”或其下没有三级目标；2020年版的一级目标为${level1List.join('、')}，每个都应至少有一个三级目标`
        : `缺少一级指标“${l1}指标”或其下没有三级指标；本年度版本的一级指标为${level1List.join('、')}`;
      out.push({ rule: 'formLevel1', where: full, field: 'indicatorHeader', text });
    }
  }
  for (const i of indicators) {
    const l1 = bare(i.level1);
    const name = i.level3.trim();
    if (!name) {
      out.push({ rule: 'formLevel3', where: l3, indicator: i, column: 'level3', text: `这一行有指标值或分值，但没有${l3}名称` });
      continue;
    }
    if (PLACEHOLDER.test(name)) {
      out.push({
        rule: 'formLevel3',
        where: name,
        indicator: i,
        column: 'level3',
        text: `${l3}名称为“${name}”（指标值“${i.target ?? ''}”），只是表样的占位，不是可考核的指标；应写明具体的${l3}和指标值，或删去这一行`,
      });
      continue;
    }
    if (long) {
      // The seed lost the 二级 of some rows (投入与管理): an empty 二级 is not checked.
      const group = LONG_GROUPS.get(l1);
      if (group && i.level2.trim() && !group.level2.includes(i.level2.trim())) {
        out.push({ rule: 'formLevel2', where: name, indicator: i, column: 'level2', text: `三级目标“${name}”的二级目标“${i.level2}”不属于一级目标“${i.level1}”（应为${group.level2.join('、')}）` });
      }
    } else {
      const ok = allowed(l1, edition);
      if (ok && !ok.includes(bare(i.level2))) {
        out.push({ rule: 'formLevel2', where: name, indicator: i, column: 'level2', text: `三级指标“${name}”的二级指标“${i.level2}”不属于一级指标“${i.level1}”（应为${ok.map((x) => x + '指标').join('、')}）` });
      }
    }
    out.push(...targetProblems(i, l3));
  }
}

/**
 * What is wrong with one indicator's 指标值: it does not parse (错误), or it parses to something
 * suspicious (提示). Shared by the validator and `BUDGET.TARGETCHECK`, which says it beside the
 * cell as the clerk types. `level3Word` is how the form names its 三级 (三级指标 / 三级目标).
 */
export function targetProblems(i: FormIndicator, level3Word = '三级指标'): FormProblem[] {
  const out: FormProblem[] = [];
  const l3 = level3Word;
  const l1 = bare(i.level1);
  const name = i.level3.trim();
  const t = parseTargetValue(i.target);
  if (t.kind === 'invalid') {
    out.push({ rule: 'formTarget', where: name, indicator: i, column: 'target', text: `${l3}“${name}”${t.reason === '指标值为空' ? `没有指标值；每个${l3}都应有指标值，如“≥90.00(%)”或“健全”` : `的指标值${t.reason}`}` });
    return out;
  }
  if (t.kind !== 'quantity') return out;
  const pct = t.unit.replace(/[()（）]/g, '') === '%';
  if (/满意度/.test(name) && pct && t.value.isZero()) {
    out.push({ rule: 'formSuspicious', where: name, indicator: i, column: 'target', text: `满意度指标“${name}”的目标为${i.target}，满意度目标为0%不合常理，通常应为如“≥90.00(%)”` });
  } else if (pct && t.comparator === '=' && t.value.gt(0) && t.value.lt(100)) {
    out.push({ rule: 'formSuspicious', where: name, indicator: i, column: 'target', text: `“${name}”目标${i.target}用“=”限定一个低于100%的比率，通常应为“≥”` });
  }
  if ((/率$/.test(name) || /满意度$/.test(name)) && !pct) {
    out.push({ rule: 'formUnit', where: name, indicator: i, column: 'target', text: `“${name}”是比率，目标${i.target}的单位应为%` });
  }
  if (l1 === '成本' && !/元/.test(t.unit)) {
    out.push({ rule: 'formUnit', where: name, indicator: i, column: 'target', text: `成本指标“${name}”的目标${i.target}单位应为元或万元` });
  }
  return out;
}

/**
 * One line for the cell beside a target (`BUDGET.TARGETCHECK`): '' when the target reads, else
 * `错误：…` / `提示：…`. A row with neither a 三级 name nor a target is an unused template row.
 */
export function targetCheckText(target: string, name: string, level1 = ''): string {
  if (target.trim() === '' && name.trim() === '') return '';
  const problems = targetProblems({ level1, level2: '', level3: name.trim() || '（未填名称）', target: target.trim() || null });
  return problems.map((p) => `${p.rule === 'formTarget' ? '错误' : '提示'}：${p.text}`).join('；');
}

const yuan2 = (m: Money) => `${formatAmount(m, 2)}元`;
const amount = (m: Money) => formatAmount(m, 2);
const v = (m: Money | null | undefined): Money => m ?? ZERO;

/**
 * The long 2020 form's funds: 项目当年预算 within 项目总预算, the 子项目 adding up to
 * 项目当年预算 (domain.md §6: "they sum to the project budget"), and a 合计 typed over its SUM
 * that no longer adds its rows.
 */
function longFunds(f: TargetFormData & { long: NonNullable<TargetFormData['long']> }, out: FormProblem[]): void {
  const total = f.funds.total;
  const annual = f.funds.annualTotal;
  if (total && annual && annual.gt(total)) {
    out.push({ rule: 'formFunds', where: '项目当年预算', field: 'annualTotal', text: `项目当年预算为${yuan2(annual)}，项目总预算〔total〕为${yuan2(total)}，当年预算多出${yuan2(annual.minus(total))}；当年预算不应超过总预算` });
  }
  const subs = f.long.subProjects;
  if (subs.length === 0) return;
  const sum = subs.reduce((s, p) => s.plus(v(p.amount)), ZERO);
  const shownTotal = f.long.subProjectTotal;
  if (shownTotal && !shownTotal.eq(sum)) {
    out.push({ rule: 'formSubprojects', where: '子项目合计', field: 'subProjectTotal', text: `子项目合计填为${yuan2(shownTotal)}，${subs.length}个子项目的预算金额之和为${yuan2(sum)}，相差${yuan2(shownTotal.minus(sum).abs())}；合计应为各子项目之和` });
  }
  if (!sum.eq(v(annual))) {
    out.push({
      rule: 'formSubprojects',
      where: '子项目合计',
      field: 'subProjectTotal',
      text: `${subs.length}个子项目的预算金额之和为${yuan2(sum)}，项目当年预算〔annualTotal〕为${yuan2(v(annual))}，相差${yuan2(sum.minus(v(annual)).abs())}；子项目之和应等于项目当年预算`,
    });
  }
}

export function targetFormProblems(f: TargetFormData): FormProblem[] {
  const out: FormProblem[] = [];
  if (f.long) {
    longFunds({ ...f, long: f.long }, out);
    structure(f.indicators, 'long-2020', out);
    return out;
  }
  const x = f.funds;
  const sum = v(x.annualFiscal).plus(v(x.carryOver)).plus(v(x.annualOther));
  if (!sum.eq(v(x.annualTotal))) {
    out.push({
      rule: 'formFunds',
      where: '年度资金申请总额',
      field: 'annualTotal',
      text: `年度资金申请总额为${yuan2(v(x.annualTotal))}，当年财政拨款、上年结转资金与其他资金之和为${yuan2(sum)}，相差${yuan2(v(x.annualTotal).minus(sum).abs())}`,
    });
  }
  structure(f.indicators, f.year ?? LATEST_EDITION, out);
  return out;
}

export function selfEvaluationProblems(f: SelfEvaluationData): FormProblem[] {
  const out: FormProblem[] = [];
  const funds = f.funds;
  const rate = executionRate(v(funds.full), v(funds.executed));
  if (rate && funds.rate && !rate.eq(funds.rate)) {
    out.push({ rule: 'selfRate', where: '执行率', field: 'rate', text: `执行率填为${funds.rateText ?? funds.rate.toFixed(2) + '%'}，应为${rate.toFixed(2)}%（全年执行数${amount(v(funds.executed))}元 ÷ 全年预算数${amount(v(funds.full))}元）` });
  }
  if (rate && funds.score && !executionScore(rate).eq(funds.score)) {
    out.push({ rule: 'selfRate', where: '执行率得分', field: 'rateScore', text: `执行率得分填为${funds.score.toFixed()}，应为${executionScore(rate).toFixed()}（10 × 执行率${rate.toFixed(2)}%，不超过10）` });
  }
  let weights = v(funds.weight);
  let scores = v(funds.score);
  for (const i of f.indicators) {
    const w = v(i.weight);
    const s = v(i.score);
    weights = weights.plus(w);
    scores = scores.plus(s);
    const name = i.level3.trim();
    if (!name) continue; // reported by structure() as form-level3
    if (s.gt(w)) out.push({ rule: 'selfScore', where: name, indicator: i, column: 'score', text: `“${name}”得分${shown(i.score)}超过分值${shown(i.weight)}` });
    if (s.lt(w) && !(i.deviation ?? '').trim()) {
      out.push({ rule: 'selfDeviation', where: name, indicator: i, column: 'deviation', text: `“${name}”得分${shown(i.score)}低于分值${shown(i.weight)}，缺少偏差原因分析及改进措施` });
    }
    const rules = indicatorScore(i.target, i.actual ?? null, w);
    const met = rules.score !== null && rules.score.eq(w);
    if (met && s.lt(w)) {
      out.push({ rule: 'selfMetDeducted', where: name, indicator: i, column: 'score', text: `“${name}”目标${i.target}、完成${i.actual}，已达成却只得${shown(i.score)}分（分值${shown(i.weight)}）` });
    } else if (rules.score !== null && !rules.score.eq(s)) {
      out.push({ rule: 'selfScoreRules', where: name, indicator: i, column: 'score', text: `“${name}”得分${shown(i.score)}，按评分规则应为${rules.score.toFixed()}（${rules.basis}）` });
    }
  }
  if (!weights.eq(100)) out.push({ rule: 'selfWeights', where: '分值', field: 'totalWeight', text: `分值合计（执行率与各指标）为${weights.toFixed()}，应为100` });
  if (f.total.score && !scores.eq(f.total.score)) {
    out.push({ rule: 'selfTotal', where: '总分', field: 'totalScore', text: `总分填为${f.total.score.toFixed()}，执行率得分与各项得分之和为${scores.toFixed()}` });
  }
  if (f.total.grade) {
    const total = f.total.score ?? scores;
    const expected = grade(total);
    if (f.total.grade !== expected) {
      out.push({ rule: 'selfGrade', where: '自评等级', field: 'grade', text: `自评等级为“${f.total.grade}”，总分${total.toFixed()}的等级应为“${expected}”（优 ≥ 90，良 ≥ 80，中 ≥ 60，其余为差）` });
    }
  }
  structure(f.indicators, (f.year ?? LATEST_EDITION + 1) - 1, out);
  return out;
}

// ---------------------------------------------------------------- the seed forms

const money = (a: SeedAmount | undefined): Money | null => (typeof a === 'string' ? new Money(a) : null);
/** A published 分值 / 得分: a number when it is one (`2.5`), else nothing (`—`). */
const points = (s: string | null | undefined): Money | null => (s && /^\s*-?\d+(\.\d+)?\s*$/.test(s) ? new Money(s.trim()) : null);
/** `98.27%` → 98.27 */
const percent = (s: string | null | undefined): Money | null => {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/.exec(s ?? '');
  return m ? new Money(m[1]) : null;
};

/** An indicator row; the self-evaluation's columns only for a self-evaluation. */
function indicatorOf(i: SeedIndicator, scored: boolean): FormIndicator {
  const row: FormIndicator = { level1: i.level1, level2: i.level2, level3: i.level3, target: i.target };
  if (scored) Object.assign(row, { actual: i.actual ?? null, deviation: i.deviation ?? null, weight: points(i.weight), score: points(i.score) });
  return row;
}

export function targetFormFromSeed(f: SeedTargetForm): TargetFormData {
  const x = f.funds;
  return {
    kind: 'target-form',
    projectName: f.projectName,
    year: f.year,
    funds: {
      total: money(x.total),
      fiscal: money(x.fiscal),
      other: money(x.other),
      annualTotal: money(x.annualTotal),
      annualFiscal: money(x.annualFiscal),
      carryOver: money(x.carryOver),
      annualOther: money(x.annualOther),
    },
    indicators: f.indicators.map((i) => indicatorOf(i, false)),
  };
}

/**
 * The long 2020 form of a seed. Rows with neither 三级 nor target are the 二级 labels the form
 * prints for every group (成本, 经济效益, 人力资源…): no indicator, as the reader passes over
 * such rows of a sheet. A 二级 the extraction lost is empty.
 */
export function longTargetFormFromSeed(f: SeedLongTargetForm): TargetFormData {
  return {
    kind: 'target-form',
    projectName: f.projectName,
    year: f.year,
    funds: { total: money(f.funds.total), fiscal: null, other: null, annualTotal: money(f.funds.annualTotal), annualFiscal: null, carryOver: null, annualOther: null },
    indicators: f.indicators
      .filter((i) => i.level3 !== null || i.target !== null)
      .map((i) => ({ level1: i.level1, level2: i.level2 ?? '', level3: i.level3 ?? '', target: i.target })),
    long: {
      subProjects: f.subProjects.map((p) => ({ name: p.name, amount: money(p.amount) })),
      subProjectTotal: null,
      previousBudget: money(f.previousYear.budget),
      previousExecuted: money(f.previousYear.executed),
    },
  };
}

export function selfEvaluationFromSeed(f: SeedSelfEvaluation): SelfEvaluationData {
  const x = f.funds[0];
  const fiscal = money(f.funds[1]?.initial);
  return {
    kind: 'self-evaluation',
    projectName: f.projectName,
    year: f.year,
    funds: {
      full: money(x.full),
      executed: money(x.executed),
      weight: points(x.weight),
      rate: percent(x.rate),
      rateText: x.rate,
      score: points(x.score),
      ...(fiscal ? { initialFiscal: fiscal } : {}),
    },
    indicators: f.indicators.map((i) => indicatorOf(i, true)),
    total: { weight: points(f.total.weight), score: points(f.total.score) },
  };
}

function named(name: string, problems: FormProblem[]): FormFinding[] {
  return problems.map((p) => ({ rule: RULES[p.rule].id, severity: RULES[p.rule].severity, form: name, where: p.where, message: `${name}：${placeCells(p.text, undefined)}` }));
}

export function checkTargetForm(f: SeedTargetForm): FormFinding[] {
  return named(f.projectName, targetFormProblems(targetFormFromSeed(f)));
}

export function checkSelfEvaluation(f: SeedSelfEvaluation): FormFinding[] {
  return named(f.projectName, selfEvaluationProblems(selfEvaluationFromSeed(f)));
}

export function checkLongTargetForm(f: SeedLongTargetForm): FormFinding[] {
  return named(f.projectName, targetFormProblems(longTargetFormFromSeed(f)));
}
