/**
 * A small typed fake of the part of the Office.js Excel API that the add-in uses (writer,
 * validation, marks, prepare),
 * over an in-memory workbook. It is strict where Office.js is strict, so that misuse fails
 * here the way it would fail in Excel:
 *
 * - `load` is queued: a collection's `items` (and a worksheet's `name`) throw
 *   `PropertyNotLoaded` until a `sync()` has run after the `load`.
 * - a 2D array written to a range must have exactly the range's rows and columns
 *   (`InvalidArgument`); a bare scalar is broadcast, as Office.js does; `null` entries leave
 *   a cell unchanged, as Office.js does.
 * - writing through `formulas` is like typing: into a `@` (text) cell a string stays text;
 *   elsewhere `=…` is a formula, `12`/`1,234`/`5%`/`TRUE` become numbers and booleans,
 *   a leading `'` is dropped. So a code `02` written before its cell is made text becomes 2.
 * - `worksheets.add` with a name that exists (case-insensitively) throws `ItemAlreadyExists`,
 *   and with a name Excel forbids throws `InvalidArgument`; so does `names.add`.
 * - every API used is checked against the host's requirement sets (`support(set, version)`);
 *   an API the host lacks throws `ApiNotFound`.
 * - a protected sheet refuses further changes (`AccessDenied`); protecting twice fails, and so
 *   does unprotecting a sheet that is not protected or without its password.
 * - reading a range is loaded too: `getUsedRangeOrNullObject`, then `load('formulas, values,
 *   address')` and a sync; only what was loaded can be read, and a null object only tells
 *   `isNullObject`. The fake does not calculate: a formula's value is what a test gave it
 *   (`setResult`, `calculate`, `ExistingSheet.results`); reading the value of a formula that
 *   has none is `NotModeled`, so a test cannot pass on a value nobody set.
 * - a formula can spill (`spill`, `ExistingSheet.spills`): the spilled cells read as values,
 *   count as used, vanish when the formula is overwritten, and a value written into one of
 *   them blocks the spill (`#SPILL!`), as in Excel.
 * - merging keeps the top-left value only, as Excel does; merges may not partly overlap.
 * - a formula naming a sheet the workbook lacks when it is written shows `#REF!` (its reference
 *   becomes `#REF!`, as Excel rewrites it), and a validation rule whose source names one is
 *   refused (`InvalidArgument`): sheets must be added before what refers to them.
 * - each sync's payload is measured (the JSON of the values, formulas and formats queued, and of
 *   the results loaded) and a sync whose request or response passes 5 MB fails
 *   (`RequestPayloadSizeLimitExceeded`), as Excel on the web refuses it.
 *
 * Office.js reports most of these when the batch runs (at `sync()`); the fake throws at the
 * call, which fails the same tests and points at the offending line. Writes apply at once;
 * each write counts as a queued operation until the next `sync()`, which is counted.
 */
import { jsonBytes } from '../../../core/utf8';
import type { SupportCheck } from '../../../excel/writer';

// ------------------------------------------------------------------------------ errors

export type FakeErrorCode =
  | 'PropertyNotLoaded'
  | 'InvalidArgument'
  | 'ItemAlreadyExists'
  | 'ItemNotFound'
  | 'ApiNotFound'
  | 'InvalidOperation'
  | 'AccessDenied'
  | 'RequestPayloadSizeLimitExceeded'
  | 'NotModeled';

/** Shaped like `OfficeExtension.Error`: a `code` and a message. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: FakeErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'FakeOfficeError';
  }
}

// ------------------------------------------------------------------------------ requirement sets

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** A host that supports each named set up to the given version: `supportUpTo({ ExcelApi: '1.8' })`. */
export function supportUpTo(sets: Record<string, string>): SupportCheck {
  return (set, version) => sets[set] !== undefined && compareVersions(version, sets[set]) <= 0;
}

/** A current Excel: everything the writer may use. */
export const MODERN_HOST = supportUpTo({ ExcelApi: '1.17' });

// ------------------------------------------------------------------------------ addresses

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  /** `C:C` */
  wholeColumns: boolean;
  /** `5:5` */
  wholeRows: boolean;
}

export function colLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return `${colLetters(col)}${row}`;
}

/** Parses `A1`, `A1:C3`, `$A$1:$C$3`, `C:C`, `5:5`; anything else is `InvalidArgument`. */
export function parseRect(address: string): Rect {
  const text = address.trim().replace(/\$/g, '').toUpperCase();
  const parts = text.split(':');
  const bad = () => new FakeOfficeError('InvalidArgument', `not a range address: "${address}"`);
  if (parts.length < 1 || parts.length > 2 || parts.some((p) => p === '')) throw bad();
  const [p, q = p] = parts;
  let rect: Rect;
  if (/^[A-Z]+$/.test(p) && /^[A-Z]+$/.test(q)) {
    if (parts.length !== 2) throw bad();
    rect = { r1: 1, r2: MAX_ROWS, c1: colNumber(p), c2: colNumber(q), wholeColumns: true, wholeRows: false };
  } else if (/^\d+$/.test(p) && /^\d+$/.test(q)) {
    if (parts.length !== 2) throw bad();
    rect = { r1: Number(p), r2: Number(q), c1: 1, c2: MAX_COLS, wholeColumns: false, wholeRows: true };
  } else {
    const m = /^([A-Z]+)(\d+)$/.exec(p);
    const n = /^([A-Z]+)(\d+)$/.exec(q);
    if (!m || !n) throw bad();
    rect = { r1: Number(m[2]), c1: colNumber(m[1]), r2: Number(n[2]), c2: colNumber(n[1]), wholeColumns: false, wholeRows: false };
  }
  const r1 = Math.min(rect.r1, rect.r2);
  const r2 = Math.max(rect.r1, rect.r2);
  const c1 = Math.min(rect.c1, rect.c2);
  const c2 = Math.max(rect.c1, rect.c2);
  if (r1 < 1 || c1 < 1 || r2 > MAX_ROWS || c2 > MAX_COLS) throw bad();
  return { ...rect, r1, r2, c1, c2 };
}

export function rectAddress(r: Rect): string {
  if (r.wholeColumns) return `${colLetters(r.c1)}:${colLetters(r.c2)}`;
  if (r.wholeRows) return `${r.r1}:${r.r2}`;
  return r.r1 === r.r2 && r.c1 === r.c2 ? a1(r.r1, r.c1) : `${a1(r.r1, r.c1)}:${a1(r.r2, r.c2)}`;
}

const overlaps = (a: Rect, b: Rect) => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
const sameRect = (a: Rect, b: Rect) => a.r1 === b.r1 && a.r2 === b.r2 && a.c1 === b.c1 && a.c2 === b.c2;

// ------------------------------------------------------------------------------ the in-memory workbook

export type Scalar = string | number | boolean;

export interface BorderState {
  style: string;
  weight: string | null;
  color: string | null;
}

export type CellEdge = 'top' | 'bottom' | 'left' | 'right';

export interface FakeCell {
  /** the literal content; null when empty or when the cell holds a formula */
  value: Scalar | null;
  /** the formula, `=…`, when the cell holds one */
  formula: string | null;
  /** what the formula shows (its value as `Range.values` reads it), once a test has set it */
  result?: Scalar;
  /** why a formula shows an error, when the engine that calculated it says (the preview's hover) */
  resultMessage?: string;
  numberFormat: string;
  font: { name: string; size: number; bold: boolean; color?: string };
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  indentLevel: number;
  fill: string | null;
  locked: boolean;
  borders: Partial<Record<CellEdge, BorderState>>;
}

export interface ValidationState {
  address: string;
  rect: Rect;
  rule: Excel.DataValidationRule | null;
  errorAlert: Excel.DataValidationErrorAlert | null;
  prompt: Excel.DataValidationPrompt | null;
}

export interface PageLayoutState {
  orientation?: string;
  paperSize?: string;
  centerHorizontally?: boolean;
  zoom?: Excel.PageLayoutZoomOptions;
  /** normalized `$1:$4` */
  printTitleRows?: string;
  /** `A1:F30` */
  printArea?: string;
  /** normalized `$A:$D` */
  printTitleColumns?: string;
  /** points, as PageLayout takes them */
  margins?: Partial<Record<'left' | 'right' | 'top' | 'bottom' | 'header' | 'footer', number>>;
  /** rows a manual page break goes above (Worksheet.horizontalPageBreaks), in the order added */
  rowBreaks?: number[];
}

export interface FakeSheetState {
  name: string;
  /** Worksheet.id: made once, kept across renames and moves, as Excel keeps it */
  id: string;
  /** by A1 address; a cell appears once anything touched it */
  cells: Map<string, FakeCell>;
  merges: Rect[];
  /** points, by column number */
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  /** points, by row number */
  rowHeights: Map<number, number>;
  showGridlines: boolean;
  freeze: { rows: number; columns: number } | null;
  pageLayout: PageLayoutState;
  protection: ProtectionState;
  validations: ValidationState[];
  /** arrays spilled by formulas: the anchor holds the formula, the other cells are not cells of their own */
  spills: SpillState[];
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
}

/** A comment (ExcelApi 1.10 threaded comment) on one cell: the thread's first entry and its replies. */
export interface FakeCommentState {
  sheet: FakeSheetState;
  /** A1 */
  address: string;
  content: string;
  /** Comment.id; given when the comment is made (see `commentId`) */
  id?: string;
  /** who wrote it; the add-in's own comments are written as the current user */
  author?: string;
  /** ExcelApi 1.11 */
  resolved?: boolean;
  replies?: FakeReplyState[];
}

export interface ProtectionState {
  protected: boolean;
  options: Excel.WorksheetProtectionOptions | null;
  password: string | null;
}

export interface SpillState {
  /** the formula's cell, top-left of `rect` */
  anchor: string;
  rect: Rect;
  values: Scalar[][];
}

/** Excel's protection options when none are given: nothing allowed but selecting. */
export const DEFAULT_PROTECTION: Required<Excel.WorksheetProtectionOptions> = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: 'Normal',
};

export interface FakeNameState {
  name: string;
  /** a range on a sheet, or a formula */
  sheet: string | null;
  address: string | null;
  formula: string | null;
  comment: string | null;
}

export function defaultCell(): FakeCell {
  return {
    value: null,
    formula: null,
    numberFormat: 'General',
    font: { name: 'Calibri', size: 11, bold: false },
    horizontalAlignment: 'General',
    verticalAlignment: 'Bottom',
    wrapText: false,
    indentLevel: 0,
    fill: null,
    locked: true,
    borders: {},
  };
}

function newSheet(name: string): FakeSheetState {
  return {
    name,
    id: nextSheetId(),
    cells: new Map(),
    merges: [],
    columnWidths: new Map(),
    hiddenColumns: new Set(),
    rowHeights: new Map(),
    showGridlines: true,
    freeze: null,
    pageLayout: {},
    protection: { protected: false, options: null, password: null },
    validations: [],
    spills: [],
    visibility: 'Visible',
  };
}

/** What a worksheet holds before the add-in runs: a clerk's own data. */
export interface ExistingSheet {
  name: string;
  /** by A1 address; a string starting with `=` is a formula, anything else is kept as it is */
  cells?: Record<string, Scalar>;
  numberFormats?: Record<string, string>;
  merges?: string[];
  protected?: boolean;
  /** the options it is protected with; Excel's defaults when omitted */
  protectionOptions?: Excel.WorksheetProtectionOptions;
  /** protected with this password */
  password?: string;
  /** what formula cells show, by A1 address */
  results?: Record<string, Scalar>;
  /** arrays the formula at each A1 address spills (its own result is the top-left value) */
  spills?: Record<string, Scalar[][]>;
  /** cell fills, `#RRGGBB`, by A1 address */
  fills?: Record<string, string>;
  /** comments, by A1 address: the text, or a thread with its author, replies and resolved state */
  comments?: Record<string, string | ExistingComment>;
  /** notes (ExcelApi 1.18), by A1 address */
  notes?: Record<string, string>;
}

export interface ExistingName {
  name: string;
  sheet?: string;
  address?: string;
  formula?: string;
}

export interface FakeExcelOptions {
  /** the host's requirement sets; a current Excel when omitted */
  support?: SupportCheck;
  sheets?: ExistingSheet[];
  names?: ExistingName[];
  /**
   * Calculates the formulas (the preview's formula engine). Without it the fake does not
   * calculate and tests give results; with it, formulas are recalculated after a change,
   * before values are read and at each sync, as Excel recalculates within a batch.
   */
  calculate?: (ctx: FakeRequestContext) => void;
}

// ------------------------------------------------------------------------------ helpers

/** Excel's rules for sheet names. */
function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31) throw new FakeOfficeError('InvalidArgument', `sheet name must be 1–31 characters: "${name}"`);
  if (/[:\\/?*[\]]/.test(name)) throw new FakeOfficeError('InvalidArgument', `sheet name has a forbidden character: "${name}"`);
  if (name.startsWith("'") || name.endsWith("'")) throw new FakeOfficeError('InvalidArgument', `sheet name starts or ends with ': "${name}"`);
  if (name.toLowerCase() === 'history') throw new FakeOfficeError('InvalidArgument', '"History" is reserved');
}

