import type { Tier } from './tier';
import type { Money } from './money';
import type { AmountKey, IncomeKey } from './seed-types';
import type { BudgetLevel, CurrencyUnit, SpecId, TableId } from './specs/types';
import type { ThreePublicKey } from './specs/types';
import type { ComparisonRow } from './previous/compare';

/**
 * The neutral model: what a sheet holds, whichever way it was read (ExcelJS, Office.js) or
 * made (seed data). Amounts are exact; `null` is a blank cell (zero).
 */
export type Amounts = Partial<Record<AmountKey, Money | null>>;

/**
 * Where a table's figures sit on its sheet, when it was read from one (1-based rows and
 * columns): what lets a finding name its cell. Data made from seeds has none.
 */
export interface SheetPositions {
  /** amount column per key */
  columns: Partial<Record<string, number>>;
  codeColumn?: number;
  nameColumn?: number;
  totalRow?: number | null;
  /** the sheet of the 合计 row when a table runs over several sheets and it is not the first */
  totalSheet?: string;
  /**
   * labels of amount columns the spec does not know (e.g. 上年结转) that hold figures: the
   * 合计 then includes more than the spec's parts
   */
  otherColumns?: string[];
}

/**
 * The unit a table's figures are printed in (its `单位：` line) and, for 万元, the decimals
 * printed: what rounding may have moved each figure by (rules/tolerance.ts). Data made from
 * seeds has none: 元, exact (T9: 万元, two decimals).
 */
export interface PrintedUnit {
  unit?: CurrencyUnit;
  decimals?: number;
}

export interface CodedRow {
  code: string;
  name: string;
  amounts: Amounts;
  /** sheet row, when read from a sheet */
  row?: number;
  /** the row's sheet when the table runs over several sheets (read/join.ts) */
  sheet?: string;
}

export interface CodedTableData extends PrintedUnit {
  kind: 'coded';
  rows: CodedRow[];
  total: Amounts;
  statement?: string | null;
  at?: SheetPositions;
}

export interface IncomeItem {
  key: IncomeKey;
  label: string;
  amount: Money | null;
  row?: number;
}

export interface ExpenditureItem {
  /** functional 类, when known */
  code: string | null;
  label: string;
  amounts: Amounts;
  row?: number;
}

export interface BalanceTableData extends PrintedUnit {
  kind: 'balance';
  income: IncomeItem[];
  incomeTotal: Money | null;
  expenditure: ExpenditureItem[];
  expenditureTotal: Amounts;
  /** `columns.income` is the income amount column */
  at?: SheetPositions;
}

export interface ThreePublicData extends PrintedUnit {
  kind: 'three-public';
  amounts: Partial<Record<ThreePublicKey, Money | null>>;
  /** a note under the table, e.g. `本单位无“三公”经费预算` */
  statement?: string | null;
  /** `totalRow` is the data row */
  at?: SheetPositions;
}

export interface ProjectItem {
  no: number | null;
  name: string;
  amount: Money | null;
  row?: number;
  /** the row's sheet when the table runs over several sheets (read/join.ts) */
  sheet?: string;
}

export interface ProjectGroup {
  code: string;
  name: string;
  amount: Money | null;
  projects: ProjectItem[];
  row?: number;
  /** the row's sheet when the table runs over several sheets (read/join.ts) */
  sheet?: string;
}

export interface ProjectTableData extends PrintedUnit {
  kind: 'projects';
  rows: ProjectGroup[];
  total: Money | null;
  /** `columns.amount` is the 预算数 column */
  at?: SheetPositions;
}

export interface TextData {
  kind: 'text';
  /** overrides the spec's title, e.g. the project name of a 项目经费情况说明 */
  subject?: string;
  /** the title in A1 as read from a sheet (the year it states is checked) */
  title?: string;
  paragraphs: string[];
}

/**
 * One indicator row of a performance form. Texts exactly as shown in the cell; 分值 and 得分
 * are numbers (a self-evaluation only). `row` is the sheet row when read from a sheet.
 */
export interface FormIndicator {
  level1: string;
  level2: string;
  level3: string;
  target: string | null;
  actual?: string | null;
  weight?: Money | null;
  score?: Money | null;
  deviation?: string | null;
  row?: number;
}

/**
 * Where a form's fields sit when it was read from a sheet: A1 address per field name
 * (`annualTotal`, `rate`, `totalScore`, …), and per indicator column its sheet column. What
 * lets a finding name its cell; a form made from a seed has none.
 */
export interface FormPositions {
  cells: Partial<Record<string, string>>;
  indicatorColumns: Partial<Record<keyof FormIndicator, number>>;
  /** the indicator header row */
  headerRow: number;
}

