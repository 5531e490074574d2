import { Money, ZERO } from '../money';
import type { SeedAmount, SeedIndicator, SeedSelfEvaluation, SeedTargetForm } from '../seed-types';
import type { Severity } from '../rules/types';
import { executionRate, executionScore, indicatorScore } from './scoring';
import { parseTargetValue } from './targets';

/**
 * Rules for performance forms (domain.md §6), in the validator's terms: an id, a severity
 * and a message naming the form and the indicator.
 *
 * Editions: 成本指标 became a 一级 indicator in 2021 (before, 成本 was a 二级 under 产出).
 * A target form follows the edition of its own year; a self-evaluation evaluates targets set
 * the year before, so a year-Y self-evaluation follows the year Y−1 edition (the 2021
 * self-evaluations of the seeds have no 成本 一级, and one still has 成本 under 产出).
 */
export interface FormFinding {
  rule: string;
  severity: Severity;
  form: string;
  where: string;
  message: string;
}

const LEVEL2: Record<string, string[]> = {
  成本: ['经济成本', '社会成本', '生态环境成本'],
  产出: ['数量', '质量', '时效'],
  效益: ['经济效益', '社会效益', '生态效益', '可持续影响'],
  满意度: ['服务对象满意度'],
};

const bare = (s: string | null | undefined) => (s ?? '').replace(/\s/g, '').replace(/(指标|目标)$/, '');
const money = (a: SeedAmount | undefined): Money => (typeof a === 'string' ? new Money(a) : ZERO);

function allowed(level1: string, edition: number): string[] | undefined {
  if (edition < 2021 && level1 === '产出') return [...LEVEL2.产出, '成本'];
  return LEVEL2[level1];
}

function structure(form: string, indicators: SeedIndicator[], edition: number, out: FormFinding[]): void {
  const required = edition >= 2021 ? ['成本', '产出', '效益', '满意度'] : ['产出', '效益', '满意度'];
  for (const l1 of required) {
    if (!indicators.some((i) => bare(i.level1) === l1 && (i.level3 ?? '').trim())) {
      out.push({ rule: 'form-level1', severity: 'error', form, where: `${l1}指标`, message: `${form}：缺少一级指标“${l1}指标”或其下没有三级指标` });
    }
  }
  for (const i of indicators) {
    const l1 = bare(i.level1);
    const ok = allowed(l1, edition);
    if (ok && !ok.includes(bare(i.level2))) {
      out.push({ rule: 'form-level2', severity: 'error', form, where: i.level3, message: `${form}：二级指标“${i.level2}”不属于一级指标“${i.level1}”（应为 ${ok.map((x) => x + '指标').join('、')}）` });
    }
    const t = parseTargetValue(i.target);
    if (t.kind === 'invalid') {
      out.push({ rule: 'form-target', severity: 'error', form, where: i.level3, message: `${form}：三级指标“${i.level3}”${t.reason === '指标值为空' ? '没有指标值' : t.reason}` });
      continue;
    }
    if (t.kind !== 'quantity') continue;
    const name = i.level3 ?? '';
    const pct = t.unit.replace(/[()（）]/g, '') === '%';
    if (/满意度/.test(name) && pct && t.value.isZero()) {
      out.push({ rule: 'form-suspicious', severity: 'warning', form, where: name, message: `${form}：满意度指标“${name}”的目标为 ${i.target}，满意度目标为 0% 不合常理` });
    } else if (pct && t.comparator === '=' && t.value.gt(0) && t.value.lt(100)) {
      out.push({ rule: 'form-suspicious', severity: 'warning', form, where: name, message: `${form}：“${name}”目标 ${i.target} 用“=”限定一个低于 100% 的比率，通常应为“≥”` });
    }
    if ((/率$/.test(name) || /满意度$/.test(name)) && !pct) {
      out.push({ rule: 'form-unit', severity: 'warning', form, where: name, message: `${form}：“${name}”是比率，目标 ${i.target} 的单位应为 %` });
    }
    if (l1 === '成本' && !/元/.test(t.unit)) {
      out.push({ rule: 'form-unit', severity: 'warning', form, where: name, message: `${form}：成本指标“${name}”的目标 ${i.target} 单位应为元或万元` });
    }
  }
}

