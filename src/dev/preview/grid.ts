import { a1, colLetters, parseRect, type FakeSheetState, type Rect, type Scalar } from '../host/excel/fake-excel';
import type { DevHost } from '../host/office-host';

/**
 * A plain grid view of the stand-in host's workbook: the active sheet's cells with what they
 * show, formulas and engine messages on hover, fills (the validation marks) and comments
 * visible, the selection, and the visible sheets as tabs. It reads the fake's state directly;
 * changes go through the host (typing, selecting) as a clerk's would go through Excel.
 */

const MAX_ROWS = 300;
const MAX_COLS = 40;
const POINTS_TO_PX = 4 / 3;

/** A cell's value as Excel displays it in the common formats the templates use. */
export function display(v: Scalar, numberFormat: string): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v !== 'number') return v;
  const fmt = numberFormat.split(';')[0];
  if (fmt === 'General' || fmt === '@') return String(v);
  const percent = fmt.endsWith('%');
  const decimals = /\.(0+)/.exec(fmt)?.[1].length ?? 0;
  const n = percent ? v * 100 : v;
  const text = n.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: fmt.includes(',') });
  return percent ? `${text}%` : text;
}

/** Rows and columns to draw: everything with content, a fill or a comment, plus a margin to type into. */
function extent(sheet: FakeSheetState, commented: string[]): { rows: number; cols: number } {
  let rows = 20;
  let cols = 8;
  const grow = (r: number, c: number) => {
    rows = Math.max(rows, r + 2);
    cols = Math.max(cols, c + 1);
  };
  for (const [addr, cell] of sheet.cells) {
    if (cell.value === null && cell.formula === null && cell.fill === null) continue;
    const { r1, c1 } = parseRect(addr);
    grow(r1, c1);
  }
  for (const s of sheet.spills) grow(s.rect.r2, s.rect.c2);
  for (const addr of commented) {
    const { r1, c1 } = parseRect(addr);
    grow(r1, c1);
  }
  return { rows: Math.min(rows, MAX_ROWS), cols: Math.min(cols, MAX_COLS) };
}

export interface GridElements {
  grid: HTMLElement;
  tabs: HTMLElement;
  nameBox: HTMLElement;
  formulaBar: HTMLInputElement;
  note: HTMLElement;
}

function selection(host: DevHost): { sheet: string; address: string } | null {
  const s = host.workbook.selected;
  if (!s) return null;
  const i = s.lastIndexOf('!');
  return { sheet: s.slice(0, i), address: s.slice(i + 1) };
}

export function activeSheet(host: DevHost): FakeSheetState | undefined {
  const wb = host.workbook;
  const visible = wb.sheets.filter((s) => s.visibility === 'Visible');
  return visible.find((s) => s.name === wb.activeSheet) ?? visible[0];
}

/** The selected cell of the active sheet, when the selection is on it. */
export function selectedCell(host: DevHost): string | null {
  const sel = selection(host);
  const sheet = activeSheet(host);
  if (!sel || !sheet || sel.sheet !== sheet.name) return null;
  return sel.address.split(':')[0];
}

