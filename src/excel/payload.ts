/**
 * How much one `context.sync()` may carry. Excel on the web refuses a request or a response
 * over 5 MB (Microsoft's "resource limits" page); the add-in keeps every sync under a budget of
 * 1 MB of payload, a fifth of that, so an estimate that is off by a few times still passes.
 * Reading and writing are split into batches under this budget: the number of syncs grows
 * with the amount of data, never with the number of cells touched one by one.
 */
export const PAYLOAD_BUDGET_BYTES = 1_000_000;

/** The UTF-8 length of a value's JSON: how much of a request or response it makes. */
export function jsonBytes(v: unknown): number {
  const text = JSON.stringify(v) ?? '';
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Queued work measured against the budget: `room(bytes)` sends what is queued first when
 * adding `bytes` would pass it, so each sync carries at most one budget (or one item bigger
 * than a budget, alone).
 */
export class SyncBudget {
  private pending = 0;
  /** syncs this budget made */
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    readonly limit: number = PAYLOAD_BUDGET_BYTES,
  ) {}

  async room(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.limit) await this.flush();
    this.pending += bytes;
  }

  /** Sends what is queued, if anything is. */
  async flush(): Promise<void> {
    if (this.pending === 0) return;
    this.pending = 0;
    this.syncs++;
    await this.context.sync();
  }
}
