import { Money, parseAmount } from '../money';
import { address } from '../plan/a1';
import type { CurrencyUnit } from '../specs/types';
import { cellAt, compactText, GridValue, SheetGrid } from './grid';

/** A cell the reader could not take as it stands; the validator turns these into findings. */
export interface ReadIssue {
  sheet: string;
  cell: string;
  kind: 'unreadable-amount' | 'text-amount' | 'bad-code' | 'error-value' | 'no-header' | 'not-recognised';
  message: string;
  fullWidth?: boolean;
}

/**
 * One amount cell as a clerk means it (blank, `—`, text with separators or full-width digits);
 * what cannot be taken as it stands is added to `issues` for the validator.
 */
export function readAmountCell(grid: SheetGrid, row: number, col: number, issues: ReadIssue[]): Money | null {
  const v: GridValue = cellAt(grid, row, col);
  if (v === null) return null;
  // The common case, a plain number: no address is built, as no issue can name it.
  if (typeof v === 'number' && Number.isFinite(v)) return (parseAmount(v) as { value: Money }).value;
  const cell = address(row, col);
  if (typeof v === 'object') {
    issues.push({ sheet: grid.name, cell, kind: 'error-value', message: `错误值${v.error}，不能读作金额` });
    return null;
  }
  const p = parseAmount(v);
  if (p.kind === 'blank') return null;
  if (p.kind === 'invalid') {
    issues.push({ sheet: grid.name, cell, kind: 'unreadable-amount', message: `“${p.text}”不能读作金额` });
    return null;
  }
  if (p.fromText) {
    issues.push({
      sheet: grid.name,
      cell,
      kind: 'text-amount',
      message: `金额是以文本输入的${p.fullWidth ? '（含全角数字）' : ''}，已按${p.value.toFixed()}读取`,
      fullWidth: p.fullWidth,
    });
  }
  return p.value;
}

/**
 * Whole amounts already made, by value: a budget repeats its figures from table to table (T2,
 * T3 and T5 list the same totals per code), and a Decimal is immutable, so one is shared; fewer
 * objects to make and for the collector to carry. Bounded: emptied when full.
 */
const WHOLE = new Map<number, Money>();
const WHOLE_CAP = 1 << 16;

function wholeMoney(n: number): Money {
  let m = WHOLE.get(n);
  if (m === undefined) {
    if (WHOLE.size >= WHOLE_CAP) WHOLE.clear();
    // `+ 0` turns −0 into 0, as parseAmount does (and the map keeps them as one key).
    m = new Money(n + 0);
    WHOLE.set(n, m);
  }
  return m;
}

/** `单位：万元`, `金额单位：元`, `（单位：万元）`; not `编制单位：…`. */
const UNIT_LINE = /(?:^|[^制])单位[:：](万元|元)/;

const TITLE_ROW = /^\d{4}年.*(预算表|预算总表|明细表)$/;
const ORG_LINE = /^编制(单位|部门)[:：]/;

/** A cell that holds something: a number, or text that is not all white space (a hole holds nothing). */
function isFilled(v: GridValue | undefined): boolean {
  if (typeof v === 'number') return true;
  if (typeof v === 'string') {
    // A first character that is no white space (a digit, a letter, a Chinese character: nearly
    // every cell) settles it without the white-space regex; rows are asked this one by one.
    const ch = v.charCodeAt(0);
    if ((ch > 0x20 && ch < 0x7f) || (ch >= 0x4e00 && ch <= 0x9fff)) return true;
  }
  return compactText(v ?? null) !== '';
}

/**
 * A sheet being read: cells by 1-based row and column, over a grid that may be holey (a
 * sparse reader leaves missing rows and cells out), so rows are walked as they exist and no
 * dense copy is ever made.
 */
export class SheetReader {
  readonly issues: ReadIssue[] = [];
  /** the largest number of decimals any amount read had: what a 万元 table prints */
  decimals = 0;
  private widthCache: number | null = null;
  constructor(readonly grid: SheetGrid) {}

  get rows(): number {
    return this.grid.values.length;
  }

