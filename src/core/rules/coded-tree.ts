import { isDigits } from '../codes';
import type { Amounts, CodedRow } from '../model';
import { wholeNumber } from '../money';

/**
 * A coded table's rows as a tree of row indices, for the subtotal checks (checks.ts).
 *
 * Built once per table in typed arrays rather than maps of code strings and an array per row:
 * a department's joined table has 15,000 rows, and every object made per row is work for the
 * garbage collector (it was a quarter of a cold `check`). Rows are named by their index among
 * the kept rows (the first row of each code of digits), `place` maps it into `data.rows`.
 */
export interface CodeTree {
  /** per row of data.rows: KEPT, BAD_CODE, or the data.rows index of the earlier row of its code */
  firstOf: Int32Array;
  /** per kept row: its index in data.rows */
  place: Int32Array;
  /** per kept row: the kept row of its parent code (codes.ts parentOf), or -1 */
  parent: Int32Array;
  /** per kept row j: its direct children are kids[kidStart[j] .. kidStart[j + 1]) */
  kidStart: Int32Array;
  kids: Int32Array;
  /** kept rows that no other row's code lies under, in order */
  leaves: Int32Array;
  /** per kept row j: the kept rows of its codes two, four, … digits shorter (down to 3 digits) are anc[ancStart[j] .. ancStart[j + 1]) */
  ancStart: Int32Array;
  anc: Int32Array;
  /** kept rows of 类 codes (3 digits), in order */
  lei: Int32Array;
}

export const KEPT = -1;
export const BAD_CODE = -2;

export function codeTree(rows: readonly CodedRow[]): CodeTree {
  const kept = keptRows(rows);
  const n = kept.place.length;
  const codes: string[] = new Array<string>(n);
  for (let j = 0; j < n; j++) codes[j] = rows[kept.place[j]].code;
  const links = linkAncestors(codes, kept);
  const { kidStart, kids } = childrenOf(links.parent);
  const leafList: number[] = [];
  for (let j = 0; j < n; j++) if (!links.hasDescendant[j]) leafList.push(j);
  return {
    firstOf: kept.firstOf,
    place: kept.place,
    parent: links.parent,
    kidStart,
    kids,
    leaves: Int32Array.from(leafList),
    ancStart: links.ancStart,
    anc: links.anc,
    lei: links.lei,
  };
}

// codeTree's steps are functions of their own: whole, --trace-opt showed ~50 ms to optimize it
// over 200 small workbooks (a function with many loops is optimized as one large graph).

interface Kept {
  firstOf: Int32Array;
  place: Int32Array;
  /** the longest code's length */
  longest: number;
  /** how many ancestors the codes can have at most */
  ancestorsAtMost: number;
  /** kept codes to their index among the kept rows; null when the codes are in ascending order */
  keptAt: Map<string, number> | null;
}

function keptRows(rows: readonly CodedRow[]): Kept {
  const firstOf = new Int32Array(rows.length);
  const placeList: number[] = [];
  let longest = 0;
  let ancestorsAtMost = 0;
  // Codes in strictly ascending order (as tables list them) can hold no code twice, and a code's
  // parent, when listed, is then the last row of the parent's length before it: a row of that
  // length between the two would sort after the child. So no map of the codes is needed.
  let ascending = true;
  let previous = '';
  for (let i = 0; i < rows.length; i++) {
    const code = rows[i].code;
    if (!isDigits(code)) {
      firstOf[i] = BAD_CODE; // reported by the reader
      continue;
    }
    if (placeList.length > 0 && !(previous < code)) ascending = false;
    previous = code;
    firstOf[i] = KEPT;
    placeList.push(i);
    if (code.length > longest) longest = code.length;
    if (code.length > 4) ancestorsAtMost += (code.length - 3) >> 1;
  }
  const keptAt = ascending ? null : keepFirstOfEachCode(rows, firstOf, placeList);
  return { firstOf, place: Int32Array.from(placeList), longest, ancestorsAtMost, keptAt };
}

/**
 * The kept row of `code`'s first `len` digits, or -1. The last row of that length seen is
 * compared as a prefix first (out of order too, it is most often the one), and a code is
 * sliced for the map only when it is not.
 */
function rowOfPrefix(code: string, len: number, lastOfLength: Int32Array, codes: readonly string[], keptAt: Map<string, number> | null): number {
  const last = lastOfLength[len];
  if (last >= 0 && code.startsWith(codes[last])) return last;
  return keptAt ? (keptAt.get(code.slice(0, len)) ?? -1) : -1;
}

