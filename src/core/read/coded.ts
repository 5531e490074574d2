import { nameKey } from '../catalog/names';
import { normalizeCode, plainCellsCode } from '../codes';
import type { Amounts, CodedRow, CodedTableData, SheetPositions } from '../model';
import { address } from '../plan/a1';
import type { AmountKey } from '../seed-types';
import type { AmountColumn, CodedTableSpec } from '../specs/types';
import { cellAt, compactText, type GridValue, plainText } from './grid';
import type { SheetReader } from './sheet-reader';

/**
 * A coded table (T2, T3, T5–T8, U1) in any layout published tables use (issue 11 point 1):
 * codes in three columns 类 | 款 | 项 or in one column headed 科目编码 (3/5/7 digits, or with the
 * name in the same cell); header rows in any order, spacer rows and columns, the 合计 row at
 * the top or the bottom, the headers repeated where the table runs onto another page, the
 * placeholder rows of an empty table (`无`, `—`, a blank code with 0) and the statement of an
 * empty table as a note row or one merged text cell.
 */

const HEADER_SCAN = 20;
const CODE_HEADER = /科目编码|科目代码|^编码$|^代码$|^科目$/;
const TOTAL_LABEL = /^(合计|总计|合计数|本年合计)$/;
const PLACEHOLDER = new Set(['', '无', '—', '-', '–', '－', '——', '/', '0', '…', '……', '...', '⋯']);
const NOTE = /^(注|说明|备注)\d*[:：]?/;
/** what the statement of an empty table says */
const STATEMENT = /(无|没有|未安排|不涉及).*(预算|支出|收入|经费|数据)|空表/;
/** `2040201行政运行`, `204 02 01 行政运行`: a code and its name in one cell */
const CODE_AND_NAME = /^(\d{3}(?:[\s\-.]?\d{2}){0,2})\s*([^\d\s].*)$/;

/** 合计 and its like are 2 to 4 characters: longer or shorter text (every name) is not tested. */
function isTotalLabel(text: string): boolean {
  return text.length >= 2 && text.length <= 4 && TOTAL_LABEL.test(text);
}

/** Column labels of official forms that name a spec column another way. */
const LABEL_ALIASES: Record<string, AmountKey> = {
  总计: 'total',
  合计数: 'total',
  预算数: 'total',
  财政拨款: 'fiscal',
  经营收入: 'operating',
  基本支出合计: 'basic',
};

export interface CodeLayout {
  /** the header row holding 类/款/项 or the code header */
  row: number;
  codeCols: number[];
}

export function findCodeColumns(r: SheetReader): CodeLayout | null {
  // The rows' cells are walked as they are: a cell that says 类 or names the code column is
  // filled, so no list of filled columns is needed (every table of every workbook asks this).
  const values = r.grid.values;
  const end = Math.min(HEADER_SCAN, values.length);
  for (let i = 0; i < end; i++) {
    const cells = values[i];
    if (!cells) continue;
    const lei = columnSaying(cells, '类', 1, cells.length);
    if (lei === 0) continue;
    const codeCols = [lei];
    for (const label of LOWER_LEVELS) {
      const last = codeCols[codeCols.length - 1];
      const next = columnSaying(cells, label, last + 1, last + 2);
      if (next === 0) break;
      codeCols.push(next);
    }
    return { row: i + 1, codeCols };
  }
  for (let i = 0; i < end; i++) {
    const cells = values[i];
    if (!cells) continue;
    for (let k = 0; k < cells.length; k++) {
      // A header merged over three columns with 类 | 款 | 项 below was found above; a row below
      // that repeats the code header's column with 类 means the same. Here: one code column.
      if (CODE_HEADER.test(compactText(cells[k] ?? null))) return { row: i + 1, codeCols: [k + 1] };
    }
  }
  return null;
}

const LOWER_LEVELS = ['款', '项'];

/** The first column in from..to (1-based) whose text is `label`, 0 when none. */
function columnSaying(cells: GridValue[], label: string, from: number, to: number): number {
  const end = Math.min(to, cells.length);
  for (let c = from; c <= end; c++) if (compactText(cells[c - 1] ?? null) === label) return c;
  return 0;
}