/** Excel's rules for defined names. */
function checkDefinedName(name: string): void {
  const bad = (why: string) => new FakeOfficeError('InvalidArgument', `defined name "${name}" ${why}`);
  if (name.length === 0 || name.length > 255) throw bad('must be 1–255 characters');
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u.test(name)) throw bad('has a character Excel refuses');
  if (/^[A-Za-z]{1,3}\d+$/.test(name) && colNumber(name.replace(/\d+$/, '').toUpperCase()) <= MAX_COLS) throw bad('looks like a cell reference');
  if (/^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) throw bad('looks like an R1C1 reference');
}

/** A light syntax check of a formula: balanced quotes and parentheses. */
function checkFormula(formula: string): void {
  let depth = 0;
  let inString = false;
  let inSheet = false;
  for (const ch of formula.slice(1)) {
    if (inString) {
      if (ch === '"') inString = false;
      continue;
    }
    if (inSheet) {
      if (ch === "'") inSheet = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === "'") inSheet = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) break;
  }
  if (depth !== 0 || inString || inSheet || formula.length < 2) {
    throw new FakeOfficeError('InvalidArgument', `not a valid formula: ${formula}`);
  }
}

/** What Excel makes of a string typed into a cell that is not text-formatted. */
function typed(text: string): { value: Scalar | null; formula: string | null } {
  if (text === '') return { value: null, formula: null };
  if (text.startsWith("'")) return { value: text.slice(1), formula: null };
  if (text.startsWith('=')) {
    checkFormula(text);
    return { value: null, formula: text };
  }
  const t = text.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { value: Number(t), formula: null };
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return { value: Number(t.replace(/,/g, '')), formula: null };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)%$/.test(t)) return { value: Number(t.slice(0, -1)) / 100, formula: null };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true', formula: null };
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (date) {
    const ms = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) - Date.UTC(1899, 11, 30);
    return { value: ms / 86400000, formula: null };
  }
  // `+x` and `-x` that are not numbers are read as formulas (`=+x`), as Excel does.
  if (/^[+-]./.test(t)) {
    checkFormula(`=${t}`);
    return { value: null, formula: `=${t}` };
  }
  return { value: text, formula: null };
}

function check2D<T>(what: string, rect: Rect, input: unknown): (T | null)[][] | { scalar: T } {
  if (!Array.isArray(input)) return { scalar: input as T };
  const rows = rect.r2 - rect.r1 + 1;
  const cols = rect.c2 - rect.c1 + 1;
  const wrong = () =>
    new FakeOfficeError(
      'InvalidArgument',
      `${what}: the input array's size does not match the range ${rectAddress(rect)} (${rows}×${cols})`,
    );
  if (input.length !== rows) throw wrong();
  for (const row of input) if (!Array.isArray(row) || row.length !== cols) throw wrong();
  return input as (T | null)[][];
}

function cellCount(rect: Rect): number {
  return (rect.r2 - rect.r1 + 1) * (rect.c2 - rect.c1 + 1);
}

// ------------------------------------------------------------------------------ references to sheets at write time

const NAME_START = /[A-Za-z_\u0080-\uFFFF]/;
const NAME_CHAR = /[A-Za-z0-9_.\u0080-\uFFFF]/;
const REF_CHAR = /[A-Za-z0-9$:]/;

/** A sheet reference in a formula: where it starts and ends (the cell part included) and the sheet it names. */
interface SheetReference {
  start: number;
  end: number;
  sheet: string;
}

/** The sheet references of a formula (`'名 称'!A1`, `Sheet2!$A$1:$B$2`), outside its string literals. */
export function sheetReferences(formula: string): SheetReference[] {
  const out: SheetReference[] = [];
  const cellPartEnd = (from: number) => {
    let j = from;
    while (j < formula.length && REF_CHAR.test(formula[j])) j++;
    return j;
  };
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') {
      for (i++; i < formula.length; i++) {
        if (formula[i] === '"' && formula[i + 1] === '"') i++;
        else if (formula[i] === '"') break;
      }
    } else if (ch === "'") {
      let j = i + 1;
      let name = '';
      for (; j < formula.length; j++) {
        if (formula[j] === "'" && formula[j + 1] === "'") {
          name += "'";
          j++;
        } else if (formula[j] === "'") break;
        else name += formula[j];
      }
      if (formula[j + 1] === '!') {
        const end = cellPartEnd(j + 2);
        out.push({ start: i, end, sheet: name });
        i = end - 1;
      } else i = j;
    } else if (NAME_START.test(ch) && (i === 0 || !NAME_CHAR.test(formula[i - 1]))) {
      let j = i;
      while (j < formula.length && NAME_CHAR.test(formula[j])) j++;
      if (formula[j] === '!') {
        const end = cellPartEnd(j + 1);
        out.push({ start: i, end, sheet: formula.slice(i, j) });
        i = end - 1;
      } else i = j - 1;
    }
  }
  return out;
}

/**
 * The formula as Excel keeps it when it is written while a sheet it names is missing: that
 * reference becomes `#REF!` for good (adding the sheet later does not mend it). Null when every
 * sheet it names exists.
 */
export function formulaWithMissingSheets(formula: string, exists: (sheet: string) => boolean): string | null {
  const missing = sheetReferences(formula).filter((r) => !exists(r.sheet));
  if (missing.length === 0) return null;
  let out = formula;
  for (const r of [...missing].reverse()) out = `${out.slice(0, r.start)}#REF!${out.slice(r.end)}`;
  return out;
}

// ------------------------------------------------------------------------------ request size

/** Excel on the web refuses a request, or a response, over 5 MB. */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

/** What one queued operation costs besides its data: the object path and method in the request's JSON. */
const OPERATION_BYTES = 40;

/** The measure of what a batch carries: the UTF-8 length of its JSON. */
export { jsonBytes };

/** What one sync carried. */
export interface SyncPayload {
  /** the queued operations and the values, formulas and formats they write */
  request: number;
  /** the results of the loads */
  response: number;
}

// ------------------------------------------------------------------------------ results and spills

const inside = (r: Rect, row: number, col: number) => row >= r.r1 && row <= r.r2 && col >= r.c1 && col <= r.c2;

/** Gives a formula cell the value it shows. */
function setResultOn(sheet: FakeSheetState, address: string, v: Scalar): void {
  const cell = sheet.cells.get(address.toUpperCase());
  if (!cell?.formula) throw new Error(`${sheet.name}!${address} holds no formula to give a result`);
  cell.result = v;
}

/** Makes the formula at `address` spill `values` (top-left is its own result) into empty cells. */
export function spillOn(sheet: FakeSheetState, address: string, values: Scalar[][]): void {
  const anchor = parseRect(address);
  const cell = sheet.cells.get(a1(anchor.r1, anchor.c1));
  if (!cell?.formula) throw new Error(`${sheet.name}!${address} holds no formula to spill`);
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  if (rows === 0 || cols === 0 || values.some((row) => row.length !== cols)) throw new Error('a spill is a non-empty rectangle');
  const rect: Rect = { r1: anchor.r1, c1: anchor.c1, r2: anchor.r1 + rows - 1, c2: anchor.c1 + cols - 1, wholeColumns: false, wholeRows: false };
  for (let r = rect.r1; r <= rect.r2; r++) {
    for (let c = rect.c1; c <= rect.c2; c++) {
      if (r === rect.r1 && c === rect.c1) continue;
      const other = sheet.cells.get(a1(r, c));
      if (other && (other.value !== null || other.formula !== null)) throw new Error(`${sheet.name}!${a1(r, c)} is not empty: the spill would be blocked`);
      if (sheet.spills.some((s) => inside(s.rect, r, c))) throw new Error(`${sheet.name}!${a1(r, c)} is in another spill`);
    }
  }
  sheet.spills = sheet.spills.filter((s) => s.anchor !== a1(anchor.r1, anchor.c1));
  sheet.spills.push({ anchor: a1(anchor.r1, anchor.c1), rect, values: values.map((row) => [...row]) });
  cell.result = values[0][0];
}

/** The spill a cell is a spilled (not anchor) cell of. */
function spilledInto(sheet: FakeSheetState, row: number, col: number): SpillState | undefined {
  return sheet.spills.find((s) => inside(s.rect, row, col) && !(row === s.rect.r1 && col === s.rect.c1));
}

/** What `Range.values` reads for a cell: a formula's result, a spilled value, the value, or `''`. */
function shownValue(sheet: FakeSheetState, row: number, col: number): Scalar {
  const spill = spilledInto(sheet, row, col);
  if (spill) return spill.values[row - spill.rect.r1][col - spill.rect.c1];
  const cell = sheet.cells.get(a1(row, col));
  if (cell?.formula) {
    if (cell.result === undefined) {
      throw new FakeOfficeError('NotModeled', `${sheet.name}!${a1(row, col)}: the fake does not calculate ${cell.formula}; give it a result`);
    }
    return cell.result;
  }
  return cell?.value ?? '';
}

/** What `Range.formulas` reads for a cell: the formula, or else the value as `values` reads it. */
function formulaText(sheet: FakeSheetState, row: number, col: number): Scalar {
  const cell = sheet.cells.get(a1(row, col));
  return cell?.formula ?? shownValue(sheet, row, col);
}

/** The used range, as Excel finds it: cells with content (and spilled values); with `valuesOnly` false, formatted cells too. */
function usedRect(sheet: FakeSheetState, valuesOnly: boolean): Rect | null {
  let box: Rect | null = null;
  const grow = (r1: number, c1: number, r2: number, c2: number) => {
    box = box
      ? { ...box, r1: Math.min(box.r1, r1), c1: Math.min(box.c1, c1), r2: Math.max(box.r2, r2), c2: Math.max(box.c2, c2) }
      : { r1, c1, r2, c2, wholeColumns: false, wholeRows: false };
  };
  for (const [addr, cell] of sheet.cells) {
    if (valuesOnly && cell.value === null && cell.formula === null) continue;
    const { r1, c1 } = parseRect(addr);
    grow(r1, c1, r1, c1);
  }
  for (const s of sheet.spills) grow(s.rect.r1, s.rect.c1, s.rect.r2, s.rect.c2);
  return box;
}