export function checkTargetForm(f: SeedTargetForm): FormFinding[] {
  const out: FormFinding[] = [];
  const name = f.projectName;
  const sum = money(f.funds.annualFiscal).plus(money(f.funds.carryOver)).plus(money(f.funds.annualOther));
  if (!sum.eq(money(f.funds.annualTotal))) {
    out.push({ rule: 'form-funds', severity: 'error', form: name, where: '年度资金申请总额', message: `${name}：年度资金申请总额 ${money(f.funds.annualTotal).toFixed(2)} 元，当年财政拨款、上年结转资金与其他资金之和为 ${sum.toFixed(2)} 元` });
  }
  structure(name, f.indicators, f.year, out);
  return out;
}

export function checkSelfEvaluation(f: SeedSelfEvaluation): FormFinding[] {
  const out: FormFinding[] = [];
  const name = f.projectName;
  const funds = f.funds[0];
  const rate = executionRate(money(funds.full), money(funds.executed));
  if (rate && funds.rate && `${rate.toFixed(2)}%` !== funds.rate.replace(/\s/g, '')) {
    out.push({ rule: 'self-rate', severity: 'error', form: name, where: '执行率', message: `${name}：执行率填为 ${funds.rate}，全年执行数 ÷ 全年预算数 = ${rate.toFixed(2)}%` });
  }
  if (rate && funds.score && !executionScore(rate).eq(new Money(funds.score))) {
    out.push({ rule: 'self-rate', severity: 'error', form: name, where: '执行率得分', message: `${name}：执行率得分填为 ${funds.score}，按 10 × 执行率（不超过 10）应为 ${executionScore(rate).toFixed()}` });
  }
  let weights = new Money(funds.weight && /^\d/.test(funds.weight) ? funds.weight : 0);
  let scores = new Money(funds.score ?? 0);
  for (const i of f.indicators) {
    const w = new Money(i.weight ?? 0);
    const s = new Money(i.score ?? 0);
    weights = weights.plus(w);
    scores = scores.plus(s);
    if (s.gt(w)) out.push({ rule: 'self-score', severity: 'error', form: name, where: i.level3, message: `${name}：“${i.level3}”得分 ${i.score} 超过分值 ${i.weight}` });
    if (s.lt(w) && !(i.deviation ?? '').trim()) {
      out.push({ rule: 'self-deviation', severity: 'error', form: name, where: i.level3, message: `${name}：“${i.level3}”得分 ${i.score} 低于分值 ${i.weight}，缺少偏差原因分析及改进措施` });
    }
    const rules = indicatorScore(i.target, i.actual ?? null, w);
    const met = rules.score !== null && rules.score.eq(w);
    if (met && s.lt(w)) {
      out.push({ rule: 'self-met-deducted', severity: 'warning', form: name, where: i.level3, message: `${name}：“${i.level3}”目标 ${i.target}、完成 ${i.actual}，已达成却只得 ${i.score} 分（分值 ${i.weight}）` });
    } else if (rules.score !== null && !rules.score.eq(s)) {
      out.push({ rule: 'self-score-rules', severity: 'warning', form: name, where: i.level3, message: `${name}：“${i.level3}”得分 ${i.score}，按评分规则应为 ${rules.score.toFixed()}（${rules.basis}）` });
    }
  }
  if (!weights.eq(100)) out.push({ rule: 'self-weights', severity: 'error', form: name, where: '分值', message: `${name}：分值合计为 ${weights.toFixed()}，应为 100` });
  if (f.total.score && !scores.eq(new Money(f.total.score))) {
    out.push({ rule: 'self-total', severity: 'error', form: name, where: '总分', message: `${name}：总分填为 ${f.total.score}，各项得分之和为 ${scores.toFixed()}` });
  }
  structure(name, f.indicators, f.year - 1, out);
  return out;
}