/**
 * Whether a row below the code header is one more header row: labels only (text in Chinese),
 * no code, 合计, placeholder, note or statement, each of which begins the data.
 */
function isLabelRow(r: SheetReader, row: number, codeCols: number[]): boolean {
  const cells = r.grid.values[row - 1];
  if (codeTextOf(cells, codeCols) !== '') return false;
  for (let k = 0; k < cells.length; k++) {
    const v = cells[k] ?? null;
    if (!isFilledCell(v)) continue;
    const t = compactText(v);
    if (typeof v !== 'string' || !HAN.test(t) || PLACEHOLDER.has(t) || TOTAL_LABEL.test(t)) return false;
  }
  const first = r.firstText(row);
  return !NOTE.test(first) && !STATEMENT.test(first);
}

function isFilledCell(v: GridValue): boolean {
  return typeof v === 'number' || compactText(v) !== '';
}

/**
 * Each amount column by its label anywhere in the header band, the lowest matching label
 * winning: header rows come in any order (a group header such as 基本支出 or 一般公共预算支出
 * above or below the column labels), so the first label met going up is not always the one.
 */
function matchColumns(r: SheetReader, columns: AmountColumn[], fromCol: number, top: number, bottom: number): Map<AmountKey, number> {
  const found = new Map<AmountKey, number>();
  const width = r.width();
  const byLabel = labelKeys(columns);
  for (let c = fromCol; c <= width; c++) {
    let key: AmountKey | undefined;
    for (let row = bottom; row >= top && !key; row--) key = columnKeyOf(r.text(row, c), columns, byLabel);
    if (key && !found.has(key)) found.set(key, c);
  }
  return found;
}

/** A spec's columns by their labels' keys, made once per spec (every table of every workbook asks). */
const LABEL_KEYS = new WeakMap<AmountColumn[], Map<string, AmountKey>>();

function labelKeys(columns: AmountColumn[]): Map<string, AmountKey> {
  let byLabel = LABEL_KEYS.get(columns);
  if (!byLabel) LABEL_KEYS.set(columns, (byLabel = new Map(columns.map((c) => [nameKey(c.label), c.key] as const))));
  return byLabel;
}

function columnKeyOf(label: string, columns: AmountColumn[], byLabel: Map<string, AmountKey>): AmountKey | undefined {
  if (label === '') return undefined;
  const k = nameKey(label);
  const alias = LABEL_ALIASES[k];
  return byLabel.get(k) ?? (alias && columns.some((x) => x.key === alias) ? alias : undefined);
}

/**
 * Amount columns some bodies publish beyond the official ones (上年结转, 上缴上级支出, …): a
 * labelled column right of the names, not a known one, holding a figure on some code row.
 */
function unknownAmountColumns(r: SheetReader, known: Set<number>, fromCol: number, top: number, bottom: number, rows: CodedRow[]): string[] {
  const out: string[] = [];
  for (let c = fromCol; c <= r.width(); c++) {
    if (known.has(c)) continue;
    const label = r.columnLabel(c, Math.max(top, bottom - 1), bottom);
    if (!label || UNIT_LABEL.test(label)) continue;
    if (rows.some((row) => row.row !== undefined && isNonZeroFigure(r.text(row.row, c)))) out.push(label);
  }
  return out;
}

const UNIT_LABEL = /单位[:：]/;
const CODE_LIKE = /^\d{3}([\s\-.]?\d{1,2}){0,2}/;
const LINE_BREAKS = /[\r\n]+/g;
const HAN = /[\u4e00-\u9fff]/;

const FIGURE = /^[\d,.]+$/;
const COMMAS = /,/g;

function isNonZeroFigure(text: string): boolean {
  return FIGURE.test(text) && Number(text.replace(COMMAS, '')) !== 0;
}

/** What a note row says: the text after `注：`, else the row's other cells joined (a plain loop: rare rows, whose inlined array calls deoptimized readCoded). */
function noteText(r: SheetReader, row: number, first: string): string {
  const rest = first.replace(NOTE, '');
  if (rest) return rest;
  const filled = r.filled(row);
  let text = '';
  for (let k = 1; k < filled.length; k++) text += r.text(row, filled[k]);
  return text;
}

