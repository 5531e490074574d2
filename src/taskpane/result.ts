import type { SheetPlan } from '../core/plan/types';
import type { Message, MessageKey } from './i18n';

/**
 * Turning what Excel did (or refused) into what the clerk reads. Pure: no DOM and no Office
 * globals; errors are recognised by their `code` and `message` only.
 */

export interface SheetOutcome {
  /** the name the plan asked for */
  wanted: string;
  /** the name the sheet was made under */
  name: string;
  /** the wanted name was taken, so a free one was chosen */
  renamed: boolean;
}

/** Pairs each plan with the name `insertPlans` returned for it (same order). */
export function sheetOutcomes(plans: readonly SheetPlan[], made: readonly string[]): SheetOutcome[] {
  return made.map((name, i) => {
    const wanted = plans[i]?.name ?? name;
    return { wanted, name, renamed: wanted !== name };
  });
}

/** The notes to show under the list of sheets. */
export function outcomeNotes(outcomes: readonly SheetOutcome[], missingAmounts = 0): Message[] {
  const notes: Message[] = outcomes
    .filter((o) => o.renamed)
    .map((o) => ({ key: 'status.renamed', params: { wanted: o.wanted, name: o.name } }));
  if (missingAmounts > 0) notes.push({ key: 'status.missing', params: { n: missingAmounts } });
  return notes;
}

const BY_CODE: Record<string, MessageKey> = {
  InvalidOperationInCellEditMode: 'excel.cellEdit',
  AccessDenied: 'excel.protected',
  RequestPayloadSizeLimitExceeded: 'excel.tooLarge',
  ResponsePayloadSizeLimitExceeded: 'excel.tooLarge',
  RangeExceedsLimit: 'excel.tooLarge',
  OperationCellsExceedLimit: 'excel.tooLarge',
  ApiNotFound: 'excel.apiMissing',
  NotImplemented: 'excel.apiMissing',
  UnsupportedFeature: 'excel.apiMissing',
  Conflict: 'excel.busy',
  RequestAborted: 'excel.busy',
  ActivityLimitReached: 'excel.busy',
  ServiceNotAvailable: 'excel.busy',
};

const DETAIL_MAX = 160;

/** The first line of an error's message, without a stack or an `Error:` prefix, kept short. */
export function errorDetail(err: unknown): string {
  let text = '';
  if (typeof err === 'string') text = err;
  else if (err && typeof err === 'object' && 'message' in err && typeof (err as { message: unknown }).message === 'string') {
    text = (err as { message: string }).message;
  }
  const first = (text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '').trim().replace(/^(\w*Error|Error):\s*/, '');
  if (/^\s*at\s/.test(first)) return '';
  return first.length > DETAIL_MAX ? `${first.slice(0, DETAIL_MAX - 1)}…` : first;
}

/** The `code` of an `OfficeExtension.Error` (or anything shaped like one). */
export function codeOf(err: unknown): string | undefined {
  if (err && typeof err === 'object' && 'code' in err) {
    const c = (err as { code: unknown }).code;
    return typeof c === 'string' ? c : undefined;
  }
  return undefined;
}

/** What to tell the clerk when `Excel.run` fails. */
export function explainExcelError(err: unknown): Message {
  const code = codeOf(err);
  if (code && BY_CODE[code]) return { key: BY_CODE[code] };
  const detail = errorDetail(err);
  if (err instanceof ReferenceError && /\b(Excel|Office)\b/.test(detail)) return { key: 'excel.needsExcel' };
  if (/protect|保护/i.test(detail)) return { key: 'excel.protected' };
  if (/cell.?edit|编辑模式/i.test(detail)) return { key: 'excel.cellEdit' };
  return detail ? { key: 'excel.generic', params: { detail } } : { key: 'excel.genericNoDetail' };
}

/** What to tell the clerk when making the plans (before Excel is touched) fails. */
export function explainPlanError(err: unknown): Message {
  return { key: 'excel.planFailed', params: { detail: errorDetail(err) || String(err) } };
}