/** Office.js addresses name the sheet, quoted unless it is a plain name: `'单位收入总表'!A1:I30`. */
function sheetAddress(sheet: string, rect: Rect): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${rectAddress(rect)}`;
}

const LOADABLE_SHEET_PROPS = ['name', 'id', 'position', 'visibility'] as const;
const LOADABLE_NAME_PROPS = ['name', 'type', 'value', 'visible', 'comment'] as const;

/** The item properties a collection `load` asks for: `'items/name'`, `'name'`, `['items/name']`, or all. */
function itemProps(arg: string | string[] | { select?: string } | undefined, all: readonly string[]): Set<string> {
  const text = typeof arg === 'string' ? arg : Array.isArray(arg) ? arg.join(',') : arg?.select ?? '';
  const tokens = text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (tokens.length === 0 || tokens.includes('items') || tokens.includes('items/*')) return new Set(all);
  return new Set(tokens.map((t) => t.replace(/^items\//, '')));
}

/** The properties a `load` asks for on one object, each one it may load; anything else is `InvalidArgument`. */
function loadProps(what: string, arg: string | string[] | { select?: string } | undefined, all: readonly string[]): Set<string> {
  const text = typeof arg === 'string' ? arg : Array.isArray(arg) ? arg.join(',') : arg?.select ?? '';
  const tokens = text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (tokens.length === 0) return new Set(all);
  for (const t of tokens) if (!all.includes(t)) throw new FakeOfficeError('InvalidArgument', `${what} has no loadable property "${t}"`);
  return new Set(tokens);
}

function notLoaded(what: string): FakeOfficeError {
  return new FakeOfficeError('PropertyNotLoaded', `${what} is not available: load it and call context.sync() first`);
}

/**
 * One cell written as Office.js writes `values`/`formulas`, which is also how typing behaves:
 * a `@` cell keeps text, elsewhere `=…` is a formula and `12` a number; a new formula ends a
 * spill it anchors, and content in a spilled cell blocks that spill.
 */
export function writeCell(sheet: FakeSheetState, cell: FakeCell, r: number, c: number, v: unknown): void {
  const merges = sheet.merges;
  const spills = sheet.spills;
  if (v === null || v === undefined) return; // Office.js: null leaves the cell as it is
  if (typeof v === 'number' && !Number.isFinite(v)) throw new FakeOfficeError('InvalidArgument', `${a1(r, c)}: ${v}`);
  if (typeof v !== 'number' && typeof v !== 'string' && typeof v !== 'boolean') {
    throw new FakeOfficeError('InvalidArgument', `${a1(r, c)}: cannot write ${typeof v}`);
  }
  if (typeof v === 'string' && v.length > 32767) throw new FakeOfficeError('InvalidArgument', `${a1(r, c)}: text over 32767 characters`);
  const hidden = merges.find((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2 && !(r === m.r1 && c === m.c1));
  if (hidden && v !== '') throw new FakeOfficeError('InvalidOperation', `${a1(r, c)} is inside the merged ${rectAddress(hidden)}`);
  let next: { value: Scalar | null; formula: string | null };
  if (cell.numberFormat === '@') next = { value: v === '' ? null : typeof v === 'string' ? v : String(v), formula: null };
  else if (typeof v === 'string') next = typed(v);
  else next = { value: v, formula: null };
  // Overwriting a formula ends its spill; content written into a spilled cell blocks the spill.
  const spill = spills.findIndex((s) => inside(s.rect, r, c));
  if (spill >= 0) {
    const s = spills[spill];
    const anchor = r === s.rect.r1 && c === s.rect.c1;
    if (anchor || next.value !== null || next.formula !== null) {
      spills.splice(spill, 1);
      const anchorCell = sheet.cells.get(s.anchor);
      if (!anchor && anchorCell) anchorCell.result = '#SPILL!';
    }
  }
  cell.value = next.value;
  cell.formula = next.formula;
  delete cell.result; // a new formula has not been calculated yet
  delete cell.resultMessage;
}

// ------------------------------------------------------------------------------ the context

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  /** the host's requirement sets, to pass on to the writer too */
  readonly support: SupportCheck;
  readonly sheets: FakeSheetState[] = [];
  readonly names: FakeNameState[] = [];
  readonly comments: FakeCommentState[] = [];
  /** notes (ExcelApi 1.18), one per cell; a cell holds a note or a comment, not both */
  readonly notes: FakeNoteState[] = [];
  /** custom XML parts (ExcelApi 1.5) */
  readonly customXmlParts: FakeXmlPartState[] = [];
  /** the cell last selected with `Range.select`, as `sheet!A1` */
  selected: string | null = null;
  activeSheet: string | null = null;
  /** how many times `sync()` was called */
  syncCount = 0;
  /** operations queued since the last sync */
  pendingOps = 0;
  /** operations sent by each sync, in order */
  readonly batches: number[] = [];
  /** the payload of each sync, in order */
  readonly payloads: SyncPayload[] = [];
  private pendingPayload: SyncPayload = { request: 0, response: 0 };
  private readonly pendingLoads: (() => void)[] = [];
  private readonly calculator: ((ctx: FakeRequestContext) => void) | undefined;
  /** a change since the last calculation */
  private stale = true;

  constructor(options: FakeExcelOptions = {}) {
    this.support = options.support ?? MODERN_HOST;
    this.calculator = options.calculate;
    for (const s of options.sheets ?? []) {
      checkSheetName(s.name);
      if (this.findSheet(s.name)) throw new FakeOfficeError('ItemAlreadyExists', s.name);
      const sheet = newSheet(s.name);
      for (const [addr, v] of Object.entries(s.cells ?? {})) {
        const cell = defaultCell();
        if (typeof v === 'string' && v.startsWith('=')) cell.formula = v;
        else cell.value = v;
        sheet.cells.set(addr.toUpperCase(), cell);
      }
      for (const [addr, f] of Object.entries(s.numberFormats ?? {})) {
        const key = addr.toUpperCase();
        const cell = sheet.cells.get(key) ?? defaultCell();
        cell.numberFormat = f;
        sheet.cells.set(key, cell);
      }
      sheet.merges.push(...(s.merges ?? []).map(parseRect));
      for (const [addr, v] of Object.entries(s.results ?? {})) setResultOn(sheet, addr, v);
      for (const [addr, values] of Object.entries(s.spills ?? {})) spillOn(sheet, addr, values);
      for (const [addr, fill] of Object.entries(s.fills ?? {})) {
        const key = addr.toUpperCase();
        const cell = sheet.cells.get(key) ?? defaultCell();
        cell.fill = fill;
        sheet.cells.set(key, cell);
      }
      seedCommentsAndNotes(this, sheet, s);
      if (s.protected || s.password !== undefined) {
        sheet.protection = { protected: true, options: { ...DEFAULT_PROTECTION, ...s.protectionOptions }, password: s.password ?? null };
      }
      this.sheets.push(sheet);
    }
    if (this.sheets.length === 0) this.sheets.push(newSheet('Sheet1'));
    this.activeSheet = this.sheets[0].name;
    for (const n of options.names ?? []) {
      checkDefinedName(n.name);
      if (this.findName(n.name)) throw new FakeOfficeError('ItemAlreadyExists', n.name);
      this.names.push({ name: n.name, sheet: n.sheet ?? null, address: n.address ?? null, formula: n.formula ?? null, comment: null });
    }
    this.workbook = new FakeWorkbook(this);
  }

  /** Sends the queued operations and fills in what was loaded. */
  sync(): Promise<void> {
    this.syncCount++;
    this.batches.push(this.pendingOps);
    this.pendingOps = 0;
    const payload = this.pendingPayload;
    this.payloads.push(payload);
    this.pendingPayload = { request: 0, response: 0 };
    if (payload.request > REQUEST_LIMIT_BYTES || payload.response > REQUEST_LIMIT_BYTES) {
      this.pendingLoads.splice(0);
      const which = payload.request > REQUEST_LIMIT_BYTES ? `request of ${payload.request}` : `response of ${payload.response}`;
      return Promise.reject(new FakeOfficeError('RequestPayloadSizeLimitExceeded', `a ${which} bytes is over Excel on the web's ${REQUEST_LIMIT_BYTES}`));
    }
    this.recalculate();
    for (const apply of this.pendingLoads.splice(0)) apply();
    return Promise.resolve();
  }

  /** Runs the formula engine, when there is one, if anything changed since it last ran. */
  recalculate(): void {
    if (!this.calculator || !this.stale) return;
    this.stale = false;
    this.calculator(this);
  }

  // -------- used by the API objects

  requireSet(set: string, version: string, api: string): void {
    if (!this.support(set, version)) throw new FakeOfficeError('ApiNotFound', `${api} needs ${set} ${version}, which this host lacks`);
  }

  queue(): void {
    this.pendingOps++;
    this.pendingPayload.request += OPERATION_BYTES;
    this.stale = true;
  }

  /** The data an operation already queued writes (values, formulas, formats), for the payload. */
  carries(data: unknown): void {
    this.pendingPayload.request += jsonBytes(data);
  }

  /** A load: `apply` fills it in at the next sync; `result` is what it brings back, for the payload. */
  queueLoad(apply: () => void, result?: unknown): void {
    this.pendingOps++;
    this.pendingPayload.request += OPERATION_BYTES;
    if (result !== undefined) this.pendingPayload.response += jsonBytes(result);
    this.pendingLoads.push(apply);
  }

  findSheet(name: string): FakeSheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  findName(name: string): FakeNameState | undefined {
    return this.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  }

  // -------- for tests

  /** Gives a formula cell the value Excel would show for it (the fake does not calculate). */
  setResult(sheet: string, address: string, v: Scalar): void {
    setResultOn(this.sheet(sheet), address, v);
  }

  /** Gives every formula cell (of one sheet, or all) the value `f` says; `undefined` leaves a cell without one. */
  calculate(f: (formula: string, sheet: string, address: string) => Scalar | undefined, sheet?: string): void {
    for (const s of sheet === undefined ? this.sheets : [this.sheet(sheet)]) {
      for (const [addr, cell] of s.cells) {
        if (!cell.formula) continue;
        const v = f(cell.formula, s.name, addr);
        if (v !== undefined) cell.result = v;
      }
    }
  }

  /** Makes the formula at `address` spill `values` (its own result is the top-left value). */
  spill(sheet: string, address: string, values: Scalar[][]): void {
    spillOn(this.sheet(sheet), address, values);
  }

  /** What a cell shows, as `Range.values` reads it (`''` when empty). */
  shown(sheet: string, address: string): Scalar {
    this.recalculate();
    const { r1, c1 } = parseRect(address);
    return shownValue(this.sheet(sheet), r1, c1);
  }

  /** The sheet's state; throws when there is none. */
  sheet(name: string): FakeSheetState {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet "${name}" (have: ${this.sheets.map((x) => x.name).join(', ')})`);
    return s;
  }

  cell(sheet: string, address: string): FakeCell {
    return this.sheet(sheet).cells.get(address.toUpperCase()) ?? defaultCell();
  }

  /** A cell's content as a plan states it: the formula when there is one, else the value; empty is null. */
  content(sheet: string, address: string): Scalar | null {
    const c = this.cell(sheet, address);
    return c.formula ?? c.value;
  }

  /** The top-left rows × cols of a sheet, as `content` gives them. */
  grid(sheet: string, rows: number, cols: number): (Scalar | null)[][] {
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => this.content(sheet, a1(r + 1, c + 1))));
  }

  /** Every non-empty cell of a sheet, by address. */
  filledCells(sheet: string): Map<string, Scalar> {
    const out = new Map<string, Scalar>();
    for (const [addr, c] of this.sheet(sheet).cells) {
      const v = c.formula ?? c.value;
      if (v !== null) out.set(addr, v);
    }
    return out;
  }

  /** The comment on a cell, or null. */
  comment(sheet: string, address: string): string | null {
    const s = this.sheet(sheet);
    return this.comments.find((c) => c.sheet === s && c.address === address.toUpperCase())?.content ?? null;
  }

  /** Everything a sheet holds, as one string: two equal snapshots mean nothing changed. */
  snapshotSheet(name: string): string {
    const s = this.sheet(name);
    return JSON.stringify({
      ...s,
      cells: [...s.cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      merges: s.merges.map(rectAddress),
      columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
      hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b),
      rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
      validations: s.validations.map((v) => ({ ...v, rect: rectAddress(v.rect) })),
      spills: s.spills.map((x) => ({ ...x, rect: rectAddress(x.rect) })),
    });
  }
}

/** The fake, typed as the real thing for code under test. */
export function asExcelContext(fake: FakeRequestContext): Excel.RequestContext {
  return fake as unknown as Excel.RequestContext;
}

export function createFakeExcel(options: FakeExcelOptions = {}): { fake: FakeRequestContext; context: Excel.RequestContext } {
  const fake = new FakeRequestContext(options);
  return { fake, context: asExcelContext(fake) };
}

// ------------------------------------------------------------------------------ workbook, collections

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;

  constructor(readonly ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
  }

  get comments(): FakeCommentCollection {
    this.ctx.requireSet('ExcelApi', '1.10', 'Workbook.comments');
    return new FakeCommentCollection(this.ctx);
  }

  get notes(): FakeNoteCollection {
    this.ctx.requireSet('ExcelApi', '1.18', 'Workbook.notes');
    return new FakeNoteCollection(this.ctx);
  }

  get customXmlParts(): FakeCustomXmlPartCollection {
    this.ctx.requireSet('ExcelApi', '1.5', 'Workbook.customXmlParts');
    return new FakeCustomXmlPartCollection(this.ctx);
  }

  /** The range `Range.select` (or a click in the preview's grid) left selected; else A1 of the active sheet. */
  getSelectedRange(): FakeRange {
    this.ctx.requireSet('ExcelApi', '1.1', 'Workbook.getSelectedRange');
    const selected = this.ctx.selected;
    if (selected) {
      const at = selected.lastIndexOf('!');
      return this.worksheets.getItem(selected.slice(0, at)).getRange(selected.slice(at + 1));
    }
    const sheet = this.ctx.activeSheet ?? this.ctx.sheets[0]?.name;
    if (!sheet) throw new FakeOfficeError('ItemNotFound', 'Workbook.getSelectedRange: the workbook has no sheet');
    return this.worksheets.getItem(sheet).getRange('A1');
  }
}

const LOADABLE_COMMENT_PROPS = ['content', 'id', 'authorName', 'resolved'] as const;

/** What `load` on a comment reads: the thread's first entry as it stands now. */
function commentValues(c: FakeCommentState): Record<(typeof LOADABLE_COMMENT_PROPS)[number], unknown> {
  return { content: c.content, id: commentId(c), authorName: c.author ?? CURRENT_USER, resolved: c.resolved ?? false };
}

/** Office.js `CommentCollection` (ExcelApi 1.10): one comment thread per cell. */
export class FakeCommentCollection {
  private loaded: FakeComment[] | null = null;

  constructor(private readonly ctx: FakeRequestContext) {}

  private cellOf(ref: Excel.Range | string, api: string): { ws: FakeWorksheet; address: string } {
    const range = ref as unknown;
    if (!(range instanceof FakeRange)) throw new FakeOfficeError('NotModeled', `${api} with an address string`);
    if (range.rect.r1 !== range.rect.r2 || range.rect.c1 !== range.rect.c2) throw new FakeOfficeError('InvalidArgument', `${api}: one cell only`);
    return { ws: range.ws, address: a1(range.rect.r1, range.rect.c1) };
  }

  /** Made as the current user, unresolved, with no replies: the API cannot set an author. */
  add(cellAddress: Excel.Range | string, content: string): FakeComment {
    const { ws, address } = this.cellOf(cellAddress, 'CommentCollection.add');
    const sheet = ws.change('CommentCollection.add', 'ExcelApi', '1.10');
    if (typeof content !== 'string' || content === '') throw new FakeOfficeError('InvalidArgument', 'CommentCollection.add: content');
    for (const c of this.ctx.comments) {
      if (c.sheet === sheet && c.address === address) throw new FakeOfficeError('InvalidOperation', `${sheet.name}!${address} already has a comment`);
    }
    refuseBothOnOneCell(this.ctx, sheet, address, 'CommentCollection.add');
    const state: FakeCommentState = { sheet, address, content, author: CURRENT_USER, resolved: false, replies: [] };
    commentId(state);
    this.ctx.comments.push(state);
    return new FakeComment(this.ctx, state);
  }

  getItemByCell(cellAddress: Excel.Range | string): FakeComment {
    const { ws, address } = this.cellOf(cellAddress, 'CommentCollection.getItemByCell');
    const state = this.ctx.comments.find((c) => c.sheet === ws.state && c.address === address);
    if (!state) throw new FakeOfficeError('ItemNotFound', `no comment at ${ws.state.name}!${address}`);
    return new FakeComment(this.ctx, state);
  }

  /** How many comments the workbook has, readable after the next sync. */
  getCount(): FakeClientResult<number> {
    this.ctx.requireSet('ExcelApi', '1.10', 'CommentCollection.getCount');
    return clientResult(this.ctx, this.ctx.comments.length);
  }

  /** The comment at a position, as the collection stands when the batch reaches this call. */
  getItemAt(index: number): FakeComment {
    this.ctx.requireSet('ExcelApi', '1.10', 'CommentCollection.getItemAt');
    const state = this.ctx.comments[index];
    if (!state) throw new FakeOfficeError('ItemNotFound', `CommentCollection.getItemAt(${index}): there are ${this.ctx.comments.length}`);
    return new FakeComment(this.ctx, state);
  }

  load(props?: string | string[] | { select?: string }): this {
    const wanted = itemProps(props, LOADABLE_COMMENT_PROPS);
    // Loading everything on a host before 1.11 leaves `resolved` out; asking for it by name fails.
    if (wanted.has('resolved') && !this.ctx.support('ExcelApi', '1.11')) {
      if (wanted.size !== LOADABLE_COMMENT_PROPS.length) this.ctx.requireSet('ExcelApi', '1.11', 'Comment.resolved');
      wanted.delete('resolved');
    }
    const snapshot = this.ctx.comments.map((c) => ({ state: c, values: commentValues(c) }));
    this.ctx.queueLoad(() => {
      this.loaded = snapshot.map(({ state, values }) => {
        const loaded = new Map<string, unknown>();
        for (const p of wanted) if (p in values) loaded.set(p, values[p as keyof typeof values]);
        return new FakeComment(this.ctx, state, loaded);
      });
    });
    return this;
  }

  get items(): FakeComment[] {
    if (!this.loaded) throw notLoaded('CommentCollection.items');
    return this.loaded;
  }
}

export class FakeComment {
  constructor(
    private readonly ctx: FakeRequestContext,
    readonly state: FakeCommentState,
    private loaded: Map<string, unknown> = new Map(),
  ) {}

  load(props?: string | string[] | { select?: string }): this {
    const wanted = loadProps('Comment', props, LOADABLE_COMMENT_PROPS);
    if (wanted.has('resolved')) this.ctx.requireSet('ExcelApi', '1.11', 'Comment.resolved');
    if (!this.ctx.comments.includes(this.state)) throw new FakeOfficeError('ItemNotFound', 'Comment.load: the comment is gone');
    const values = commentValues(this.state);
    const snapshot = new Map([...wanted].map((k) => [k, values[k as keyof typeof values]] as const));
    this.ctx.queueLoad(() => (this.loaded = new Map([...this.loaded, ...snapshot])));
    return this;
  }

  private get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(`Comment.${prop}`);
    return this.loaded.get(prop) as T;
  }

  get content(): string {
    return this.get('content');
  }
  /** Only the author may edit a comment; the add-in edits only its own. */
  set content(v: string) {
    if (typeof v !== 'string' || v === '') throw new FakeOfficeError('InvalidArgument', 'Comment.content');
    if (!this.ctx.comments.includes(this.state)) throw new FakeOfficeError('ItemNotFound', 'Comment.content: the comment is gone');
    new FakeWorksheet(this.ctx, this.state.sheet).change('Comment.content', 'ExcelApi', '1.10');
    if ((this.state.author ?? CURRENT_USER) !== CURRENT_USER) throw new FakeOfficeError('AccessDenied', 'Comment.content: only its author can edit a comment');
    this.state.content = v;
  }

  get id(): string {
    return this.get('id');
  }

  get authorName(): string {
    return this.get('authorName');
  }

  get resolved(): boolean {
    return this.get('resolved');
  }
  set resolved(v: boolean) {
    new FakeWorksheet(this.ctx, this.state.sheet).change('Comment.resolved', 'ExcelApi', '1.11');
    this.state.resolved = v;
  }

  get replies(): FakeCommentReplyCollection {
    return new FakeCommentReplyCollection(this.ctx, this.state);
  }

  /** The comment's cell. */
  getLocation(): FakeRange {
    const i = this.ctx.comments.indexOf(this.state);
    if (i < 0) throw new FakeOfficeError('ItemNotFound', 'Comment.getLocation: the comment is gone');
    return new FakeWorksheet(this.ctx, this.state.sheet).getRange(this.state.address);
  }

  /** Deletes the whole thread, replies too. */
  delete(): void {
    const i = this.ctx.comments.indexOf(this.state);
    if (i < 0) throw new FakeOfficeError('ItemNotFound', 'Comment.delete: the comment is gone');
    new FakeWorksheet(this.ctx, this.state.sheet).change('Comment.delete', 'ExcelApi', '1.10');
    this.ctx.comments.splice(i, 1);
  }
}

export class FakeWorksheetCollection {
  private loaded: FakeWorksheet[] | null = null;

  constructor(private readonly ctx: FakeRequestContext) {}

  add(name?: string): FakeWorksheet {
    this.ctx.requireSet('ExcelApi', '1.1', 'WorksheetCollection.add');
    let wanted = name;
    if (wanted === undefined) for (let i = 1; !wanted || this.ctx.findSheet(wanted); i++) wanted = `Sheet${i}`;
    checkSheetName(wanted);
    if (this.ctx.findSheet(wanted)) throw new FakeOfficeError('ItemAlreadyExists', `a sheet named "${wanted}" exists`);
    const state = newSheet(wanted);
    this.ctx.sheets.push(state);
    this.ctx.queue();
    return new FakeWorksheet(this.ctx, state);
  }

  getItem(key: string): FakeWorksheet {
    this.ctx.requireSet('ExcelApi', '1.1', 'WorksheetCollection.getItem');
    const state = this.ctx.findSheet(key);
    if (!state) throw new FakeOfficeError('ItemNotFound', `no sheet "${key}"`);
    return new FakeWorksheet(this.ctx, state);
  }

  /** A null object when there is no such sheet; `isNullObject` is readable after the next sync. */
  getItemOrNullObject(key: string): FakeWorksheet {
    this.ctx.requireSet('ExcelApi', '1.4', 'WorksheetCollection.getItemOrNullObject');
    const state = this.ctx.findSheet(key);
    const ws = new FakeWorksheet(this.ctx, state ?? newSheet(key), new Map(), state === undefined);
    this.ctx.queueLoad(() => ws.markSynced());
    return ws;
  }

  load(props?: string | string[] | { select?: string }): this {
    const wanted = itemProps(props, LOADABLE_SHEET_PROPS);
    const snapshot = this.ctx.sheets.map((s, i) => ({ state: s, values: { name: s.name, id: s.id, position: i, visibility: s.visibility } }));
    this.ctx.carries(snapshot.map((x) => x.values));
    this.ctx.queueLoad(() => {
      this.loaded = snapshot.map(({ state, values }) => {
        const loaded = new Map<string, unknown>();
        for (const p of wanted) if (p in values) loaded.set(p, values[p as keyof typeof values]);
        return new FakeWorksheet(this.ctx, state, loaded);
      });
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    if (!this.loaded) throw notLoaded('WorksheetCollection.items');
    return this.loaded;
  }
}

export class FakeNamedItem {
  constructor(private readonly loaded: Map<string, unknown>) {}

  private get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(`NamedItem.${prop}`);
    return this.loaded.get(prop) as T;
  }

  get name(): string {
    return this.get('name');
  }
  get type(): string {
    return this.get('type');
  }
  get value(): string {
    return this.get('value');
  }
  get visible(): boolean {
    return this.get('visible');
  }
}

export class FakeNamedItemCollection {
  private loaded: FakeNamedItem[] | null = null;

  constructor(private readonly ctx: FakeRequestContext) {}

  add(name: string, reference: Excel.Range | string, comment?: string): FakeNamedItem {
    this.ctx.requireSet('ExcelApi', '1.4', 'NamedItemCollection.add');
    checkDefinedName(name);
    if (this.ctx.findName(name)) throw new FakeOfficeError('ItemAlreadyExists', `a defined name "${name}" exists`);
    const state: FakeNameState = { name, sheet: null, address: null, formula: null, comment: comment ?? null };
    if (typeof reference === 'string') {
      state.formula = reference;
    } else {
      const range = reference as unknown;
      if (!(range instanceof FakeRange)) throw new FakeOfficeError('InvalidArgument', 'names.add: not a Range of this context');
      state.sheet = range.sheetState.name;
      state.address = rectAddress(range.rect);
    }
    this.ctx.names.push(state);
    this.ctx.queue();
    return new FakeNamedItem(new Map());
  }

  load(props?: string | string[] | { select?: string }): this {
    const wanted = itemProps(props, LOADABLE_NAME_PROPS);
    const snapshot = this.ctx.names.map((n) => ({
      name: n.name,
      type: n.formula === null ? 'Range' : 'String',
      value: n.formula ?? `'${n.sheet}'!${n.address}`,
      visible: true,
      comment: n.comment ?? '',
    }));
    this.ctx.queueLoad(() => {
      this.loaded = snapshot.map((values) => {
        const loaded = new Map<string, unknown>();
        for (const p of wanted) if (p in values) loaded.set(p, values[p as keyof typeof values]);
        return new FakeNamedItem(loaded);
      });
    });
    return this;
  }

  get items(): FakeNamedItem[] {
    if (!this.loaded) throw notLoaded('NamedItemCollection.items');
    return this.loaded;
  }
}

// ------------------------------------------------------------------------------ worksheet

export class FakeWorksheet implements Pick<Excel.Worksheet, 'showGridlines' | 'activate'> {
  readonly freezePanes: FakeFreezePanes;
  readonly pageLayout: FakePageLayout;
  readonly protection: FakeWorksheetProtection;
  /** Worksheet.horizontalPageBreaks (ExcelApi 1.9): only `add`, which the writer uses */
  readonly horizontalPageBreaks: { add(pageBreakRange: string): void };

  private synced = false;

  constructor(
    readonly ctx: FakeRequestContext,
    readonly state: FakeSheetState,
    private readonly loaded: Map<string, unknown> = new Map(),
    /** made by `getItemOrNullObject` that found nothing */
    readonly nullObject = false,
  ) {
    this.freezePanes = new FakeFreezePanes(this);
    this.pageLayout = new FakePageLayout(this);
    this.protection = new FakeWorksheetProtection(this);
    this.horizontalPageBreaks = {
      add: (pageBreakRange: string) => {
        const rect = this.resolve(pageBreakRange, 'PageBreakCollection.add');
        const page = this.change('PageBreakCollection.add', 'ExcelApi', '1.9').pageLayout;
        page.rowBreaks = [...(page.rowBreaks ?? []), rect.r1];
      },
    };
  }

  markSynced(): void {
    this.synced = true;
  }

  get isNullObject(): boolean {
    if (!this.synced) throw notLoaded('Worksheet.isNullObject');
    return this.nullObject;
  }

  get visibility(): Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden' {
    if (!this.loaded.has('visibility')) throw notLoaded('Worksheet.visibility');
    return this.loaded.get('visibility') as 'Visible';
  }
  set visibility(v: Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden') {
    if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new FakeOfficeError('InvalidArgument', `visibility ${String(v)}`);
    if (this.nullObject) throw new FakeOfficeError('InvalidOperation', 'Worksheet.visibility on a null object');
    this.ctx.requireSet('ExcelApi', '1.1', 'Worksheet.visibility');
    if (!this.ctx.sheets.includes(this.state)) throw new FakeOfficeError('ItemNotFound', 'Worksheet.visibility: the sheet is gone');
    if (v !== 'Visible' && !this.ctx.sheets.some((s) => s !== this.state && s.visibility === 'Visible')) {
      throw new FakeOfficeError('InvalidOperation', 'a workbook must keep one visible sheet');
    }
    this.state.visibility = v;
    this.ctx.queue();
  }

  delete(): void {
    this.ctx.requireSet('ExcelApi', '1.1', 'Worksheet.delete');
    if (this.nullObject) throw new FakeOfficeError('InvalidOperation', 'Worksheet.delete on a null object');
    const i = this.ctx.sheets.indexOf(this.state);
    if (i < 0) throw new FakeOfficeError('ItemNotFound', 'Worksheet.delete: the sheet is gone');
    if (!this.ctx.sheets.some((s) => s !== this.state && s.visibility === 'Visible')) {
      throw new FakeOfficeError('InvalidOperation', 'cannot delete the last visible sheet');
    }
    this.ctx.sheets.splice(i, 1);
    for (let k = this.ctx.comments.length - 1; k >= 0; k--) if (this.ctx.comments[k].sheet === this.state) this.ctx.comments.splice(k, 1);
    for (let k = this.ctx.notes.length - 1; k >= 0; k--) if (this.ctx.notes[k].sheet === this.state) this.ctx.notes.splice(k, 1);
    if (this.ctx.activeSheet === this.state.name) this.ctx.activeSheet = this.ctx.sheets[0].name;
    this.ctx.queue();
  }

  get name(): string {
    if (!this.loaded.has('name')) throw notLoaded('Worksheet.name');
    return this.loaded.get('name') as string;
  }

  get id(): string {
    if (!this.loaded.has('id')) throw notLoaded('Worksheet.id');
    return this.loaded.get('id') as string;
  }

  /** Every change goes through here: the sheet must still be there and not protected. */
  change(api: string, set: string, version: string): FakeSheetState {
    this.ctx.requireSet(set, version, api);
    if (!this.ctx.sheets.includes(this.state)) throw new FakeOfficeError('ItemNotFound', `${api}: the sheet is gone`);
    if (this.state.protection.protected) {
      throw new FakeOfficeError('AccessDenied', `${api}: sheet "${this.state.name}" is protected`);
    }
    this.ctx.queue();
    return this.state;
  }

  /** A range of this sheet from an address or a `Range` of this sheet. */
  resolve(ref: Excel.Range | string, api: string): Rect {
    if (typeof ref === 'string') return parseRect(ref);
    const range = ref as unknown;
    if (!(range instanceof FakeRange) || range.sheetState !== this.state) {
      throw new FakeOfficeError('InvalidArgument', `${api}: the range is not on sheet "${this.state.name}"`);
    }
    return range.rect;
  }

  getRange(address?: string): FakeRange {
    this.ctx.requireSet('ExcelApi', '1.1', 'Worksheet.getRange');
    if (address === undefined) return new FakeRange(this, parseRect(`1:${MAX_ROWS}`));
    return new FakeRange(this, parseRect(address));
  }

  /** The used range as it is now; a null object when the sheet is empty. */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.ctx.requireSet('ExcelApi', '1.4', 'Worksheet.getUsedRangeOrNullObject');
    if (this.nullObject) return new FakeRange(this, parseRect('A1'), true);
    if (!this.ctx.sheets.includes(this.state)) throw new FakeOfficeError('ItemNotFound', 'Worksheet.getUsedRangeOrNullObject: the sheet is gone');
    const rect = usedRect(this.state, valuesOnly);
    return rect ? new FakeRange(this, rect) : new FakeRange(this, parseRect('A1'), true);
  }

  get showGridlines(): boolean {
    throw notLoaded('Worksheet.showGridlines');
  }
  set showGridlines(v: boolean) {
    this.change('Worksheet.showGridlines', 'ExcelApi', '1.8').showGridlines = v;
  }

  activate(): void {
    this.ctx.requireSet('ExcelApi', '1.1', 'Worksheet.activate');
    this.ctx.activeSheet = this.state.name;
    this.ctx.queue();
  }
}

export class FakeFreezePanes implements Pick<Excel.WorksheetFreezePanes, 'freezeAt' | 'freezeRows' | 'freezeColumns'> {
  constructor(private readonly ws: FakeWorksheet) {}

  freezeAt(frozenRange: Excel.Range | string): void {
    const rect = this.ws.resolve(frozenRange, 'WorksheetFreezePanes.freezeAt');
    this.ws.change('WorksheetFreezePanes.freezeAt', 'ExcelApi', '1.7').freeze = {
      rows: rect.wholeColumns ? 0 : rect.r2,
      columns: rect.wholeRows ? 0 : rect.c2,
    };
  }

  freezeRows(count = 1): void {
    if (!Number.isInteger(count) || count < 0) throw new FakeOfficeError('InvalidArgument', `freezeRows(${count})`);
    this.ws.change('WorksheetFreezePanes.freezeRows', 'ExcelApi', '1.7').freeze = { rows: count, columns: 0 };
  }

  freezeColumns(count = 1): void {
    if (!Number.isInteger(count) || count < 0) throw new FakeOfficeError('InvalidArgument', `freezeColumns(${count})`);
    this.ws.change('WorksheetFreezePanes.freezeColumns', 'ExcelApi', '1.7').freeze = { rows: 0, columns: count };
  }
}

export class FakePageLayout
  implements
    Pick<
      Excel.PageLayout,
      'orientation' | 'paperSize' | 'centerHorizontally' | 'zoom' | 'setPrintTitleRows' | 'setPrintTitleColumns' | 'setPrintArea'
    >
{
  constructor(private readonly ws: FakeWorksheet) {}

  private page(api: string): PageLayoutState {
    return this.ws.change(`PageLayout.${api}`, 'ExcelApi', '1.9').pageLayout;
  }

  get orientation(): Excel.PageOrientation | 'Portrait' | 'Landscape' {
    throw notLoaded('PageLayout.orientation');
  }
  set orientation(v: Excel.PageOrientation | 'Portrait' | 'Landscape') {
    if (v !== 'Portrait' && v !== 'Landscape') throw new FakeOfficeError('InvalidArgument', `orientation ${String(v)}`);
    this.page('orientation').orientation = v;
  }

  get paperSize(): Excel.PageLayout['paperSize'] {
    throw notLoaded('PageLayout.paperSize');
  }
  set paperSize(v: Excel.PageLayout['paperSize']) {
    this.page('paperSize').paperSize = String(v);
  }

  get centerHorizontally(): boolean {
    throw notLoaded('PageLayout.centerHorizontally');
  }
  set centerHorizontally(v: boolean) {
    this.page('centerHorizontally').centerHorizontally = v;
  }

  get zoom(): Excel.PageLayoutZoomOptions {
    throw notLoaded('PageLayout.zoom');
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    const fit = v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined;
    if (fit && v.scale !== undefined) throw new FakeOfficeError('InvalidArgument', 'zoom: scale and fit-to-pages together');
    if (v.scale !== undefined && (v.scale < 10 || v.scale > 400)) throw new FakeOfficeError('InvalidArgument', `zoom scale ${v.scale}`);
    // The reference documents a number of pages; 0 (meaning "automatic" in the desktop dialog)
    // is refused: leave the property out to fit the other way only.
    for (const n of [v.horizontalFitToPages, v.verticalFitToPages]) {
      if (n !== undefined && (!Number.isInteger(n) || n < 1)) throw new FakeOfficeError('InvalidArgument', `zoom fit-to-pages ${n}: leave it out instead`);
    }
    this.page('zoom').zoom = { ...v };
  }

  setPrintTitleRows(printTitleRows: Excel.Range | string): void {
    const rect = this.ws.resolve(printTitleRows, 'PageLayout.setPrintTitleRows');
    if (!rect.wholeRows) throw new FakeOfficeError('InvalidArgument', `print title rows must be entire rows: ${rectAddress(rect)}`);
    this.page('setPrintTitleRows').printTitleRows = `$${rect.r1}:$${rect.r2}`;
  }

  setPrintTitleColumns(printTitleColumns: Excel.Range | string): void {
    const rect = this.ws.resolve(printTitleColumns, 'PageLayout.setPrintTitleColumns');
    if (!rect.wholeColumns) throw new FakeOfficeError('InvalidArgument', `print title columns must be entire columns: ${rectAddress(rect)}`);
    this.page('setPrintTitleColumns').printTitleColumns = `$${colLetters(rect.c1)}:$${colLetters(rect.c2)}`;
  }

  private margin(side: 'left' | 'right' | 'top' | 'bottom' | 'header' | 'footer', v: number): void {
    if (!(v >= 0)) throw new FakeOfficeError('InvalidArgument', `${side}Margin ${v}`);
    const page = this.page(`${side}Margin`);
    page.margins = { ...page.margins, [side]: v };
  }
  set leftMargin(v: number) {
    this.margin('left', v);
  }
  set rightMargin(v: number) {
    this.margin('right', v);
  }
  set topMargin(v: number) {
    this.margin('top', v);
  }
  set bottomMargin(v: number) {
    this.margin('bottom', v);
  }
  set headerMargin(v: number) {
    this.margin('header', v);
  }
  set footerMargin(v: number) {
    this.margin('footer', v);
  }

  setPrintArea(printArea: Excel.Range | Excel.RangeAreas | string): void {
    if (typeof printArea !== 'string') throw new FakeOfficeError('NotModeled', 'setPrintArea takes an address in this fake');
    const rect = this.ws.resolve(printArea, 'PageLayout.setPrintArea');
    this.page('setPrintArea').printArea = rectAddress(rect);
  }
}

const LOADABLE_PROTECTION_PROPS = ['protected', 'options'] as const;

export class FakeWorksheetProtection implements Pick<Excel.WorksheetProtection, 'protect' | 'unprotect' | 'protected' | 'options'> {
  private loaded: Map<string, unknown> | null = null;

  constructor(private readonly ws: FakeWorksheet) {}

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    const state = this.ws.change('WorksheetProtection.protect', 'ExcelApi', password === undefined ? '1.2' : '1.7');
    state.protection = { protected: true, options: { ...DEFAULT_PROTECTION, ...options }, password: password ?? null };
  }

  /** Some Excel builds refuse to unprotect a sheet that is not protected; the fake always does. */
  unprotect(password?: string): void {
    this.ws.ctx.requireSet('ExcelApi', password === undefined ? '1.2' : '1.7', 'WorksheetProtection.unprotect');
    const state = this.ws.state;
    if (!this.ws.ctx.sheets.includes(state)) throw new FakeOfficeError('ItemNotFound', 'WorksheetProtection.unprotect: the sheet is gone');
    if (!state.protection.protected) throw new FakeOfficeError('InvalidOperation', `sheet "${state.name}" is not protected`);
    if (state.protection.password !== null && password !== state.protection.password) {
      throw new FakeOfficeError('InvalidArgument', `sheet "${state.name}": the password is incorrect`);
    }
    state.protection = { ...state.protection, protected: false, password: null };
    this.ws.ctx.queue();
  }

  load(props?: string | string[] | { select?: string }): this {
    this.ws.ctx.requireSet('ExcelApi', '1.2', 'WorksheetProtection.load');
    const wanted = loadProps('WorksheetProtection', props, LOADABLE_PROTECTION_PROPS);
    const p = this.ws.state.protection;
    const values: Record<string, unknown> = { protected: p.protected, options: { ...DEFAULT_PROTECTION, ...p.options } };
    const snapshot = new Map([...wanted].map((k) => [k, values[k]] as const));
    this.ws.ctx.queueLoad(() => (this.loaded = new Map([...(this.loaded ?? []), ...snapshot])));
    return this;
  }

  private get<T>(prop: string): T {
    if (!this.loaded?.has(prop)) throw notLoaded(`WorksheetProtection.${prop}`);
    return this.loaded.get(prop) as T;
  }

  get protected(): boolean {
    return this.get('protected');
  }

  get options(): Excel.WorksheetProtectionOptions {
    return this.get('options');
  }
}

// ------------------------------------------------------------------------------ range

/** Ranges bigger than this are whole rows or columns: only their widths, heights and hiding are modelled. */
const MAX_CELL_WRITE = 1_000_000;

const LOADABLE_RANGE_PROPS = ['address', 'formulas', 'values', 'numberFormat', 'hasSpill', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount'] as const;

export class FakeRange
  implements Pick<Excel.Range, 'formulas' | 'values' | 'numberFormat' | 'columnHidden' | 'merge' | 'address' | 'isNullObject' | 'hasSpill'>
{
  readonly format: FakeRangeFormat;
  /** what the last synced loads brought; null until one has */
  private loaded: Map<string, unknown> | null = null;

  constructor(
    readonly ws: FakeWorksheet,
    readonly rect: Rect,
    /** made by an `…OrNullObject` method that found nothing */
    readonly nullObject = false,
  ) {
    this.format = new FakeRangeFormat(this);
  }

  get sheetState(): FakeSheetState {
    return this.ws.state;
  }

  /** Every change to the range's cells goes through here: not a null object, and the sheet's own checks. */
  change(api: string, set: string, version: string): FakeSheetState {
    if (this.nullObject) throw new FakeOfficeError('InvalidOperation', `${api} on a null object`);
    return this.ws.change(api, set, version);
  }

  /**
   * Queues a load. Values are taken as the batch stands at this point (as Office.js does, in
   * order) and readable after the next sync. A null object loads nothing but `isNullObject`.
   */
  load(props?: string | string[] | { select?: string }): this {
    const wanted = loadProps('Range', props, LOADABLE_RANGE_PROPS);
    if (wanted.has('hasSpill')) this.ws.ctx.requireSet('ExcelApi', '1.12', 'Range.hasSpill');
    if (cellCount(this.rect) > MAX_CELL_WRITE) throw new FakeOfficeError('NotModeled', `loading ${rectAddress(this.rect)}`);
    const snapshot = new Map<string, unknown>();
    if (wanted.has('values')) this.ws.ctx.recalculate();
    if (!this.nullObject) {
      const sheet = this.sheetState;
      const { r1, c1, r2, c2 } = this.rect;
      const grid = (f: (r: number, c: number) => unknown) =>
        Array.from({ length: r2 - r1 + 1 }, (_, i) => Array.from({ length: c2 - c1 + 1 }, (_, j) => f(r1 + i, c1 + j)));
      for (const p of wanted) {
        if (p === 'address') snapshot.set(p, sheetAddress(sheet.name, this.rect));
        else if (p === 'formulas') snapshot.set(p, grid((r, c) => formulaText(sheet, r, c)));
        else if (p === 'values') snapshot.set(p, grid((r, c) => shownValue(sheet, r, c)));
        else if (p === 'numberFormat') snapshot.set(p, grid((r, c) => sheet.cells.get(a1(r, c))?.numberFormat ?? 'General'));
        else if (p === 'hasSpill') {
          const spilled = grid((r, c) => sheet.spills.some((s) => inside(s.rect, r, c))).flat();
          snapshot.set(p, spilled.every(Boolean) ? true : spilled.some(Boolean) ? null : false);
        } else if (p === 'rowIndex') snapshot.set(p, r1 - 1);
        else if (p === 'columnIndex') snapshot.set(p, c1 - 1);
        else if (p === 'rowCount') snapshot.set(p, r2 - r1 + 1);
        else if (p === 'columnCount') snapshot.set(p, c2 - c1 + 1);
      }
    }
    this.ws.ctx.queueLoad(() => (this.loaded = new Map([...(this.loaded ?? []), ...snapshot])), [...snapshot.values()]);
    return this;
  }

  /** A loaded property; a null object has none. */
  private get<T>(prop: string): T {
    if (this.loaded && this.nullObject) throw new FakeOfficeError('InvalidOperation', `Range.${prop} of a null object`);
    if (!this.loaded?.has(prop)) throw notLoaded(`Range.${prop}`);
    return this.loaded.get(prop) as T;
  }

  get isNullObject(): boolean {
    if (!this.loaded) throw notLoaded('Range.isNullObject');
    return this.nullObject;
  }

  get address(): string {
    return this.get('address');
  }

  get hasSpill(): boolean {
    return this.get('hasSpill');
  }

  /** The range a formula in this one cell spills into; a null object when it does not spill. */
  getSpillingToRangeOrNullObject(): FakeRange {
    this.ws.ctx.requireSet('ExcelApi', '1.12', 'Range.getSpillingToRangeOrNullObject');
    if (this.nullObject) throw new FakeOfficeError('InvalidOperation', 'Range.getSpillingToRangeOrNullObject on a null object');
    if (this.rect.r1 !== this.rect.r2 || this.rect.c1 !== this.rect.c2) {
      throw new FakeOfficeError('InvalidArgument', `Range.getSpillingToRangeOrNullObject on ${rectAddress(this.rect)}: one cell only`);
    }
    const spill = this.sheetState.spills.find((s) => s.anchor === a1(this.rect.r1, this.rect.c1));
    return spill ? new FakeRange(this.ws, { ...spill.rect }) : new FakeRange(this.ws, this.rect, true);
  }

  /** Changes each cell of the range; refuses whole rows and columns, which the fake does not store per cell. */
  eachCell(api: string, set: string, version: string, f: (cell: FakeCell, row: number, col: number) => void): void {
    const sheet = this.change(api, set, version);
    if (cellCount(this.rect) > MAX_CELL_WRITE) {
      throw new FakeOfficeError('NotModeled', `${api} on ${rectAddress(this.rect)}: per-cell changes to whole rows or columns`);
    }
    for (let r = this.rect.r1; r <= this.rect.r2; r++) {
      for (let c = this.rect.c1; c <= this.rect.c2; c++) {
        const key = a1(r, c);
        let cell = sheet.cells.get(key);
        if (!cell) {
          cell = defaultCell();
          sheet.cells.set(key, cell);
        }
        f(cell, r, c);
      }
    }
  }

  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(input: unknown[][]) {
    this.writeContent('Range.formulas', input);
  }

  get values(): unknown[][] {
    return this.get('values');
  }
  /** Writing `values` is like typing, as writing `formulas` is: `=…` becomes a formula, `02` a number. */
  set values(input: unknown[][]) {
    this.writeContent('Range.values', input);
  }

  private writeContent(api: string, input: unknown[][]): void {
    const data = check2D<unknown>(api, this.rect, input);
    const ctx = this.ws.ctx;
    this.eachCell(api, 'ExcelApi', '1.1', (cell, r, c) => {
      const v = 'scalar' in data ? data.scalar : data[r - this.rect.r1][c - this.rect.c1];
      writeCell(this.sheetState, cell, r, c, v);
      if (cell.formula) {
        const broken = formulaWithMissingSheets(cell.formula, (name) => ctx.findSheet(name) !== undefined);
        if (broken !== null) {
          cell.formula = broken;
          cell.result = '#REF!';
        }
      }
    });
    ctx.carries(input);
  }

  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(input: unknown[][]) {
    const data = check2D<unknown>('Range.numberFormat', this.rect, input);
    this.ws.ctx.carries(input);
    this.eachCell('Range.numberFormat', 'ExcelApi', '1.1', (cell, r, c) => {
      const v = 'scalar' in data ? data.scalar : data[r - this.rect.r1][c - this.rect.c1];
      if (v === null || v === undefined) return;
      if (typeof v !== 'string' || v === '') throw new FakeOfficeError('InvalidArgument', `${a1(r, c)}: number format ${String(v)}`);
      cell.numberFormat = v;
    });
  }

  get columnHidden(): boolean {
    throw notLoaded('Range.columnHidden');
  }
  set columnHidden(v: boolean) {
    const sheet = this.change('Range.columnHidden', 'ExcelApi', '1.2');
    for (let c = this.rect.c1; c <= this.rect.c2; c++) {
      if (v) sheet.hiddenColumns.add(c);
      else sheet.hiddenColumns.delete(c);
    }
  }

  merge(across = false): void {
    const sheet = this.change('Range.merge', 'ExcelApi', '1.2');
    if (cellCount(this.rect) > MAX_CELL_WRITE) throw new FakeOfficeError('NotModeled', `merge of ${rectAddress(this.rect)}`);
    const areas: Rect[] = across
      ? Array.from({ length: this.rect.r2 - this.rect.r1 + 1 }, (_, i) => ({ ...this.rect, r1: this.rect.r1 + i, r2: this.rect.r1 + i }))
      : [this.rect];
    for (const area of areas) {
      if (area.r1 === area.r2 && area.c1 === area.c2) continue;
      const clash = sheet.merges.find((m) => overlaps(m, area));
      if (clash && sameRect(clash, area)) continue;
      if (clash) throw new FakeOfficeError('InvalidOperation', `merge ${rectAddress(area)} overlaps the merged ${rectAddress(clash)}`);
      // Excel keeps the top-left value only.
      for (let r = area.r1; r <= area.r2; r++) {
        for (let c = area.c1; c <= area.c2; c++) {
          if (r === area.r1 && c === area.c1) continue;
          const cell = sheet.cells.get(a1(r, c));
          if (cell) {
            cell.value = null;
            cell.formula = null;
          }
        }
      }
      sheet.merges.push({ ...area });
    }
  }

  select(): void {
    this.ws.ctx.requireSet('ExcelApi', '1.1', 'Range.select');
    this.ws.ctx.selected = `${this.sheetState.name}!${rectAddress(this.rect)}`;
    this.ws.ctx.queue();
  }

  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this);
  }
}

// ------------------------------------------------------------------------------ range format

type HAlign = Excel.RangeFormat['horizontalAlignment'];
type VAlign = Excel.RangeFormat['verticalAlignment'];

const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

export class FakeRangeFormat
  implements Pick<Excel.RangeFormat, 'horizontalAlignment' | 'verticalAlignment' | 'wrapText' | 'indentLevel' | 'columnWidth' | 'rowHeight'>
{
  readonly font: FakeRangeFont;
  readonly fill: FakeRangeFill;
  readonly borders: FakeRangeBorderCollection;
  readonly protection: FakeFormatProtection;

  constructor(readonly range: FakeRange) {
    this.font = new FakeRangeFont(range);
    this.fill = new FakeRangeFill(range);
    this.borders = new FakeRangeBorderCollection(range);
    this.protection = new FakeFormatProtection(range);
  }

  get horizontalAlignment(): HAlign {
    throw notLoaded('RangeFormat.horizontalAlignment');
  }
  set horizontalAlignment(v: HAlign) {
    if (!H_ALIGN.includes(v)) throw new FakeOfficeError('InvalidArgument', `horizontalAlignment ${v}`);
    this.range.eachCell('RangeFormat.horizontalAlignment', 'ExcelApi', '1.1', (c) => (c.horizontalAlignment = v));
  }

  get verticalAlignment(): VAlign {
    throw notLoaded('RangeFormat.verticalAlignment');
  }
  set verticalAlignment(v: VAlign) {
    if (!V_ALIGN.includes(v)) throw new FakeOfficeError('InvalidArgument', `verticalAlignment ${v}`);
    this.range.eachCell('RangeFormat.verticalAlignment', 'ExcelApi', '1.1', (c) => (c.verticalAlignment = v));
  }

  get wrapText(): boolean {
    throw notLoaded('RangeFormat.wrapText');
  }
  set wrapText(v: boolean) {
    this.range.eachCell('RangeFormat.wrapText', 'ExcelApi', '1.1', (c) => (c.wrapText = v));
  }

  get indentLevel(): number {
    throw notLoaded('RangeFormat.indentLevel');
  }
  set indentLevel(v: number) {
    if (!Number.isInteger(v) || v < 0 || v > 250) throw new FakeOfficeError('InvalidArgument', `indentLevel ${v}`);
    this.range.eachCell('RangeFormat.indentLevel', 'ExcelApi', '1.9', (c) => (c.indentLevel = v));
  }

  get columnWidth(): number {
    throw notLoaded('RangeFormat.columnWidth');
  }
  set columnWidth(v: number) {
    if (!(v >= 0)) throw new FakeOfficeError('InvalidArgument', `columnWidth ${v}`);
    const sheet = this.range.change('RangeFormat.columnWidth', 'ExcelApi', '1.2');
    for (let c = this.range.rect.c1; c <= this.range.rect.c2; c++) sheet.columnWidths.set(c, v);
  }

  get rowHeight(): number {
    throw notLoaded('RangeFormat.rowHeight');
  }
  set rowHeight(v: number) {
    if (!(v >= 0 && v <= 409)) throw new FakeOfficeError('InvalidArgument', `rowHeight ${v} (Excel allows 0–409 points)`);
    const sheet = this.range.change('RangeFormat.rowHeight', 'ExcelApi', '1.2');
    if (this.range.rect.wholeColumns) throw new FakeOfficeError('NotModeled', 'rowHeight of whole columns');
    for (let r = this.range.rect.r1; r <= this.range.rect.r2; r++) sheet.rowHeights.set(r, v);
  }
}

export class FakeRangeFont implements Pick<Excel.RangeFont, 'name' | 'size' | 'bold' | 'color'> {
  constructor(private readonly range: FakeRange) {}

  get name(): string {
    throw notLoaded('RangeFont.name');
  }
  set name(v: string) {
    this.range.eachCell('RangeFont.name', 'ExcelApi', '1.1', (c) => (c.font.name = v));
  }

  get size(): number {
    throw notLoaded('RangeFont.size');
  }
  set size(v: number) {
    if (!(v >= 1 && v <= 409)) throw new FakeOfficeError('InvalidArgument', `font size ${v}`);
    this.range.eachCell('RangeFont.size', 'ExcelApi', '1.1', (c) => (c.font.size = v));
  }

  get bold(): boolean {
    throw notLoaded('RangeFont.bold');
  }
  set bold(v: boolean) {
    this.range.eachCell('RangeFont.bold', 'ExcelApi', '1.1', (c) => (c.font.bold = v));
  }

  get color(): string {
    throw notLoaded('RangeFont.color');
  }
  set color(v: string) {
    if (!/^#[0-9A-Fa-f]{6}$/.test(v)) throw new FakeOfficeError('InvalidArgument', `font color ${v}`);
    this.range.eachCell('RangeFont.color', 'ExcelApi', '1.1', (c) => (c.font.color = v.toUpperCase()));
  }
}

const LOADABLE_FILL_PROPS = ['color', 'pattern', 'tintAndShade'] as const;

/**
 * A range's fill. Loading reads as Office.js does: a cell with no fill has `color` `#FFFFFF`
 * and (ExcelApi 1.9) `pattern` `None`; a range whose cells differ reads null.
 */
export class FakeRangeFill implements Pick<Excel.RangeFill, 'color' | 'clear'> {
  private loaded: Map<string, unknown> | null = null;

  constructor(private readonly range: FakeRange) {}

  load(props?: string | string[] | { select?: string }): this {
    const wanted = loadProps('RangeFill', props, LOADABLE_FILL_PROPS);
    this.range.ws.ctx.requireSet('ExcelApi', wanted.has('pattern') || wanted.has('tintAndShade') ? '1.9' : '1.1', 'RangeFill.load');
    if (this.range.nullObject) throw new FakeOfficeError('InvalidOperation', 'RangeFill.load on a null object');
    if (cellCount(this.range.rect) > MAX_CELL_WRITE) throw new FakeOfficeError('NotModeled', `loading the fill of ${rectAddress(this.range.rect)}`);
    const fills = new Set<string | null>();
    const { r1, c1, r2, c2 } = this.range.rect;
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) fills.add(this.range.sheetState.cells.get(a1(r, c))?.fill ?? null);
    const one = fills.size === 1 ? [...fills][0] : undefined;
    const values: Record<string, unknown> = {
      color: one === undefined ? null : (one ?? '#FFFFFF').toUpperCase(),
      pattern: one === undefined ? null : one === null ? 'None' : 'Solid',
      // the fake keeps plain colours only: no tint or shade
      tintAndShade: one === undefined ? null : 0,
    };
    const snapshot = new Map([...wanted].map((k) => [k, values[k]] as const));
    this.range.ws.ctx.queueLoad(() => (this.loaded = new Map([...(this.loaded ?? []), ...snapshot])));
    return this;
  }

  get color(): string {
    if (!this.loaded?.has('color')) throw notLoaded('RangeFill.color');
    return this.loaded.get('color') as string;
  }
  set color(v: string) {
    if (!/^#[0-9A-Fa-f]{6}$/.test(v) && !/^[A-Za-z]+$/.test(v)) throw new FakeOfficeError('InvalidArgument', `fill color ${v}`);
    this.range.eachCell('RangeFill.color', 'ExcelApi', '1.1', (c) => (c.fill = v));
  }

  get pattern(): string {
    if (!this.loaded?.has('pattern')) throw notLoaded('RangeFill.pattern');
    return this.loaded.get('pattern') as string;
  }

  get tintAndShade(): number {
    if (!this.loaded?.has('tintAndShade')) throw notLoaded('RangeFill.tintAndShade');
    return this.loaded.get('tintAndShade') as number;
  }

  /** No fill. */
  clear(): void {
    this.range.eachCell('RangeFill.clear', 'ExcelApi', '1.1', (c) => (c.fill = null));
  }
}

export class FakeFormatProtection implements Pick<Excel.FormatProtection, 'locked'> {
  constructor(private readonly range: FakeRange) {}

  get locked(): boolean {
    throw notLoaded('FormatProtection.locked');
  }
  set locked(v: boolean) {
    this.range.eachCell('FormatProtection.locked', 'ExcelApi', '1.2', (c) => (c.locked = v));
  }
}

type BorderIndexName = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal' | 'DiagonalDown' | 'DiagonalUp';

export class FakeRangeBorderCollection {
  constructor(private readonly range: FakeRange) {}

  getItem(index: Excel.BorderIndex | BorderIndexName): FakeRangeBorder {
    return new FakeRangeBorder(this.range, index as BorderIndexName);
  }
}

const BORDER_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
const BORDER_WEIGHTS = ['Hairline', 'Thin', 'Medium', 'Thick'];

export class FakeRangeBorder implements Pick<Excel.RangeBorder, 'style' | 'weight' | 'color'> {
  constructor(
    private readonly range: FakeRange,
    private readonly index: BorderIndexName,
  ) {}

  /** Sets one property on every cell edge the border index stands for. */
  private apply(api: string, f: (b: BorderState) => void): void {
    const { r1, r2, c1, c2 } = this.range.rect;
    const edges: [number, number, CellEdge][] = [];
    switch (this.index) {
      case 'EdgeTop':
        for (let c = c1; c <= c2; c++) edges.push([r1, c, 'top']);
        break;
      case 'EdgeBottom':
        for (let c = c1; c <= c2; c++) edges.push([r2, c, 'bottom']);
        break;
      case 'EdgeLeft':
        for (let r = r1; r <= r2; r++) edges.push([r, c1, 'left']);
        break;
      case 'EdgeRight':
        for (let r = r1; r <= r2; r++) edges.push([r, c2, 'right']);
        break;
      case 'InsideHorizontal':
        for (let r = r1; r < r2; r++) for (let c = c1; c <= c2; c++) edges.push([r, c, 'bottom'], [r + 1, c, 'top']);
        break;
      case 'InsideVertical':
        for (let r = r1; r <= r2; r++) for (let c = c1; c < c2; c++) edges.push([r, c, 'right'], [r, c + 1, 'left']);
        break;
      default:
        throw new FakeOfficeError('NotModeled', `border ${this.index}`);
    }
    const wanted = new Set(edges.map(([r, c]) => a1(r, c)));
    const byCell = new Map<string, CellEdge[]>();
    for (const [r, c, e] of edges) byCell.set(a1(r, c), [...(byCell.get(a1(r, c)) ?? []), e]);
    this.range.eachCell(api, 'ExcelApi', '1.1', (cell, r, c) => {
      const key = a1(r, c);
      if (!wanted.has(key)) return;
      for (const e of byCell.get(key) ?? []) {
        const b = (cell.borders[e] ??= { style: 'None', weight: null, color: null });
        f(b);
      }
    });
  }

  get style(): Excel.RangeBorder['style'] {
    throw notLoaded('RangeBorder.style');
  }
  set style(v: Excel.RangeBorder['style']) {
    if (!BORDER_STYLES.includes(v)) throw new FakeOfficeError('InvalidArgument', `border style ${v}`);
    this.apply('RangeBorder.style', (b) => (b.style = v));
  }

  get weight(): Excel.RangeBorder['weight'] {
    throw notLoaded('RangeBorder.weight');
  }
  set weight(v: Excel.RangeBorder['weight']) {
    if (!BORDER_WEIGHTS.includes(v)) throw new FakeOfficeError('InvalidArgument', `border weight ${v}`);
    this.apply('RangeBorder.weight', (b) => (b.weight = v));
  }

  get color(): string {
    throw notLoaded('RangeBorder.color');
  }
  set color(v: string) {
    if (!/^#[0-9A-Fa-f]{6}$/.test(v)) throw new FakeOfficeError('InvalidArgument', `border color ${v}`);
    this.apply('RangeBorder.color', (b) => (b.color = v));
  }
}

// ------------------------------------------------------------------------------ data validation

const RULE_KINDS = ['wholeNumber', 'decimal', 'textLength', 'date', 'time', 'list', 'custom'] as const;
const OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];

function checkRule(rule: Excel.DataValidationRule): void {
  const bad = (why: string) => new FakeOfficeError('InvalidArgument', `data validation rule: ${why}`);
  const kinds = RULE_KINDS.filter((k) => rule[k] !== undefined && rule[k] !== null);
  if (kinds.length !== 1) throw bad(`exactly one criterion is allowed, got ${kinds.length}`);
  const kind = kinds[0];
  if (kind === 'list') {
    const list = rule.list!;
    if (typeof list.source === 'string' && (list.source === '' || list.source.length > 255)) throw bad('a list source must be 1–255 characters');
    return;
  }
  if (kind === 'custom') {
    if (!rule.custom!.formula) throw bad('custom needs a formula');
    return;
  }
  const basic = rule[kind] as Excel.BasicDataValidation;
  if (!OPERATORS.includes(basic.operator)) throw bad(`operator ${basic.operator}`);
  if (basic.formula1 === undefined || basic.formula1 === null || basic.formula1 === '') throw bad('formula1 is required');
  const two = basic.operator === 'Between' || basic.operator === 'NotBetween';
  if (two && (basic.formula2 === undefined || basic.formula2 === null || basic.formula2 === '')) throw bad(`${basic.operator} needs formula2`);
  if (two && typeof basic.formula1 === 'number' && typeof basic.formula2 === 'number' && basic.formula1 > basic.formula2) {
    throw bad('formula1 > formula2');
  }
}

/** The formulas of a rule (`=…` list sources, custom formulas, formula bounds), for checking what they name. */
function ruleFormulas(rule: Excel.DataValidationRule): string[] {
  const out: unknown[] = [];
  if (rule.list) out.push(rule.list.source);
  if (rule.custom) out.push(rule.custom.formula);
  for (const k of ['wholeNumber', 'decimal', 'textLength', 'date', 'time'] as const) {
    const b = rule[k] as { formula1?: unknown; formula2?: unknown } | undefined;
    if (b) out.push(b.formula1, b.formula2);
  }
  return out.filter((f): f is string => typeof f === 'string' && f.startsWith('='));
}

export class FakeDataValidation implements Pick<Excel.DataValidation, 'rule' | 'errorAlert' | 'prompt'> {
  constructor(private readonly range: FakeRange) {}

  /** The validation record of this range (made on first change). */
  private record(api: string): ValidationState {
    const sheet = this.range.change(`DataValidation.${api}`, 'ExcelApi', '1.8');
    const rect = this.range.rect;
    const same = sheet.validations.find((v) => sameRect(v.rect, rect));
    if (same) return same;
    const clash = sheet.validations.find((v) => overlaps(v.rect, rect));
    if (clash) throw new FakeOfficeError('NotModeled', `validation on ${rectAddress(rect)} overlaps the one on ${clash.address}`);
    const made: ValidationState = { address: rectAddress(rect), rect, rule: null, errorAlert: null, prompt: null };
    sheet.validations.push(made);
    return made;
  }

  get rule(): Excel.DataValidationRule {
    throw notLoaded('DataValidation.rule');
  }
  set rule(v: Excel.DataValidationRule) {
    checkRule(v);
    const ctx = this.range.ws.ctx;
    for (const f of ruleFormulas(v)) {
      const missing = sheetReferences(f).filter((r) => ctx.findSheet(r.sheet) === undefined);
      if (missing.length > 0) {
        throw new FakeOfficeError('InvalidArgument', `data validation rule: ${f} names the sheet "${missing[0].sheet}", which the workbook does not have (yet)`);
      }
    }
    ctx.carries(v);
    this.record('rule').rule = JSON.parse(JSON.stringify(v)) as Excel.DataValidationRule;
  }

  get errorAlert(): Excel.DataValidationErrorAlert {
    throw notLoaded('DataValidation.errorAlert');
  }
  set errorAlert(v: Excel.DataValidationErrorAlert) {
    if ((v.title ?? '').length > 32) throw new FakeOfficeError('InvalidArgument', `error alert title over 32 characters: ${v.title}`);
    if ((v.message ?? '').length > 225) throw new FakeOfficeError('InvalidArgument', 'error alert message over 225 characters');
    if (v.style !== undefined && !['Stop', 'Warning', 'Information'].includes(v.style)) {
      throw new FakeOfficeError('InvalidArgument', `error alert style ${v.style}`);
    }
    this.record('errorAlert').errorAlert = { ...v };
  }

  get prompt(): Excel.DataValidationPrompt {
    throw notLoaded('DataValidation.prompt');
  }
  set prompt(v: Excel.DataValidationPrompt) {
    if ((v.title ?? '').length > 32) throw new FakeOfficeError('InvalidArgument', `prompt title over 32 characters: ${v.title}`);
    if ((v.message ?? '').length > 255) throw new FakeOfficeError('InvalidArgument', 'prompt message over 255 characters');
    this.record('prompt').prompt = { ...v };
  }
}

// ------------------------------------------------------------------------------ sheet ids, threads, notes, custom XML parts
// What the marks keep and put back: worksheets known by an id that survives a rename, comment
// threads with their author, replies and resolved state, notes (ExcelApi 1.18), and custom XML
// parts (ExcelApi 1.5), where the add-in keeps its own records out of the clerk's sight.

let sheetIds = 0;

/** A new Worksheet.id, shaped like Excel's: a GUID in braces. */
function nextSheetId(): string {
  sheetIds++;
  return `{${sheetIds.toString(16).toUpperCase().padStart(8, '0')}-0001-4000-8000-00000000B7A5}`;
}

/** Who runs the add-in: the API makes comments and notes as this user. */
export const CURRENT_USER = '当前用户';

let commentIds = 0;

/** A comment's id, made once. */
function commentId(c: FakeCommentState): string {
  c.id ??= `{C0MM3N7-${(++commentIds).toString(16).toUpperCase().padStart(8, '0')}}`;
  return c.id;
}

export interface FakeReplyState {
  content: string;
  author: string;
}

/** A clerk's comment thread before the add-in runs. */
export interface ExistingComment {
  content: string;
  author?: string;
  resolved?: boolean;
  replies?: { content: string; author?: string }[];
}

/** A note (ExcelApi 1.18) on one cell. */
export interface FakeNoteState {
  sheet: FakeSheetState;
  /** A1 */
  address: string;
  content: string;
  author: string;
}

function seedCommentsAndNotes(ctx: FakeRequestContext, sheet: FakeSheetState, s: ExistingSheet): void {
  for (const [addr, c] of Object.entries(s.comments ?? {})) {
    const thread = typeof c === 'string' ? { content: c } : c;
    const state: FakeCommentState = {
      sheet,
      address: addr.toUpperCase(),
      content: thread.content,
      author: thread.author ?? '某科员',
      resolved: thread.resolved ?? false,
      replies: (thread.replies ?? []).map((r) => ({ content: r.content, author: r.author ?? '某科员' })),
    };
    commentId(state);
    ctx.comments.push(state);
  }
  for (const [addr, content] of Object.entries(s.notes ?? {})) {
    const address = addr.toUpperCase();
    if (ctx.comments.some((c) => c.sheet === sheet && c.address === address)) throw new Error(`${s.name}!${address}: a cell holds a note or a comment, not both`);
    ctx.notes.push({ sheet, address, content, author: '某科员' });
  }
}

/**
 * Excel keeps a threaded comment or a note on a cell, not both: the UI offers the one the cell
 * lacks. The fake refuses the second, so code that adds one must first look for the other.
 */
function refuseBothOnOneCell(ctx: FakeRequestContext, sheet: FakeSheetState, address: string, api: string): void {
  if (ctx.notes.some((n) => n.sheet === sheet && n.address === address)) {
    throw new FakeOfficeError('InvalidOperation', `${api}: ${sheet.name}!${address} holds a note`);
  }
  if (api.startsWith('Note') && ctx.comments.some((c) => c.sheet === sheet && c.address === address)) {
    throw new FakeOfficeError('InvalidOperation', `${api}: ${sheet.name}!${address} holds a comment`);
  }
}

/** `OfficeExtension.ClientResult`: its value is readable after the next sync. */
export class FakeClientResult<T> {
  private ready = false;
  private v: T | undefined;

  settle(v: T): void {
    this.v = v;
    this.ready = true;
  }

  get value(): T {
    if (!this.ready) throw notLoaded('ClientResult.value');
    return this.v as T;
  }
}

function clientResult<T>(ctx: FakeRequestContext, v: T): FakeClientResult<T> {
  const r = new FakeClientResult<T>();
  ctx.queueLoad(() => r.settle(v));
  return r;
}

const LOADABLE_REPLY_PROPS = ['content', 'authorName'] as const;

/** `Comment.replies` (ExcelApi 1.10). */
export class FakeCommentReplyCollection {
  private loaded: { content: string; authorName: string }[] | null = null;

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly thread: FakeCommentState,
  ) {}

  getCount(): FakeClientResult<number> {
    this.ctx.requireSet('ExcelApi', '1.10', 'CommentReplyCollection.getCount');
    if (!this.ctx.comments.includes(this.thread)) throw new FakeOfficeError('ItemNotFound', 'CommentReplyCollection: the comment is gone');
    return clientResult(this.ctx, this.thread.replies?.length ?? 0);
  }

  /** A reply is made as the current user, like a comment. */
  add(content: string): void {
    new FakeWorksheet(this.ctx, this.thread.sheet).change('CommentReplyCollection.add', 'ExcelApi', '1.10');
    if (typeof content !== 'string' || content === '') throw new FakeOfficeError('InvalidArgument', 'CommentReplyCollection.add: content');
    (this.thread.replies ??= []).push({ content, author: CURRENT_USER });
  }

  load(props?: string | string[] | { select?: string }): this {
    const wanted = itemProps(props, LOADABLE_REPLY_PROPS);
    const snapshot = (this.thread.replies ?? []).map((r) => ({ content: r.content, authorName: r.author }));
    this.ctx.queueLoad(() => {
      this.loaded = snapshot.map((r) => ({
        get content(): string {
          if (!wanted.has('content')) throw notLoaded('CommentReply.content');
          return r.content;
        },
        get authorName(): string {
          if (!wanted.has('authorName')) throw notLoaded('CommentReply.authorName');
          return r.authorName;
        },
      }));
    });
    return this;
  }

  get items(): { content: string; authorName: string }[] {
    if (!this.loaded) throw notLoaded('CommentReplyCollection.items');
    return this.loaded;
  }
}

