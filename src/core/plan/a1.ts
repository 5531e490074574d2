/** A1 addresses; rows and columns are 1-based. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function address(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function rangeAddress(r1: number, c1: number, r2: number, c2: number): string {
  return r1 === r2 && c1 === c2 ? address(r1, c1) : `${address(r1, c1)}:${address(r2, c2)}`;
}

export function parseAddress(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`not an A1 address: ${a1}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

export function parseRange(a1: string): { r1: number; c1: number; r2: number; c2: number } {
  const [a, b] = a1.split(':');
  const p = parseAddress(a);
  const q = b ? parseAddress(b) : p;
  return { r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) };
}

/** Quote a sheet name for use in a reference: `'单位收入总表'!A1`. */
export function sheetRef(sheetName: string, a1: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${a1}`;
}
