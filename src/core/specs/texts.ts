import type { TextSectionSpec } from './types';

/**
 * The text sections around the tables, with the outline and phrasing of the official
 * template (2026 district template; the seeds use the same outline). `{org}`, `{year}`,
 * `{prevYear}`, `{tier}` (市级 / 区级 / 县级) and `{local}` (本市 / 本区 / 本县) are filled in when the
 * plan is made (../tier.ts).
 */

const both = ['unit', 'department'] as const;

export const FUNCTIONS: TextSectionSpec = {
  kind: 'text',
  id: 'functions',
  order: -4,
  title: { unit: '{org}主要职能', department: '{org}主要职能' },
  sheetName: { unit: '单位主要职能', department: '部门主要职能' },
  description: '主要职能',
  levels: [...both],
  outline: {
    unit: '    {org}主要职能包括：\n    1. ……\n    2. ……',
    department: '    {org}是……的组成部门，主要职能包括：\n    1. ……\n    2. ……',
  },
};

export const ORGANIZATION: TextSectionSpec = {
  kind: 'text',
  id: 'organization',
  order: -3,
  title: { unit: '{org}机构设置', department: '{org}机构设置' },
  sheetName: { unit: '单位机构设置', department: '部门机构设置' },
  description: '机构设置',
  levels: [...both],
  outline: {
    unit: '    {org}设XX个内设机构，包括：……。',
    department:
      '    {org}部门预算是包括{org}本部以及下属XX家预算单位的综合收支计划。\n' +
      '    本部门中，行政单位XX家，事业单位XX家，具体包括（列示至基层预算单位）：\n    1. {org}本部\n    2. ……',
  },
};

const GLOSSARY_TEXT =
  '   （一）财政拨款收入：是{tier}预算主管部门及所属预算单位本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。\n' +
  '   （二）事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。\n' +
  '   （三）事业单位经营收入：指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。\n' +
  '   （四）其他收入：指除上述“财政拨款收入”、“事业收入”、“事业单位经营收入”等以外的收入。\n' +
  '   （五）基本支出预算：是{tier}预算主管部门及所属预算单位为保障其机构正常运转、完成日常工作任务而编制的年度基本支出计划，包括人员经费和公用经费两部分。\n' +
  '   （六）项目支出预算：是{tier}预算主管部门及所属预算单位为完成行政工作任务、事业发展目标或政府发展战略、特定目标，在基本支出之外编制的年度支出计划。\n' +
  '   （七）“三公”经费：是与{tier}财政有经费领拨关系的部门及其下属预算单位使用{tier}财政拨款安排的因公出国（境）费、公务用车购置及运行费、公务接待费。其中：因公出国（境）费主要安排机关及下属预算单位人员的国际合作交流、重大项目洽谈、境外培训研修等的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务接待费主要安排全国性专业会议、国家重大政策调研、专项检查以及外事团组接待交流等执行公务或开展业务所需住宿费、交通费、伙食费等支出；公务用车购置及运行费主要安排编制内公务车辆的报废更新，以及用于安排市内因公出差、公务文件交换、日常工作开展等所需公务用车燃料费、维修费、过路过桥费、保险费等支出。\n' +
  '   （八）机关运行经费：指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。';

export const GLOSSARY: TextSectionSpec = {
  kind: 'text',
  id: 'glossary',
  order: -2,
  title: { unit: '名词解释', department: '名词解释' },
  sheetName: { unit: '名词解释', department: '名词解释' },
  description: '名词解释',
  levels: [...both],
  outline: { unit: GLOSSARY_TEXT, department: GLOSSARY_TEXT },
};

const EXPLANATION_TEXT =
  '    {year}年，{org}收入预算x,xxx万元，其中：财政拨款收入x,xxx万元，比{prevYear}年预算增加（减少）XXX万元（持平）；事业收入x,xxx万元；事业单位经营收入x,xxx万元；其他收入x,xxx万元。\n' +
  '    支出预算x,xxx万元，其中：财政拨款支出预算x,xxx万元，比{prevYear}年预算增加（减少）XXX万元（持平）。财政拨款支出预算中，一般公共预算拨款支出预算x,xxx万元，比{prevYear}年预算增加（减少）XXX万元（持平）；政府性基金拨款支出预算x,xxx万元，比{prevYear}年预算增加（减少）XXX万元（持平）；国有资本经营预算拨款支出预算x,xxx万元，比{prevYear}年预算增加（减少）XXX万元（持平）。\n' +
  '    财政拨款收入支出增加（减少）的主要原因是……\n' +
  '    财政拨款支出主要内容如下：\n' +
  '    1. “xx”科目x,xxx万元，主要用于……\n' +
  '    2. “xx”科目x,xxx万元，主要用于……';

