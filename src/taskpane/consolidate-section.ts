import type { Tier } from '../core/tier';
import type { UnitWorkbook } from '../core/consolidate/types';
import { insertPlans } from '../excel/writer';
import { markCheckStale } from './check-section';
import { consolidateNeeds, explainConsolidateError, problemsByUnit, SHOWN_PER_UNIT, unreadMessage, type UnitProblems, type UnreadFile } from './consolidate';
import { $, clearOutput, el, focusOutput, spinner } from './dom';
import { actionArea, actionButtons, excelAction, inExcel, setBusy } from './excel-action';
import { contextOf, validateOrg } from './form';
import { joinList, say, type Message } from './i18n';
import { level, readState } from './insert-section';
import { tr, ui } from './pane-state';
import { explainExcelError, outcomeNotes, sheetOutcomes, type SheetOutcome } from './result';
import { readWorkbookModels } from '../excel/validate';
import { explainSharesError, sharesAt, type SharesView } from './shares';

/**
 * The 汇总所属单位 section (a department's workbook): the clerk picks the units' workbooks, the
 * pane reads them (the reader and the core's consolidation come in their own chunk, loaded on
 * the first click), shows what the screening found unit by unit and sums only when the clerk
 * says so, then inserts the department's tables and 分单位明细 into the open workbook.
 */

type ConsolidateState =
  | { kind: 'working'; message: Message }
  | { kind: 'ask'; groups: UnitProblems[]; problems: number }
  | { kind: 'done'; outcomes: SheetOutcome[]; notes: Message[] }
  | { kind: 'info'; message: Message }
  | { kind: 'error'; message: Message; unread?: UnreadFile[] };

let state: ConsolidateState | null = null;
/** The units read and screened, waiting for the clerk's 仍然汇总. */
let pending: { units: UnitWorkbook[]; department: string; year: number; tier: Tier } | null = null;

function files(): File[] {
  return Array.from($<HTMLInputElement>('consolidate-files').files ?? []);
}

/** The section shows in a department's pane only; its button says the step it still needs. */
export function renderConsolidate(): void {
  $('consolidate-section').hidden = level() !== 'department';
  const picked = files().length;
  $('consolidate-count').textContent = picked === 0 ? tr('consolidate.noFiles') : tr('consolidate.files', { n: picked });
  const needs = consolidateNeeds(readState(), picked);
  // the step an earlier click asked for is done: its error goes
  if (state?.kind === 'error' && state.message.key.startsWith('consolidate.needs.') && needs?.key !== state.message.key) state = null;
  const line = $('consolidate-needs');
  // said once: not beside the button while the error under it says the same
  line.hidden = !needs || (state?.kind === 'error' && state.message.key === needs.key);
  line.textContent = needs ? say(ui.lang, needs) : '';
  renderOutput();
  renderShares();
}

function renderOutput(): void {
  const box = clearOutput('consolidate-output');
  if (!state) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  switch (state.kind) {
    case 'working':
      box.classList.add('working');
      box.setAttribute('aria-busy', 'true');
      box.append(spinner(), el('p', {}, say(ui.lang, state.message)));
      break;
    case 'info':
      box.classList.add('info');
      box.append(el('p', {}, say(ui.lang, state.message)));
      break;
    case 'error': {
      box.classList.add('error');
      box.append(el('p', { role: 'alert' }, say(ui.lang, state.message)));
      if (state.unread?.length) {
        const ul = el('ul', { class: 'file-list' });
        for (const u of state.unread) ul.append(el('li', {}, `${u.file}: ${u.detail}`));
        box.append(ul);
      }
      break;
    }
    case 'ask': {
      // the question, then each unit's findings; 取消 takes focus so an extra Enter sums nothing
      box.classList.add('confirm');
      box.setAttribute('role', 'group');
      box.setAttribute('aria-labelledby', 'consolidate-question');
      box.append(el('p', { id: 'consolidate-question', role: 'alert' }, tr('consolidate.screened', { units: state.groups.length, n: state.problems })));
      for (const g of state.groups) {
        const details = el('details', { class: 'check-sheet', 'data-unit': g.unit });
        details.open = state.groups.length <= 5;
        details.append(el('summary', {}, tr('consolidate.unitGroup', { unit: g.unit, file: g.source, n: g.problems.length })));
        const list = el('ul', { class: 'check-findings' });
        for (const p of g.problems.slice(0, SHOWN_PER_UNIT)) list.append(el('li', { class: p.kind === 'unit-errors' ? 'error' : 'warning' }, p.message));
        details.append(list);
        if (g.problems.length > SHOWN_PER_UNIT) details.append(el('p', { class: 'note' }, tr('consolidate.more', { n: g.problems.length - SHOWN_PER_UNIT })));
        box.append(details);
      }
      const go = el('button', { type: 'button', id: 'consolidate-go', class: 'primary' }, tr('button.consolidateGo'));
      const cancel = el('button', { type: 'button', id: 'consolidate-cancel', class: 'secondary' }, tr('button.cancel'));
      go.disabled = cancel.disabled = ui.busy;
      go.addEventListener('click', () => void sum(true));
      cancel.addEventListener('click', onCancel);
      const actions = el('div', { class: 'actions' });
      actions.append(go, cancel);
      box.append(actions);
      break;
    }
    case 'done': {
      box.classList.add('done');
      box.append(el('p', { class: 'output-title' }, tr('status.done', { n: state.outcomes.length })));
      const ul = el('ul', { class: 'sheets' });
      for (const o of state.outcomes) ul.append(el('li', o.renamed ? { class: 'renamed' } : {}, o.name));
      box.append(ul);
      for (const note of state.notes) box.append(el('p', { class: 'note' }, say(ui.lang, note)));
      break;
    }
  }
}

