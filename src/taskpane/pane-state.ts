import type { MarkResult } from '../excel/marks';
import type { WorkbookValidation } from '../excel/validate';
import type { SpecId } from '../core/specs/types';
import { t, type Lang, type Message, type MessageKey, type MessageParams } from './i18n';
import type { SheetOutcome } from './result';
import type { FreezeState } from './prepare';
import type { Progress } from './progress';
import type { ProjectItem } from './project-forms';

/**
 * What the pane remembers between clicks, shared by its sections. One object, so every
 * section renders from the same state and a language switch re-renders all of them.
 */

/** An insert result: working, the sheets made, what to fix, or an error. */
export type Output =
  | { kind: 'working' }
  | { kind: 'done'; outcomes: SheetOutcome[]; notes: Message[] }
  | { kind: 'error'; message: Message }
  | { kind: 'fix'; count: number };

/** The insert results of the template form and of the 绩效表 section, and the section's reading. */
export type FormsOutput = Output | { kind: 'info'; message: Message } | { kind: 'status'; message: Message };

export type CheckState =
  | { kind: 'working'; message: Message }
  | { kind: 'done'; validation: WorkbookValidation; marks: MarkResult }
  | { kind: 'info'; message: Message; marks?: MarkResult }
  | { kind: 'error'; message: Message };

export const ui = {
  lang: 'zh-CN' as Lang,
  /** the user picked the language with the toggle: Office's display language no longer decides */
  langChosen: false,
  /** Office.onReady said the host is Excel */
  inExcel: false,
  officeReady: false,
  busy: false,
  /** after the first insert attempt, errors follow the typing */
  showErrors: false,
  /** tables the clerk unticked; survives switching level */
  unticked: new Set<SpecId>(),
  output: null as Output | null,
  /** the 报送前准备 section: counting, the question, the result */
  freeze: null as FreezeState | null,
  /** the 校验 section */
  check: null as CheckState | null,
  /** the workbook changed (sheets inserted) since the 校验 result shown was made */
  checkStale: false,
  /** the spinner's half-second timer while busy */
  progress: null as Progress | null,
  /** the 绩效表 section */
  forms: {
    /** the U2 projects as last read; null before 读取项目 */
    items: null as ProjectItem[] | null,
    /** names unticked by the clerk; a project read for the first time comes ticked */
    unticked: new Set<string>(),
    showErrors: false,
    output: null as FormsOutput | null,
  },
};

export function tr(key: MessageKey, params?: MessageParams): string {
  return t(ui.lang, key, params);
}
