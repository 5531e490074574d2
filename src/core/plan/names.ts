import { cutText } from './text-cells';

/**
 * Sheet and defined names Excel accepts, and picking names that do not collide: inserting a
 * template never replaces a clerk's sheet or defined name; it takes the next free one instead.
 */

/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;

/**
 * A name Excel accepts for a sheet made from any text (a project name from someone else's
 * workbook): no `: \ / ? * [ ]`, no control characters (a line break becomes a space), no
 * apostrophe at either end, 31 characters at most, not blank and not `History`, which Excel
 * keeps for itself. An apostrophe inside stays: references quote it (`sheetRef`).
 */
export function safeSheetName(name: string, fallback = '预算表'): string {
  const clean = (s: string) =>
    s
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .replace(/[:\\/?*[\]]/g, '')
      .replace(/^['\s]+|['\s]+$/g, '');
  let out = clean(cutText(clean(name), MAX_SHEET_NAME));
  if (out === '') out = fallback;
  if (out.toLowerCase() === 'history') out = `${out}_`;
  return out;
}

export function freeSheetName(wanted: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = cutText(wanted, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

export function freeName(wanted: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted}_${i}`.toLowerCase())) return `${wanted}_${i}`;
}