  /** The sheet rows that exist from `from` on, in order (holes skipped). */
  rowsFrom(from: number, to = this.rows): number[] {
    const out: number[] = [];
    const values = this.grid.values;
    const end = Math.min(to, values.length);
    for (let i = Math.max(from, 1) - 1; i < end; i++) if (values[i]) out.push(i + 1);
    return out;
  }

  width(): number {
    if (this.widthCache === null) {
      let w = 0;
      const values = this.grid.values;
      for (let i = 0; i < values.length; i++) {
        const row = values[i];
        if (row && row.length > w) w = row.length;
      }
      this.widthCache = w;
    }
    return this.widthCache;
  }

  text(row: number, col: number): string {
    return compactText(cellAt(this.grid, row, col));
  }

  /** The columns of a row that hold something, in order. */
  filled(row: number): number[] {
    const out: number[] = [];
    const cells = this.grid.values[row - 1];
    if (cells) for (let i = 0; i < cells.length; i++) if (isFilled(cells[i])) out.push(i + 1);
    return out;
  }

  /** The first column of a row that holds something, 0 when none: `filled(row)[0]` without the array. */
  firstFilled(row: number): number {
    const cells = this.grid.values[row - 1];
    if (cells) for (let i = 0; i < cells.length; i++) if (isFilled(cells[i])) return i + 1;
    return 0;
  }

  /** The text of a row's first filled cell. */
  firstText(row: number): string {
    const c = this.firstFilled(row);
    return c === 0 ? '' : this.text(row, c);
  }

  amount(row: number, col: number): Money | null {
    // The common case, a whole number as Excel stores it: what parseAmount makes of it, and no
    // decimals to count.
    const raw = cellAt(this.grid, row, col);
    if (typeof raw === 'number' && Number.isInteger(raw) && Math.abs(raw) < 1e15) return wholeMoney(raw);
    const m = readAmountCell(this.grid, row, col, this.issues);
    // A whole number (most amounts) has no decimals to count: Decimal is not asked.
    if (m && !Number.isInteger(cellAt(this.grid, row, col)) && m.isFinite()) this.decimals = Math.max(this.decimals, m.decimalPlaces());
    return m;
  }

  /** The `单位：` line in the first rows, when the sheet has one. */
  unit(scan = 8): CurrencyUnit | undefined {
    const values = this.grid.values;
    const end = Math.min(scan, values.length);
    for (let i = 0; i < end; i++) {
      const cells = values[i];
      if (!cells) continue;
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c];
        // only text names a unit, and one that does has a 位 however it is spaced
        if (typeof v !== 'string' || !v.includes('位')) continue;
        const m = UNIT_LINE.exec(compactText(v));
        if (m) return m[1] as CurrencyUnit;
      }
    }
    return undefined;
  }

  /** The row holding `类` in its first columns: the last header row of a coded table. */
  levelRow(scan = 15): number | null {
    for (const r of this.rowsFrom(1, scan)) {
      for (let c = 1; c <= 3; c++) if (this.text(r, c) === '类') return r;
    }
    return null;
  }

  /** The lowest label above (and including) `bottom` in a column, within the header band. */
  columnLabel(col: number, top: number, bottom: number): string {
    for (let r = bottom; r >= top; r--) {
      const t = this.text(r, col);
      if (t) return t;
    }
    return '';
  }

  findRow(from: number, pred: (r: number) => boolean): number | null {
    for (const r of this.rowsFrom(from)) if (pred(r)) return r;
    return null;
  }

  /**
   * A table printed over several pages repeats its title, 编制单位 line, unit line and headers
   * on each: a row whose first filled cell is one of those (`first`: its text, when the caller has it).
   */
  isRepeatedHeader(row: number, first = this.firstText(row)): boolean {
    return (
      first === '类' ||
      first === '项目' ||
      first.includes('科目编码') ||
      first.includes('科目代码') ||
      UNIT_LINE.test(first) ||
      ORG_LINE.test(first) ||
      TITLE_ROW.test(first)
    );
  }
}
