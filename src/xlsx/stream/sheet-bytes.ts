import { isUtf8 } from 'buffer';
import { latin1Bytes } from './bytes';
import { MAX_COLS, MAX_ROWS } from './cell-ref';
import type { ReadLimits } from './limits';
import type { RawCell, SheetCells } from './sheet-cells';
import { decodeXml } from './xml-scan';

/**
 * A worksheet's XML read straight from the inflated bytes: the cells, formulas and merges of
 * the sheets writers produce (Excel, WPS, ExcelJS, LibreOffice), with no string made of the
 * part and none of a tag, only of the values kept. Whatever it does not know for certain it
 * reads the way the generic scanner does (a namespace prefix on a cell, a cell without `r`,
 * a comment, CDATA, a DTD, single quotes, an entity in an attribute, two `<v>` in a cell,
 * invalid UTF-8, a token past the cap, …) it does not guess at: it answers false, and the
 * caller reads the part again with xml-scan.ts + sheet-xml.ts, whose reading (and refusals)
 * stand. So both paths give the same grid, and every hostile case still meets the generic
 * scanner's checks.
 */

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOT = 34;
const APOS = 39;
const BANG = 33;
const QM = 63;
const EQ = 61;
const AMP = 38;
const COLON = 58;

const enum Tag {
  Other,
  C,
  V,
  F,
  T,
  Is,
  Row,
  RPh,
  SheetData,
  MergeCell,
}

const SHEET_DATA = latin1Bytes('sheetData');
const MERGE_CELL = latin1Bytes('mergeCell');

function same(buf: Buffer, a: number, word: Uint8Array): boolean {
  for (let k = 0; k < word.length; k++) if (buf[a + k] !== word[k]) return false;
  return true;
}

/** The first `byte` at or after `from` (-1: none); a loop, as the distances in a sheet are short. */
function find(buf: Buffer, byte: number, from: number): number {
  const n = buf.length;
  for (let k = from; k < n; k++) if (buf[k] === byte) return k;
  return -1;
}

function has(buf: Buffer, byte: number, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (buf[k] === byte) return true;
  return false;
}

/** The tag named by bytes [a, b), its namespace prefix dropped; `prefixed` says there was one. */
function tagOf(buf: Buffer, a: number, b: number): Tag {
  const len = b - a;
  const c0 = buf[a];
  switch (len) {
    case 1:
      return c0 === 99 ? Tag.C : c0 === 118 ? Tag.V : c0 === 102 ? Tag.F : c0 === 116 ? Tag.T : Tag.Other;
    case 2:
      return c0 === 105 && buf[a + 1] === 115 ? Tag.Is : Tag.Other;
    case 3:
      if (c0 === 114 && buf[a + 1] === 111 && buf[a + 2] === 119) return Tag.Row;
      if (c0 === 114 && buf[a + 1] === 80 && buf[a + 2] === 104) return Tag.RPh;
      return Tag.Other;
    case 9:
      if (same(buf, a, SHEET_DATA)) return Tag.SheetData;
      if (same(buf, a, MERGE_CELL)) return Tag.MergeCell;
      return Tag.Other;
  }
  return Tag.Other;
}

/** Powers of ten a double holds exactly: a decimal of up to 15 digits divided by one is parseFloat's answer. */
const POW10 = Array.from({ length: 23 }, (_v, k) => 10 ** k);

/**
 * The number in bytes [a, b) when it is a plain decimal (`-12`, `3.25`, `.5`) of at most 15
 * digits: then m / 10^k is correctly rounded, exactly what parseFloat gives; else undefined.
 */
function plainNumber(buf: Buffer, a: number, b: number): number | undefined {
  let i = a;
  let neg = false;
  if (buf[i] === 45) {
    neg = true;
    i++;
  }
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < b; i++) {
    const c = buf[i];
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === 46 && frac < 0) frac = 0;
    else return undefined;
  }
  if (digits === 0 || digits > 15) return undefined;
  const n = frac > 0 ? m / POW10[frac] : m;
  return neg ? -n : n;
}

class Bail extends Error {}
const BAIL = new Bail();

/**
 * Reads the sheet in `buf` into `cells`; false when it must be read by the generic scanner
 * instead (then `cells` holds a partial reading and is thrown away). Throws only what
 * SheetCells throws (the caps), as the generic reading would at the same cell.
 */
