import type { UnitProblem } from '../core/consolidate/types';
import { validateOrg, validateYear, type FormState } from './form';
import type { Message } from './i18n';
import { errorDetail } from './result';

/**
 * The 汇总所属单位 section as plain data: what must be done before it can run, the screening
 * findings grouped by unit, and failures in the clerk's words. Pure: no DOM, no Office; the
 * section (consolidate-section.ts) renders it and consolidate-run.ts does the work.
 */

/** One unit workbook the clerk picked that could not be read at all. */
export interface UnreadFile {
  file: string;
  /** the reader's own one line of Chinese (WorkbookReadError), or the browser's */
  detail: string;
}

/** What the clerk still has to do before 汇总所属单位 can run, the first of them; null when ready. */
export function consolidateNeeds(state: FormState, fileCount: number, now: Date = new Date()): Message | null {
  if (state.level !== 'department') return { key: 'consolidate.needs.department' };
  if (validateOrg('department', state.org) || validateYear(state.year, now)) return { key: 'consolidate.needs.org' };
  if (fileCount === 0) return { key: 'consolidate.needs.files' };
  return null;
}

export interface UnitProblems {
  unit: string;
  /** the file it came from */
  source: string;
  /** has 错误 of its own (summing it would carry them into the department) */
  errors: boolean;
  problems: UnitProblem[];
}

/** The screening findings unit by unit, in the order the files were picked. */
export function problemsByUnit(problems: readonly UnitProblem[]): UnitProblems[] {
  const by = new Map<string, UnitProblems>();
  for (const p of problems) {
    const g = by.get(p.source) ?? { unit: p.unit, source: p.source, errors: false, problems: [] };
    if (p.kind === 'unit-errors') g.errors = true;
    g.problems.push(p);
    by.set(p.source, g);
  }
  return [...by.values()];
}

/** The first problems of a unit shown; the rest counted, so a hundred units stay readable. */
export const SHOWN_PER_UNIT = 20;

export function explainConsolidateError(err: unknown): Message {
  const detail = errorDetail(err);
  return detail ? { key: 'consolidate.error.generic', params: { detail } } : { key: 'consolidate.error.genericNoDetail' };
}

/** The files that could not be read (each listed under the line, with the reader's words). */
export function unreadMessage(unread: readonly UnreadFile[]): Message {
  return { key: 'consolidate.unread', params: { n: unread.length } };
}
