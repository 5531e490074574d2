import type { SyncBudget } from '../payload';
import { OP_BYTES } from './batches';
import type { LiveSheet, Op } from './cells';

/**
 * The marks' traffic with Excel beyond the first sync: where comments and notes are, and each
 * sheet's writes, in batches under the budget, a protected sheet unprotected and protected again
 * within each of its batches.
 */

/** How many refused comments one sheet may meet before the marks give up on it. */
export const MAX_REFUSALS = 200;

/**
 * The errors a refused action gives (Excel names no more precise code for a comment refused
 * beside a note); anything else (a busy host, a request too large, a lost connection) goes on.
 */
const REFUSAL_CODES = new Set(['InvalidOperation', 'InvalidArgument', 'GeneralException']);

export function isRefusal(err: unknown): boolean {
  const code = err && typeof err === 'object' && 'code' in err ? (err as { code: unknown }).code : undefined;
  return typeof code === 'string' && REFUSAL_CODES.has(code);
}

/** Room for a sheet-qualified address in a loaded response. */
export const ADDRESS_BYTES = 2 * OP_BYTES;

/** Where each item of a comment or note collection is, read in batches. */
export async function locate<T extends Excel.Comment | Excel.Note>(
  batch: SyncBudget,
  collection: { getItemAt(index: number): T },
  n: number,
): Promise<{ item: T; where: Excel.Range }[]> {
  const out: { item: T; where: Excel.Range }[] = [];
  for (let i = 0; i < n; i++) {
    await batch.room(2 * OP_BYTES + ADDRESS_BYTES);
    const item = collection.getItemAt(i);
    const where = item.getLocation();
    where.load('address');
    out.push({ item, where });
  }
  await batch.flush();
  return out;
}

export async function count(context: Excel.RequestContext, collection: Excel.CommentCollection): Promise<number> {
  const n = collection.getCount();
  await context.sync();
  return n.value;
}

/**
 * One sheet's writes: through the shared batches, or, when the sheet is protected or a refused
 * comment must be told from the rest, in batches of its own. False when a password kept it shut.
 */
export async function writeSheet(
  context: Excel.RequestContext,
  batch: SyncBudget,
  s: LiveSheet,
  protection: { protected: boolean; options: Excel.WorksheetProtectionOptions },
  ops: readonly Op[],
  ownBatches: boolean,
): Promise<boolean> {
  if (protection.protected) return writeProtectedSheet(context, batch, s, protection.options, ops);
  if (ownBatches) await batch.flush();
  try {
    for (const op of ops) {
      await batch.room(op.size);
      op.run();
    }
    if (ownBatches) await batch.flush();
  } catch (err) {
    batch.discard();
    throw err;
  }
  return true;
}

/**
 * A protected sheet's writes, each batch of them between an unprotect and a protect with the
 * options the sheet had. Returns false when the sheet could not be unprotected (a password the
 * add-in does not have): nothing of it is written. When a batch fails after the sheet was
 * unprotected, the sheet is protected again before the error goes on.
 */
async function writeProtectedSheet(
  context: Excel.RequestContext,
  batch: SyncBudget,
  s: LiveSheet,
  options: Excel.WorksheetProtectionOptions,
  ops: readonly Op[],
): Promise<boolean> {
  if (ops.length === 0) return true;
  await batch.flush();
  let first = true;
  let open = false;
  try {
    for (const op of ops) {
      if (open && batch.full(op.size + OP_BYTES)) {
        s.ws.protection.protect(options);
        batch.add(OP_BYTES);
        await batch.flush();
        open = false;
        first = false;
      }
      if (!open) {
        s.ws.protection.unprotect();
        batch.add(OP_BYTES);
        open = true;
      }
      batch.add(op.size);
      op.run();
    }
    s.ws.protection.protect(options);
    batch.add(OP_BYTES);
    await batch.flush();
    return true;
  } catch (err) {
    batch.discard();
    const p = s.ws.protection;
    p.load('protected');
    await context.sync();
    // Still protected after its first batch failed: its unprotect was refused, nothing was written.
    if (p.protected && first) return false;
    if (!p.protected) {
      s.ws.protection.protect(options);
      await context.sync();
    }
    throw err;
  }
}