function linkAncestors(codes: readonly string[], kept: Kept) {
  const n = codes.length;
  const lastOfLength = new Int32Array(kept.longest + 1).fill(-1);
  const parent = new Int32Array(n).fill(-1);
  const ancStart = new Int32Array(n + 1);
  const anc = new Int32Array(kept.ancestorsAtMost);
  let ancCount = 0;
  const hasDescendant = new Uint8Array(n);
  const leiList: number[] = [];
  for (let j = 0; j < n; j++) {
    const code = codes[j];
    const len = code.length;
    ancStart[j] = ancCount;
    for (let l = len - 2; l >= 3; l -= 2) {
      const a = rowOfPrefix(code, l, lastOfLength, codes, kept.keptAt);
      if (a < 0) continue;
      anc[ancCount++] = a;
      hasDescendant[a] = 1;
      if (l === len - 2) parent[j] = a;
    }
    // A 4-digit code's parent has 2 digits: a parent, though no 类 (codes.ts parentOf).
    if (len === 4) parent[j] = rowOfPrefix(code, 2, lastOfLength, codes, kept.keptAt);
    if (len === 3) leiList.push(j);
    lastOfLength[len] = j;
  }
  ancStart[n] = ancCount;
  return { parent, ancStart, anc: anc.subarray(0, ancCount), hasDescendant, lei: Int32Array.from(leiList) };
}

/** Each row's direct children, in order, as one list sliced by kidStart. */
function childrenOf(parent: Int32Array): { kidStart: Int32Array; kids: Int32Array } {
  const n = parent.length;
  const kidStart = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) if (parent[j] >= 0) kidStart[parent[j] + 1]++;
  for (let j = 0; j < n; j++) kidStart[j + 1] += kidStart[j];
  const kids = new Int32Array(kidStart[n]);
  const filled = kidStart.slice(0, n);
  for (let j = 0; j < n; j++) if (parent[j] >= 0) kids[filled[parent[j]]++] = j;
  return { kidStart, kids };
}

/**
 * Codes out of order: the first row of each code is kept, a later one points at it (a
 * duplicate finding). `placeList` is redone to hold the kept rows only. The map of kept codes
 * to their index among the kept rows.
 */
function keepFirstOfEachCode(rows: readonly CodedRow[], firstOf: Int32Array, placeList: number[]): Map<string, number> {
  const keptAt = new Map<string, number>();
  placeList.length = 0;
  for (let i = 0; i < rows.length; i++) {
    if (firstOf[i] === BAD_CODE) continue;
    const code = rows[i].code;
    const first = keptAt.get(code);
    if (first !== undefined) {
      firstOf[i] = placeList[first];
      continue;
    }
    keptAt.set(code, placeList.length);
    placeList.push(i);
  }
  return keptAt;
}

/**
 * A 元 table's figures as numbers, per key: the rows' in data.rows order, then the 合计 row's
 * last. Only when every one is a whole 元 and all of them together stay far below 2^53: then
 * every sum of them is exact in doubles, and equal sums are exactly what `agree` in 元 asks
 * (its allowance is zero). A blank is 0. Null when any figure is not so, and the checks stay in
 * Decimal; where a comparison fails in numbers, it is made again in Decimal, which words the
 * finding (so the findings are the same either way).
 */
export function wholeYuan(rows: readonly CodedRow[], total: Amounts, keys: readonly string[]): Map<string, Float64Array> | null {
  const out = new Map<string, Float64Array>();
  let magnitude = 0;
  // One array for every key, each key's column a view of it: a typed array over 64 bytes is
  // allocated outside V8's heap (~2 µs each, a dozen per small table), a view is not.
  const width = rows.length + 1;
  const all = new Float64Array(width * keys.length);
  for (const k of keys) {
    if (out.has(k)) continue;
    const ns = all.subarray(out.size * width, (out.size + 1) * width);
    for (let i = 0; i < rows.length; i++) {
      const n = figure(rows[i].amounts, k);
      if (n === null) return null;
      ns[i] = n;
      magnitude += Math.abs(n);
    }
    const t = figure(total, k);
    if (t === null) return null;
    ns[rows.length] = t;
    magnitude += Math.abs(t);
    out.set(k, ns);
  }
  return magnitude <= 2 ** 51 ? out : null;
}

/** One figure as a whole number (a blank is 0), or null. */
function figure(amounts: Amounts, key: string): number | null {
  const m = amounts[key as keyof Amounts];
  if (m === null || m === undefined) return 0;
  return wholeNumber(m);
}
