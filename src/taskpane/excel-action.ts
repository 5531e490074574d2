/* global Excel */
import { loadFluentSpinner } from './fluent';
import { $ } from './dom';
import { ui } from './pane-state';
import { startProgress } from './progress';

/**
 * One Excel batch at a time from the pane: while it runs every action button is disabled and,
 * after half a second, a spinner shows.
 */

/** The buttons that start Excel work; each section registers its own. */
const ACTION_BUTTONS = new Set<string>();
/** Containers whose buttons (an inline question's 确定 / 取消) are disabled too. */
const ACTION_AREAS = new Set<string>();

export function actionButtons(...ids: string[]): void {
  for (const id of ids) ACTION_BUTTONS.add(id);
}

export function actionArea(id: string): void {
  ACTION_AREAS.add(id);
}

export function setBusy(busy: boolean): void {
  ui.busy = busy;
  ui.progress?.stop();
  ui.progress = null;
  if (busy) {
    void loadFluentSpinner();
    ui.progress = startProgress(
      () => document.body.classList.add('show-progress'),
      () => document.body.classList.remove('show-progress'),
    );
  }
  for (const id of ACTION_BUTTONS) $<HTMLButtonElement>(id).disabled = busy;
  for (const area of ACTION_AREAS) document.querySelectorAll<HTMLButtonElement>(`#${area} button`).forEach((b) => (b.disabled = busy));
  document.body.classList.toggle('busy', busy);
}

/** Office said the host is Excel and its API is there. */
export function inExcel(): boolean {
  return ui.inExcel && typeof Excel !== 'undefined';
}

/**
 * One Excel batch from the pane: every action disabled while it runs, a failure turned into the
 * section's own words by `onError` (and logged for the developer console).
 */
export async function excelAction<T>(work: (context: Excel.RequestContext) => Promise<T>, onError: (err: unknown) => T): Promise<T> {
  setBusy(true);
  try {
    return await Excel.run(work);
  } catch (err) {
    console.error(err);
    return onError(err);
  } finally {
    setBusy(false);
  }
}