export function scanSheetBytes(buf: Buffer, part: string, cells: SheetCells, limits: ReadLimits, wantStyle: boolean): boolean {
  if (!isUtf8(buf)) return false;
  try {
    new ByteSheetScanner(buf, part, cells, limits.tokenChars, wantStyle).run();
    return true;
  } catch (e) {
    if (e === BAIL) return false;
    throw e;
  }
}

class ByteSheetScanner {
  private inSheetData = false;
  private sheetDataSeen = false;
  private inCell = false;
  private inInline = false;
  private phonetic = 0;
  private cell: RawCell = { row: 0, col: 0, t: undefined, s: undefined, v: null, f: null, fType: undefined, fShared: false, fMaster: false, fSi: undefined };
  private fSeen = false;
  // attributes of the tag being read, as byte ranges (-1: absent)
  private aR = -1;
  private aREnd = -1;
  private aT = -1;
  private aTEnd = -1;
  private aS = -1;
  private aSEnd = -1;
  private aSi = -1;
  private aSiEnd = -1;
  private aRef = -1;
  private aRefEnd = -1;

  constructor(
    private readonly buf: Buffer,
    private readonly part: string,
    private readonly cells: SheetCells,
    private readonly tokenCap: number,
    private readonly wantStyle: boolean,
  ) {}

  run(): void {
    const buf = this.buf;
    const n = buf.length;
    let i = 0;
    for (;;) {
      const lt = find(buf, LT, i);
      if (lt < 0) {
        for (let k = i; k < n; k++) if (buf[k] > 32) throw BAIL;
        break;
      }
      if (lt - i > this.tokenCap || lt + 1 >= n) throw BAIL;
      i = lt;
      const c1 = buf[i + 1];
      if (c1 === SLASH) {
        const gt = find(buf, GT, i);
        if (gt < 0 || gt - i > this.tokenCap) throw BAIL;
        this.close(i + 2, gt);
        i = gt + 1;
      } else if (c1 === BANG) {
        throw BAIL;
      } else if (c1 === QM) {
        const e = buf.indexOf('?>', i + 2, 'latin1');
        if (e < 0) throw BAIL;
        i = e + 2;
      } else {
        i = this.open(i);
      }
    }
    if (this.inCell || this.inSheetData) throw BAIL;
  }

  private close(a: number, gt: number): void {
    const buf = this.buf;
    let start = a;
    for (let k = a; k < gt; k++) {
      const c = buf[k];
      if (c <= 32) throw BAIL;
      if (c === COLON && start === a) start = k + 1;
    }
    const tag = tagOf(buf, start, gt);
    if (tag === Tag.Other) return;
    if (start !== a) throw BAIL;
    switch (tag) {
      case Tag.C:
        if (!this.inCell) throw BAIL;
        this.inCell = false;
        this.cells.put(this.cell);
        return;
      case Tag.SheetData:
        if (this.inCell) throw BAIL;
        this.inSheetData = false;
        return;
      case Tag.Is:
        this.inInline = false;
        return;
      case Tag.RPh:
        this.phonetic = Math.max(0, this.phonetic - 1);
        return;
      case Tag.Row:
        if (this.inCell) throw BAIL;
        return;
    }
    // a `</v>`, `</f>` or `</t>` not taken with its text: the generic reading ignores it too
  }

