import type { SheetGrid } from '../../core/read/grid';
import { columnName, MAX_COLS, MAX_ROWS, parseCellRef } from './cell-ref';
import { WorkbookReadError } from './limits';
import { SheetCells, type SheetContext } from './sheet-cells';
import { attr, decodeXml, type XmlHandler } from './xml-scan';

export type { SheetContext } from './sheet-cells';

const enum Capture {
  None,
  Value,
  Formula,
  InlineText,
}

/**
 * One worksheet's XML, as the generic scanner hands it on, into SheetCells: the reading of
 * any well-formed sheet (prefixes, cells without `r`, comments, CDATA, odd quoting). The
 * byte scanner (sheet-bytes.ts) reads the common sheet faster and leaves the rest to this.
 */
export class SheetHandler implements XmlHandler {
  private readonly cells: SheetCells;
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

  constructor(
    private readonly name: string,
    private readonly part: string,
    private readonly ctx: SheetContext,
  ) {
    this.cells = new SheetCells(name, ctx);
  }
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
        if (ref) this.cells.addMerge(ref);
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
    const v = this.v;
    const f = this.f;
    const fType = this.fType;
    this.v = null;
    this.f = null;
    this.fType = undefined;
    const s = this.ctx.dateStyles.length === 0 ? undefined : attr(this.attrs, 's', this.part);
    this.cells.put({ row: this.row, col: this.col, t: this.t, s, v, f, fType, fShared: this.fShared, fMaster: this.fMaster, fSi: this.fSi });
  }

  get cellCount(): number {
    return this.cells.cellCount;
  }

  grid(): SheetGrid {
    return this.cells.grid();
  }
}

export { columnName };