const LOADABLE_NOTE_PROPS = ['content', 'authorName'] as const;

/** `Workbook.notes` (ExcelApi 1.18). */
export class FakeNoteCollection {
  private loaded: FakeNote[] | null = null;

  constructor(private readonly ctx: FakeRequestContext) {}

  add(cellAddress: Excel.Range | string, content: string): FakeNote {
    const range = cellAddress as unknown;
    if (!(range instanceof FakeRange)) throw new FakeOfficeError('NotModeled', 'NoteCollection.add with an address string');
    if (range.rect.r1 !== range.rect.r2 || range.rect.c1 !== range.rect.c2) throw new FakeOfficeError('InvalidArgument', 'NoteCollection.add: one cell only');
    const sheet = range.ws.change('NoteCollection.add', 'ExcelApi', '1.18');
    const address = a1(range.rect.r1, range.rect.c1);
    if (this.ctx.notes.some((n) => n.sheet === sheet && n.address === address)) throw new FakeOfficeError('InvalidOperation', `${sheet.name}!${address} already has a note`);
    refuseBothOnOneCell(this.ctx, sheet, address, 'NoteCollection.add');
    const state: FakeNoteState = { sheet, address, content, author: CURRENT_USER };
    this.ctx.notes.push(state);
    return new FakeNote(this.ctx, state);
  }