function setState(next: ConsolidateState | null, focus: 'output' | 'cancel' | null = null): void {
  state = next;
  renderOutput();
  if (focus === 'cancel') document.getElementById('consolidate-cancel')?.focus();
  else if (focus === 'output' && next) focusOutput('consolidate-output');
}

/** The reader and the consolidation, fetched once, on the first click: not in the pane's first load. */
const loadRun = () => import(/* webpackChunkName: "consolidate" */ './consolidate-run');

/** 汇总所属单位: read the picked workbooks, screen them, then sum (or ask first). */
async function onConsolidate(): Promise<void> {
  if (ui.busy) return;
  const form = readState();
  const picked = files();
  const needs = consolidateNeeds(form, picked.length);
  if (needs) {
    setState({ kind: 'error', message: needs }, 'output');
    renderConsolidate();
    if (needs.key === 'consolidate.needs.org') (validateOrg('department', form.org) ? $('org') : $('year')).focus();
    else if (needs.key === 'consolidate.needs.files') $('consolidate-files').focus();
    return;
  }
  if (!inExcel()) {
    setState({ kind: 'error', message: { key: 'excel.needsExcel' } }, 'output');
    return;
  }
  const ctx = contextOf(form);
  pending = null;
  setBusy(true);
  setState({ kind: 'working', message: { key: 'consolidate.loading' } });
  try {
    const run = await loadRun();
    const { workbooks, unread } = await run.readPickedWorkbooks(picked, (p) =>
      setState({ kind: 'working', message: { key: 'consolidate.reading', params: { done: Math.min(p.done + 1, p.total), total: p.total, file: p.file } } }),
    );
    if (unread.length > 0) {
      setState({ kind: 'error', message: unreadMessage(unread), unread }, 'output');
      return;
    }
    pending = { units: workbooks, department: ctx.org, year: ctx.year, tier: form.tier };
    const problems = run.screen(workbooks, ctx.year);
    if (problems.length > 0) {
      setBusy(false);
      setState({ kind: 'ask', groups: problemsByUnit(problems), problems: problems.length }, 'cancel');
      return;
    }
  } catch (err) {
    console.error(err);
    setState({ kind: 'error', message: explainConsolidateError(err) }, 'output');
    return;
  } finally {
    if (state?.kind !== 'ask') setBusy(false);
  }
  await sum(false);
}

