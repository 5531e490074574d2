import type {
  AmountColumn,
  BalanceTableSpec,
  CodedTableSpec,
  ProjectTableSpec,
  TableSpec,
  ThreePublicSpec,
  Wording,
} from './types';

/**
 * The standard disclosure tables as data, in the official order and wording (checked
 * against the 2018/2020/2021 Shanghai disclosures and the 2026 district templates).
 */

const both = ['unit', 'department'] as const;

function titled(name: string, unitPrefix = '预算单位', deptPrefix = '部门'): Wording {
  return { unit: `{year}年${unitPrefix}${name}`, department: `{year}年${deptPrefix}${name}` };
}

function sheet(name: string): Wording {
  return { unit: `单位${name}`, department: `部门${name}` };
}

function noneStatement(what: string): Wording {
  return { unit: `本单位无${what}`, department: `本部门无${what}` };
}

const TOTAL: AmountColumn = { key: 'total', label: '合计' };
const BASIC_PROJECT: AmountColumn[] = [TOTAL, { key: 'basic', label: '基本支出' }, { key: 'project', label: '项目支出' }];

export const T1: BalanceTableSpec = {
  kind: 'balance',
  id: 'T1',
  order: 1,
  title: titled('财务收支预算总表'),
  sheetName: sheet('收支总表'),
  description: '本年收入与本年支出（按功能分类类级）',
  levels: [...both],
  incomeHeader: '本年收入',
  expenditureHeader: '本年支出',
  income: [
    { key: 'fiscal', label: '一、财政拨款收入' },
    { key: 'general', label: '1. 一般公共预算', sub: true },
    { key: 'fund', label: '2. 政府性基金预算', sub: true },
    { key: 'stateCapital', label: '3. 国有资本经营预算', sub: true },
    { key: 'business', label: '二、事业收入' },
    { key: 'operating', label: '三、事业单位经营收入' },
    { key: 'other', label: '四、其他收入' },
  ],
  expenditureColumns: {
    // A unit's T1 splits the expenditure side as its 2021 disclosure and the 2026 template do.
    unit: [
      TOTAL,
      { key: 'personnel', label: '人员经费', group: '基本支出' },
      { key: 'public', label: '公用经费', group: '基本支出' },
      { key: 'project', label: '项目支出' },
    ],
    department: [{ key: 'total', label: '预算数' }],
  },
  expenditureAmountHeader: '预算数',
  currency: '元',
};

function coded(
  id: CodedTableSpec['id'],
  order: number,
  name: string,
  sheetName: string,
  amountHeader: string,
  columns: AmountColumn[],
  description: string,
  extra: Partial<CodedTableSpec> = {},
): CodedTableSpec {
  return {
    kind: 'coded',
    id,
    order,
    title: titled(name),
    sheetName: sheet(sheetName),
    description,
    levels: [...both],
    classification: 'functional',
    amountHeader,
    codeHeader: { unit: '功能分类科目编码', department: '功能分类科目编码' },
    nameHeader: { unit: '功能分类科目名称', department: '功能分类科目名称' },
    columns,
    partsOfTotal: columns.filter((c) => c.key !== 'total').map((c) => c.key),
    emptyStatement: noneStatement(amountHeader),
    currency: '元',
    ...extra,
  };
}

export const T2 = coded(
  'T2',
  2,
  '收入预算总表',
  '收入总表',
  '收入预算',
  [
    TOTAL,
    { key: 'fiscal', label: '财政拨款收入' },
    { key: 'business', label: '事业收入' },
    { key: 'operating', label: '事业单位经营收入' },
    { key: 'other', label: '其他收入' },
  ],
  '按功能分类科目列示的收入预算',
);

export const T3 = coded('T3', 3, '支出预算总表', '支出总表', '支出预算', BASIC_PROJECT, '按功能分类科目列示的基本支出和项目支出');