  getCount(): FakeClientResult<number> {
    this.ctx.requireSet('ExcelApi', '1.18', 'NoteCollection.getCount');
    return clientResult(this.ctx, this.ctx.notes.length);
  }

  getItemAt(index: number): FakeNote {
    this.ctx.requireSet('ExcelApi', '1.18', 'NoteCollection.getItemAt');
    const state = this.ctx.notes[index];
    if (!state) throw new FakeOfficeError('ItemNotFound', `NoteCollection.getItemAt(${index}): there are ${this.ctx.notes.length}`);
    return new FakeNote(this.ctx, state);
  }

  load(props?: string | string[] | { select?: string }): this {
    const wanted = itemProps(props, LOADABLE_NOTE_PROPS);
    const snapshot = this.ctx.notes.map((n) => ({ state: n, values: { content: n.content, authorName: n.author } }));
    this.ctx.queueLoad(() => {
      this.loaded = snapshot.map(({ state, values }) => new FakeNote(this.ctx, state, new Map([...wanted].map((p) => [p, values[p as keyof typeof values]] as const))));
    });
    return this;
  }

  get items(): FakeNote[] {
    if (!this.loaded) throw notLoaded('NoteCollection.items');
    return this.loaded;
  }
}

export class FakeNote {
  constructor(
    private readonly ctx: FakeRequestContext,
    readonly state: FakeNoteState,
    private readonly loaded: Map<string, unknown> = new Map(),
  ) {}

