import * as fs from 'fs';
import type { SheetGrid } from '../../core/read/grid';
import { LIMITS, sizeWords, WorkbookReadError, type ReadLimits } from './limits';
import { scanSharedStringsBytes, SharedStringsHandler } from './shared-strings';
import { scanSheetBytes } from './sheet-bytes';
import { SheetCells, type SheetContext } from './sheet-cells';
import { asNodeBuffer } from './bytes';
import { SheetHandler } from './sheet-xml';
import { attr, nodeDecode, XmlScanner, type Utf8Decode, type XmlHandler } from './xml-scan';
import { nodeInflate, ZipArchive, type RawInflate } from './zip';

/**
 * The streaming reader's entry: an .xlsx file into one sparse grid per worksheet, in the
 * workbook's sheet order, every part inflated and scanned once under the caps of limits.ts.
 */

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface StreamSheet {
  name: string;
  state: SheetState;
  grid: SheetGrid;
}

export interface StreamWorkbook {
  sheets: StreamSheet[];
}

/** The largest file read at all (the compressed size; the caps of limits.ts bound the rest). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/**
 * How the bytes are inflated and decoded: Node's zlib and buffer for the CLI; the task pane
 * passes JavaScript ones (src/taskpane/read-files.ts) so the same reader runs in a web view.
 */
export interface StreamCodecs {
  inflate: RawInflate;
  decode: Utf8Decode;
}

export const NODE_CODECS: StreamCodecs = { inflate: nodeInflate, decode: nodeDecode };

let decodeInUse: Utf8Decode = nodeDecode;

function scanPart(zip: ZipArchive, part: string, handler: XmlHandler): void {
  const scanner = new XmlScanner(part, handler, zip.limits, decodeInUse);
  zip.read(part, (chunk) => scanner.pushBytes(chunk));
  scanner.end();
}

/** Bytes of a part handed to the generic scanner at a time, so no string is ever the size of the part. */
const HAND_ON = 1024 * 1024;

/**
 * A worksheet already inflated: the byte scanner's reading, or (for what it leaves, see
 * sheet-bytes.ts) the generic scanner's over the same bytes, counted once against the caps.
 */
function readSheet(name: string, part: string, data: Uint8Array, ctx: SheetContext): { grid: SheetGrid; cells: number } {
  const cells = new SheetCells(name, ctx);
  const buf = asNodeBuffer(data);
  if (buf && scanSheetBytes(buf, part, cells, ctx.limits, ctx.dateStyles.length > 0)) return { grid: cells.grid(), cells: cells.cellCount };
  const h = new SheetHandler(name, part, ctx);
  scanBytes(part, data, h, ctx.limits);
  return { grid: h.grid(), cells: h.cellCount };
}

function scanBytes(part: string, data: Uint8Array, handler: XmlHandler, limits: ReadLimits): void {
  const scanner = new XmlScanner(part, handler, limits, decodeInUse);
  for (let at = 0; at < data.length; at += HAND_ON) scanner.pushBytes(data.subarray(at, Math.min(data.length, at + HAND_ON)));
  scanner.end();
}

interface Relationship {
  type: string;
  target: string;
}

function readRels(zip: ZipArchive, part: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  if (!zip.has(part)) return rels;
  scanPart(zip, part, {
    open(name, attrs) {
      if (name !== 'Relationship') return;
      const id = attr(attrs, 'Id', part);
      const target = attr(attrs, 'Target', part);
      if (id && target && attr(attrs, 'TargetMode', part) !== 'External') rels.set(id, { type: attr(attrs, 'Type', part) ?? '', target });
    },
    close() {},
    text() {},
  });
  return rels;
}

/** A relationship's target as a part name: relative to the source part's folder, or absolute. */
function resolve(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const p of target.replace(/^\/+/, '').split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

const relsOf = (part: string) => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

/** As ExcelJS decides a number format shows a date (so both readers give the same grid). */
function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Excel's built-in number formats that show dates or times (ExcelJS's table of defaults). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

