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
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export const jsDecode: Utf8Decode = (bytes) => {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
};

export const BROWSER_CODECS: StreamCodecs = { inflate: jsInflate, decode: jsDecode };

/** An .xlsx file's bytes into the model, as `readWorkbookFile` reads a path. */
export function readWorkbookBytes(bytes: Uint8Array, catalog?: Catalog, limits: ReadLimits = LIMITS): WorkbookFileRead {
  if (bytes.length > MAX_FILE_BYTES) throw new WorkbookReadError(`文件过大（${sizeWords(bytes.length)}，上限 ${sizeWords(MAX_FILE_BYTES)}）`);
  const grids = readXlsxBuffer(bytes, limits, BROWSER_CODECS).sheets.map((s) => s.grid);
  return readGridsWithCatalog(grids, catalog);
}
