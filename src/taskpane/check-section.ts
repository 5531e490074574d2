/* global Excel */
import { applyMarks, clearMarks } from '../excel/marks';
import { validateWorkbook } from '../excel/validate';
import { messageAfterCell, type Finding } from '../core/rules/types';
import { explainCheckError, groupFindings, markNotes, severityLabel, statusMessage } from './check';
import { $, clearOutput, el, focusOutput, spinner } from './dom';
import { actionButtons, excelAction, inExcel } from './excel-action';
import { say } from './i18n';
import { tr, ui, type CheckState } from './pane-state';

/** The 校验 section: run the rules, mark the cells, list the findings by sheet and rule. */

/** The 校验 output: progress, or the status and the findings by sheet and rule. */
export function renderCheck(): void {
  const box = clearOutput('check-output');
  const state = ui.check;
  if (!state) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  if (state.kind !== 'done') {
    box.classList.add(state.kind === 'working' ? 'working' : state.kind === 'error' ? 'error' : 'info');
    if (state.kind === 'working') {
      box.setAttribute('aria-busy', 'true');
      box.append(spinner());
    }
    box.append(el('p', state.kind === 'error' ? { role: 'alert' } : {}, say(ui.lang, state.message)));
    if (state.kind === 'info' && state.marks) for (const note of markNotes(state.marks, ui.lang)) box.append(el('p', { class: 'note' }, say(ui.lang, note)));
    return;
  }
  const { validation, marks } = state;
  box.classList.add(validation.ready ? 'done' : 'error');
  if (ui.checkStale) {
    // sheets were inserted since: the list below may name what no longer holds, or miss what is new
    box.classList.add('stale');
    box.append(el('p', { class: 'stale-note', role: 'status' }, tr('check.stale')));
  }
  box.append(el('p', { class: 'output-title' }, say(ui.lang, statusMessage(validation))));
  for (const note of markNotes(marks, ui.lang)) box.append(el('p', { class: 'note' }, say(ui.lang, note)));
  for (const sheet of groupFindings(validation.findings, ui.lang)) {
    const details = el('details', { class: 'check-sheet' });
    details.open = true;
    details.append(el('summary', {}, tr('check.sheetCount', { sheet: sheet.sheet, n: sheet.count })));
    for (const rule of sheet.rules) {
      const group = el('div', { class: `check-rule ${rule.severity}`, 'data-rule': rule.rule });
      group.append(el('p', { class: 'check-rule-title' }, `${severityLabel(ui.lang, rule.severity)} · ${tr('check.group', { rule: rule.description, n: rule.findings.length })}`));
      const list = el('ul', { class: 'check-findings' });
      for (const f of rule.findings) {
        const item = el('li');
        // the attributes let tests and assistive tools find a finding without parsing its text
        const go = el('button', { type: 'button', class: 'link', 'data-sheet': f.sheet, 'data-cell': f.cell, title: tr('check.goTo', { sheet: f.sheet, cell: f.cell }) }, `${f.cell}  ${messageAfterCell(f)}`);
        go.addEventListener('click', () => void goToFinding(f));
        item.append(go);
        list.append(item);
      }
      group.append(list);
      details.append(group);
    }
    box.append(details);
  }
}

export function setCheck(state: CheckState | null, focus = false): void {
  ui.check = state;
  if (state?.kind === 'done' || state?.kind === 'working') ui.checkStale = false;
  renderCheck();
  if (focus) {
    focusOutput('check-output');
  }
}

/**
 * Sheets were inserted: a 校验 result shown earlier no longer describes the workbook, so it
 * says so (the findings stay: they still lead to their cells). Nothing to do without one.
 */
export function markCheckStale(): void {
  if (ui.check?.kind !== 'done') return;
  ui.checkStale = true;
  renderCheck();
}

/** 校验: read and check every sheet, then mark the cells (putting back earlier marks first). */
async function onCheck(): Promise<void> {
  if (ui.busy) return;
  if (!inExcel()) {
    setCheck({ kind: 'error', message: { key: 'check.needsExcel' } }, true);
    return;
  }
  setCheck({ kind: 'working', message: { key: 'check.reading' } });
  const next = await excelAction<CheckState>(
    async (context) => {
      const validation = await validateWorkbook(context, (p) =>
        setCheck({ kind: 'working', message: { key: 'check.progress', params: { done: p.done, total: p.total, sheet: p.sheet } } }),
      );
      setCheck({ kind: 'working', message: { key: 'check.marking' } });
      const marks = await applyMarks(context, validation.findings);
      return { kind: 'done', validation, marks };
    },
    (err) => ({ kind: 'error', message: explainCheckError(err) }),
  );
  setCheck(next, true);
}

/** 清除标记: put back every marked cell's fill and comment. */
async function onClearMarks(): Promise<void> {
  if (ui.busy) return;
  if (!inExcel()) {
    setCheck({ kind: 'error', message: { key: 'check.needsExcel' } }, true);
    return;
  }
  setCheck({ kind: 'working', message: { key: 'check.clearing' } });
  const next = await excelAction<CheckState>(
    async (context) => {
      const marks = await clearMarks(context);
      return { kind: 'info', message: { key: marks.restored > 0 ? 'check.cleared' : 'check.nothingToClear' }, marks };
    },
    (err) => ({ kind: 'error', message: explainCheckError(err) }),
  );
  setCheck(next, true);
}

/** Shows a finding's cell: its sheet activated, the cell selected. */
async function goToFinding(f: Finding): Promise<void> {
  if (!inExcel()) return;
  try {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(f.sheet);
      ws.activate();
      ws.getRange(f.cell).select();
      await context.sync();
    });
  } catch (err) {
    console.error(err);
  }
}

export function wireCheck(): void {
  actionButtons('check', 'clear-marks');
  $('check').addEventListener('click', () => void onCheck());
  $('clear-marks').addEventListener('click', () => void onClearMarks());
}
