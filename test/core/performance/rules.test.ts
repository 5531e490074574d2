import evals from '../../../seeds/performance/2021-self-evaluations.json';
import targets from '../../../seeds/performance/2026-targets.json';
import { checkSelfEvaluation, checkTargetForm } from '../../../src/core/performance/rules';
import type { SeedSelfEvaluation, SeedTargetForm } from '../../../src/core/seed-types';

const TARGETS = targets as unknown as SeedTargetForm[];
const EVALS = evals as unknown as SeedSelfEvaluation[];
const brief = (fs: { rule: string; form: string; where: string }[]) => fs.map((f) => `${f.rule} ${f.form} ${f.where}`);

describe('the seed forms speak', () => {
  it('2026 target forms: exactly the real problems', () => {
    // Two 三级 indicators printed without a target, and a satisfaction target of =0.00(%)
    // while the form's own 年度总体目标 says 市民满意度 90% 及以上.
    expect(brief(TARGETS.flatMap(checkTargetForm))).toEqual([
      'form-target 申领、补换卡网点运行费 维护工作完成数',
      'form-target 信息化运维项目 运维系统完成数',
      'form-suspicious 交换平台运行费 市民满意度',
    ]);
  });

  it('2021 self-evaluations: exactly the real problems', () => {
    // Two 执行率 printed 0.01 % above the division; one 完善 target met yet scored 2 of 4.
    expect(brief(EVALS.flatMap(checkSelfEvaluation))).toEqual([
      'self-met-deducted 2021年(社保卡中心)公务车辆购置费 管理人员责任制度',
      'self-rate 上海市社会保障卡服务中心信息系统(2021升级改造) 执行率',
      'self-rate 2021年(社保卡中心)敬老卡制作费 执行率',
    ]);
  });
});

describe('one injected fault per form rule', () => {
  const target = () => JSON.parse(JSON.stringify(TARGETS[0])) as SeedTargetForm;
  const evaluation = () => JSON.parse(JSON.stringify(EVALS[0])) as SeedSelfEvaluation;

  it('funds that do not add up', () => {
    const f = target();
    f.funds.carryOver = '100.00';
    expect(brief(checkTargetForm(f))).toEqual([`form-funds ${f.projectName} 年度资金申请总额`]);
  });

  it('a missing 一级 and a 二级 under the wrong 一级', () => {
    const f = target();
    f.indicators = f.indicators.filter((i) => i.level1 !== '满意度指标');
    f.indicators[1].level2 = '社会效益指标';
    expect(brief(checkTargetForm(f)).sort()).toEqual([`form-level1 ${f.projectName} 满意度指标`, `form-level2 ${f.projectName} ${f.indicators[1].level3}`].sort());
  });

  it('a score below its weight without a reason, a score above its weight, a wrong total', () => {
    const f = evaluation();
    f.indicators[0].score = '18';
    f.indicators[1].score = '16';
    const rules = checkSelfEvaluation(f).map((x) => x.rule);
    expect(rules).toEqual(expect.arrayContaining(['self-deviation', 'self-score', 'self-total', 'self-score-rules']));
  });
});