export const EXPLANATION: TextSectionSpec = {
  kind: 'text',
  id: 'explanation',
  order: -1,
  title: { unit: '{year}年单位预算编制说明', department: '{year}年部门预算编制说明' },
  sheetName: { unit: '单位编制说明', department: '部门编制说明' },
  description: '预算编制说明',
  levels: [...both],
  outline: { unit: EXPLANATION_TEXT, department: EXPLANATION_TEXT },
};

function otherText(self: string): string {
  return (
    '  一、{year}年“三公”经费预算情况说明\n' +
    '      {year}年“三公”经费预算数为XXX万元，比{prevYear}年预算增加（减少）XXX万元（持平）。其中：\n' +
    '     （一）因公出国（境）费XXX万元，比{prevYear}年预算增加（减少）XXX万元，主要原因是……。\n' +
    '     （二）公务用车购置及运行费XXX万元，比{prevYear}年预算增加（减少）XXX万元，主要原因是……。其中：公务用车购置费XXX万元；公务用车运行费XXX万元。\n' +
    '     （三）公务接待费XXX万元，比{prevYear}年预算增加（减少）XXX万元，主要原因是……。\n' +
    '  二、机关运行经费预算\n' +
    `      {year}年{org}机关运行经费预算为XXX万元。（若无，则写“${self}无机关运行经费。”）\n` +
    '  三、政府采购预算情况\n' +
    `     {year}年${self}政府采购预算X万元，其中：政府采购货物预算XXX万元、政府采购工程预算XXX万元、政府采购服务预算XXX万元。\n` +
    `     {year}年${self}面向中小企业预留政府采购项目预算金额XXX万元，其中，预留给小型和微型企业的政府采购项目预算为XXX万元。\n` +
    '  四、绩效目标设置情况\n' +
    `     按照{local}预算绩效管理工作的总体要求，${self}开展了{year}年项目预算绩效目标编报工作，编报绩效目标的项目XXX个，涉及项目预算资金XXX万元。\n` +
    '  五、国有资产占有使用情况\n' +
    '     截至{prevYear}年8月31日，{org}共有车辆XX辆；单价100万元（含）以上设备（不含车辆）XX台（套）。\n' +
    `     {year}年${self}预算安排购置车辆XX辆；购置单价100万元（含）以上设备（不含车辆）XX台（套）。`
  );
}

export const OTHER: TextSectionSpec = {
  kind: 'text',
  id: 'other',
  order: 112,
  title: { unit: '其他相关情况说明', department: '其他相关情况说明' },
  sheetName: { unit: '其他相关情况说明', department: '其他相关情况说明' },
  description: '其他相关情况说明（“三公”、机关运行经费、政府采购、绩效、国有资产）',
  levels: [...both],
  outline: { unit: otherText('本单位'), department: otherText('本部门') },
};

const PROJECT_TEXT =
  ' 一、项目概述\n （说明项目的总体情况、立项目的等）\n' +
  ' 二、立项依据\n （说明立项依据的文件名称及其具体作为本项目立项依据的内容等）\n' +
  ' 三、实施主体\n （列举具体实施项目的各个责任主体及其职责等）\n' +
  ' 四、实施方案\n （说明项目实施的具体工作方案，包括实施阶段、实施内容等）\n' +
  ' 五、实施周期\n （说明项目实施的周期）\n' +
  ' 六、年度预算安排\n （说明项目年度财政资金预算安排金额、使用内容等）\n' +
  ' 七、绩效目标\n 详见单位的项目绩效目标表';

export const PROJECT_STATEMENT: TextSectionSpec = {
  kind: 'text',
  id: 'project',
  order: 113,
  title: { unit: '{project}项目经费情况说明', department: '{project}项目经费情况说明' },
  sheetName: { unit: '项目经费情况说明', department: '项目经费情况说明' },
  description: '项目经费情况说明（每个项目一份，一至七部分）',
  levels: [...both],
  outline: { unit: PROJECT_TEXT, department: PROJECT_TEXT },
};

/** Section headings of 项目经费情况说明, in order; the seeds' `sections` keys map to them. */
export const PROJECT_SECTIONS = [
  ['overview', '一、项目概述'],
  ['basis', '二、立项依据'],
  ['implementer', '三、实施主体'],
  ['plan', '四、实施方案'],
  ['period', '五、实施周期'],
  ['budget', '六、年度预算安排'],
  ['targets', '七、绩效目标'],
] as const;

export const TEXT_SPECS: readonly TextSectionSpec[] = [FUNCTIONS, ORGANIZATION, GLOSSARY, EXPLANATION, OTHER, PROJECT_STATEMENT];
