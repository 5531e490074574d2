import type { GridValue, SheetGrid } from '../../core/read/grid';
import { columnName, MAX_COLS, MAX_ROWS, parseCellRef, slideFormula } from './cell-ref';
import { countWords, WorkbookReadError, type ReadLimits } from './limits';
import { attr, decodeXml, type XmlHandler } from './xml-scan';

/** What a sheet's cells need from the rest of the workbook. */
export interface SheetContext {
  sharedStrings: readonly string[];
  /** per style index (`s`): does its number format show a date? */
  dateStyles: readonly boolean[];
  date1904: boolean;
  /** cells stored so far in earlier sheets, against the workbook's cap */
  cellsBefore: number;
  limits: ReadLimits;
}

const enum Capture {
  None,
  Value,
  Formula,
  InlineText,
}

/** An Excel serial day as ExcelJS turns it into a date, then as the grid shows it (yyyy-mm-dd). */
function serialDate(v: number, date1904: boolean): string {
  const ms = Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(v) : d.toISOString().slice(0, 10);
}

/**
 * One worksheet's XML into a sparse grid: a row exists only where a cell holds a value or a
 * formula, and a cell only where it holds one (holes elsewhere), so a sheet with A1 and
 * XFD1048576 costs two cells, not a rectangle. Values follow ExcelJS's reading (shared and
 * inline strings as plain text, numbers, booleans, `{ error }`, a formula's cached result,
 * date-formatted numbers as yyyy-mm-dd); shared formulas are expanded per cell; merged cells
 * other than the anchor are emptied.
 */
export class SheetHandler implements XmlHandler {
  readonly values: GridValue[][] = [];
  readonly formulas: (string | null)[][] = [];
  /** 0-based indices of the rows stored, in the order first met */
  private readonly rowOrder: number[] = [];
  private readonly merges: string[] = [];
  private cells = 0;
  private inSheetData = false;
  private row = -1;
  private col = -1;

  // the cell being read
  private t: string | undefined;
  /** the cell's attributes, for its style, looked up only for a number */
  private attrs = '';
  /** attributes of the empty cells skipped since the last one read */
  private skipped: string | null = null;
  private capture = Capture.None;
  private phonetic = 0;
  private inInline = false;
  private v: string | null = null;
  private f: string | null = null;
  private fType: string | undefined;
  private fShared = false;
  private fMaster = false;
  private fSi: string | undefined;
  private readonly masters = new Map<string, { formula: string; row: number; col: number }>();

  constructor(
    private readonly name: string,
    private readonly part: string,
    private readonly ctx: SheetContext,
  ) {}

  open(name: string, attrs: string, selfClosing: boolean): void {
    switch (name) {
      case 'c':
        // An empty cell (`<c r="B1" s="1"/>`, most of a formatted sheet) holds nothing: note
        // where it was, for a following cell without `r`, and move on.
        if (!selfClosing) this.startCell(attrs);
        else if (attrs.indexOf('r=') >= 0) this.skipped = attrs;
        else {
          this.skipped = null;
          this.col++;
        }
        return;
      case 'v':
        if (!selfClosing) this.capture = Capture.Value;
        return;
      case 'f':
        this.fType = attr(attrs, 't', this.part);
        this.fShared = this.fType === 'shared';
        this.fSi = attr(attrs, 'si', this.part);
        this.fMaster = attr(attrs, 'ref', this.part) !== undefined;
        if (!selfClosing) this.capture = Capture.Formula;
        return;
      case 'is':
        this.inInline = !selfClosing;
        return;
      case 't':
        if (this.inInline && !this.phonetic && !selfClosing) this.capture = Capture.InlineText;
        return;
      case 'rPh':
        if (!selfClosing) this.phonetic++;
        return;
      case 'row':
        this.startRow(attrs);
        return;
      case 'sheetData':
        this.inSheetData = !selfClosing;
        return;
      case 'mergeCell': {
        const ref = attr(attrs, 'ref', this.part);
        if (ref) {
          if (this.merges.length >= this.ctx.limits.mergesPerSheet) {
            throw new WorkbookReadError(`工作表“${this.name}”的合并单元格超过 ${countWords(this.ctx.limits.mergesPerSheet)}处，超出读取上限`);
          }
          this.merges.push(ref);
        }
        return;
      }
    }
  }

