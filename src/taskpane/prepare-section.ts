import { countBudgetFormulas, freezeBudgetFormulas } from '../excel/prepare';
import { $, clearOutput, el, focusOutput, spinner } from './dom';
import { actionArea, actionButtons, excelAction, inExcel } from './excel-action';
import { tr, ui } from './pane-state';
import { afterCount, afterError, afterFreeze, freezeView, type FreezeState } from './prepare';

/** The 报送前准备 section: BUDGET formulas counted, the clerk asked, then turned into values. */

/** The 报送前准备 output: a status line, or the inline question with 确定 / 取消. */
export function renderFreeze(): void {
  const box = clearOutput('freeze-output');
  if (!ui.freeze) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const view = freezeView(ui.lang, ui.freeze);
  box.classList.add(view.tone);
  if (view.tone === 'working') {
    box.setAttribute('aria-busy', 'true');
    box.append(spinner());
  }
  box.append(el('p', { id: 'freeze-text', ...(view.alert ? { role: 'alert' } : {}), ...(view.tone === 'done' ? { class: 'output-title' } : {}) }, view.text));
  for (const note of view.notes) box.append(el('p', { class: 'note' }, note));
  if (view.confirm) {
    box.setAttribute('role', 'group');
    box.setAttribute('aria-labelledby', 'freeze-text');
    const ok = el('button', { type: 'button', id: 'freeze-ok', class: 'primary' }, tr('button.confirm'));
    const cancel = el('button', { type: 'button', id: 'freeze-cancel', class: 'secondary' }, tr('button.cancel'));
    ok.disabled = cancel.disabled = ui.busy;
    ok.addEventListener('click', () => void onFreezeConfirm());
    cancel.addEventListener('click', onFreezeCancel);
    const actions = el('div', { class: 'actions' });
    actions.append(ok, cancel);
    box.append(actions);
  }
}

function setFreeze(state: FreezeState | null, focus: 'output' | 'cancel' | 'button' | null = null): void {
  ui.freeze = state;
  renderFreeze();
  if (focus === 'cancel') document.getElementById('freeze-cancel')?.focus();
  else if (focus === 'button') $('freeze').focus();
  else if (focus === 'output') {
    focusOutput('freeze-output');
  }
}

/** 公式转为数值: count first (changes nothing), then ask in the pane. */
async function onFreeze(): Promise<void> {
  if (ui.busy) return;
  if (!inExcel()) {
    setFreeze({ kind: 'error', message: { key: 'freeze.needsExcel' } }, 'output');
    return;
  }
  setFreeze({ kind: 'counting' });
  const next = await excelAction(async (context) => afterCount(await countBudgetFormulas(context)), afterError);
  // The question takes focus on 取消, so an extra Enter does not convert by accident.
  setFreeze(next, next.kind === 'confirm' ? 'cancel' : 'output');
}

/** 确定: convert. The workbook is read again; the result says what was actually done. */
async function onFreezeConfirm(): Promise<void> {
  if (ui.busy || ui.freeze?.kind !== 'confirm') return;
  setFreeze({ kind: 'working' }, 'output');
  const next = await excelAction(async (context) => afterFreeze(await freezeBudgetFormulas(context)), afterError);
  setFreeze(next, 'output');
}

function onFreezeCancel(): void {
  if (ui.freeze?.kind !== 'confirm') return;
  setFreeze({ kind: 'cancelled' }, 'button');
}

export function wirePrepare(): void {
  actionButtons('freeze');
  actionArea('freeze-output');
  $('freeze').addEventListener('click', () => void onFreeze());
  $('freeze-output').addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && ui.freeze?.kind === 'confirm') {
      e.preventDefault();
      onFreezeCancel();
    }
  });
}