export function renderGrid(host: DevHost, els: GridElements): void {
  const wb = host.workbook;
  const sheet = activeSheet(host);
  renderTabs(host, els.tabs, sheet);
  els.grid.textContent = '';
  if (!sheet) return;
  const comments = new Map(wb.comments.filter((c) => c.sheet === sheet).map((c) => [c.address, c.content]));
  const { rows, cols } = extent(sheet, [...comments.keys()]);
  const selected = selectedCell(host);
  const covered = new Set<string>();
  const spans = new Map<string, Rect>();
  for (const m of sheet.merges) {
    spans.set(a1(m.r1, m.c1), m);
    for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) covered.add(a1(r, c));
  }
  const visibleCols = Array.from({ length: cols }, (_, i) => i + 1).filter((c) => !sheet.hiddenColumns.has(c));

  const table = document.createElement('table');
  table.setAttribute('role', 'grid');
  table.setAttribute('aria-label', sheet.name);
  table.dataset.sheet = sheet.name;
  const colgroup = document.createElement('colgroup');
  colgroup.append(Object.assign(document.createElement('col'), { className: 'row-head' }));
  for (const c of visibleCols) {
    const col = document.createElement('col');
    const w = sheet.columnWidths.get(c);
    col.style.width = `${Math.round((w ?? 48) * POINTS_TO_PX)}px`;
    colgroup.append(col);
  }
  table.append(colgroup);
  const head = document.createElement('tr');
  head.append(document.createElement('th'));
  for (const c of visibleCols) head.append(Object.assign(document.createElement('th'), { textContent: colLetters(c), scope: 'col' }));
  table.append(head);

  for (let r = 1; r <= rows; r++) {
    const tr = document.createElement('tr');
    tr.append(Object.assign(document.createElement('th'), { textContent: String(r), scope: 'row' }));
    for (const c of visibleCols) {
      const address = a1(r, c);
      if (covered.has(address)) continue;
      const td = document.createElement('td');
      td.dataset.address = address;
      td.setAttribute('role', 'gridcell');
      const merge = spans.get(address);
      if (merge) {
        td.rowSpan = merge.r2 - merge.r1 + 1;
        td.colSpan = visibleCols.filter((x) => x >= merge.c1 && x <= merge.c2).length;
      }
      const cell = sheet.cells.get(address);
      let shown: Scalar = '';
      try {
        shown = wb.shown(sheet.name, address);
      } catch {
        shown = '#BUSY!'; // not calculated yet: what Excel shows meanwhile
      }
      td.textContent = display(shown, cell?.numberFormat ?? 'General');
      const hover: string[] = [];
      if (cell?.formula) {
        td.dataset.formula = cell.formula;
        hover.push(`${address}: ${cell.formula}`);
        if (cell.resultMessage) hover.push(cell.resultMessage);
      }
      if (cell) {
        if (cell.fill) td.style.background = cell.fill;
        if (cell.font.bold) td.classList.add('bold');
        if (cell.wrapText) td.classList.add('wrap');
        const align = cell.horizontalAlignment;
        if (align === 'Center' || align === 'Right' || align === 'Left') td.style.textAlign = align.toLowerCase();
        else if (typeof shown === 'number') td.style.textAlign = 'right';
        if (cell.fill) td.dataset.fill = cell.fill.toUpperCase();
      } else if (typeof shown === 'number') td.style.textAlign = 'right';
      const locked = sheet.protection.protected && (cell?.locked ?? true);
      if (!locked && sheet.protection.protected) td.classList.add('unlocked');
      const comment = comments.get(address);
      if (comment !== undefined) {
        td.classList.add('has-comment');
        td.dataset.comment = comment;
        hover.push(`批注 comment: ${comment}`);
      }
      if (hover.length) td.title = hover.join('\n');
      if (address === selected) {
        td.classList.add('selected');
        td.setAttribute('aria-selected', 'true');
      }
      tr.append(td);
    }
    table.append(tr);
  }
  els.grid.append(table);
  renderSelection(host, els, sheet);
}

function renderTabs(host: DevHost, tabs: HTMLElement, active: FakeSheetState | undefined): void {
  tabs.textContent = '';
  for (const s of host.workbook.sheets) {
    if (s.visibility !== 'Visible') continue;
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.setAttribute('role', 'tab');
    tab.dataset.sheet = s.name;
    tab.textContent = s.name;
    if (s.protection.protected) {
      tab.classList.add('protected');
      tab.title = '工作表受保护：只有输入单元格可以编辑 (protected: input cells only)';
    }
    tab.setAttribute('aria-selected', String(s === active));
    tab.addEventListener('click', () => host.activate(s.name));
    tabs.append(tab);
  }
}

function renderSelection(host: DevHost, els: GridElements, sheet: FakeSheetState): void {
  const address = selectedCell(host);
  els.nameBox.textContent = address ?? '';
  if (!address) {
    if (document.activeElement !== els.formulaBar) els.formulaBar.value = '';
    els.note.textContent = '';
    return;
  }
  const cell = sheet.cells.get(address);
  if (document.activeElement !== els.formulaBar) els.formulaBar.value = cell?.formula ?? (cell?.value === null || cell?.value === undefined ? '' : String(cell.value));
  const comment = host.workbook.comments.find((c) => c.sheet === sheet && c.address === address)?.content;
  els.note.textContent = [cell?.resultMessage, comment ? `批注：${comment}` : ''].filter(Boolean).join('　');
  els.grid.querySelector<HTMLElement>('td.selected')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