  close(name: string): void {
    switch (name) {
      case 'c':
        this.endCell();
        return;
      case 'v':
      case 'f':
      case 't':
        this.capture = Capture.None;
        return;
      case 'is':
        this.inInline = false;
        return;
      case 'rPh':
        this.phonetic = Math.max(0, this.phonetic - 1);
        return;
      case 'sheetData':
        this.inSheetData = false;
        return;
    }
  }

  text(raw: string): void {
    switch (this.capture) {
      case Capture.None:
        return;
      case Capture.Formula:
        this.f = (this.f ?? '') + decodeXml(raw, this.part);
        return;
      default:
        this.v = (this.v ?? '') + decodeXml(raw, this.part);
    }
  }

  private isDateStyled(): boolean {
    if (this.ctx.dateStyles.length === 0) return false;
    const s = attr(this.attrs, 's', this.part);
    return s !== undefined && this.ctx.dateStyles[parseInt(s, 10)] === true;
  }

  private placeSkipped(attrs: string): void {
    const ref = attr(attrs, 'r', this.part);
    const at = ref === undefined ? null : parseCellRef(ref);
    if (at) {
      this.row = at.row;
      this.col = at.col;
    }
  }

  private startRow(attrs: string): void {
    this.skipped = null;
    const r = attr(attrs, 'r', this.part);
    const n = r === undefined ? this.row + 2 : Number(r);
    if (!Number.isInteger(n) || n < 1 || n > MAX_ROWS) throw new WorkbookReadError(`工作表“${this.name}”的行号“${r}”无效，文件已损坏`);
    this.row = n - 1;
    this.col = -1;
  }

  private startCell(attrs: string): void {
    const ref = attr(attrs, 'r', this.part);
    if (this.skipped !== null) {
      if (ref === undefined) this.placeSkipped(this.skipped);
      this.skipped = null;
    }
    if (ref === undefined) {
      // Without `r` a cell follows the one before it (some writers leave it out).
      this.col++;
      if (this.row < 0) this.row = 0;
      if (this.col >= MAX_COLS) throw new WorkbookReadError(`工作表“${this.name}”第 ${this.row + 1} 行超过 ${MAX_COLS} 列，文件已损坏`);
    } else {
      const at = parseCellRef(ref);
      if (!at) throw new WorkbookReadError(`工作表“${this.name}”的单元格地址“${ref.slice(0, 20)}”无效，文件已损坏`);
      this.row = at.row;
      this.col = at.col;
    }
    this.t = attr(attrs, 't', this.part);
    this.attrs = attrs;
    this.v = null;
    this.f = null;
    this.fType = undefined;
    this.fShared = false;
    this.fMaster = false;
    this.fSi = undefined;
    this.inInline = false;
    this.capture = Capture.None;
  }