/** 绩效目标申报表 (domain.md §6). Amounts in 元. */
export interface TargetFormData {
  kind: 'target-form';
  projectName: string;
  /** the edition year: the form's own year */
  year: number | null;
  funds: {
    total: Money | null;
    fiscal: Money | null;
    other: Money | null;
    annualTotal: Money | null;
    annualFiscal: Money | null;
    carryOver: Money | null;
    annualOther: Money | null;
  };
  indicators: FormIndicator[];
  /**
   * The long 2020 edition only (spec 'target-form-2020', seed 003): its 子项目 and last year's
   * figures. `funds.total` is then 项目总预算 and `funds.annualTotal` 项目当年预算; the other
   * amounts do not exist on that form and are null.
   */
  long?: LongTargetFormParts;
  at?: FormPositions;
}

/** What the long 2020 target form has beyond the 2026 one. Amounts in 元. */
export interface LongTargetFormParts {
  /** 项目资金投入构成, in printed order; `row` when read from a sheet */
  subProjects: { name: string; amount: Money | null; row?: number }[];
  /** the 合计 of the 子项目 as the form shows it (a SUM in the plans, maybe typed over) */
  subProjectTotal: Money | null;
  /** 同名项目上年预算额 / 上年预算执行数 */
  previousBudget: Money | null;
  previousExecuted: Money | null;
}

/** 绩效自评表 (domain.md §6): the 年度资金总额 row's figures, the indicators and the 总分 row. */
export interface SelfEvaluationData {
  kind: 'self-evaluation';
  projectName: string;
  /** the year evaluated; its indicators follow the year before's edition */
  year: number | null;
  funds: {
    full: Money | null;
    executed: Money | null;
    weight: Money | null;
    /** 执行率 in percent points (98.27), as the cell shows it, and its words for messages */
    rate: Money | null;
    rateText: string | null;
    score: Money | null;
    /** 年初预算数 of the 当年财政拨款 row: what the year's budget (U2) gave the project */
    initialFiscal?: Money | null;
  };
  indicators: FormIndicator[];
  /** `grade`: the 自评等级 the form shows beside 总分 (优/良/中/差), when it shows one */
  total: { weight: Money | null; score: Money | null; grade?: string | null };
  at?: FormPositions;
}

/** One project line of a 绩效目标汇总表; `row` is the sheet row when read from a sheet. */
export interface TargetSummaryRow {
  name: string;
  amount: Money | null;
  row?: number;
}

/**
 * 绩效目标汇总表 (domain.md §6): one line per project with its 金额 (the form's 年度资金申请总额,
 * or 项目当年预算 on the 2020 form) and the 合计 below them. The goal and indicator columns are
 * the forms' words again and are not read.
 */
export interface TargetSummaryData {
  kind: 'target-summary';
  rows: TargetSummaryRow[];
  total: Money | null;
  /** `columns.name` / `columns.amount`, the header row and the 合计 row */
  at?: { columns: { name: number; amount: number }; headerRow: number; totalRow: number | null };
}

/** The 政府采购 figures no table holds, typed in a small input sheet (plan/procurement.ts), in 万元. */
export type ProcurementKey = 'total' | 'goods' | 'works' | 'services' | 'smes' | 'small';
export interface ProcurementData {
  kind: 'procurement';
  amounts: Partial<Record<ProcurementKey, Money | null>>;
  /** A1 address of each figure's cell, when read from a sheet */
  at?: Partial<Record<ProcurementKey, string>>;
}

/** The 上年对比 sheet read back (plan/comparison.ts): its rows and the threshold its cell holds. */
export interface ComparisonData {
  kind: 'comparison';
  /** percent points; null when the cell is blank or unreadable */
  threshold: Money | null;
  rows: ComparisonRow[];
  at?: { thresholdCell: string; reasonColumn: number };
}

export type FormData = TargetFormData | SelfEvaluationData;
export type TableData = CodedTableData | BalanceTableData | ThreePublicData | ProjectTableData;
export type SheetData = TableData | TextData | FormData | TargetSummaryData | ProcurementData | ComparisonData;

/** Who and when a sheet is for. */
export interface BudgetContext {
  level: BudgetLevel;
  org: string;
  year: number;
  /** 财政级次 (市级, 区级, 县级; 市级 when absent): the glossary's and the notes' wording (tier.ts) */
  tier?: Tier;
}

/** One sheet read into the model. */
export interface ModelSheet {
  sheetName: string;
  specId: SpecId;
  context: Partial<BudgetContext>;
  data: SheetData;
}

export interface ModelTable extends ModelSheet {
  specId: TableId;
  data: TableData;
}
