import { insertPlannedFromWorkbook } from '../excel/project-forms';
import { markCheckStale } from './check-section';
import { $, focusOutput } from './dom';
import { Money } from '../core/money';
import { planDraft, explainDraftError, type PreviousPick } from './draft';
import { actionButtons, excelAction, inExcel } from './excel-action';
import type { Message } from './i18n';
import { renderInsertOutput } from './insert-output';
import { tier } from './insert-section';
import { tr, ui, type FormsOutput } from './pane-state';
import { outcomeNotes, sheetOutcomes } from './result';

/**
 * The 起草说明 section: the 预算编制说明 and 其他相关情况说明 drafted from the open workbook's
 * tables and inserted as new sheets; the clerk's own text sections are left as they are.
 */

let output: FormsOutput | null = null;

export function renderDraft(): void {
  renderInsertOutput('draft-output', output, 'draft.working');
  renderPreviousName();
}

/** The picked file's name in the pane's language (again after a language switch). */
function renderPreviousName(): void {
  const file = previousFile();
  $('draft-previous-name').textContent = file ? tr('draft.previousPicked', { file: file.name }) : tr('draft.noPrevious');
}

function setOutput(next: FormsOutput | null, focus = false): void {
  output = next;
  renderDraft();
  if (focus && next) focusOutput('draft-output');
}

/** Thrown inside the Excel batch when the workbook gives the draft nothing to stand on. */
class NothingToDraft extends Error {
  constructor(readonly said: Message) {
    super(said.key);
  }
}

/** The file picked for 上年对比, if any. */
function previousFile(): File | null {
  return $<HTMLInputElement>('draft-previous').files?.[0] ?? null;
}

/** The threshold typed: null when left at the sheet's own (blank), undefined when not a percentage. */
function threshold(): Money | null | undefined {
  const t = $<HTMLInputElement>('draft-threshold').value.trim().replace(/[%％]$/, '');
  if (t === '') return null;
  if (!/^\d+(\.\d+)?$/.test(t) || Number(t) > 1000) return undefined;
  return new Money(t);
}

/**
 * Last year's workbook read in the pane, through the same on-demand reader as 汇总所属单位
 * (its own chunk: the first load does not carry it). A message when it cannot be read.
 */
async function readPrevious(file: File, given: Money | null): Promise<PreviousPick | Message> {
  const { readPickedWorkbooks } = await import(/* webpackChunkName: "picked-workbooks" */ './picked-workbooks');
  const { workbooks, unread } = await readPickedWorkbooks([file]);
  if (!workbooks.length) return { key: 'draft.previousUnread', params: { file: file.name, detail: unread[0]?.detail ?? '' } };
  return { file: file.name, sheets: workbooks[0].sheets, threshold: given };
}

async function onDraft(): Promise<void> {
  if (ui.busy) return;
  if (!inExcel()) {
    setOutput({ kind: 'error', message: { key: 'excel.needsExcel' } }, true);
    return;
  }
  const given = threshold();
  if (given === undefined) {
    setOutput({ kind: 'error', message: { key: 'draft.threshold' } }, true);
    return;
  }
  setOutput({ kind: 'working' });
  const file = previousFile();
  let previous: PreviousPick | undefined;
  if (file) {
    const read = await readPrevious(file, given);
    if ('key' in read) {
      setOutput({ kind: 'error', message: read }, true);
      return;
    }
    previous = read;
  }
  const chosenTier = tier();
  const next = await excelAction<FormsOutput>(
    async (context) => {
      const result = await insertPlannedFromWorkbook(context, ({ sheets }) => {
        const planned = planDraft(sheets, chosenTier, previous);
        if (!planned.ok) throw new NothingToDraft(planned.message);
        return planned;
      });
      const outcomes = sheetOutcomes(result.plans, result.sheets);
      const notes: Message[] = [...outcomeNotes(outcomes), { key: 'draft.placeholders', params: { n: result.placeholders } }];
      return { kind: 'done', outcomes, notes };
    },
    (err) => ({ kind: 'error', message: err instanceof NothingToDraft ? err.said : explainDraftError(err) }),
  );
  if (next.kind === 'done') markCheckStale();
  setOutput(next, true);
}

export function wireDraft(): void {
  actionButtons('draft-run');
  $('draft-run').addEventListener('click', () => void onDraft());
  $('draft-previous').addEventListener('change', renderPreviousName);
}