  /** An open tag at `i`; returns where reading goes on. */
  private open(i: number): number {
    const buf = this.buf;
    const gt = find(buf, GT, i);
    if (gt < 0 || gt - i > this.tokenCap) throw BAIL;
    let k = i + 1;
    let colon = -1;
    for (; k < gt; k++) {
      const c = buf[k];
      if (c <= 32 || c === SLASH || c === QUOT || c === APOS) break;
      if (c === COLON && colon < 0) colon = k;
    }
    const self = buf[gt - 1] === SLASH;
    const end = self ? gt - 1 : gt;
    if (k === i + 1 || (k !== end && buf[k] > 32)) throw BAIL;
    const tag = tagOf(buf, colon < 0 ? i + 1 : colon + 1, k);
    // An empty cell (`<c r="B1" s="1"/>`, most of a formatted sheet) holds nothing: looked at as any other tag.
    if (tag === Tag.Other || (tag === Tag.C && self && colon < 0 && this.inSheetData && !this.inCell)) {
      // As the generic scanner takes a tag without a second look: no `'` or `<`, quotes paired.
      let quotes = 0;
      for (let x = k; x < end; x++) {
        const c = buf[x];
        if (c === QUOT) quotes++;
        else if (c === APOS || c === LT) throw BAIL;
      }
      if (quotes & 1) throw BAIL;
      return gt + 1;
    }
    if (colon >= 0) throw BAIL;
    this.attributes(k, end);
    switch (tag) {
      case Tag.Row:
        if (this.inCell || !this.inSheetData || this.aR < 0) throw BAIL;
        this.checkRow();
        return gt + 1;
      case Tag.C:
        if (this.inCell || !this.inSheetData) throw BAIL;
        if (!self) this.startCell();
        return gt + 1;
      case Tag.V: {
        if (!this.inCell) throw BAIL;
        if (self) return gt + 1;
        if (this.cell.v !== null) throw BAIL;
        const q = this.closing(gt + 1, 118);
        if (q > gt + 1) this.value(gt + 1, q);
        return q + 4;
      }
      case Tag.F: {
        if (!this.inCell || this.fSeen) throw BAIL;
        this.fSeen = true;
        const c = this.cell;
        c.fType = this.aT < 0 ? undefined : this.attrText(this.aT, this.aTEnd);
        c.fShared = c.fType === 'shared';
        c.fSi = this.aSi < 0 ? undefined : this.attrText(this.aSi, this.aSiEnd);
        c.fMaster = this.aRef >= 0;
        if (self) return gt + 1;
        const q = this.closing(gt + 1, 102);
        if (q > gt + 1) c.f = this.text(gt + 1, q);
        return q + 4;
      }
      case Tag.Is:
        if (!this.inCell) throw BAIL;
        this.inInline = !self;
        return gt + 1;
      case Tag.T: {
        if (!this.inInline || this.phonetic > 0 || self) return gt + 1;
        const q = this.closing(gt + 1, 116);
        if (q > gt + 1) this.cell.v = (this.cell.v ?? '') + this.text(gt + 1, q);
        return q + 4;
      }
      case Tag.RPh:
        if (!self) this.phonetic++;
        return gt + 1;
      case Tag.SheetData:
        if (self) {
          this.inSheetData = false;
          return gt + 1;
        }
        if (this.sheetDataSeen || this.inCell) throw BAIL;
        this.sheetDataSeen = this.inSheetData = true;
        return gt + 1;
      case Tag.MergeCell:
        if (this.aRef >= 0 && this.aRefEnd > this.aRef) this.cells.addMerge(this.attrText(this.aRef, this.aRefEnd));
        return gt + 1;
    }
    return gt + 1;
  }

  /** Where `</x>` closes text begun at `from` (x one letter); nothing but text may come between. */
  private closing(from: number, letter: number): number {
    const buf = this.buf;
    const q = find(buf, LT, from);
    if (q < 0 || q - from > this.tokenCap || buf[q + 1] !== SLASH || buf[q + 2] !== letter || buf[q + 3] !== GT) throw BAIL;
    return q;
  }

  /**
   * The attributes of a tag in (k, end), strictly `name="value"` apart by white space (what the
   * generic scanner's quick look-up reads the same way); anything else goes to it.
   */
  private attributes(k: number, end: number): void {
    const buf = this.buf;
    this.aR = this.aT = this.aS = this.aSi = this.aRef = -1;
    let p = k;
    for (;;) {
      const before = p;
      while (p < end && buf[p] <= 32) p++;
      if (p >= end) return;
      if (p === before) throw BAIL;
      const nameStart = p;
      let last = -1;
      while (p < end && buf[p] > 32 && buf[p] !== EQ) {
        const c = buf[p];
        if (c === QUOT || c === APOS || c === LT || c === SLASH) throw BAIL;
        if (c === COLON) last = p;
        p++;
      }
      if (p + 1 >= end || buf[p] !== EQ || buf[p + 1] !== QUOT) throw BAIL;
      const local = last < 0 ? nameStart : last + 1;
      const nameEnd = p;
      const vStart = p + 2;
      const vEnd = find(buf, QUOT, vStart);
      if (vEnd < 0 || vEnd >= end) throw BAIL;
      for (let x = vStart; x < vEnd; x++) {
        const c = buf[x];
        if (c === APOS || c === LT || c === AMP) throw BAIL;
      }
      // A value ending in `x=` would let the generic look-up find `x="` inside it.
      if (vEnd > vStart && buf[vEnd - 1] === EQ) throw BAIL;
      const len = nameEnd - local;
      const c0 = buf[local];
      if (len === 1) {
        if (c0 === 114 && this.aR < 0) {
          this.aR = vStart;
          this.aREnd = vEnd;
        } else if (c0 === 116 && this.aT < 0) {
          this.aT = vStart;
          this.aTEnd = vEnd;
        } else if (c0 === 115 && this.aS < 0) {
          this.aS = vStart;
          this.aSEnd = vEnd;
        }
      } else if (len === 2 && c0 === 115 && buf[local + 1] === 105 && this.aSi < 0) {
        this.aSi = vStart;
        this.aSiEnd = vEnd;
      } else if (len === 3 && c0 === 114 && buf[local + 1] === 101 && buf[local + 2] === 102 && this.aRef < 0) {
        this.aRef = vStart;
        this.aRefEnd = vEnd;
      }
      p = vEnd + 1;
    }
  }

