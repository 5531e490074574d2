import { insertPlannedFromWorkbook } from '../excel/project-forms';
import { markCheckStale } from './check-section';
import { $, focusOutput } from './dom';
import { planDraft, explainDraftError } from './draft';
import { actionButtons, excelAction, inExcel } from './excel-action';
import type { Message } from './i18n';
import { renderInsertOutput } from './insert-output';
import { tier } from './insert-section';
import { ui, type FormsOutput } from './pane-state';
import { outcomeNotes, sheetOutcomes } from './result';

/**
 * The 起草说明 section: the 预算编制说明 and 其他相关情况说明 drafted from the open workbook's
 * tables and inserted as new sheets; the clerk's own text sections are left as they are.
 */

let output: FormsOutput | null = null;

export function renderDraft(): void {
  renderInsertOutput('draft-output', output, 'draft.working');
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

async function onDraft(): Promise<void> {
  if (ui.busy) return;
  if (!inExcel()) {
    setOutput({ kind: 'error', message: { key: 'excel.needsExcel' } }, true);
    return;
  }
  setOutput({ kind: 'working' });
  const chosenTier = tier();
  const next = await excelAction<FormsOutput>(
    async (context) => {
      const result = await insertPlannedFromWorkbook(context, ({ sheets }) => {
        const planned = planDraft(sheets, chosenTier);
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
}
