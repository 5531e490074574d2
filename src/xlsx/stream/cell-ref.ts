/** A1 references as the sheet XML writes them, and the shared-formula slide ExcelJS applies. */

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** `AB12` → 0-based row and column; null when it is not a cell of an Excel sheet. */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  const n = ref.length;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    if (col > MAX_COLS) return null;
  }
  if (i === 0 || i === n) return null;
  let row = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
    if (row > MAX_ROWS) return null;
  }
  if (row === 0) return null;
  return { row: row - 1, col: col - 1 };
}

export function columnName(col0: number): string {
  let s = '';
  for (let n = col0 + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/**
 * The master's formula moved from its cell to another, relative references shifted: the
 * same tokens and rules as ExcelJS's `slideFormula`, so both readers give the same text;
 * a reference shifted off the sheet becomes `#REF!` where ExcelJS would throw.
 */
export function slideFormula(formula: string, from: { row: number; col: number }, to: { row: number; col: number }): string {
  return formula.replace(CANDIDATE, (whole: string, sheet: string | undefined, _s: string, addr: string, paren: string | undefined) => {
    if (paren) return whole;
    const m = CELL.exec(addr);
    if (!m) return whole;
    const colStr = m[2].toUpperCase();
    if (colStr.length > 3 || (colStr.length === 3 && colStr > 'XFD')) return whole;
    let col = 0;
    for (const ch of colStr) col = col * 26 + (ch.charCodeAt(0) - 64);
    let row = parseInt(m[4], 10);
    if (!m[1]) col += to.col - from.col;
    if (!m[3]) row += to.row - from.row;
    if (col < 1 || col > MAX_COLS || row < 1 || row > MAX_ROWS) return (sheet || '') + '#REF!';
    return (sheet || '') + (m[1] || '') + columnName(col - 1) + (m[3] || '') + row;
  });
}
