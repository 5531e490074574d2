import type { FormIndicator, SelfEvaluationData, TargetFormData } from '../model';
import { formatAmount, Money, ZERO } from '../money';
import { RULES, type RuleKey } from '../rules/catalog-of-rules';
import type { Severity } from '../rules/types';
import type { SeedAmount, SeedIndicator, SeedSelfEvaluation, SeedTargetForm } from '../seed-types';
import { INDICATOR_LEVELS, level1Names } from '../specs/forms';
import { executionRate, executionScore, indicatorScore } from './scoring';
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
  | 'formFunds' | 'formLevel1' | 'formLevel2' | 'formLevel3' | 'formTarget' | 'formSuspicious' | 'formUnit'
  | 'selfRate' | 'selfScore' | 'selfDeviation' | 'selfMetDeducted' | 'selfScoreRules' | 'selfWeights' | 'selfTotal'
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
  /** the problem in words, without the form's name or cell */
  text: string;
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

function structure(indicators: FormIndicator[], edition: number, out: FormProblem[]): void {
  for (const l1 of level1Names(edition).map(bare)) {
    if (!indicators.some((i) => bare(i.level1) === l1 && i.level3.trim())) {
      out.push({ rule: 'formLevel1', where: `${l1}指标`, field: 'indicatorHeader', text: `缺少一级指标“${l1}指标”或其下没有三级指标；本年度版本的一级指标为 ${level1Names(edition).join('、')}` });
    }
  }
  for (const i of indicators) {
    const l1 = bare(i.level1);
    const name = i.level3.trim();
    if (!name) {
      out.push({ rule: 'formLevel3', where: '三级指标', indicator: i, column: 'level3', text: `这一行有指标值或分值，但没有三级指标名称` });
      continue;
    }
    const ok = allowed(l1, edition);
    if (ok && !ok.includes(bare(i.level2))) {
      out.push({ rule: 'formLevel2', where: name, indicator: i, column: 'level2', text: `三级指标“${name}”的二级指标“${i.level2}”不属于一级指标“${i.level1}”（应为 ${ok.map((x) => x + '指标').join('、')}）` });
    }
    const t = parseTargetValue(i.target);
    if (t.kind === 'invalid') {
      out.push({ rule: 'formTarget', where: name, indicator: i, column: 'target', text: `三级指标“${name}”${t.reason === '指标值为空' ? '没有指标值；每个三级指标都应有指标值，如 ≥90.00(%) 或“健全”' : t.reason}` });
      continue;
    }
    if (t.kind !== 'quantity') continue;
    const pct = t.unit.replace(/[()（）]/g, '') === '%';
    if (/满意度/.test(name) && pct && t.value.isZero()) {
      out.push({ rule: 'formSuspicious', where: name, indicator: i, column: 'target', text: `满意度指标“${name}”的目标为 ${i.target}，满意度目标为 0% 不合常理，通常应为如 ≥90.00(%)` });
    } else if (pct && t.comparator === '=' && t.value.gt(0) && t.value.lt(100)) {
      out.push({ rule: 'formSuspicious', where: name, indicator: i, column: 'target', text: `“${name}”目标 ${i.target} 用“=”限定一个低于 100% 的比率，通常应为“≥”` });
    }
    if ((/率$/.test(name) || /满意度$/.test(name)) && !pct) {
      out.push({ rule: 'formUnit', where: name, indicator: i, column: 'target', text: `“${name}”是比率，目标 ${i.target} 的单位应为 %` });
    }
    if (l1 === '成本' && !/元/.test(t.unit)) {
      out.push({ rule: 'formUnit', where: name, indicator: i, column: 'target', text: `成本指标“${name}”的目标 ${i.target} 单位应为元或万元` });
    }
  }
}

const yuan2 = (m: Money) => `${formatAmount(m, 2)} 元`;
const amount = (m: Money) => formatAmount(m, 2);
const v = (m: Money | null | undefined): Money => m ?? ZERO;