function readDateStyles(part: string, data: Uint8Array, limits: ReadLimits): boolean[] {
  const custom = new Map<number, string>();
  const xfNumFmts: number[] = [];
  let inCellXfs = false;
  scanBytes(part, data, {
    open(name, attrs, selfClosing) {
      if (name === 'numFmt') {
        const id = Number(attr(attrs, 'numFmtId', part));
        custom.set(id, attr(attrs, 'formatCode', part) ?? '');
      } else if (name === 'cellXfs') inCellXfs = !selfClosing;
      else if (name === 'xf' && inCellXfs) xfNumFmts.push(Number(attr(attrs, 'numFmtId', part) ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  }, limits);
  // ExcelJS looks a custom code up first, then its built-in table, and ignores numFmtId 0.
  const dates = xfNumFmts.map((id) => id !== 0 && (custom.has(id) ? isDateFormat(custom.get(id)) : BUILT_IN_DATE_FORMATS.has(id)));
  // No style shows a date (a budget workbook's usual case): none is asked of any cell.
  return dates.includes(true) ? dates : [];
}

export function readXlsxBuffer(buf: Uint8Array, limits: ReadLimits = LIMITS, codecs: StreamCodecs = NODE_CODECS): StreamWorkbook {
  // one read at a time (the reader is synchronous), so the decoder can sit beside scanPart
  decodeInUse = codecs.decode;
  try {
    return readArchive(new ZipArchive(buf, limits, codecs.inflate), limits);
  } finally {
    decodeInUse = nodeDecode;
  }
}

/** What every sheet is read with, and the sheets to read, in the workbook's order. */
interface ArchivePlan {
  sheets: { name: string; state: SheetState; part: string }[];
  base: Omit<SheetContext, 'cellsBefore'>;
}

/**
 * The workbook's parts before its sheets: the sheet list, shared strings, date styles. Once the
 * shared strings and styles are inflated (and counted) and before they are scanned,
 * `partsBeforeSheets` is told the sheets, so the first can be inflated meanwhile with exactly
 * the room it has when read one by one.
 */
function planArchive(zip: ZipArchive, limits: ReadLimits, partsBeforeSheets?: (sheets: ArchivePlan['sheets']) => void): ArchivePlan {
  const officeDocument = [...readRels(zip, '_rels/.rels').values()].find((r) => r.type.endsWith('/officeDocument'));
  const workbookPart = officeDocument ? resolve('', officeDocument.target) : 'xl/workbook.xml';
  if (!zip.has(workbookPart)) throw new WorkbookReadError('不是 .xlsx 工作簿（压缩包中没有 xl/workbook.xml）');

  const declared: { name: string; state: SheetState; rid: string }[] = [];
  let date1904 = false;
  scanPart(zip, workbookPart, {
    open(name, attrs) {
      if (name === 'sheet') {
        if (declared.length >= limits.sheets) throw new WorkbookReadError(`工作簿的工作表超过 ${limits.sheets} 个，超出读取上限`);
        const state = attr(attrs, 'state', workbookPart);
        declared.push({
          name: attr(attrs, 'name', workbookPart) ?? '',
          state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
          rid: attr(attrs, 'id', workbookPart) ?? '',
        });
      } else if (name === 'workbookPr') {
        const d = attr(attrs, 'date1904', workbookPart);
        date1904 = d === '1' || d === 'true';
      }
    },
    close() {},
    text() {},
  });

  const rels = readRels(zip, relsOf(workbookPart));
  const sheets: ArchivePlan['sheets'] = [];
  for (const d of declared) {
    const rel = rels.get(d.rid);
    // Chart sheets and dialog sheets hold no cells; ExcelJS leaves them out too.
    if (!rel || !rel.type.endsWith('/worksheet')) continue;
    sheets.push({ name: d.name, state: d.state, part: resolve(workbookPart, rel.target) });
  }
  const relOfType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix));
  const sstRel = relOfType('/sharedStrings');
  const sstPart = sstRel ? resolve(workbookPart, sstRel.target) : undefined;
  const sstData = sstPart && zip.has(sstPart) ? zip.inflate(sstPart) : null;
  const stylesRel = relOfType('/styles');
  const stylesPart = stylesRel ? resolve(workbookPart, stylesRel.target) : undefined;
  const stylesData = stylesPart && zip.has(stylesPart) ? zip.inflate(stylesPart) : null;
  // Every part before the sheets is inflated and counted: the first sheet may begin now.
  partsBeforeSheets?.(sheets);
  let sharedStrings: readonly string[] = [];
  if (sstPart && sstData) {
    const buf = asNodeBuffer(sstData);
    const fast = buf ? scanSharedStringsBytes(buf, sstPart, limits) : null;
    if (fast) sharedStrings = fast;
    else {
      const h = new SharedStringsHandler(sstPart, limits);
      scanBytes(sstPart, sstData, h, limits);
      sharedStrings = h.strings;
    }
  }
  const dateStyles = stylesPart && stylesData ? readDateStyles(stylesPart, stylesData, limits) : [];
  const strings = sharedStrings;
  const sharedStringTable = { count: strings.length, get: (i: number) => strings[i] };
  return { sheets, base: { sharedStrings: sharedStringTable, dateStyles, date1904, limits } };
}

/** The sheets read one after another, as `plan` lists them, their cells counted against the caps. */
class SheetReading {
  readonly sheets: StreamSheet[] = [];
  private cellsBefore = 0;
  constructor(
    private readonly zip: ZipArchive,
    private readonly plan: ArchivePlan,
  ) {}

  /** The part of the next sheet, or a refusal when the file lacks it. */
  partOf(sheet: ArchivePlan['sheets'][number]): string {
    if (!this.zip.has(sheet.part)) throw new WorkbookReadError(`文件已损坏：工作表“${sheet.name}”的内容（${sheet.part}）缺失`);
    return sheet.part;
  }

  add(sheet: ArchivePlan['sheets'][number], data: Uint8Array): void {
    const read = readSheet(sheet.name, sheet.part, data, { ...this.plan.base, cellsBefore: this.cellsBefore });
    this.cellsBefore += read.cells;
    this.sheets.push({ name: sheet.name, state: sheet.state, grid: read.grid });
  }
}

function readArchive(zip: ZipArchive, limits: ReadLimits): StreamWorkbook {
  const plan = planArchive(zip, limits);
  const reading = new SheetReading(zip, plan);
  for (const sheet of plan.sheets) reading.add(sheet, zip.inflate(reading.partOf(sheet)));
  return { sheets: reading.sheets };
}

/**
 * `readArchive` with each sheet's part inflated on Node's thread pool while the sheet before
 * it is scanned: zlib's share of the time is taken off this thread. Parts are begun in order,
 * each once the last has ended, so the caps count exactly as they do read one by one.
 */
/**
 * The compressed size from which a sheet is inflated on the thread pool: 200 small unit
 * workbooks (sheets of 1–3 KB) read in 180 ms one by one against 340–390 ms ahead, while the
 * 100-unit workbook's sheets (about 400 KB each) read in 178 ms ahead against 246 ms.
 */
export const AHEAD_FROM_BYTES = 32 * 1024;

async function readArchiveAhead(zip: ZipArchive, limits: ReadLimits, aheadFrom: number): Promise<StreamWorkbook> {
  let listed: ArchivePlan['sheets'] = [];
  const ahead = (k: number): Promise<Uint8Array> | null => {
    const sheet = listed[k];
    // A missing part is refused when its turn comes, after the sheets before it; a small one is
    // inflated in its turn too: the thread pool's round trip costs more than inflating it here.
    if (!sheet || !zip.has(sheet.part) || zip.compressedSize(sheet.part) < aheadFrom) return null;
    const p = zip.inflateAsync(sheet.part);
    // Its failure is told when awaited; until then it must not count as unhandled.
    p.catch(() => undefined);
    return p;
  };
  let next: Promise<Uint8Array> | null = null;
  // The first sheet inflates while the shared strings and styles are scanned.
  const plan = planArchive(zip, limits, (sheets) => {
    listed = sheets;
    next = ahead(0);
  });
  const reading = new SheetReading(zip, plan);
  for (let k = 0; k < plan.sheets.length; k++) {
    const sheet = plan.sheets[k];
    const data = next ? await next : zip.inflate(reading.partOf(sheet));
    next = ahead(k + 1);
    reading.add(sheet, data);
  }
  return { sheets: reading.sheets };
}

function fileBytes(path: string): Buffer {
  const size = fs.statSync(path).size;
  if (size > MAX_FILE_BYTES) throw new WorkbookReadError(`文件过大（${sizeWords(size)}，上限 ${sizeWords(MAX_FILE_BYTES)}）`);
  return fs.readFileSync(path);
}

export function readXlsxFile(path: string, limits: ReadLimits = LIMITS): StreamWorkbook {
  return readXlsxBuffer(fileBytes(path), limits);
}

/** `readXlsxBuffer` with Node's codecs and the sheets inflated on its thread pool, each while the one before is scanned. */
export async function readXlsxBufferAhead(buf: Uint8Array, limits: ReadLimits = LIMITS, aheadFrom = AHEAD_FROM_BYTES): Promise<StreamWorkbook> {
  return readArchiveAhead(new ZipArchive(buf, limits), limits, aheadFrom);
}

/** `readXlsxFile`, the sheets inflated ahead (readXlsxBufferAhead): what `check` reads with. */
export async function readXlsxFileAhead(path: string, limits: ReadLimits = LIMITS): Promise<StreamWorkbook> {
  return readXlsxBufferAhead(fileBytes(path), limits);
}
