import { normalizeCode } from '../codes';
import { toHalfWidth } from '../money';
import type { EditionName } from './catalog';

/**
 * The catalog sheet a clerk pastes the official 《政府收支分类科目》 list into.
 *
 * Sheet name: `科目目录`. Header row (within the first 10 rows) naming the columns:
 *   科目编码 | 科目名称 | 起始年度 | 截止年度
 * The years are optional (blank: the name holds for every year). The code may be in any form
 * the product reads (`2040201`, `204 02 01`, `204-02-01`), or split over three columns headed
 * 类 | 款 | 项. A list pasted without headers, one `2040201 行政运行` per cell of column A, is read too.
 */
export const CATALOG_SHEET_NAME = '科目目录';
export const CATALOG_SHEET_HEADERS = ['科目编码', '科目名称', '起始年度', '截止年度'] as const;

export interface CatalogSheetProblem {
  row: number; // 1-based
  message: string;
}

export interface CatalogSheetResult {
  entries: EditionName[];
  problems: CatalogSheetProblem[];
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : toHalfWidth(String(v)).trim());

function findHeader(rows: unknown[][]): { row: number; cols: Record<string, number> } | null {
  for (let r = 0; r < Math.min(rows.length, 10); r++) {
    const cols: Record<string, number> = {};
    (rows[r] ?? []).forEach((cell, c) => {
      const t = text(cell).replace(/\s/g, '');
      if (/编码|代码/.test(t)) cols.code ??= c;
      else if (/名称/.test(t)) cols.name ??= c;
      else if (/起始|开始|自/.test(t)) cols.from ??= c;
      else if (/截止|结束|至/.test(t)) cols.to ??= c;
      else if (t === '类') cols.lei ??= c;
      else if (t === '款') cols.kuan ??= c;
      else if (t === '项') cols.xiang ??= c;
    });
    if (cols.name !== undefined && (cols.code !== undefined || cols.lei !== undefined)) return { row: r, cols };
  }
  return null;
}

function parseYear(v: unknown, row: number, label: string, problems: CatalogSheetProblem[]): number | undefined {
  const t = text(v).replace(/年$/, '');
  if (t === '') return undefined;
  if (/^\d{4}$/.test(t)) return Number(t);
  problems.push({ row, message: `${label}“${text(v)}”应为四位年份，如 2026` });
  return undefined;
}

export function parseCatalogSheet(rows: unknown[][]): CatalogSheetResult {
  const entries: EditionName[] = [];
  const problems: CatalogSheetProblem[] = [];
  const header = findHeader(rows);
  if (!header) {
    rows.forEach((r, i) => {
      const t = text(r?.[0]);
      if (t === '') return;
      const m = /^([\d\s\-.]+?)\s*[:：]?\s*([^\d\s\-.:：].*)$/.exec(t);
      if (!m) {
        problems.push({ row: i + 1, message: `第${i + 1}行“${t}”应为“编码 名称”，如“2040201 行政运行”` });
        return;
      }
      const n = normalizeCode(m[1]);
      if (!n.ok) problems.push({ row: i + 1, message: `第${i + 1}行：${n.reason}` });
      else entries.push({ code: n.code, name: m[2].trim() });
    });
    return { entries, problems };
  }
  const { cols } = header;
  for (let r = header.row + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const rawCode = cols.code !== undefined ? row[cols.code] : [row[cols.lei!], row[cols.kuan ?? -1], row[cols.xiang ?? -1]];
    const name = text(row[cols.name]);
    const codeBlank = Array.isArray(rawCode) ? rawCode.every((p) => text(p) === '') : text(rawCode) === '';
    if (codeBlank && name === '') continue;
    const line = r + 1;
    const n = normalizeCode(rawCode);
    if (!n.ok) {
      problems.push({ row: line, message: `第${line}行：${n.reason}` });
      continue;
    }
    if (name === '') {
      problems.push({ row: line, message: `第${line}行：编码 ${n.code} 缺少科目名称` });
      continue;
    }
    const from = cols.from !== undefined ? parseYear(row[cols.from], line, `第${line}行起始年度`, problems) : undefined;
    const to = cols.to !== undefined ? parseYear(row[cols.to], line, `第${line}行截止年度`, problems) : undefined;
    // years set only when given (no spread of empty objects: a pasted catalog has thousands of rows)
    const entry: EditionName = { code: n.code, name };
    if (from !== undefined) entry.from = from;
    if (to !== undefined) entry.to = to;
    entries.push(entry);
  }
  return { entries, problems };
}
