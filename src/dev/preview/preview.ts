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
  host.select(sheet.name, td.dataset.address!);
  els.grid.focus();
});

els.grid.addEventListener('dblclick', () => els.formulaBar.focus());

// As in Excel: arrows move the selection, a character starts typing into the cell, F2 edits it.
els.grid.addEventListener('keydown', (e) => {
  const sheet = activeSheet(host);
  const address = selectedCell(host);
  if (!sheet || !address || e.ctrlKey || e.metaKey || e.altKey) return;
  const move: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  if (move[e.key]) {
    e.preventDefault();
    const [dr, dc] = move[e.key];
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const row = Math.max(1, Number(m[2]) + dr);
    const next = Math.max(1, col + dc);
    let letters = '';
    for (let x = next; x > 0; x = Math.floor((x - 1) / 26)) letters = String.fromCharCode(65 + ((x - 1) % 26)) + letters;
    host.select(sheet.name, `${letters}${row}`);
  } else if (e.key === 'F2' || e.key === 'Enter') {
    e.preventDefault();
    els.formulaBar.focus();
  } else if (e.key.length === 1) {
    e.preventDefault();
    els.formulaBar.value = e.key;
    els.formulaBar.focus();
  }
});

els.formulaBar.addEventListener('keydown', (e) => {
  const sheet = activeSheet(host);
  const address = selectedCell(host);
  if (e.key === 'Escape') {
    els.grid.focus();
    refresh();
    return;
  }
  if (e.key !== 'Enter' || !sheet || !address) return;
  e.preventDefault();
  const result = host.type(sheet.name, address, els.formulaBar.value);
  if (result.ok) say('');
  else say(result.message, true);
  els.grid.focus();
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