/** Sums the units read (`goOn`: the clerk said to go on despite the findings) and inserts the sheets. */
async function sum(goOn: boolean): Promise<void> {
  const p = pending;
  if (ui.busy || !p) return;
  pending = null;
  let planned;
  try {
    const run = await loadRun();
    planned = run.departmentPlans(p.units, { department: p.department, year: p.year, tier: p.tier }, goOn);
  } catch (err) {
    console.error(err);
    setState({ kind: 'error', message: explainConsolidateError(err) }, 'output');
    return;
  }
  const { consolidation: c, plans } = planned;
  if (c.units.length === 0) {
    setState({ kind: 'error', message: { key: 'consolidate.none' } }, 'output');
    return;
  }
  setState({ kind: 'working', message: { key: 'consolidate.working' } });
  const next = await excelAction<ConsolidateState>(
    async (context) => {
      const outcomes = sheetOutcomes(plans, (await insertPlans(context, plans)).sheets);
      const notes: Message[] = [
        { key: 'consolidate.summed', params: { n: c.units.length, units: joinList(ui.lang, c.units) } },
        ...(goOn ? [] : [{ key: 'consolidate.clean' } as Message]),
        ...(c.unitsWithErrors.length ? [{ key: 'consolidate.withErrors', params: { units: joinList(ui.lang, c.unitsWithErrors) } } as Message] : []),
        ...c.notes.map((text): Message => ({ key: 'consolidate.note', params: { text } })),
        ...outcomeNotes(outcomes),
      ];
      return { kind: 'done', outcomes, notes };
    },
    (err) => ({ kind: 'error', message: explainExcelError(err) }),
  );
  if (next.kind === 'done') markCheckStale();
  setState(next, 'output');
}

function onCancel(): void {
  if (state?.kind !== 'ask') return;
  pending = null;
  setState({ kind: 'info', message: { key: 'consolidate.cancelled' } });
  $('consolidate-run').focus();
}

// ---------------------------------------------------------------- 所属单位构成

type SharesState = { kind: 'working' } | { kind: 'view'; view: SharesView } | { kind: 'error'; message: Message };
let shares: SharesState | null = null;

function renderShares(): void {
  const box = clearOutput('shares-output');
  if (!shares) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  if (shares.kind === 'working') {
    box.classList.add('working');
    box.setAttribute('aria-busy', 'true');
    box.append(spinner(), el('p', {}, tr('shares.reading')));
    return;
  }
  if (shares.kind === 'error') {
    box.classList.add('error');
    box.append(el('p', { role: 'alert' }, say(ui.lang, shares.message)));
    return;
  }
  const v = shares.view;
  const unit = tr(v.unit === 'wan' ? 'shares.unit.wan' : 'shares.unit.yuan');
  box.classList.add('info');
  box.append(el('p', { class: 'output-title' }, tr('shares.title', { sheet: v.sheet, cell: v.cell, name: v.name, column: v.column, total: v.total ?? '—', unit })));
  if (v.shares.length === 0) box.append(el('p', {}, tr('shares.none')));
  const ul = el('ul', { class: 'sheets' });
  for (const s of v.shares) ul.append(el('li', { 'data-unit': s.unit }, tr('shares.line', { unit: s.unit, amount: s.amount })));
  box.append(ul);
}

/** 所选单元格的单位构成: the selected cell's figure, its units' shares from 分单位明细. */
async function onShares(): Promise<void> {
  if (ui.busy) return;
  if (!inExcel()) {
    shares = { kind: 'error', message: { key: 'excel.needsExcel' } };
    renderShares();
    return;
  }
  shares = { kind: 'working' };
  renderShares();
  shares = await excelAction<SharesState>(
    async (context) => {
      const selected = context.workbook.getSelectedRange();
      selected.load('address');
      await context.sync();
      const { sheets, breakdown } = await readWorkbookModels(context);
      const view = sharesAt(sheets, breakdown, selected.address);
      return 'key' in view ? { kind: 'error', message: view } : { kind: 'view', view };
    },
    (err) => ({ kind: 'error', message: explainSharesError(err) }),
  );
  renderShares();
  focusOutput('shares-output');
}

export function wireConsolidate(): void {
  actionButtons('consolidate-run', 'shares-run');
  $('shares-run').addEventListener('click', () => void onShares());
  actionArea('consolidate-output');
  $('consolidate-run').addEventListener('click', () => void onConsolidate());
  $('consolidate-files').addEventListener('change', () => {
    // new files: an earlier question or result is about other files
    pending = null;
    if (state?.kind === 'ask' || state?.kind === 'error') state = null;
    renderConsolidate();
  });
  for (const id of ['org', 'year']) $(id).addEventListener('input', renderConsolidate);
  $('consolidate-output').addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && state?.kind === 'ask') {
      e.preventDefault();
      onCancel();
    }
  });
}
