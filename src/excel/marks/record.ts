/**
 * The record of what the marks covered, kept in custom XML parts (ExcelApi 1.5) of the
 * workbook: out of the clerk's sight, under our own namespace, so no sheet of the clerk's can be
 * taken for it and no sheet of ours is left in the workbook. Pure: no Office.
 *
 * A part holds JSON made ASCII (every other character as `\uXXXX`), so nothing in a comment
 * can make the XML invalid; a record is split over parts of at most `PART_BYTES`, so each part
 * travels in a request well under Excel's limit.
 */

/** The namespace of our parts: what recognises them as ours. */
export const MARKS_NAMESPACE = 'urn:budget-tables:marks:1';

/** Bytes of XML per part at most. */
export const PART_BYTES = 200_000;

/** What a fill reads as: `none`, a solid `#RRGGBB`, or `complex` (a pattern the marks cannot put back). */
export type FillState = string;
export const NO_FILL = 'none';
export const COMPLEX_FILL = 'complex';

/** One marked cell. */
export interface MarkRecord {
  /** Worksheet.id: kept across renames */
  sheetId: string;
  /** the sheet's name when it was marked: only to find it on a host that gave it a new id */
  sheetName: string;
  /** A1 */
  cell: string;
  /** the fill before the mark: `none` or `#RRGGBB` */
  fill: FillState;
  /** the fill the mark wrote; null when the mark left the fill alone */
  markFill: string | null;
  /** the comment the mark added; null when it added none */
  comment: string | null;
}

type Row = [string, string, string, string, string | null, string | null];

function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const xmlUnescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** A part from rows already encoded (`asciiJson` of each, XML-escaped): `[row,row,…]`. */
function part(generation: number, rows: string[]): string {
  return `<marks xmlns="${MARKS_NAMESPACE}" generation="${generation}">[${rows.join(',')}]</marks>`;
}

/** The record as the XML of one or more parts, each at most `maxBytes`. No records, no parts. */
export function encodeRecords(records: readonly MarkRecord[], generation: number, maxBytes = PART_BYTES): string[] {
  const out: string[] = [];
  const empty = part(generation, []).length;
  let rows: string[] = [];
  let size = empty;
  for (const r of records) {
    const row: Row = [r.sheetId, r.sheetName, r.cell, r.fill, r.markFill, r.comment];
    // ASCII only, so its length is its size in bytes.
    const text = xmlEscape(asciiJson(row));
    if (rows.length > 0 && size + text.length + 1 > maxBytes) {
      out.push(part(generation, rows));
      rows = [];
      size = empty;
    }
    rows.push(text);
    size += text.length + 1;
  }
  if (rows.length > 0) out.push(part(generation, rows));
  return out;
}

export interface DecodedPart {
  generation: number;
  records: MarkRecord[];
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** One part's records; a part that is not ours or not readable gives none. */
export function decodePart(xml: string): DecodedPart | null {
  const m = /^\s*(?:<\?xml[^>]*\?>\s*)?<marks\s+xmlns="([^"]*)"\s+generation="(\d+)"\s*>([^<]*)<\/marks>\s*$/.exec(xml);
  if (!m || m[1] !== MARKS_NAMESPACE) return null;
  let rows: unknown;
  try {
    rows = JSON.parse(xmlUnescape(m[3]));
  } catch {
    return null;
  }
  if (!Array.isArray(rows)) return null;
  const records: MarkRecord[] = [];
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    const [sheetId, sheetName, cell, fill] = row.slice(0, 4).map(str);
    if (!sheetId || sheetName === null || !cell || !/^[A-Z]{1,3}[1-9]\d*$/.test(cell) || !fill) continue;
    records.push({ sheetId, sheetName, cell, fill, markFill: str(row[4]), comment: str(row[5]) });
  }
  return { generation: Number(m[2]), records };
}

/**
 * The records of every part: parts left by a run that stopped part-way are read too (a
 * record of a newer generation wins for its cell), so an original kept anywhere is found.
 */
export function mergeParts(parts: readonly DecodedPart[]): { records: MarkRecord[]; generation: number } {
  const byCell = new Map<string, MarkRecord>();
  const sorted = [...parts].sort((a, b) => a.generation - b.generation);
  for (const p of sorted) for (const r of p.records) byCell.set(`${r.sheetId}\u0000${r.cell}`, r);
  return { records: [...byCell.values()], generation: sorted.length > 0 ? sorted[sorted.length - 1].generation : 0 };
}