export function targetFormProblems(f: TargetFormData): FormProblem[] {
  const out: FormProblem[] = [];
  const x = f.funds;
  const sum = v(x.annualFiscal).plus(v(x.carryOver)).plus(v(x.annualOther));
  if (!sum.eq(v(x.annualTotal))) {
    out.push({
      rule: 'formFunds',
      where: '年度资金申请总额',
      field: 'annualTotal',
      text: `年度资金申请总额为 ${yuan2(v(x.annualTotal))}，当年财政拨款、上年结转资金与其他资金之和为 ${yuan2(sum)}，相差 ${yuan2(v(x.annualTotal).minus(sum).abs())}`,
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
    out.push({ rule: 'selfRate', where: '执行率', field: 'rate', text: `执行率填为 ${funds.rateText ?? funds.rate.toFixed(2) + '%'}，应为 ${rate.toFixed(2)}%（全年执行数 ${amount(v(funds.executed))} 元 ÷ 全年预算数 ${amount(v(funds.full))} 元）` });
  }
  if (rate && funds.score && !executionScore(rate).eq(funds.score)) {
    out.push({ rule: 'selfRate', where: '执行率得分', field: 'rateScore', text: `执行率得分填为 ${funds.score.toFixed()}，应为 ${executionScore(rate).toFixed()}（10 × 执行率 ${rate.toFixed(2)}%，不超过 10）` });
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
    if (s.gt(w)) out.push({ rule: 'selfScore', where: name, indicator: i, column: 'score', text: `“${name}”得分 ${shown(i.score)} 超过分值 ${shown(i.weight)}` });
    if (s.lt(w) && !(i.deviation ?? '').trim()) {
      out.push({ rule: 'selfDeviation', where: name, indicator: i, column: 'deviation', text: `“${name}”得分 ${shown(i.score)} 低于分值 ${shown(i.weight)}，缺少偏差原因分析及改进措施` });
    }
    const rules = indicatorScore(i.target, i.actual ?? null, w);
    const met = rules.score !== null && rules.score.eq(w);
    if (met && s.lt(w)) {
      out.push({ rule: 'selfMetDeducted', where: name, indicator: i, column: 'score', text: `“${name}”目标 ${i.target}、完成 ${i.actual}，已达成却只得 ${shown(i.score)} 分（分值 ${shown(i.weight)}）` });
    } else if (rules.score !== null && !rules.score.eq(s)) {
      out.push({ rule: 'selfScoreRules', where: name, indicator: i, column: 'score', text: `“${name}”得分 ${shown(i.score)}，按评分规则应为 ${rules.score.toFixed()}（${rules.basis}）` });
    }
  }
  if (!weights.eq(100)) out.push({ rule: 'selfWeights', where: '分值', field: 'totalWeight', text: `分值合计（执行率与各指标）为 ${weights.toFixed()}，应为 100` });
  if (f.total.score && !scores.eq(f.total.score)) {
    out.push({ rule: 'selfTotal', where: '总分', field: 'totalScore', text: `总分填为 ${f.total.score.toFixed()}，执行率得分与各项得分之和为 ${scores.toFixed()}` });
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

export function selfEvaluationFromSeed(f: SeedSelfEvaluation): SelfEvaluationData {
  const x = f.funds[0];
  return {
    kind: 'self-evaluation',
    projectName: f.projectName,
    year: f.year,
    funds: { full: money(x.full), executed: money(x.executed), weight: points(x.weight), rate: percent(x.rate), rateText: x.rate, score: points(x.score) },
    indicators: f.indicators.map((i) => indicatorOf(i, true)),
    total: { weight: points(f.total.weight), score: points(f.total.score) },
  };
}

function named(name: string, problems: FormProblem[]): FormFinding[] {
  return problems.map((p) => ({ rule: RULES[p.rule].id, severity: RULES[p.rule].severity, form: name, where: p.where, message: `${name}：${p.text}` }));
}

export function checkTargetForm(f: SeedTargetForm): FormFinding[] {
  return named(f.projectName, targetFormProblems(targetFormFromSeed(f)));
}

export function checkSelfEvaluation(f: SeedSelfEvaluation): FormFinding[] {
  return named(f.projectName, selfEvaluationProblems(selfEvaluationFromSeed(f)));
}
