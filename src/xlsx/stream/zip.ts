import { inflateRaw, inflateRawSync } from 'zlib';
import { LIMITS, sizeWords, WorkbookReadError, type ReadLimits } from './limits';

/**
 * Inflates a raw DEFLATE part, stopping with `InflateTooLarge` once the output passes
 * `maxOutputLength`. Node's zlib by default; the task pane passes a JavaScript one
 * (src/taskpane/read-files.ts), where this module's `zlib` import is an empty stub.
 */
export type RawInflate = (data: Uint8Array, maxOutputLength: number, sizeHint?: number) => Uint8Array;

/** The inflater's output passed its cap. */
export class InflateTooLarge extends Error {}

/** One chunk of the size expected: a true hint ends in one chunk, which zlib returns uncopied. */
function zlibOptions(maxOutputLength: number, sizeHint?: number): { maxOutputLength: number; chunkSize?: number } {
  if (sizeHint === undefined) return { maxOutputLength };
  return { maxOutputLength, chunkSize: Math.max(64, Math.min(sizeHint, maxOutputLength, 64 * 1024 * 1024)) };
}

export const nodeInflate: RawInflate = (data, maxOutputLength, sizeHint) => {
  try {
    return inflateRawSync(data, zlibOptions(maxOutputLength, sizeHint));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateTooLarge();
    throw err;
  }
};

/**
 * Node's zlib on its thread pool: the part is inflated while this thread goes on (the CLI
 * scans one sheet while the next is inflated). Same caps and errors as nodeInflate.
 */
export function nodeInflateAsync(data: Uint8Array, maxOutputLength: number, sizeHint?: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    inflateRaw(data, zlibOptions(maxOutputLength, sizeHint), (err, out) => {
      if (!err) resolve(out);
      else reject((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? new InflateTooLarge() : err);
    });
  });
}

// Little-endian fields read straight from the bytes (a Uint8Array in the pane, a Buffer in Node).
const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 0x100000000;

/** A part's name: UTF-8 when the entry says so, else one byte a character (a web view without TextDecoder reads it so too). */
function partName(bytes: Uint8Array, utf8: boolean): string {
  if (utf8 && typeof TextDecoder !== 'undefined') return new TextDecoder('utf-8').decode(bytes);
  let name = '';
  for (const byte of bytes) name += String.fromCharCode(byte);
  return name;
}

/**
 * The zip container of an .xlsx, read from its central directory (the sizes it claims are
 * never trusted: inflating a part stops as soon as it passes a cap). Node's own zlib inflates
 * (several times faster than a JavaScript inflater here); this module walks the directory,
 * which a streaming unzip would read from local headers instead, where sizes lie more easily.
 */

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** what the directory claims: only a hint for the output buffer's size, never trusted */
  size: number;
  localHeader: number;
}

/** Deflate cannot expand more than about 1,032 to 1: a claimed size beyond that is a lie. */
const MAX_RATIO = 1032;

/** Bytes of a stored part handed on at a time. */
const SLICE = 64 * 1024;
/** Bytes of an inflated part handed to the scanner at a time, so no string is ever the size of the part. */
const HAND_ON = 1024 * 1024;

interface InflateJob {
  entry: ZipEntry;
  /** the compressed bytes (a stored part's own) */
  data: Uint8Array;
  stored?: Uint8Array;
  partRoom: number;
  totalRoom: number;
  /** the most output allowed, plus one byte (so passing it shows) */
  room: number;
  sizeHint: number;
  /** output counted so far against the part's cap */
  partBytes: number;
}

