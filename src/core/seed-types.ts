/**
 * Shapes of the structured seed transcriptions in `seeds/`.
 *
 * Amounts are decimal strings exactly as published, without thousands separators
 * ("4168809452", "13044.84", "0.00"). `null` is a blank cell (which the tables mean as
 * zero). A number that the extracted text lost is `{ "missing": "why" }`: never invented.
 */
export type SeedAmount = string | null | { missing: string };

/** Column keys of the coded tables; the spec of each table says which it uses. */
export type AmountKey =
  | 'total' // 合计
  | 'fiscal' // 财政拨款收入 (T2)
  | 'business' // 事业收入
  | 'operating' // 事业单位经营收入
  | 'other' // 其他收入
  | 'basic' // 基本支出
  | 'project' // 项目支出
  | 'personnel' // 人员经费
  | 'public' // 公用经费
  | 'general' // 一般公共预算
  | 'fund' // 政府性基金预算
  | 'stateCapital'; // 国有资本经营预算

export type SeedAmounts = Partial<Record<AmountKey, SeedAmount>>;

/** One row of a coded table (T2, T3, T5–T8, U1). `code` has no spaces: "204", "20402", "2040201". */
export interface SeedCodedRow {
  code: string;
  name: string;
  amounts: SeedAmounts;
}

export interface SeedCodedTable {
  rows: SeedCodedRow[];
  /** the published 合计 row */
  total: SeedAmounts;
  /** e.g. "本单位无政府性基金预算支出", when the table is published empty with a statement */
  statement?: string | null;
}

/** Income keys of the two-sided tables T1 and T4. */
export type IncomeKey = 'fiscal' | 'general' | 'fund' | 'stateCapital' | 'business' | 'operating' | 'other';

export interface SeedIncomeLine {
  key: IncomeKey;
  /** the label as printed, e.g. "1. 一般公共预算资金" */
  label: string;
  amount: SeedAmount;
}

export interface SeedExpenditureLine {
  /** functional 类 code, e.g. "204" */
  code: string;
  /** the label as printed, e.g. "一、公共安全支出" */
  label: string;
  amounts: SeedAmounts;
}

/** T1 财务收支预算总表 and T4 财政拨款收支预算总表. */
export interface SeedBalanceTable {
  income: SeedIncomeLine[];
  incomeTotal: SeedAmount;
  expenditure: SeedExpenditureLine[];
  expenditureTotal: SeedAmounts;
}

/** T9 "三公"经费和机关运行经费预算表, in 万元. */
export interface SeedThreePublicTable {
  amounts: {
    total: SeedAmount; // 合计
    abroad: SeedAmount; // 因公出国(境)费
    reception: SeedAmount; // 公务接待费
    vehicleTotal: SeedAmount; // 公务用车购置及运行费 小计
    vehiclePurchase: SeedAmount; // 购置费
    vehicleRunning: SeedAmount; // 运行费
    operating: SeedAmount; // 机关运行经费
  };
}

export interface SeedProject {
  no: number;
  name: string;
  amount: SeedAmount;
}

/** U2 财政拨款项目支出预算表: projects listed under their functional code. */
export interface SeedProjectGroup {
  code: string;
  name: string;
  amount: SeedAmount;
  projects: SeedProject[];
}

export interface SeedProjectTable {
  rows: SeedProjectGroup[];
  total: SeedAmount;
}

export interface SeedTables {
  T1?: SeedBalanceTable;
  T2?: SeedCodedTable;
  T3?: SeedCodedTable;
  T4?: SeedBalanceTable;
  T5?: SeedCodedTable;
  T6?: SeedCodedTable;
  T7?: SeedCodedTable;
  T8?: SeedCodedTable;
  T9?: SeedThreePublicTable;
  U1?: SeedCodedTable;
  U2?: SeedProjectTable;
}

export interface SeedProjectStatement {
  /** project name, e.g. "社会保障卡制作费" */
  name: string;
  /** sections 一 to 七 as published; a section the text does not give is null */
  sections: Partial<Record<'overview' | 'basis' | 'implementer' | 'plan' | 'period' | 'budget' | 'targets', string | null>>;
}

export interface SeedTexts {
  functions?: string | null; // 主要职能
  organization?: string | null; // 机构设置
  glossary?: string | null; // 名词解释
  explanation?: string | null; // 预算编制说明
  other?: string | null; // 其他相关情况说明
  projects?: SeedProjectStatement[]; // 项目经费情况说明
}

export interface SeedBudget {
  id: string;
  /** file name of the source document in shared/seeds */
  source: string;
  level: 'unit' | 'department';
  org: string;
  year: number;
  /** the units a department budget covers, as listed under 机构设置 */
  units?: string[];
  tables: SeedTables;
  texts: SeedTexts;
  /** what the transcriber noticed: lost numbers, extraction artefacts dropped, apparent mistakes kept */
  notes: string[];
}

/** One indicator row of a performance form, words exactly as published. */
export interface SeedIndicator {
  level1: string; // 一级指标, e.g. "产出指标" (2020 form: "产出目标")
  level2: string; // 二级指标, e.g. "数量指标"
  level3: string; // 三级指标
  target: string | null; // 年度(/项目)指标值, e.g. "≥90.00(%)", "健全"
  /** self-evaluation only */
  actual?: string | null; // 实际完成值
  weight?: string | null; // 分值
  score?: string | null; // 得分
  deviation?: string | null; // 偏差原因分析及改进措施
}

/** 财政项目支出绩效目标申报表 (2026 edition of seed 001). */
export interface SeedTargetForm {
  kind: 'target';
  source: string;
  year: number;
  projectName: string;
  nature: string | null; // 项目性质
  category: string | null; // 项目类别
  department: string | null; // 主管部门
  unit: string | null; // 实施单位
  startDate: string | null;
  endDate: string | null;
  funds: {
    total: SeedAmount; // 项目资金总额
    fiscal: SeedAmount; // 其中: 财政资金
    other: SeedAmount; // 其他资金 (left side)
    annualTotal: SeedAmount; // 年度资金申请总额
    annualFiscal: SeedAmount; // 其中: 当年财政拨款
    carryOver: SeedAmount; // 上年结转资金
    annualOther: SeedAmount; // 其他资金 (right side)
  };
  overallGoal: string | null; // 项目总目标
  annualGoal: string | null; // 年度总体目标
  indicators: SeedIndicator[];
  notes: string[];
}

export interface SeedSelfEvalFundsRow {
  label: string; // 年度资金总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金
  initial: SeedAmount; // 年初预算数
  full: SeedAmount; // 全年预算数
  executed: SeedAmount; // 全年执行数
  weight: string | null; // 分值 ("10", or "—")
  rate: string | null; // 执行率 as printed, e.g. "98.27%"
  score: string | null; // 得分
}

/** 财政项目支出绩效自评表 (seed 004). */
export interface SeedSelfEvaluation {
  kind: 'self-evaluation';
  source: string;
  year: number;
  projectName: string;
  department: string | null;
  unit: string | null;
  funds: SeedSelfEvalFundsRow[];
  budgetGoal: string | null; // 预算目标
  actualResult: string | null; // 实际完成情况
  indicators: SeedIndicator[];
  total: { weight: string | null; score: string | null }; // 总分
  notes: string[];
}