function isCodeLike(text: string): boolean {
  return CODE_LIKE.test(text);
}

/** The amount columns as the model keeps them (`Object.fromEntries` without the entry arrays). */
export function columnsObject(cols: Map<string, number>, first?: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = first ?? {};
  for (const [key, c] of cols) out[key] = c;
  return out;
}

/** A name with the line breaks a clerk typed inside it taken out (most have none: no regex is run). */
function withoutLineBreaks(text: string): string {
  return text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? text : text.replace(LINE_BREAKS, '');
}

/** A row's code cells as one text, white space removed (`201` `01` `01` → `2010101`). */
export function codeTextOf(cells: GridValue[], codeCols: number[]): string {
  let text = '';
  for (let k = 0; k < codeCols.length; k++) text += compactText(cells[codeCols[k] - 1] ?? null);
  return text;
}

function codesArePlaceholders(cells: GridValue[], codeCols: number[]): boolean {
  for (let k = 0; k < codeCols.length; k++) if (!PLACEHOLDER.has(compactText(cells[codeCols[k] - 1] ?? null))) return false;
  return true;
}

/** Whether a row's amount cells are all blank or placeholders (asked only of rows whose codes are not a code). */
function amountsBlank(r: SheetReader, row: number, amountCols: number[]): boolean {
  for (let k = 0; k < amountCols.length; k++) {
    const t = r.text(row, amountCols[k]);
    if (t !== '' && !PLACEHOLDER.has(t)) return false;
  }
  return true;
}

/**
 * The code of a row whose cells are not plain digits (`204 02 01` in one cell, full-width
 * digits, a code with its name): read the general way, a bad one reported as an issue
 * (`code: null`). `name` is the name when the code cell also held one.
 */
function readCodeCells(r: SheetReader, row: number, codeCols: number[], codeText: string): { code: string | null; name?: string } {
  const parts = codeCols.map((c) => cellAt(r.grid, row, c));
  let code = normalizeCode(codeText.length > 3 && parts.slice(1).every((p) => compactText(p) === '') ? compactText(parts[0]) : parts);
  let name: string | undefined;
  // a code and its name in one cell, looked for only when the cell is not a code alone
  const joined = !code.ok && codeCols.length === 1 ? CODE_AND_NAME.exec(plainText(parts[0]).trim()) : null;
  if (!code.ok && joined) {
    code = normalizeCode(joined[1]);
    name = joined[2].trim();
  }
  if (!code.ok) {
    r.issues.push({ sheet: r.grid.name, cell: address(row, codeCols[0]), kind: 'bad-code', message: code.reason });
    return { code: null, name };
  }
  return { code: code.code, name };
}

