/**
 * The two performance forms (domain.md §6): words and lists of the 财政项目支出绩效目标申报表
 * (2026 layout of seed 001) and the 财政项目支出绩效自评表 (seed 004). The layouts are in
 * `plan/forms.ts`.
 */

export const TARGET_FORM = {
  id: 'target-form' as const,
  title: '财政项目支出绩效目标申报表',
  sheetPrefix: '绩效目标-',
  description: '项目支出绩效目标申报表（2026 年版）',
};

export const SELF_EVALUATION = {
  id: 'self-evaluation' as const,
  title: '财政项目支出绩效自评表',
  sheetPrefix: '绩效自评-',
  description: '项目支出绩效自评表，执行率与得分按规则计算',
};

export const LONG_TARGET_FORM = {
  id: 'target-form-2020' as const,
  title: '财政项目支出绩效目标申报表',
  sheetPrefix: '绩效目标2020-',
  description: '项目支出绩效目标申报表（2020 年版长表，含子项目）',
};

export const TARGET_SUMMARY = {
  id: 'target-summary' as const,
  title: '{year}年度项目支出绩效目标汇总表',
  sheetName: '绩效目标汇总表',
  description: '每个项目一行：项目名称、金额、年度目标、主要指标，链接到各项目的申报表',
};

/** 项目性质 and 项目类别 as the 2026 form offers them. */
export const PROJECT_NATURES = ['经常性专项业务费', '其他一次性项目', '其他经常性项目'];
export const PROJECT_CATEGORIES = ['特定目标类', '其他运转类'];

/** 一级 → 二级 indicator names (without the 指标 suffix), as in rules.ts. */
export const INDICATOR_LEVELS: Record<string, string[]> = {
  成本: ['经济成本', '社会成本', '生态环境成本'],
  产出: ['数量', '质量', '时效'],
  效益: ['经济效益', '社会效益', '生态效益', '可持续影响'],
  满意度: ['服务对象满意度'],
};

/**
 * The 一级 list of an edition: 成本指标 is a 一级 indicator from 2021 on; before, 成本 was a
 * 二级 under 产出. A target form follows its own year; a self-evaluation the year before.
 */
export function level1Names(edition: number): string[] {
  const l1 = edition >= 2021 ? ['成本', '产出', '效益', '满意度'] : ['产出', '效益', '满意度'];
  return l1.map((n) => n + '指标');
}

/** Every 二级 name of an edition, flat: what a row whose 一级 is still blank may take. */
export function level2Names(edition: number): string[] {
  const names = level1Names(edition).flatMap((l1) => INDICATOR_LEVELS[l1.replace(/指标$/, '')] ?? []);
  if (edition < 2021) names.push('成本');
  return names.map((n) => n + '指标');
}

/**
 * The 二级 names allowed under one 一级 in an edition, with the 指标 suffix: before 2021
 * 成本 is a 二级 under 产出; an unknown 一级 allows nothing.
 */
export function level2NamesOf(edition: number, level1: string): string[] {
  if (!level1Names(edition).includes(level1)) return [];
  const names = [...(INDICATOR_LEVELS[level1.replace(/指标$/, '')] ?? [])];
  if (edition < 2021 && level1 === '产出指标') names.push('成本');
  return names.map((n) => n + '指标');
}

/** Each 一级 of an edition with its 二级: the rows of an empty indicator table. */
export function indicatorSkeleton(edition: number): { level1: string; level2: string[] }[] {
  return level1Names(edition).map((level1) => ({ level1, level2: level2NamesOf(edition, level1) }));
}

/**
 * The 2020 long 财政项目支出绩效目标申报表 (seed 003) has its own indicator words: 一级目标
 * and 二级目标 as printed there, without the 指标 suffix ("投入与管理" has no 目标 either).
 */
export const LONG_FORM_2020_LEVELS: { level1: string; level2: string[] }[] = [
  { level1: '投入与管理', level2: ['实施管理', '资产管理', '投入管理', '财务管理'] },
  { level1: '产出目标', level2: ['数量', '质量', '时效', '成本'] },
  { level1: '效果目标', level2: ['经济效益', '社会效益', '环境效益', '满意度'] },
  { level1: '影响力目标', level2: ['长效管理', '人力资源', '部门协助', '配套设施', '信息共享', '其它'] },
];
