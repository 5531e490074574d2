import type { Money } from './money';
import type { AmountKey, IncomeKey } from './seed-types';
import type { BudgetLevel, SpecId, TableId } from './specs/types';
import type { ThreePublicKey } from './specs/types';

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
}

export interface CodedRow {
  code: string;
  name: string;
  amounts: Amounts;
  /** sheet row, when read from a sheet */
  row?: number;
}

export interface CodedTableData {
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

export interface BalanceTableData {
  kind: 'balance';
  income: IncomeItem[];
  incomeTotal: Money | null;
  expenditure: ExpenditureItem[];
  expenditureTotal: Amounts;
  /** `columns.income` is the income amount column */
  at?: SheetPositions;
}

export interface ThreePublicData {
  kind: 'three-public';
  amounts: Partial<Record<ThreePublicKey, Money | null>>;
  /** `totalRow` is the data row */
  at?: SheetPositions;
}

export interface ProjectItem {
  no: number | null;
  name: string;
  amount: Money | null;
  row?: number;
}

export interface ProjectGroup {
  code: string;
  name: string;
  amount: Money | null;
  projects: ProjectItem[];
  row?: number;
}

export interface ProjectTableData {
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