export function readCoded(r: SheetReader, spec: CodedTableSpec): CodedTableData | null {
  const layout = findCodeColumns(r);
  if (layout === null) return null;
  const { codeCols } = layout;
  const lastCode = codeCols[codeCols.length - 1];
  const top = Math.max(1, layout.row - 3);
  // The header ends where the first row of data begins: a code, a 合计, a placeholder or a
  // note. Until then, rows are header rows (labels merged down, a 类 | 款 | 项 row, …).
  let headerBottom = layout.row;
  for (const row of r.rowsFrom(layout.row + 1, layout.row + 4)) {
    if (r.firstFilled(row) === 0) continue;
    if (!isLabelRow(r, row, codeCols)) break;
    headerBottom = row;
  }
  // `科目编码及名称`: codes with their names in one cell
  const combined = codeCols.length === 1 && r.text(layout.row, codeCols[0]).includes('名称');
  let nameCol = combined ? codeCols[0] : lastCode + 1;
  for (let c = 1; c <= r.width() && !combined; c++) {
    if (codeCols.includes(c)) continue;
    if (r.columnLabel(c, top, headerBottom).includes('名称')) {
      nameCol = c;
      break;
    }
  }
  const cols = matchColumns(r, spec.columns, Math.max(nameCol, lastCode) + 1, top, headerBottom);
  const rows: CodedRow[] = [];
  const total: Amounts = {};
  let statement: string | null = null;
  let totalRow: number | null = null;
  const amountCols = [...cols.values()];
  // The columns as two arrays: every row walks them (a Map's entries would be an array each).
  const amountKeys = [...cols.keys()];
  const values = r.grid.values;
  // Rows are walked over the grid itself, and a row's cells read from its array: no list of
  // rows, filled columns or code cells is made per row (tens of thousands of rows per table).
  for (let i = headerBottom; i < values.length; i++) {
    const cells = values[i];
    if (!cells) continue;
    const row = i + 1;
    const firstCol = r.firstFilled(row);
    if (firstCol === 0) continue;
    const nameText = withoutLineBreaks(plainText(cells[nameCol - 1] ?? null)).trim();
    const nameCompact = compactText(nameText);
    // The usual row: its first filled cell is the 类 cell and its code cells are plain digits.
    // Digits are no 合计, note, repeated header, placeholder or statement, so of the tests
    // below only its name's is asked (and the row's text is not put together).
    const leading = firstCol === codeCols[0];
    let code = leading ? plainCellsCode(cells[codeCols[0] - 1], codeCols.length > 1 ? cells[codeCols[1] - 1] : null, codeCols.length > 2 ? cells[codeCols[2] - 1] : null) : null;
    const first = code === null ? r.text(row, firstCol) : '';
    const codeText = code === null ? codeTextOf(cells, codeCols) : '';
    if (isTotalLabel(nameCompact) || (code === null && (isTotalLabel(codeText) || isTotalLabel(first)))) {
      // A table over several pages may repeat nothing but its data; its 合计 is read once.
      if (totalRow === null) {
        totalRow = row;
        for (const [key, c] of cols) total[key] = r.amount(row, c);
      }
      continue;
    }
    let name = nameText;
    if (code === null) {
      if (NOTE.test(first)) {
        const rest = noteText(r, row, first);
        if (rest) statement = statement ? `${statement}${rest}` : rest;
        continue;
      }
      if (r.isRepeatedHeader(row, first)) continue;
      // every code cell a placeholder (`…` | `…` | `…` in a template's sample rows)
      if (codesArePlaceholders(cells, codeCols) && PLACEHOLDER.has(nameCompact) && amountsBlank(r, row, amountCols)) {
        // An empty table's 无 / — row: no data, and a 无 says so as a statement would.
        if (!statement && (codeText === '无' || nameCompact === '无')) statement = '无';
        continue;
      }
      if (!isCodeLike(codeText) && amountsBlank(r, row, amountCols) && STATEMENT.test(first)) {
        // Text across the table body (a merged cell or a text row): the statement of an empty table.
        statement = statement ? `${statement}${first}` : first;
        continue;
      }
      // plain digits after a filled cell left of the codes (asked above when the codes lead)
      if (!leading) code = plainCellsCode(cells[codeCols[0] - 1], codeCols.length > 1 ? cells[codeCols[1] - 1] : null, codeCols.length > 2 ? cells[codeCols[2] - 1] : null);
      if (code === null) {
        const read = readCodeCells(r, row, codeCols, codeText);
        code = read.code ?? codeText;
        if (read.name !== undefined && (!name || combined)) name = read.name;
      }
    }
    const amounts: Amounts = {};
    for (let k = 0; k < amountKeys.length; k++) amounts[amountKeys[k]] = r.amount(row, amountCols[k]);
    rows.push({ code, name, amounts, row });
  }
  const otherColumns = unknownAmountColumns(r, new Set([...codeCols, nameCol, ...amountCols]), Math.max(nameCol, lastCode) + 1, top, headerBottom, rows);
  // built field by field rather than spread: every table of every workbook makes one
  const at: SheetPositions = { columns: columnsObject(cols), codeColumn: codeCols[0], nameColumn: nameCol, totalRow };
  if (otherColumns.length) at.otherColumns = otherColumns;
  return { kind: 'coded', rows, total, statement, at };
}
