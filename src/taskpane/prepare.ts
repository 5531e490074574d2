import { NotReadyError, type BudgetFormulaCount, type FreezeResult, type NotReadyCell } from '../excel/prepare';
import { joinList, t, type Lang, type Message, type MessageKey } from './i18n';
import { codeOf, errorDetail } from './result';

/**
 * The 报送前准备 section as plain data: what state the conversion is in, what to show for it,
 * and what to say when Excel refuses. Pure: no DOM and no Office, so it is unit tested;
 * taskpane.ts only renders `freezeView` and wires the buttons.
 *
 * The flow: count (changes nothing) → confirm in the pane (确定 / 取消) → freeze → result.
 */

export type FreezeState =
  | { kind: 'counting' }
  | { kind: 'confirm'; count: BudgetFormulaCount }
  | { kind: 'working' }
  | { kind: 'done'; result: FreezeResult }
  | { kind: 'none' }
  | { kind: 'cancelled' }
  | { kind: 'notReady'; cells: NotReadyCell[] }
  | { kind: 'error'; message: Message };

/** What the count leads to: nothing to do, formulas not ready to freeze, or the question. */
export function afterCount(count: BudgetFormulaCount): FreezeState {
  if (count.notReady.length > 0) return { kind: 'notReady', cells: count.notReady };
  if (count.cells === 0) return { kind: 'none' };
  return { kind: 'confirm', count };
}

export function afterFreeze(result: FreezeResult): FreezeState {
  return result.cells === 0 ? { kind: 'none' } : { kind: 'done', result };
}

export function afterError(err: unknown): FreezeState {
  if (err instanceof NotReadyError) return { kind: 'notReady', cells: err.cells };
  return { kind: 'error', message: explainFreezeError(err) };
}

export type FreezeTone = 'working' | 'confirm' | 'done' | 'info' | 'error';

export interface FreezeView {
  tone: FreezeTone;
  /** the main line */
  text: string;
  /** lines under it */
  notes: string[];
  /** show 确定 / 取消 */
  confirm: boolean;
  /** the text is an error to announce at once */
  alert: boolean;
}

/** How many not-ready cells to name before "等". */
export const NOT_READY_SHOWN = 3;

function notReadyList(lang: Lang, cells: readonly NotReadyCell[]): string {
  const shown = cells.slice(0, NOT_READY_SHOWN).map((c) => `${c.sheet}!${c.address} ${c.value}`);
  const list = joinList(lang, shown);
  if (cells.length <= NOT_READY_SHOWN) return list;
  return lang === 'zh-CN' ? `${list}${t(lang, 'freeze.notReady.more')}` : `${list} ${t(lang, 'freeze.notReady.more')}`;
}

function doneNotes(lang: Lang, result: FreezeResult): string[] {
  const notes: string[] = [];
  const spilled = result.sheets.reduce((n, s) => n + s.spilled, 0);
  if (spilled > 0) notes.push(t(lang, 'freeze.spilled', { n: spilled }));
  const errors = result.sheets.reduce((n, s) => n + s.errors, 0);
  if (errors > 0) notes.push(t(lang, 'freeze.errors', { n: errors }));
  const reprotected = result.sheets.filter((s) => s.protected).map((s) => s.name);
  if (reprotected.length > 0) notes.push(t(lang, 'freeze.reprotected', { sheets: joinList(lang, reprotected) }));
  return notes;
}

/** What the section shows for a state, in a language. */
export function freezeView(lang: Lang, state: FreezeState): FreezeView {
  const view = (tone: FreezeTone, key: MessageKey, params?: Record<string, string | number>, notes: string[] = []): FreezeView => ({
    tone,
    text: t(lang, key, params),
    notes,
    confirm: tone === 'confirm',
    alert: tone === 'error',
  });
  switch (state.kind) {
    case 'counting':
      return view('working', 'freeze.counting');
    case 'confirm':
      return view('confirm', 'freeze.confirm', { n: state.count.cells, sheets: joinList(lang, state.count.sheets.map((s) => s.name)) });
    case 'working':
      return view('working', 'freeze.working');
    case 'done':
      return view('done', 'freeze.done', { n: state.result.cells, sheets: joinList(lang, state.result.sheets.map((s) => s.name)) }, doneNotes(lang, state.result));
    case 'none':
      return view('info', 'freeze.none');
    case 'cancelled':
      return view('info', 'freeze.cancelled');
    case 'notReady':
      return view('error', 'freeze.notReady', { n: state.cells.length, cells: notReadyList(lang, state.cells) });
    case 'error':
      return view('error', state.message.key, state.message.params);
  }
}

const BY_CODE: Record<string, MessageKey> = {
  InvalidOperationInCellEditMode: 'freeze.error.cellEdit',
  AccessDenied: 'freeze.error.protected',
  RequestPayloadSizeLimitExceeded: 'freeze.error.tooLarge',
  ResponsePayloadSizeLimitExceeded: 'freeze.error.tooLarge',
  RangeExceedsLimit: 'freeze.error.tooLarge',
  OperationCellsExceedLimit: 'freeze.error.tooLarge',
  ApiNotFound: 'freeze.error.apiMissing',
  NotImplemented: 'freeze.error.apiMissing',
  UnsupportedFeature: 'freeze.error.apiMissing',
  Conflict: 'freeze.error.busy',
  RequestAborted: 'freeze.error.busy',
  ActivityLimitReached: 'freeze.error.busy',
  ServiceNotAvailable: 'freeze.error.busy',
};

/** What to tell the clerk when counting or converting fails. */
export function explainFreezeError(err: unknown): Message {
  const code = codeOf(err);
  if (code && BY_CODE[code]) return { key: BY_CODE[code] };
  const detail = errorDetail(err);
  if (err instanceof ReferenceError && /\b(Excel|Office)\b/.test(detail)) return { key: 'freeze.needsExcel' };
  if (/password|protect|密码|保护/i.test(detail)) return { key: 'freeze.error.protected' };
  if (/cell.?edit|编辑模式/i.test(detail)) return { key: 'freeze.error.cellEdit' };
  return detail ? { key: 'freeze.error.generic', params: { detail } } : { key: 'freeze.error.genericNoDetail' };
}
