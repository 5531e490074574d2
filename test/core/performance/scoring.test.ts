import evals from '../../../seeds/performance/2021-self-evaluations.json';
import targets from '../../../seeds/performance/2026-targets.json';
import { Money } from '../../../src/core/money';
import { executionRate, executionScore, grade, indicatorScore } from '../../../src/core/performance/scoring';
import { parseTargetValue } from '../../../src/core/performance/targets';
import type { SeedSelfEvaluation, SeedTargetForm } from '../../../src/core/seed-types';

const TARGETS = targets as unknown as SeedTargetForm[];
const EVALS = evals as unknown as SeedSelfEvaluation[];

describe('target value grammar', () => {
  it.each([
    ['≥90.00(%)', '≥', '90.00', '%'],
    ['=100%', '=', '100', '%'],
    ['≤18.00(万元)', '≤', '18.00', '万元'],
    ['=0次', '=', '0', '次'],
    ['<=5毫秒', '≤', '5', '毫秒'],
    ['>=90%', '≥', '90', '%'],
    ['=1508000.00(元/年)', '=', '1508000.00', '元/年'],
    ['＝３６５（天）', '=', '365', '天'],
  ])('%s reads as %s %s %s', (text, comparator, value, unit) => {
    const t = parseTargetValue(text);
    expect(t.kind === 'quantity' && [t.comparator, t.value.toFixed(), t.unit]).toEqual([comparator, new Money(value).toFixed(), unit]);
  });

  it.each(['健全', '2个工作日内', '三级', '及时'])('%s is a phrase', (text) => {
    expect(parseTargetValue(text)).toEqual({ kind: 'phrase', text });
  });

  it.each([['', '为空'], ['≥', '不是数字'], ['90', '缺少比较符和单位']])('%j does not parse, and says why', (text, words) => {
    const t = parseTargetValue(text);
    expect(t.kind === 'invalid' && t.reason).toContain(words);
  });

  it('parses every target of the seed forms; the only failures are the two blank targets the forms really have', () => {
    const bad: string[] = [];
    for (const f of TARGETS) for (const i of f.indicators) if (parseTargetValue(i.target).kind === 'invalid') bad.push(`${f.projectName} ${i.level3}`);
    for (const f of EVALS) for (const i of f.indicators) if (parseTargetValue(i.target).kind === 'invalid') bad.push(`${f.projectName} ${i.level3}`);
    expect(bad).toEqual(['申领、补换卡网点运行费 维护工作完成数', '信息化运维项目 运维系统完成数']);
  });
});

describe('scoring against every published score of the 2021 self-evaluations', () => {
  it('reproduces every 执行率 得分; two printed rates are 0.01 % off the division (real mistakes)', () => {
    const rateMistakes: string[] = [];
    for (const f of EVALS) {
      const r = f.funds[0];
      const rate = executionRate(new Money(r.full as string), new Money(r.executed as string))!;
      expect([f.projectName, executionScore(rate).toFixed()]).toEqual([f.projectName, new Money(r.score!).toFixed()]);
      if (`${rate.toFixed(2)}%` !== r.rate) rateMistakes.push(`${f.projectName}: printed ${r.rate}, ${rate.toFixed(2)}%`);
    }
    expect(rateMistakes).toEqual([
      '上海市社会保障卡服务中心信息系统(2021升级改造): printed 96.97%, 96.96%',
      '2021年(社保卡中心)敬老卡制作费: printed 99.74%, 99.73%',
    ]);
  });

  it('reproduces every indicator 得分 but one: a target met (完善) scored 2 of 4 (a real mistake)', () => {
    const differ: string[] = [];
    let scored = 0;
    for (const f of EVALS) {
      for (const i of f.indicators) {
        const s = indicatorScore(i.target, i.actual ?? null, new Money(i.weight!));
        scored++;
        if (s.score === null || !s.score.eq(new Money(i.score!))) differ.push(`${f.projectName} ${i.level3}: published ${i.score}, rules ${s.score?.toFixed()}`);
      }
    }
    expect(scored).toBeGreaterThan(80);
    expect(differ).toEqual(['2021年(社保卡中心)公务车辆购置费 管理人员责任制度: published 2, rules 4']);
  });

  it('totals and grades', () => {
    for (const f of EVALS) {
      const total = f.indicators.reduce((s, i) => s.plus(new Money(i.score!)), new Money(f.funds[0].score!));
      expect([f.projectName, total.toFixed()]).toEqual([f.projectName, new Money(f.total.score!).toFixed()]);
      expect(grade(total)).toBe('优');
    }
    expect([grade(new Money(89.99)), grade(new Money(80)), grade(new Money(60)), grade(new Money(59.9))]).toEqual(['良', '良', '中', '差']);
  });
});
