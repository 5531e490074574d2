import { DevHost } from '../host/office-host';
import { activeSheet, renderGrid, selectedCell, type GridElements } from './grid';
import { VALIDATE_COMMAND } from '../../commands/commands';

/**
 * The preview page: the stand-in host, the real task pane in a frame on it, and the grid.
 * The host lives here, not in the frame, so the workbook outlives a reload of the pane.
 */
const params = new URLSearchParams(window.location.search);
const host = new DevHost({ displayLanguage: params.get('displayLanguage') ?? 'zh-CN' });
window.__budgetDevHost = host;

function $<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html lacks #${id}`);
  return el as T;
}

const els: GridElements = { grid: $('grid'), tabs: $('sheet-tabs'), nameBox: $('name-box'), formulaBar: $<HTMLInputElement>('formula-bar'), note: $('cell-note') };

let pending = false;
let lastSelection: string | null = null;
function refresh(): void {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    // a message about the last edit belongs to the cell it was about
    if (host.workbook.selected !== lastSelection) say('');
    lastSelection = host.workbook.selected;
    renderGrid(host, els);
  });
}
host.onChange(refresh);

function say(text: string, alert = false): void {
  const box = $('grid-message');
  box.hidden = text === '';
  box.textContent = text;
  box.classList.toggle('alert', alert);
}

function loadPane(): void {
  const holder = $('pane-frame-holder');
  holder.textContent = '';
  const frame = document.createElement('iframe');
  frame.id = 'taskpane';
  frame.title = '预算编制助手 任务窗格';
  frame.src = 'taskpane.html';
  holder.append(frame);
}

const language = $<HTMLSelectElement>('display-language');
language.value = host.displayLanguage;
language.addEventListener('change', () => {
  host.displayLanguage = language.value;
  loadPane(); // Office tells the language at start; a new one means a new pane
});

els.grid.addEventListener('click', (e) => {
  const td = (e.target as HTMLElement).closest<HTMLElement>('td[data-address]');
  const sheet = activeSheet(host);
  if (!td || !sheet) return;
  say('');
  host.select(sheet.name, td.dataset.address!);
});

els.formulaBar.addEventListener('keydown', (e) => {
  const sheet = activeSheet(host);
  const address = selectedCell(host);
  if (e.key === 'Escape') {
    els.formulaBar.blur();
    refresh();
    return;
  }
  if (e.key !== 'Enter' || !sheet || !address) return;
  e.preventDefault();
  const result = host.type(sheet.name, address, els.formulaBar.value);
  if (result.ok) say('');
  else say(result.message, true);
  els.formulaBar.blur();
  refresh();
});

$('ribbon-open-pane').addEventListener('click', () => $('taskpane').focus());
$('ribbon-validate').addEventListener('click', () => {
  const status = $('ribbon-status');
  status.textContent = '校验中……';
  host.runCommand(VALIDATE_COMMAND).then(
    () => (status.textContent = '校验完成'),
    (err: unknown) => (status.textContent = `校验失败：${String(err)}`),
  );
});

loadPane();
refresh();
