import { jsonBytes, utf8Bytes } from '../core/utf8';

/**
 * How much one `context.sync()` may carry. Excel on the web refuses a request or a response
 * over 5 MB (Microsoft's "resource limits" page); the add-in keeps every sync under a budget of
 * 1 MB of payload, a fifth of that, so an estimate that is off by a few times still passes.
 * Reading and writing are split into batches under this budget: the number of syncs grows
 * with the amount of data, never with the number of cells touched one by one.
 */
export const PAYLOAD_BUDGET_BYTES = 1_000_000;

// Both measures live in the core so that the stand-in host measures with the same ruler.
export { jsonBytes, utf8Bytes };

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

  /** Whether `bytes` more would take the batch past its budget. */
  full(bytes: number): boolean {
    return this.pending > 0 && this.pending + bytes > this.limit;
  }

  async room(bytes: number): Promise<void> {
    if (this.full(bytes)) await this.flush();
    this.pending += bytes;
  }

  /** Counts an action that must go in the batch as it stands (a sheet's protect after its writes). */
  add(bytes: number): void {
    this.pending += bytes;
  }

  /** Forgets what was counted: the batch failed and Excel dropped it. */
  discard(): void {
    this.pending = 0;
  }

  /** Sends what is queued, if anything is. */
  async flush(): Promise<void> {
    if (this.pending === 0) return;
    this.pending = 0;
    this.syncs++;
    await this.context.sync();
  }
}
