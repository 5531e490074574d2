/**
 * Requests to Excel kept under a payload budget. Excel on the web refuses a request or a
 * response over 5 MB; the marks queue their reads and writes through a `Batcher`, which syncs
 * whenever the next operation would take the batch past its budget (1 MB by default), so the
 * number of syncs grows with the data, not with each cell, and no sync comes near the limit.
 *
 * The size of an operation is estimated: a fixed cost for the action itself (Office.js sends
 * each as a small JSON object naming the object, the method or property and its id) plus the
 * UTF-8 bytes of the strings it carries or brings back.
 */

/** Payload per sync, in bytes, that the marks stay under. */
export const MARKS_PAYLOAD_BUDGET = 1_000_000;

/** What one queued action costs besides its strings: its JSON envelope, generously. */
export const OP_BYTES = 200;

/** The UTF-8 size of a string, as it travels in the request's JSON (escapes ignored). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The estimated payload of one action carrying (or loading) these strings. */
export function opBytes(...strings: (string | null | undefined)[]): number {
  return OP_BYTES + strings.reduce((n, s) => n + (s ? utf8Bytes(s) : 0), 0);
}

export class Batcher {
  private bytes = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    readonly budget = MARKS_PAYLOAD_BUDGET,
  ) {}

  /** Whether `size` more bytes would take the batch past its budget. */
  full(size: number): boolean {
    return this.bytes > 0 && this.bytes + size > this.budget;
  }

  /** Makes room for an action of `size` bytes (syncing first when the batch is full) and counts it. */
  async take(size: number): Promise<void> {
    if (this.full(size)) await this.flush();
    this.bytes += size;
  }

  /** Counts an action that must go in the batch as it stands (a sheet's protect after its writes). */
  add(size: number): void {
    this.bytes += size;
  }

  /** Forgets what was counted: the batch failed and Excel dropped it. */
  discard(): void {
    this.bytes = 0;
  }

  /** Sends what is queued, if anything. */
  async flush(): Promise<void> {
    if (this.bytes === 0) return;
    this.bytes = 0;
    await this.context.sync();
  }
}