  private endCell(): void {
    if (!this.inSheetData) return;
    let value: GridValue = null;
    let formula: string | null = null;
    const v = this.v;
    // As ExcelJS: a formula cell is one with formula text or a typed <f> (shared, array, …).
    if ((this.f !== null && this.f !== '') || this.fType !== undefined) {
      if (this.f !== null && this.f !== '') {
        formula = '=' + this.f;
        if (this.fShared && this.fMaster && this.fSi !== undefined) this.masters.set(this.fSi, { formula: this.f, row: this.row, col: this.col });
      } else if (this.fShared && this.fSi !== undefined) {
        const m = this.masters.get(this.fSi);
        if (m) formula = '=' + slideFormula(m.formula, m, { row: this.row, col: this.col });
      }
      if (v) {
        if (this.t === 'str') value = v;
        else if (this.t === 'b') value = parseInt(v, 10) !== 0;
        else if (this.t === 'e') value = { error: v };
        else value = this.isDateStyled() ? serialDate(parseFloat(v), this.ctx.date1904) : parseFloat(v);
        // ExcelJS drops a falsy cached result (0, false, ''), so a formula showing 0 reads as
        // blank; the grid keeps that reading so check's findings do not change with the reader
        // (a blank amount means zero to every rule in any case).
        if (value === 0 || value === false || value === '' || (typeof value === 'number' && Number.isNaN(value))) value = null;
      }
    } else if (v !== null) {
      switch (this.t) {
        case 's':
          value = this.ctx.sharedStrings[parseInt(v, 10)] ?? null;
          break;
        case 'str':
        case 'inlineStr':
          value = v;
          break;
        case 'b':
          value = parseInt(v, 10) !== 0;
          break;
        case 'e':
          value = { error: v };
          break;
        default:
          value = this.isDateStyled() ? serialDate(parseFloat(v), this.ctx.date1904) : parseFloat(v);
      }
    }
    this.v = null;
    this.f = null;
    this.fType = undefined;
    if (value === null && formula === null) return;
    if (++this.cells > this.ctx.limits.cellsPerSheet) {
      throw new WorkbookReadError(`工作表“${this.name}”超过 ${countWords(this.ctx.limits.cellsPerSheet)}个单元格，超出读取上限`);
    }
    if (this.cells + this.ctx.cellsBefore > this.ctx.limits.cellsTotal) {
      throw new WorkbookReadError(`工作簿超过 ${countWords(this.ctx.limits.cellsTotal)}个单元格，超出读取上限`);
    }
    let vr = this.values[this.row];
    if (vr === undefined) {
      vr = this.values[this.row] = [];
      this.rowOrder.push(this.row);
    }
    if (value !== null) vr[this.col] = value;
    if (formula !== null) (this.formulas[this.row] ??= [])[this.col] = formula;
  }

  get cellCount(): number {
    return this.cells;
  }

  /** The grid, merged non-anchor cells emptied (merges come after the cells in the XML). */
  grid(): SheetGrid {
    if (this.merges.length) this.emptyMerged();
    return { name: this.name, values: this.values, formulas: this.formulas };
  }

  private emptyMerged(): void {
    const rows = [...new Set(this.rowOrder)].sort((a, b) => a - b);
    let work = 0;
    for (const ref of this.merges) {
      const [a, b] = ref.split(':');
      const from = parseCellRef(a ?? '');
      const to = parseCellRef(b ?? '');
      if (!from || !to) continue;
      const r1 = Math.min(from.row, to.row);
      const r2 = Math.max(from.row, to.row);
      const c1 = Math.min(from.col, to.col);
      const c2 = Math.max(from.col, to.col);
      // Only the rows that exist, found by binary search: a merge over a million rows costs what they hold.
      let lo = 0;
      let hi = rows.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (rows[mid] < r1) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < rows.length && rows[k] <= r2; k++) {
        // Merges side by side over the same long run of rows would cost merges × rows: bounded.
        if (++work > this.ctx.limits.mergeRowVisits) throw new WorkbookReadError(`工作表“${this.name}”的合并单元格覆盖过多的行，超出读取上限`);
        const r = rows[k];
        for (const line of [this.values[r], this.formulas[r]]) {
          if (!line) continue;
          const last = Math.min(c2, line.length - 1);
          if (last - c1 < 256) {
            for (let c = c1; c <= last; c++) if ((r !== r1 || c !== c1) && c in line) delete line[c];
          } else {
            line.forEach((_v, c) => {
              if (c >= c1 && c <= c2 && (r !== r1 || c !== c1)) delete line[c];
            });
          }
        }
      }
    }
  }
}

export { columnName };
