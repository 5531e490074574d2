/**
 * What the streaming reader accepts. Every cap is checked while the file is being inflated
 * and scanned, so a bomb stops at the cap rather than after filling memory. The README's
 * "读取上限" section states the same figures; keep both in step.
 */
export interface ReadLimits {
  /** uncompressed bytes of any one part (a sheet's XML, the shared strings, …) */
  partBytes: number;
  /** uncompressed bytes of all parts read, together */
  totalBytes: number;
  /** cells holding a value or a formula in one sheet */
  cellsPerSheet: number;
  /** cells holding a value or a formula in all sheets */
  cellsTotal: number;
  sheets: number;
  sharedStrings: number;
  /** merged ranges in one sheet */
  mergesPerSheet: number;
  /** rows visited while emptying merged cells, all merges of a sheet together (ordinary sheets: thousands) */
  mergeRowVisits: number;
  /** entries in the zip's central directory */
  zipEntries: number;
  /** characters of one XML tag, text run or comment (Excel's own cell limit is 32,767) */
  tokenChars: number;
}

export const LIMITS: ReadLimits = {
  partBytes: 128 * 1024 * 1024,
  totalBytes: 512 * 1024 * 1024,
  cellsPerSheet: 2_000_000,
  cellsTotal: 4_000_000,
  sheets: 1000,
  sharedStrings: 1_000_000,
  mergesPerSheet: 50_000,
  mergeRowVisits: 20_000_000,
  zipEntries: 20_000,
  tokenChars: 4 * 1024 * 1024,
};

/** A file the reader refuses, with one line of Chinese saying which limit or problem. */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

/** Figures as a clerk reads them, the counter word following directly: `200 万个`, `20 个`; `128 MB`. */
export function countWords(n: number): string {
  return n >= 10_000 && n % 10_000 === 0 ? `${n / 10_000} 万` : `${n} `;
}

export function sizeWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}
