import { clearOutput, el, spinner } from './dom';
import { say, type MessageKey } from './i18n';
import { tr, ui, type FormsOutput } from './pane-state';

/** An insert result: the sheets made and the renamed ones, what to fix, or the error. */
export function renderInsertOutput(id: string, out: FormsOutput | null, working: MessageKey): void {
  const box = clearOutput(id);
  if (!out) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  switch (out.kind) {
    case 'working':
      box.classList.add('working');
      box.setAttribute('aria-busy', 'true');
      box.append(spinner(), el('p', {}, tr(working)));
      break;
    case 'status':
      // reading the project list: a working line with its own words
      box.classList.add('working');
      box.setAttribute('aria-busy', 'true');
      box.append(spinner(), el('p', {}, say(ui.lang, out.message)));
      break;
    case 'info':
      box.classList.add('info');
      box.append(el('p', {}, say(ui.lang, out.message)));
      break;
    case 'fix':
      box.classList.add('error');
      box.append(el('p', {}, tr('status.fixFields', { n: out.count })));
      break;
    case 'error':
      box.classList.add('error');
      box.append(el('p', { role: 'alert' }, say(ui.lang, out.message)));
      break;
    case 'done': {
      box.classList.add('done');
      box.append(el('p', { class: 'output-title' }, tr('status.done', { n: out.outcomes.length })));
      const ul = el('ul', { class: 'sheets' });
      for (const o of out.outcomes) ul.append(el('li', o.renamed ? { class: 'renamed' } : {}, o.name));
      box.append(ul);
      for (const note of out.notes) box.append(el('p', { class: 'note' }, say(ui.lang, note)));
      break;
    }
  }
}
