import type { ModelSheet } from '../model';
import type { Catalog } from '../catalog/catalog';

/** 错误 blocks submission (强制性审核); 提示 must be looked at (提示性审核). */
export type Severity = 'error' | 'warning';

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '提示' };

export interface Finding {
  rule: string;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell that does not reconcile */
  cell: string;
  message: string;
}

/**
 * A finding's message without a leading `C7：`, for lists that show the cell beside it. Findings
 * made by `finding()` no longer start so (message-style.ts, rule 4: the finding carries the
 * cell); a message made elsewhere may still.
 */
export function messageAfterCell(f: Pick<Finding, 'cell' | 'message'>): string {
  return f.cell && f.message.startsWith(`${f.cell}：`) ? f.message.slice(f.cell.length + 1) : f.message;
}

/** A rule as data: what it checks, how bad a failure is, and how it explains itself. */
export interface RuleSpec {
  id: string;
  severity: Severity;
  scope: 'table' | 'cross' | 'cell' | 'workbook';
  /** Chinese, the reference wording; the pane's zh-CN heading for the rule's findings */
  description: string;
  /**
   * The same in English, for the task pane in en-US. Kept beside the Chinese, not in the
   * pane's locale files, so a rule cannot be added without both; Chinese terms a clerk will
   * meet in the tables stay in brackets.
   */
  descriptionEn: string;
}

export interface RuleContext {
  sheets: ModelSheet[];
  catalog: Catalog;
  /** budget year of the workbook, when the sheets say */
  year?: number;
}
