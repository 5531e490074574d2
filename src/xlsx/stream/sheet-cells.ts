import type { GridValue, SheetGrid } from '../../core/read/grid';
import { parseCellRef, slideFormula } from './cell-ref';
import { countWords, WorkbookReadError, type ReadLimits } from './limits';

/** What a sheet's cells need from the rest of the workbook. */
export interface SheetContext {
  sharedStrings: SharedStringTable;
  /** per style index (`s`): does its number format show a date? */
  dateStyles: readonly boolean[];
  date1904: boolean;
  /** cells stored so far in earlier sheets, against the workbook's cap */
  cellsBefore: number;
  limits: ReadLimits;
}

/** The shared strings by index; a table may decode each one only when a cell asks for it. */
export interface SharedStringTable {
  readonly count: number;
  get(index: number): string | undefined;
}

/** An Excel serial day as ExcelJS turns it into a date, then as the grid shows it (yyyy-mm-dd). */
function serialDate(v: number, date1904: boolean): string {
  const ms = Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(v) : d.toISOString().slice(0, 10);
}

/** One cell as the sheet XML gave it, before it becomes a grid value. */
export interface RawCell {
  row: number;
  col: number;
  /** the `t` attribute */
  t: string | undefined;
  /** the `s` attribute (a style index) */
  s: string | undefined;
  /** the style index already parsed from `s` (by the byte scanner), else undefined */
  style?: number;
  v: string | null;
  /** formula text without `=` */
  f: string | null;
  fType: string | undefined;
  fShared: boolean;
  /** the `<f>` has a `ref` (a shared formula's master) */
  fMaster: boolean;
  fSi: string | undefined;
  /**
   * The number in `v`, when the byte scanner has parsed it (exactly as parseFloat would; for a
   * shared string's index, only a whole number): then `v` is only a non-empty stand-in.
   */
  num?: number;
}

/**
 * The cells of one worksheet as they are read, into a sparse grid: a row exists only where
 * a cell holds a value or a formula, and a cell only where it holds one. Values follow
 * ExcelJS's reading (shared and inline strings as plain text, numbers, booleans, `{ error }`,
 * a formula's cached result, date-formatted numbers as yyyy-mm-dd); shared formulas are
 * expanded per cell; merged cells other than the anchor are emptied. Both scanners of a
 * sheet's XML (sheet-xml.ts, sheet-bytes.ts) put their cells here, so both read alike.
 */
export class SheetCells {
  readonly values: GridValue[][] = [];
  readonly formulas: (string | null)[][] = [];
  /** 0-based indices of the rows stored, in the order first met */
  private readonly rowOrder: number[] = [];
  private readonly merges: string[] = [];
  private cells = 0;
  private readonly masters = new Map<string, { formula: string; row: number; col: number }>();

  constructor(
    readonly name: string,
    readonly ctx: SheetContext,
  ) {}

  private number(c: RawCell, v: string): GridValue {
    const n = c.num ?? parseFloat(v);
    if (this.ctx.dateStyles.length === 0) return n;
    const style = c.style ?? (c.s === undefined ? undefined : parseInt(c.s, 10));
    if (style === undefined || this.ctx.dateStyles[style] !== true) return n;
    return serialDate(n, this.ctx.date1904);
  }

  put(c: RawCell): void {
    let value: GridValue = null;
    let formula: string | null = null;
    const v = c.v;
    // As ExcelJS: a formula cell is one with formula text or a typed <f> (shared, array, …).
    if ((c.f !== null && c.f !== '') || c.fType !== undefined) {
      if (c.f !== null && c.f !== '') {
        formula = '=' + c.f;
        if (c.fShared && c.fMaster && c.fSi !== undefined) this.masters.set(c.fSi, { formula: c.f, row: c.row, col: c.col });
      } else if (c.fShared && c.fSi !== undefined) {
        const m = this.masters.get(c.fSi);
        if (m) formula = '=' + slideFormula(m.formula, m, { row: c.row, col: c.col });
      }
      if (v) {
        if (c.t === 'str') value = v;
        else if (c.t === 'b') value = parseInt(v, 10) !== 0;
        else if (c.t === 'e') value = { error: v };
        else value = this.number(c, v);
        // ExcelJS drops a falsy cached result (0, false, ''), so a formula showing 0 reads as
        // blank; the grid keeps that reading so check's findings do not change with the reader
        // (a blank amount means zero to every rule in any case).
        if (value === 0 || value === false || value === '' || (typeof value === 'number' && Number.isNaN(value))) value = null;
      }
    } else if (v !== null) {
      switch (c.t) {
        case 's':
          value = this.ctx.sharedStrings.get(c.num ?? parseInt(v, 10)) ?? null;
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
          value = this.number(c, v);
      }
    }
    if (value === null && formula === null) return;
    if (++this.cells > this.ctx.limits.cellsPerSheet) {
      throw new WorkbookReadError(`工作表“${this.name}”超过 ${countWords(this.ctx.limits.cellsPerSheet)}个单元格，超出读取上限`);
    }
    if (this.cells + this.ctx.cellsBefore > this.ctx.limits.cellsTotal) {
      throw new WorkbookReadError(`工作簿超过 ${countWords(this.ctx.limits.cellsTotal)}个单元格，超出读取上限`);
    }
    let vr = this.values[c.row];
    if (vr === undefined) {
      vr = this.values[c.row] = [];
      this.rowOrder.push(c.row);
    }
    if (value !== null) vr[c.col] = value;
    if (formula !== null) (this.formulas[c.row] ??= [])[c.col] = formula;
  }

  addMerge(ref: string): void {
    if (this.merges.length >= this.ctx.limits.mergesPerSheet) {
      throw new WorkbookReadError(`工作表“${this.name}”的合并单元格超过 ${countWords(this.ctx.limits.mergesPerSheet)}处，超出读取上限`);
    }
    this.merges.push(ref);
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
    // Rows come in order in every sheet a writer makes: sorted only when they do not.
    let ascending = true;
    for (let k = 1; k < this.rowOrder.length && ascending; k++) ascending = this.rowOrder[k] > this.rowOrder[k - 1];
    const rows = ascending ? this.rowOrder : [...new Set(this.rowOrder)].sort((a, b) => a - b);
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