  private attrText(a: number, b: number): string {
    const buf = this.buf;
    if (b - a === 1) {
      const c = buf[a];
      if (c === 115) return 's';
      if (c === 110) return 'n';
      if (c === 98) return 'b';
      if (c === 101) return 'e';
    } else if (b - a === 3 && buf[a] === 115 && buf[a + 1] === 116 && buf[a + 2] === 114) return 'str';
    return buf.toString('utf8', a, b);
  }

  private text(a: number, b: number): string {
    const s = this.buf.toString('utf8', a, b);
    return has(this.buf, AMP, a, b) ? decodeXml(s, this.part) : s;
  }

  private checkRow(): void {
    const buf = this.buf;
    let n = 0;
    if (this.aREnd === this.aR) throw BAIL;
    for (let x = this.aR; x < this.aREnd; x++) {
      const c = buf[x];
      if (c < 48 || c > 57) throw BAIL;
      n = n * 10 + (c - 48);
      if (n > MAX_ROWS) throw BAIL;
    }
    if (n < 1) throw BAIL;
  }

  private startCell(): void {
    if (this.aR < 0) throw BAIL;
    const buf = this.buf;
    let col = 0;
    let x = this.aR;
    const end = this.aREnd;
    for (; x < end; x++) {
      const c = buf[x];
      if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
      else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
      else break;
      if (col > MAX_COLS) throw BAIL;
    }
    if (x === this.aR || x === end) throw BAIL;
    let row = 0;
    for (; x < end; x++) {
      const c = buf[x];
      if (c < 48 || c > 57) throw BAIL;
      row = row * 10 + (c - 48);
      if (row > MAX_ROWS) throw BAIL;
    }
    if (row === 0) throw BAIL;
    const cell = this.cell;
    cell.row = row - 1;
    cell.col = col - 1;
    cell.t = this.aT < 0 ? undefined : this.attrText(this.aT, this.aTEnd);
    cell.s = undefined;
    cell.style = undefined;
    if (this.wantStyle && this.aS >= 0) {
      let style = 0;
      for (let x = this.aS; x < this.aSEnd && style >= 0; x++) {
        const c = buf[x];
        style = c >= 48 && c <= 57 && style < 1e8 ? style * 10 + (c - 48) : -1;
      }
      if (style >= 0 && this.aSEnd > this.aS) cell.style = style;
      else cell.s = buf.toString('utf8', this.aS, this.aSEnd);
    }
    cell.v = null;
    cell.f = null;
    cell.fType = undefined;
    cell.fShared = false;
    cell.fMaster = false;
    cell.fSi = undefined;
    cell.num = undefined;
    this.fSeen = false;
    this.inInline = false;
    this.inCell = true;
  }

  private value(a: number, b: number): void {
    const cell = this.cell;
    const t = cell.t;
    const num = t === undefined || t === 'n' || t === 's' ? plainNumber(this.buf, a, b) : undefined;
    // A shared string's index is parseInt's reading: taken from the number only when whole.
    if (num !== undefined && (t !== 's' || Number.isInteger(num))) {
      cell.num = num;
      // Only whether the text is empty matters once the number is known (see RawCell.num).
      cell.v = NUMBER_TEXT;
      return;
    }
    cell.v = this.text(a, b);
  }
}

/** The text a cell's `v` stands for once its number is parsed: not empty, never shown. */
const NUMBER_TEXT = '0';