  get content(): string {
    if (!this.loaded.has('content')) throw notLoaded('Note.content');
    return this.loaded.get('content') as string;
  }

  getLocation(): FakeRange {
    if (!this.ctx.notes.includes(this.state)) throw new FakeOfficeError('ItemNotFound', 'Note.getLocation: the note is gone');
    return new FakeWorksheet(this.ctx, this.state.sheet).getRange(this.state.address);
  }

  delete(): void {
    const i = this.ctx.notes.indexOf(this.state);
    if (i < 0) throw new FakeOfficeError('ItemNotFound', 'Note.delete: the note is gone');
    new FakeWorksheet(this.ctx, this.state.sheet).change('Note.delete', 'ExcelApi', '1.18');
    this.ctx.notes.splice(i, 1);
  }
}

/** A custom XML part: stored in the file, out of the clerk's sight. */
export interface FakeXmlPartState {
  id: string;
  namespaceUri: string;
  xml: string;
}

let xmlPartIds = 0;

/**
 * What Excel checks of a part's XML: one root element, its namespace, and only characters XML
 * 1.0 allows (no C0 controls but tab and newlines, no U+FFFE/U+FFFF, no lone surrogates).
 */
function checkXml(xml: string): string {
  const bad = (why: string) => new FakeOfficeError('InvalidArgument', `custom XML part: ${why}`);
  if (typeof xml !== 'string') throw bad('not a string');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(xml)) throw bad('a character XML does not allow');
  const root = /^\s*(?:<\?xml[^>]*\?>\s*)?<([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/>|>)/.exec(xml);
  if (!root) throw bad('no root element');
  if (root[3] === '>' && !new RegExp(`</${root[1]}>\\s*$`).test(xml)) throw bad(`the root element <${root[1]}> is not closed`);
  const body = xml.slice(root[0].length);
  if (/<(?![/A-Za-z_!?])/.test(body) || /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);)/.test(body)) throw bad('not well-formed');
  return /\sxmlns="([^"]*)"/.exec(root[2])?.[1] ?? '';
}

