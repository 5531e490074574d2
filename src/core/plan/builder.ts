import { address, rangeAddress } from './a1';
import type { CellStyle, CellValue, HelperSheetPlan, NamePlan, SheetPlan, StyledRange, ValidationPlan } from './types';

const TITLE_STYLE: CellStyle = { bold: true, fontSize: 16, hAlign: 'center', vAlign: 'center' };

/** Accumulates a sheet plan cell by cell; `build` returns the dense grid. */
export class PlanBuilder {
  private readonly grid: CellValue[][] = [];
  readonly merges: string[] = [];
  readonly styles: StyledRange[] = [];
  readonly validations: ValidationPlan[] = [];
  readonly names: NamePlan[] = [];
  readonly rowHeights: Record<number, number> = {};
  /** cached results of formula cells, by A1 address */
  readonly results: Record<string, number> = {};
  /** cached text results of formula cells, by A1 address */
  readonly textResults: Record<string, string> = {};
  private readonly helperSheets = new Map<string, HelperSheetPlan>();
  readonly helpers = {
    push: (h: HelperSheetPlan): void => void this.helperSheets.set(h.name, h),
  };

  set(row: number, col: number, value: CellValue): void {
    while (this.grid.length < row) this.grid.push([]);
    const r = this.grid[row - 1];
    while (r.length < col) r.push(null);
    r[col - 1] = value;
  }

  get(row: number, col: number): CellValue {
    return this.grid[row - 1]?.[col - 1] ?? null;
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    if (r1 === r2 && c1 === c2) return;
    this.merges.push(rangeAddress(r1, c1, r2, c2));
  }

  style(r1: number, c1: number, r2: number, c2: number, style: CellStyle): void {
    if (r2 < r1 || c2 < c1) return;
    this.styles.push({ range: rangeAddress(r1, c1, r2, c2), style });
  }

  /** The sheet's title as every official table and form prints it: row 1, across `width` columns, 16 pt bold, centred. */
  title(value: CellValue, width: number): void {
    this.set(1, 1, value);
    this.merge(1, 1, 1, width);
    this.style(1, 1, 1, width, TITLE_STYLE);
    this.rowHeights[1] = 30;
  }

  /**
   * Writes a header grid at (row, col) and merges it the way the official forms do: each
   * label spans the largest rectangle of equal labels, so `合计` over two header rows is one
   * cell and `基本支出` spans `人员经费 | 公用经费`.
   */
  header(row: number, col: number, labels: string[][]): void {
    const h = labels.length;
    const w = labels[0]?.length ?? 0;
    const seen = labels.map((r) => r.map(() => false));
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        if (seen[r][c]) continue;
        const label = labels[r][c];
        let cw = 1;
        while (c + cw < w && !seen[r][c + cw] && labels[r][c + cw] === label) cw++;
        let ch = 1;
        while (r + ch < h && labels[r + ch].slice(c, c + cw).every((l, i) => l === label && !seen[r + ch][c + i])) ch++;
        for (let i = 0; i < ch; i++) for (let j = 0; j < cw; j++) seen[r + i][c + j] = true;
        this.set(row + r, col + c, label);
        this.merge(row + r, col + c, row + r + ch - 1, col + c + cw - 1);
      }
    }
  }

  cells(width: number): CellValue[][] {
    return this.grid.map((r) => {
      const out = r.slice(0, width);
      while (out.length < width) out.push(null);
      return out;
    });
  }

  get height(): number {
    return this.grid.length;
  }

  finish(base: Omit<SheetPlan, 'cells' | 'merges' | 'styles' | 'validations' | 'names' | 'rowHeights' | 'results' | 'helpers' | 'textResults'>, width: number): SheetPlan {
    return {
      ...(this.helperSheets.size > 0 ? { helpers: [...this.helperSheets.values()] } : {}),
      ...(Object.keys(this.textResults).length > 0 ? { textResults: this.textResults } : {}),
      ...base,
      cells: this.cells(width),
      merges: this.merges,
      styles: this.styles,
      validations: this.validations,
      names: this.names,
      rowHeights: this.rowHeights,
      results: this.results,
    };
  }
}

export { address };
