import { parentOf } from '../../../src/core/codes';
import type { CodedRow } from '../../../src/core/model';
import { Money } from '../../../src/core/money';
import { isDigits } from '../../../src/core/codes';
import { BAD_CODE, codeTree, KEPT, wholeYuan } from '../../../src/core/rules/coded-tree';

const row = (code: string, total: string | null = null): CodedRow => ({ code, name: '', amounts: { total: total === null ? null : new Money(total) } });

/** The tree as the rules first built it, with maps of code strings: what codeTree must equal. */
function naive(codes: string[]) {
  const kept: string[] = [];
  const firstOf = codes.map((c, i) => {
    if (!/^\d+$/.test(c)) return BAD_CODE;
    const first = codes.findIndex((x) => x === c);
    if (first < i) return first;
    kept.push(c);
    return KEPT;
  });
  const at = (c: string | null) => (c === null ? -1 : kept.indexOf(c));
  const prefixes = (c: string) => {
    const out: string[] = [];
    for (let len = c.length - 2; len >= 3; len -= 2) out.push(c.slice(0, len));
    return out;
  };
  const parent = kept.map((c) => at(parentOf(c)));
  const kids = kept.map((_, j) => parent.flatMap((p, k) => (p === j ? [k] : [])));
  const ancestors = new Set(kept.flatMap(prefixes));
  const leaves = kept.flatMap((c, j) => (ancestors.has(c) ? [] : [j]));
  const anc = kept.map((c) => prefixes(c).map(at).filter((a) => a >= 0));
  const lei = kept.flatMap((c, j) => (c.length === 3 ? [j] : []));
  return { firstOf, parent, kids, leaves, anc, lei };
}

function shape(codes: string[]) {
  const t = codeTree(codes.map((c) => row(c)));
  const n = t.place.length;
  const slices = (start: Int32Array, list: Int32Array) => Array.from({ length: n }, (_, j) => Array.from(list.slice(start[j], start[j + 1])));
  return {
    firstOf: Array.from(t.firstOf),
    parent: Array.from(t.parent),
    kids: slices(t.kidStart, t.kids),
    leaves: Array.from(t.leaves),
    anc: slices(t.ancStart, t.anc),
    lei: Array.from(t.lei),
  };
}

describe('codeTree', () => {
  it('links a table in tree order', () => {
    const codes = ['201', '20101', '2010101', '2010102', '20102', '2010201', '205'];
    expect(shape(codes)).toEqual(naive(codes));
    expect(shape(codes).kids[0]).toEqual([1, 4]);
    expect(shape(codes).leaves).toEqual([2, 3, 5, 6]);
  });

  it('finds parents listed after their children, orphans, duplicates, bad and odd-length codes', () => {
    const codes = ['2010101', '20101', '201', '2080505', '20101', 'x12', '', '2010', '20', '2010203', '201020304', '208', '2010101'];
    const got = shape(codes);
    expect(got).toEqual(naive(codes));
    expect(got.firstOf[4]).toBe(1);
    expect(got.firstOf[5]).toBe(BAD_CODE);
    // 2010's parent is the 2-digit row 20 (codes.ts parentOf), though 20 is no ancestor of it
    expect(got.parent[4]).toBe(5);
  });

  it('agrees with the map-built tree on random tables', () => {
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 200; round++) {
      const codes: string[] = [];
      for (let i = 0, n = 1 + rand(40); i < n; i++) {
        const lei = String(201 + rand(3));
        const len = [3, 5, 7, 7, 9, 4][rand(6)];
        codes.push((lei + '0102030405').slice(0, 3) + String(rand(3)).repeat(len).slice(0, Math.max(0, len - 3)));
      }
      expect(shape(codes)).toEqual(naive(codes));
      // in ascending order no map is made: the parent is found as the last row of its length
      const sorted = [...new Set(codes)].sort();
      expect(shape(sorted)).toEqual(naive(sorted));
    }
  });

  it('agrees with the map-built tree on large tables too (1,500+ rows, codes listed twice), in and out of order', () => {
    let seed = 11;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 5; round++) {
      const codes: string[] = [];
      for (let i = 0; i < 1500 + rand(400); i++) {
        const len = [3, 5, 7, 7, 9, 4][rand(6)];
        codes.push(String(201 + rand(9)) + String(100 + rand(900)).repeat(3).slice(0, Math.max(0, len - 3)));
      }
      expect(shape(codes)).toEqual(naive(codes));
      const sorted = [...new Set(codes)].sort();
      expect(shape(sorted)).toEqual(naive(sorted));
    }
  });
});

describe('isDigits', () => {
  it('is /^\\d+$/', () => {
    for (const s of ['', '0', '201', '20１', ' 201', '2a', '٣']) expect(isDigits(s)).toBe(/^\d+$/.test(s));
  });
});

describe('wholeYuan', () => {
  it('gives whole figures with the 合计 last, blanks as 0', () => {
    const got = wholeYuan([row('201', '12'), row('202')], { total: new Money(12) }, ['total', 'total']);
    expect(got && Array.from(got.get('total')!)).toEqual([12, 0, 12]);
  });

  it('is null for a fraction or figures too large to add exactly', () => {
    expect(wholeYuan([row('201', '1.5')], { total: null }, ['total'])).toBeNull();
    expect(wholeYuan([row('201', String(2 ** 50)), row('202', String(2 ** 50))], { total: new Money(2 ** 51) }, ['total'])).toBeNull();
  });
});