/** `Workbook.customXmlParts` (ExcelApi 1.5), and the collection `getByNamespace` gives. */
export class FakeCustomXmlPartCollection {
  private loaded: FakeCustomXmlPart[] | null = null;

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly namespaceUri: string | null = null,
  ) {}

  private parts(): FakeXmlPartState[] {
    return this.ctx.customXmlParts.filter((p) => this.namespaceUri === null || p.namespaceUri === this.namespaceUri);
  }

  add(xml: string): FakeCustomXmlPart {
    this.ctx.requireSet('ExcelApi', '1.5', 'CustomXmlPartCollection.add');
    const namespaceUri = checkXml(xml);
    const state: FakeXmlPartState = { id: `{X${(++xmlPartIds).toString(16).toUpperCase().padStart(7, '0')}-0000-4000-8000-000000000000}`, namespaceUri, xml };
    this.ctx.customXmlParts.push(state);
    this.ctx.queue();
    return new FakeCustomXmlPart(this.ctx, state);
  }

  getByNamespace(namespaceUri: string): FakeCustomXmlPartCollection {
    this.ctx.requireSet('ExcelApi', '1.5', 'CustomXmlPartCollection.getByNamespace');
    return new FakeCustomXmlPartCollection(this.ctx, namespaceUri);
  }

  getCount(): FakeClientResult<number> {
    return clientResult(this.ctx, this.parts().length);
  }

  getItem(id: string): FakeCustomXmlPart {
    const state = this.parts().find((p) => p.id === id);
    if (!state) throw new FakeOfficeError('ItemNotFound', `no custom XML part ${id}`);
    return new FakeCustomXmlPart(this.ctx, state);
  }

  load(props?: string | string[] | { select?: string }): this {
    const wanted = itemProps(props, ['id', 'namespaceUri']);
    const snapshot = this.parts();
    this.ctx.queueLoad(() => (this.loaded = snapshot.map((state) => new FakeCustomXmlPart(this.ctx, state, wanted))));
    return this;
  }

  get items(): FakeCustomXmlPart[] {
    if (!this.loaded) throw notLoaded('CustomXmlPartCollection.items');
    return this.loaded;
  }
}

