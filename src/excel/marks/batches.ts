import { utf8Bytes } from '../payload';

/**
 * The size of a marks operation, for the payload budget of `SyncBudget` (../payload.ts): a fixed
 * cost for the action itself (Office.js sends each as a small JSON object naming the object, the
 * method or property and its id) plus the UTF-8 bytes of the strings it carries or brings back.
 */

/** What one queued action costs besides its strings: its JSON envelope, generously. */
export const OP_BYTES = 200;

/** The estimated payload of one action carrying (or loading) these strings. */
export function opBytes(...strings: (string | null | undefined)[]): number {
  return OP_BYTES + strings.reduce((n, s) => n + (s ? utf8Bytes(s) : 0), 0);
}
