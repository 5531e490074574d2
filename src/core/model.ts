import type { Money } from './money';
import type { AmountKey, IncomeKey } from './seed-types';
import type { BudgetLevel, SpecId, TableId } from './specs/types';
import type { ThreePublicKey } from './specs/types';

/**
 * The neutral model: what a sheet holds, whichever way it was read (ExcelJS, Office.js) or
 * made (seed data). Amounts are exact; `null` is a blank cell (zero).
 */
export type Amounts = Partial<Record<AmountKey, Money | null>>;

export interface CodedRow {
  code: string;
  name: string;
  amounts: Amounts;
}

export interface CodedTableData {
  kind: 'coded';
  rows: CodedRow[];
  total: Amounts;
  statement?: string | null;
}

export interface IncomeItem {
  key: IncomeKey;
  label: string;
  amount: Money | null;
}

export interface ExpenditureItem {
  /** functional 类, when known */
  code: string | null;
  label: string;
  amounts: Amounts;
}

export interface BalanceTableData {
  kind: 'balance';
  income: IncomeItem[];
  incomeTotal: Money | null;
  expenditure: ExpenditureItem[];
  expenditureTotal: Amounts;
}

export interface ThreePublicData {
  kind: 'three-public';
  amounts: Partial<Record<ThreePublicKey, Money | null>>;
}

export interface ProjectItem {
  no: number | null;
  name: string;
  amount: Money | null;
}

export interface ProjectGroup {
  code: string;
  name: string;
  amount: Money | null;
  projects: ProjectItem[];
}

export interface ProjectTableData {
  kind: 'projects';
  rows: ProjectGroup[];
  total: Money | null;
}

export interface TextData {
  kind: 'text';
  /** overrides the spec's title, e.g. the project name of a 项目经费情况说明 */
  subject?: string;
  paragraphs: string[];
}

export type TableData = CodedTableData | BalanceTableData | ThreePublicData | ProjectTableData;
export type SheetData = TableData | TextData;

/** Who and when a sheet is for. */
export interface BudgetContext {
  level: BudgetLevel;
  org: string;
  year: number;
  /** 市级 or 区级, used in the glossary's wording */
  tier?: string;
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