export class FakeCustomXmlPart {
  constructor(
    private readonly ctx: FakeRequestContext,
    readonly state: FakeXmlPartState,
    private readonly loaded: Set<string> = new Set(),
  ) {}

  get id(): string {
    if (!this.loaded.has('id')) throw notLoaded('CustomXmlPart.id');
    return this.state.id;
  }

  get namespaceUri(): string {
    if (!this.loaded.has('namespaceUri')) throw notLoaded('CustomXmlPart.namespaceUri');
    return this.state.namespaceUri;
  }

  private alive(api: string): void {
    if (!this.ctx.customXmlParts.includes(this.state)) throw new FakeOfficeError('ItemNotFound', `${api}: the part is gone`);
  }

  getXml(): FakeClientResult<string> {
    this.alive('CustomXmlPart.getXml');
    return clientResult(this.ctx, this.state.xml);
  }

  setXml(xml: string): void {
    this.alive('CustomXmlPart.setXml');
    this.state.namespaceUri = checkXml(xml);
    this.state.xml = xml;
    this.ctx.queue();
  }

  delete(): void {
    this.alive('CustomXmlPart.delete');
    this.ctx.customXmlParts.splice(this.ctx.customXmlParts.indexOf(this.state), 1);
    this.ctx.queue();
  }
}

/** The note on a cell, or null (for tests). */
export function noteAt(fake: FakeRequestContext, sheet: string, address: string): string | null {
  const s = fake.sheet(sheet);
  return fake.notes.find((n) => n.sheet === s && n.address === address.toUpperCase())?.content ?? null;
}

/** The comment thread on a cell, everything a clerk sees of it, or null (for tests). */
export function threadAt(fake: FakeRequestContext, sheet: string, address: string): ExistingComment | null {
  const s = fake.sheet(sheet);
  const c = fake.comments.find((x) => x.sheet === s && x.address === address.toUpperCase());
  if (!c) return null;
  return { content: c.content, author: c.author ?? CURRENT_USER, resolved: c.resolved ?? false, replies: (c.replies ?? []).map((r) => ({ ...r })) };
}