export const T4: BalanceTableSpec = {
  kind: 'balance',
  id: 'T4',
  order: 4,
  title: titled('财政拨款收支预算总表'),
  sheetName: sheet('财政拨款收支总表'),
  description: '财政拨款收入与支出（按资金性质和功能分类类级）',
  levels: [...both],
  incomeHeader: '财政拨款收入',
  expenditureHeader: '财政拨款支出',
  income: [
    { key: 'general', label: '一、一般公共预算' },
    { key: 'fund', label: '二、政府性基金预算' },
    { key: 'stateCapital', label: '三、国有资本经营预算' },
  ],
  expenditureColumns: {
    unit: [
      TOTAL,
      { key: 'general', label: '一般公共预算' },
      { key: 'fund', label: '政府性基金预算' },
      { key: 'stateCapital', label: '国有资本经营预算' },
    ],
    department: [
      TOTAL,
      { key: 'general', label: '一般公共预算' },
      { key: 'fund', label: '政府性基金预算' },
      { key: 'stateCapital', label: '国有资本经营预算' },
    ],
  },
  currency: '元',
};

export const T5 = coded(
  'T5',
  5,
  '一般公共预算支出功能分类预算表',
  '一般公共预算拨款表',
  '一般公共预算支出',
  BASIC_PROJECT,
  '一般公共预算拨款支出，按功能分类科目',
);

export const T6 = coded(
  'T6',
  6,
  '政府性基金预算支出功能分类预算表',
  '政府性基金拨款表',
  '政府性基金预算支出',
  BASIC_PROJECT,
  '政府性基金预算拨款支出（没有时附说明）',
);

export const T7 = coded(
  'T7',
  7,
  '国有资本经营预算支出功能分类预算表',
  '国有资本经营预算拨款表',
  '国有资本经营预算支出',
  BASIC_PROJECT,
  '国有资本经营预算拨款支出（没有时附说明）',
);

export const T8 = coded(
  'T8',
  8,
  '一般公共预算基本支出部门预算经济分类预算表',
  '一般公共预算拨款基本支出明细表',
  '一般公共预算基本支出',
  [TOTAL, { key: 'personnel', label: '人员经费' }, { key: 'public', label: '公用经费' }],
  '基本支出按部门预算经济分类科目',
  {
    classification: 'economic',
    codeHeader: { unit: '经济分类科目编码', department: '部门预算经济分类科目编码' },
    nameHeader: { unit: '部门经济分类科目名称', department: '经济分类科目名称' },
  },
);

export const T9: ThreePublicSpec = {
  kind: 'three-public',
  id: 'T9',
  order: 9,
  title: { unit: '{year}年单位“三公”经费和机关运行经费预算表', department: '{year}年部门“三公”经费和机关运行经费预算表' },
  sheetName: { unit: '单位“三公”经费和机关运行费预算表', department: '部门“三公”经费和机关运行费预算表' },
  description: '“三公”经费和机关运行经费（万元）',
  levels: [...both],
  currency: '万元',
};

export const U1 = coded(
  'U1',
  10,
  '财政拨款支出预算表',
  '财政拨款支出表',
  '财政拨款支出',
  [
    TOTAL,
    { key: 'personnel', label: '人员经费', group: '基本支出' },
    { key: 'public', label: '公用经费', group: '基本支出' },
    { key: 'project', label: '项目支出' },
  ],
  '财政拨款支出，基本支出分人员经费和公用经费（单位）',
  { levels: ['unit'] },
);

export const U2: ProjectTableSpec = {
  kind: 'projects',
  id: 'U2',
  order: 11,
  title: { unit: '{year}年预算单位财政拨款项目支出预算表', department: '{year}年部门财政拨款项目支出预算表' },
  sheetName: sheet('财政拨款项目支出表'),
  description: '财政拨款项目，按功能分类项级列示（单位）',
  levels: ['unit'],
  currency: '元',
};

export const TABLE_SPECS: readonly TableSpec[] = [T1, T2, T3, T4, T5, T6, T7, T8, T9, U1, U2];

export function tableSpec(id: string): TableSpec | undefined {
  return TABLE_SPECS.find((s) => s.id === id);
}
