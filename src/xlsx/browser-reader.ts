import { Inflate } from 'fflate';
import type { Catalog } from '../core/catalog/catalog';
import { readGridsWithCatalog, type WorkbookFileRead } from './reader';
import { LIMITS, sizeWords, WorkbookReadError, type ReadLimits } from './stream/limits';
import { MAX_FILE_BYTES, readXlsxBuffer, type StreamCodecs } from './stream/workbook';
import type { Utf8Decode } from './stream/xml-scan';
import { InflateTooLarge, type RawInflate } from './stream/zip';

/**
 * The streaming reader in a web view (the task pane reading workbooks the clerk picks): the
 * same zip walk, XML scan and caps as the CLI's, with fflate inflating and `TextDecoder`
 * decoding instead of Node's zlib and buffer. Loaded on demand, in its own chunk.
 */

/** Compressed bytes handed to the inflater at a time, so a bomb stops within a slice of its cap. */
const SLICE = 64 * 1024;

export const jsInflate: RawInflate = (data, maxOutputLength) => {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > maxOutputLength) throw new InflateTooLarge();
    chunks.push(chunk);
  });
  if (data.length === 0) inflater.push(data, true);
  for (let at = 0; at < data.length; at += SLICE) inflater.push(data.subarray(at, Math.min(data.length, at + SLICE)), at + SLICE >= data.length);
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

// ignoreBOM keeps a byte-order mark as Node's decoder does, so both readers give the same text
const utf8 = typeof TextDecoder !== 'undefined' ? new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }) : null;

export const jsDecode: Utf8Decode = (bytes) => {
  if (!utf8) return strictUtf8(bytes);
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
};

/**
 * UTF-8 to text for a web view without TextDecoder (Office's EdgeHTML 18), as strict as
 * `fatal: true`: a truncated, overlong or surrogate sequence gives null, never a replacement.
 */
export function strictUtf8(bytes: Uint8Array): string | null {
  const units: number[] = [];
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    let cp: number;
    let need: number;
    if (b < 0x80) [cp, need] = [b, 0];
    else if (b >= 0xc2 && b < 0xe0) [cp, need] = [b & 0x1f, 1];
    else if (b >= 0xe0 && b < 0xf0) [cp, need] = [b & 0x0f, 2];
    else if (b >= 0xf0 && b < 0xf5) [cp, need] = [b & 0x07, 3];
    else return null;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (c & 0x3f);
    }
    if ((need === 2 && (cp < 0x800 || (cp >= 0xd800 && cp < 0xe000))) || (need === 3 && (cp < 0x10000 || cp > 0x10ffff))) return null;
    if (cp >= 0x10000) units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    else units.push(cp);
    i += need + 1;
    if (units.length >= 8192) parts.push(String.fromCharCode(...units.splice(0)));
  }
  parts.push(String.fromCharCode(...units));
  return parts.join('');
}

export const BROWSER_CODECS: StreamCodecs = { inflate: jsInflate, decode: jsDecode };

/** An .xlsx file's bytes into the model, as `readWorkbookFile` reads a path. */
export function readWorkbookBytes(bytes: Uint8Array, catalog?: Catalog, limits: ReadLimits = LIMITS): WorkbookFileRead {
  if (bytes.length > MAX_FILE_BYTES) throw new WorkbookReadError(`文件过大（${sizeWords(bytes.length)}，上限 ${sizeWords(MAX_FILE_BYTES)}）`);
  const grids = readXlsxBuffer(bytes, limits, BROWSER_CODECS).sheets.map((s) => s.grid);
  return readGridsWithCatalog(grids, catalog);
}
