import longForm from '../../../seeds/performance/2020-social-insurance-service-target.json';
import evals from '../../../seeds/performance/2021-self-evaluations.json';
import targets from '../../../seeds/performance/2026-targets.json';
import { Money } from '../../../src/core/money';
import { checkLongTargetForm, checkSelfEvaluation, checkTargetForm, longTargetFormFromSeed } from '../../../src/core/performance/rules';
import type { SeedSelfEvaluation, SeedTargetForm } from '../../../src/core/seed-types';
import type { SeedLongTargetForm } from '../../../src/core/seed-types-2020-form';

const TARGETS = targets as unknown as SeedTargetForm[];
const EVALS = evals as unknown as SeedSelfEvaluation[];
const LONG = longForm as unknown as SeedLongTargetForm;
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

describe('the 2020 long target form (seed 003, 社会保险服务费) speaks', () => {
  it('exactly its one real problem: the 三级 left as 其它 with target 其它', () => {
    // 影响力目标 / 其它 / 其它 / 其它: the clerk copied the form's 二级 label into the 三级 and its
    // target. It names nothing that can be assessed, so it is the clerk's mistake (错误).
    expect(checkLongTargetForm(LONG).map((f) => `${f.rule} ${f.severity} ${f.form} ${f.where}`)).toEqual(['form-level3 error 社会保险服务费 其它']);
    expect(checkLongTargetForm(LONG)[0].message).toBe('社会保险服务费：三级目标名称为“其它”（指标值“其它”），只是表样的占位，不是可考核的指标；应写明具体的三级目标和指标值，或删去这一行');
  });

  it('what is not a problem of the clerk’s, and why', () => {
    const f = longTargetFormFromSeed(LONG);
    // The 子项目 add up to 项目当年预算 exactly (17,088,121.00), within 项目总预算 (the same figure):
    // no funds finding. The rule is proven by injected faults below.
    const sum = f.long!.subProjects.reduce((s, p) => s.plus(p.amount!), new Money(0));
    expect(sum.toFixed(2)).toBe('17088121.00');
    expect(sum.eq(f.funds.annualTotal!)).toBe(true);
    // The form prints every 二级 of the 2020 edition; 成本, 经济效益, 社会效益, 环境效益, 人力资源,
    // 部门协助, 配套设施 and 信息共享 printed with no 三级 under them are labels left unused, not
    // indicators: they are no rows of the model, and each 一级 still has 三级 of its own.
    const printedEmpty = LONG.indicators.filter((i) => i.level3 === null).map((i) => i.level2);
    expect(printedEmpty).toEqual(['成本', '经济效益', '社会效益', '环境效益', '人力资源', '部门协助', '配套设施', '信息共享']);
    expect(f.indicators.filter((i) => printedEmpty.includes(i.level2))).toEqual([]);
    expect(new Set(f.indicators.map((i) => i.level1))).toEqual(new Set(['投入与管理', '产出目标', '效果目标', '影响力目标']));
    // 三级 names cut off at the PDF's cell width (监督员暗访检查工作完成…) are read as printed and
    // not reported: the cut is the PDF's, not the clerk's.
    const cut = LONG.indicators.filter((i) => i.truncated).map((i) => i.level3!);
    expect(cut).toHaveLength(5);
    expect(checkLongTargetForm(LONG).filter((x) => cut.includes(x.where))).toEqual([]);
    // The 二级 of the 投入与管理 rows was lost by the extraction (level2 null): not checked.
    expect(f.indicators.filter((i) => i.level1 === '投入与管理').every((i) => i.level2 === '')).toBe(true);
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

  describe('on the 2020 long form', () => {
    const long = () => JSON.parse(JSON.stringify(LONG)) as SeedLongTargetForm;
    const faults = (f: SeedLongTargetForm) => checkLongTargetForm(f).filter((x) => x.where !== '其它');

    it('子项目 that no longer add up to 项目当年预算: both figures and the difference', () => {
      const f = long();
      f.subProjects[3].amount = '3729500.00'; // 保安费 100 元 short
      expect(faults(f).map((x) => `${x.rule} ${x.severity}`)).toEqual(['form-subprojects error']);
      expect(faults(f)[0].message).toBe('社会保险服务费：7个子项目的预算金额之和为17,088,021.00元，项目当年预算为17,088,121.00元，相差100.00元；子项目之和应等于项目当年预算');
    });

    it('项目当年预算 above 项目总预算', () => {
      const f = long();
      f.funds.total = '17000000.00';
      expect(faults(f).map((x) => `${x.rule} ${x.where}`)).toEqual(['form-funds 项目当年预算']);
      expect(faults(f)[0].message).toBe('社会保险服务费：项目当年预算为17,088,121.00元，项目总预算为17,000,000.00元，当年预算多出88,121.00元；当年预算不应超过总预算');
    });

    it('a 一级 without 三级, a 二级 of another 一级, a missing target, suspicious targets and units', () => {
      const f = long();
      f.indicators = f.indicators.filter((i) => i.level1 !== '效果目标' || i.level3 === null);
      const rate = f.indicators.find((i) => i.level3 === '养老金发放完成率')!;
      rate.level2 = '满意度'; // a 二级 of 效果目标
      f.indicators.find((i) => i.level3 === '资格认证表寄发准确率')!.target = '=95%';
      f.indicators.find((i) => i.level3 === '养老金上门服务完成率')!.target = '≥300次';
      f.indicators.find((i) => i.level3 === '长效管理制度建设')!.target = null;
      expect(faults(f).map((x) => `${x.rule} ${x.where}`)).toEqual([
        'form-level1 效果目标',
        'form-level2 养老金发放完成率',
        'form-unit 养老金上门服务完成率',
        'form-suspicious 资格认证表寄发准确率',
        'form-target 长效管理制度建设',
      ]);
      expect(faults(f)[0].message).toBe('社会保险服务费：缺少一级目标“效果目标”或其下没有三级目标；2020年版的一级目标为投入与管理、产出目标、效果目标、影响力目标，每个都应至少有一个三级目标');
      expect(faults(f)[1].message).toBe('社会保险服务费：三级目标“养老金发放完成率”的二级目标“满意度”不属于一级目标“产出目标”（应为数量、质量、时效、成本）');
    });
  });
});