export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();
  /** Uncompressed bytes read so far from all parts, against the total cap. */
  private inflated = 0;

  constructor(
    private readonly buf: Uint8Array,
    readonly limits: ReadLimits = LIMITS,
    private readonly inflater: RawInflate = nodeInflate,
  ) {
    this.readDirectory();
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** A part's bytes in the file (what is there, not what the directory claims it inflates to). */
  compressedSize(name: string): number {
    return this.entries.get(name.toLowerCase())?.compressedSize ?? 0;
  }

  /**
   * Inflates one part and hands its bytes on in chunks; throws as soon as the part or all
   * parts together pass their cap, before the next slice is inflated.
   */
  read(name: string, onChunk: (chunk: Uint8Array) => void): void {
    const out = this.inflate(name);
    for (let at = 0; at < out.length; at += HAND_ON) onChunk(out.subarray(at, Math.min(out.length, at + HAND_ON)));
  }

  /**
   * One part whole, in a single buffer: inflated straight into a buffer of the size the
   * directory claims (bounded by the caps and the deflate ratio, so a lie costs at most that),
   * which spares zlib's copy of its chunks into one. A stored part is a view of the file.
   */
  inflate(name: string): Uint8Array {
    const job = this.begin(name);
    if (job.stored) return job.stored;
    let out: Uint8Array;
    try {
      out = this.inflater(job.data, job.room, job.sizeHint);
    } catch (err) {
      return this.failed(job, err);
    }
    return this.end(job, out);
  }

  /**
   * `inflate` on Node's thread pool. Caps as `inflate`: the room a part is given is what is
   * left when it starts, so parts are begun one after another, each once the last has ended.
   */
  async inflateAsync(name: string): Promise<Uint8Array> {
    const job = this.begin(name);
    if (job.stored) return job.stored;
    let out: Uint8Array;
    try {
      out = await nodeInflateAsync(job.data, job.room, job.sizeHint);
    } catch (err) {
      return this.failed(job, err);
    }
    return this.end(job, out);
  }

  /** A part's compressed bytes and the room its output has; a stored part is its view of the file. */
  private begin(name: string): InflateJob {
    const e = this.entries.get(name.toLowerCase());
    if (!e) throw new WorkbookReadError(`文件已损坏：缺少 ${name}`);
    const start = this.dataStart(e);
    const end = start + e.compressedSize;
    if (end > this.buf.length) throw new WorkbookReadError(`文件不完整（${e.name} 被截断），请重新获取原文件`);
    const partRoom = this.limits.partBytes;
    const totalRoom = this.limits.totalBytes - this.inflated;
    const job: InflateJob = { entry: e, data: this.buf.subarray(start, end), partRoom, totalRoom, room: 0, sizeHint: 0, partBytes: 0 };
    if (e.method === 0) {
      // Counted slice by slice, as a stream would, so a stored part over a cap stops at it.
      for (let at = start; at < end; at += SLICE) this.count(job, Math.min(end, at + SLICE) - at);
      job.stored = job.data;
      return job;
    }
    if (e.method !== 8) throw new WorkbookReadError(`${e.name} 使用了不支持的压缩方式（${e.method}）`);
    // Native zlib stops as soon as its output passes maxOutputLength, so a bomb costs at most the cap.
    job.room = Math.max(1, Math.min(partRoom, totalRoom) + 1);
    // One more byte than claimed, so a true claim ends in one chunk (zlib then returns it uncopied).
    job.sizeHint = Math.min(e.size + 1, e.compressedSize * MAX_RATIO + 1);
    return job;
  }

  private end(job: InflateJob, out: Uint8Array): Uint8Array {
    this.count(job, out.length);
    return out;
  }

  private failed(job: InflateJob, err: unknown): never {
    if (err instanceof InflateTooLarge) this.count(job, Math.min(job.partRoom, job.totalRoom) + 1);
    throw new WorkbookReadError(`文件已损坏：${job.entry.name} 无法解压（${(err as Error).message.split('\n')[0]}）`);
  }

  private count(job: InflateJob, n: number): void {
    job.partBytes += n;
    this.inflated += n;
    if (job.partBytes > this.limits.partBytes) throw new WorkbookReadError(`${job.entry.name} 解压后超过 ${sizeWords(this.limits.partBytes)}，超出读取上限`);
    if (this.inflated > this.limits.totalBytes) throw new WorkbookReadError(`工作簿解压后超过 ${sizeWords(this.limits.totalBytes)}，超出读取上限`);
  }

  private dataStart(e: ZipEntry): number {
    const b = this.buf;
    const at = e.localHeader;
    if (at + 30 > b.length || u32(b, at) !== 0x04034b50) throw new WorkbookReadError(`文件已损坏：${e.name} 的本地文件头无效`);
    return at + 30 + u16(b, at + 26) + u16(b, at + 28);
  }

  private readDirectory(): void {
    const b = this.buf;
    // The end record sits in the last 22 bytes plus at most a 64 KB comment.
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
      if (b[i] === 0x50 && u32(b, i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new WorkbookReadError('文件不完整或已损坏（找不到 zip 目录），请重新获取原文件');
    let count = u16(b, eocd + 10);
    let dirSize = u32(b, eocd + 12);
    let dirStart = u32(b, eocd + 16);
    if (count === 0xffff || dirSize === 0xffffffff || dirStart === 0xffffffff) {
      const loc = eocd - 20;
      if (loc < 0 || u32(b, loc) !== 0x07064b50) throw new WorkbookReadError('文件已损坏（ZIP64 目录无效）');
      const z = u64(b, loc + 8);
      if (z + 56 > b.length || u32(b, z) !== 0x06064b50) throw new WorkbookReadError('文件已损坏（ZIP64 目录无效）');
      count = u64(b, z + 32);
      dirSize = u64(b, z + 40);
      dirStart = u64(b, z + 48);
    }
    if (count > this.limits.zipEntries) throw new WorkbookReadError(`压缩包有 ${count} 个条目，超过上限 ${this.limits.zipEntries} 个`);
    if (dirStart + dirSize > b.length) throw new WorkbookReadError('文件不完整或已损坏（zip 目录被截断），请重新获取原文件');
    let at = dirStart;
    for (let k = 0; k < count; k++) {
      if (at + 46 > b.length || u32(b, at) !== 0x02014b50) throw new WorkbookReadError('文件已损坏（zip 目录无效）');
      const flags = u16(b, at + 8);
      const method = u16(b, at + 10);
      let compressedSize = u32(b, at + 20);
      let size = u32(b, at + 24);
      const nameLen = u16(b, at + 28);
      const extraLen = u16(b, at + 30);
      const commentLen = u16(b, at + 32);
      let localHeader = u32(b, at + 42);
      const name = partName(b.subarray(at + 46, at + 46 + nameLen), (flags & 0x800) !== 0);
      if (compressedSize === 0xffffffff || localHeader === 0xffffffff) {
        // ZIP64 extra field: the 64-bit sizes and offset, each present only where the 32-bit one is saturated.
        const uncompressed32 = u32(b, at + 24);
        for (let x = at + 46 + nameLen; x + 4 <= at + 46 + nameLen + extraLen; ) {
          const id = u16(b, x);
          const len = u16(b, x + 2);
          if (id === 1) {
            let p = x + 4;
            if (uncompressed32 === 0xffffffff) {
              size = u64(b, p);
              p += 8;
            }
            if (compressedSize === 0xffffffff) {
              compressedSize = u64(b, p);
              p += 8;
            }
            if (localHeader === 0xffffffff) localHeader = u64(b, p);
          }
          x += 4 + len;
        }
      }
      if (flags & 1) throw new WorkbookReadError('文件有密码保护，请去掉密码并另存为 .xlsx');
      this.entries.set(name.replace(/^\/+/, '').toLowerCase(), { name, method, compressedSize, size, localHeader });
      at += 46 + nameLen + extraLen + commentLen;
    }
  }
}
