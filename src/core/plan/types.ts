import type { SpecId } from '../specs/types';

/**
 * Text from a person or a file, written as text whatever it starts with (`=`, `+`, `-`, `@`):
 * see `text-cells.ts`.
 */
export interface PlanText {
  text: string;
}

/**
 * A cell as planned: a number or boolean; `{ text }` for words that came from a person or a
 * file; a plain string for the planner's own words, which is a formula when it starts with `=`.
 */
export type CellValue = string | number | boolean | null | PlanText;

export interface CellStyle {
  numberFormat?: string;
  bold?: boolean;
  fontSize?: number;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'center' | 'bottom';
  wrap?: boolean;
  border?: boolean;
  /** background, `#RRGGBB` */
  fill?: string;
  /** font colour, `#RRGGBB` */
  color?: string;
  /** false for the cells a clerk types into */
  locked?: boolean;
  indent?: number;
}

export interface StyledRange {
  range: string;
  style: CellStyle;
}

export type ValidationPlan =
  | { range: string; kind: 'decimal'; min: number; max: number; error: Message; prompt?: Message; strict: boolean }
  | { range: string; kind: 'textLength'; min: number; max: number; error: Message; prompt?: Message; strict: boolean }
  | { range: string; kind: 'list'; items: string[]; error: Message; prompt?: Message; strict: boolean }
  /**
   * A list whose items a formula gives (`=OFFSET('_BT_LISTS'!…)`), so it can depend on another
   * cell; the sheets the formula refers to come with the plan as `helpers`.
   */
  | { range: string; kind: 'listFormula'; formula: string; error: Message; prompt?: Message; strict: boolean };

export interface Message {
  title: string;
  text: string;
}

export interface NamePlan {
  /** the name; a writer adds a suffix when the workbook already has it */
  name: string;
  range: string;
}

/**
 * Everything a writer needs to make one sheet, computed once from a spec by the pure core
 * and applied as it is by the Office.js writer (one batch) and the ExcelJS writer.
 */
export interface SheetPlan {
  specId: SpecId;
  /** the wanted sheet name; a writer picks a free one when it is taken */
  name: string;
  /** machine-readable marker of which table this is (see `marker.ts`) */
  marker: string;
  markerCell: string;
  /** dense grid from A1: values and formulas */
  cells: CellValue[][];
  /**
   * The value each formula cell should show until Excel recalculates it (written into .xlsx
   * files so a reader without a formula engine, or without the add-in, sees the figures).
   */
  results: Record<string, number>;
  /** the same for formulas that show text (a summary linking to a form's words) */
  textResults?: Record<string, string>;
  columnWidths: number[];
  hiddenColumns: number[];
  rowHeights: Record<number, number>;
  merges: string[];
  styles: StyledRange[];
  validations: ValidationPlan[];
  names: NamePlan[];
  /** rows and columns kept in view while scrolling */
  freeze: { rows: number; columns: number };
  /**
   * How it prints (see `print.ts`): A4 in this orientation, `titleRows` (`1:5`) repeated on
   * every page, fitted one page wide or at `scale` % (100 when not given); `titleColumns` (`A:D`)
   * repeated on every page
   * of a sheet wider than one; `rowBreaks` the rows that start a new page.
   */
  print: {
    orientation: 'landscape' | 'portrait';
    titleRows: string | null;
    fitToWidth: boolean;
    scale?: number;
    area?: string;
    titleColumns?: string;
    rowBreaks?: number[];
  };
  /** structure protected without a password; unlocked cells stay editable */
  protect: boolean;
  /** where the amounts are, for readers and tests */
  layout: PlanLayout;
  /**
   * Sheets this sheet's validations refer to (`_BT_LISTS`). A writer makes each once per
   * workbook, after the sheets it serves, and uses one already there when its cells are the
   * same; otherwise it rewrites that sheet's cells (it is the add-in's own sheet, and its
   * lists are found by key, so forms made earlier keep working).
   */
  helpers?: HelperSheetPlan[];
}

/** A sheet of values only, for formulas to refer to. */
export interface HelperSheetPlan {
  name: string;
  cells: CellValue[][];
  visibility: 'veryHidden';
}

export interface PlanLayout {
  headerRows: [number, number];
  /** first and last data row (inclusive); empty tables have last < first */
  dataRows: [number, number];
  totalRow: number | null;
  /** amount column number per key */
  amountColumns: Record<string, number>;
  /** number of code columns (3 functional, 2 economic, 0 otherwise) */
  codeColumns: number;
  nameColumn: number | null;
}
