import type { Classification } from '../codes';
import type { AmountKey, IncomeKey } from '../seed-types';

export type BudgetLevel = 'unit' | 'department';
export type CurrencyUnit = '元' | '万元';

export type TableId = 'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'T6' | 'T7' | 'T8' | 'T9' | 'U1' | 'U2';
export type TextSectionId = 'functions' | 'organization' | 'glossary' | 'explanation' | 'other' | 'project';
/** The pack's 封面 and 目录 (specs/pack.ts): printed with the tables, nothing in them to check. */
export type PackSheetId = 'cover' | 'contents';
/**
 * 'target-form' and 'self-evaluation': the performance forms (plan/forms.ts); 'target-form-2020'
 * the long 2020 target form (plan/long-form.ts); 'target-summary' the 绩效目标汇总表
 * (plan/summary.ts). Outside the budget spec list.
 */
export type FormSpecId = 'target-form' | 'self-evaluation' | 'target-form-2020' | 'target-summary';
/** Sheets of inputs beside the tables: the 上年对比 (plan/comparison.ts) and the 政府采购 inputs (plan/procurement.ts). */
export type InputSpecId = 'comparison' | 'procurement';
export type SpecId = TableId | TextSectionId | PackSheetId | FormSpecId | InputSpecId;

/** Words that differ between a unit's tables and a department's; `{year}` and `{org}` are filled in. */
export interface Wording {
  unit: string;
  department: string;
}

export interface AmountColumn {
  key: AmountKey;
  label: string;
  /** a header spanning several columns above this one, e.g. 基本支出 over 人员经费 | 公用经费 */
  group?: string;
}

interface SpecBase {
  id: SpecId;
  /** the table's number in the official order (目录), for sorting and the 目录 */
  order: number;
  title: Wording;
  sheetName: Wording;
  /** short description for the task pane */
  description: string;
  levels: BudgetLevel[];
}

/** T2, T3, T5–T8, U1: rows of classification codes with amounts. */
export interface CodedTableSpec extends SpecBase {
  kind: 'coded';
  id: TableId;
  classification: Classification;
  /** header over the amount columns, e.g. 收入预算 */
  amountHeader: string;
  /** headers of the code and name columns; T8's differ between the unit and department forms */
  codeHeader: Wording;
  nameHeader: Wording;
  columns: AmountColumn[];
  /** 合计 = Σ these columns, on every row */
  partsOfTotal: AmountKey[];
  /** published instead of rows when the table is empty */
  emptyStatement: Wording;
  currency: '元';
}

export interface IncomeLine {
  key: IncomeKey;
  label: string;
  /** a sub-item of 一、财政拨款收入 */
  sub?: boolean;
}

/** T1 and T4: income on the left, expenditure by functional 类 on the right. */
export interface BalanceTableSpec extends SpecBase {
  kind: 'balance';
  id: TableId;
  incomeHeader: string;
  expenditureHeader: string;
  income: IncomeLine[];
  /** amount columns of the expenditure side, per level */
  expenditureColumns: { unit: AmountColumn[]; department: AmountColumn[] };
  /** header above the expenditure amount columns when there are several */
  expenditureAmountHeader?: string;
  currency: '元';
}

export type ThreePublicKey = 'total' | 'abroad' | 'reception' | 'vehicleTotal' | 'vehiclePurchase' | 'vehicleRunning' | 'operating';

/** T9: one row in 万元. */
export interface ThreePublicSpec extends SpecBase {
  kind: 'three-public';
  id: 'T9';
  currency: '万元';
}

/** U2: projects listed under their functional 项. */
export interface ProjectTableSpec extends SpecBase {
  kind: 'projects';
  id: 'U2';
  currency: '元';
}

/** Text sections around the tables, with the official outline a clerk fills in. */
export interface TextSectionSpec extends SpecBase {
  kind: 'text';
  id: TextSectionId;
  outline: Wording;
}

/** 封面 and 目录: made from the context (and the other sheets of the pack), never read back. */
export interface PackSheetSpec extends SpecBase {
  kind: 'cover' | 'contents';
  id: PackSheetId;
}

export type TableSpec = CodedTableSpec | BalanceTableSpec | ThreePublicSpec | ProjectTableSpec;
export type Spec = TableSpec | TextSectionSpec | PackSheetSpec;
