import { Classification, CodeLevel, classificationOf, levelOf, normalizeCode, parentOf } from '../codes';
import { ECONOMIC_EDITION_NAMES, ECONOMIC_ENTRIES } from './economic-data';
import { FUNCTIONAL_EDITION_NAMES, FUNCTIONAL_ENTRIES } from './functional-data';
import { FUNCTIONAL_SPANS, FUNCTIONAL_UNCONFIRMED } from './functional-editions';

export type EntryOrigin = 'built-in' | 'sheet';

export interface CatalogEntry {
  code: string;
  name: string;
  level: CodeLevel;
  classification: Classification;
  origin: EntryOrigin;
}

/** A name in force for budget years from..to (inclusive); open ends are omitted. */
export interface EditionName {
  code: string;
  name: string;
  from?: number;
  to?: number;
}

/** The budget years a code exists in: added in `from`, withdrawn after `to`; open ends are omitted. */
export interface CodeSpan {
  code: string;
  from?: number;
  to?: number;
}

/**
 * A code that exists in budget years from..to but whose official name no stored source confirms:
 * it is known (no unknown-code finding) and has no name to compare against (no name finding).
 */
export type UnconfirmedCode = CodeSpan;

interface Versions {
  base?: string;
  editions: EditionName[];
  origin: EntryOrigin;
  /** when set, the code exists only in these years (a sheet's own names still win) */
  span?: { from?: number; to?: number };
  /** years in which the code exists without a confirmed name */
  unconfirmed?: Array<{ from?: number; to?: number }>;
  /** how many leading editions came from a pasted sheet: they win over the span */
  sheetEditions?: number;
  /** the base name came from a sheet row without years: in force every year, spans or not */
  sheetBase?: boolean;
}

/**
 * The editions of a code the sheet names for every year, shared by all such codes (a pasted
 * catalog has thousands): never changed in place, as `withOverrides` copies a version's
 * editions before adding to them.
 */
const NO_EDITIONS: EditionName[] = [];

function inForce(e: { from?: number; to?: number }, year: number | undefined): boolean {
  if (year === undefined) return e.from === undefined && e.to === undefined;
  return (e.from === undefined || year >= e.from) && (e.to === undefined || year <= e.to);
}

/**
 * The classification catalog: codes with their official names by edition. The built-in
 * data covers the seeds, the reference templates and the common codes; a clerk's pasted
 * catalog sheet extends or overrides it (see `catalog-sheet.ts`).
 */
export class Catalog {
  private readonly byCode: Map<string, Versions>;
  private childIndex: Map<string, string[]> | null = null;
  private readonly codesCache = new Map<string, string[]>();

  private constructor(byCode: Map<string, Versions>) {
    this.byCode = byCode;
  }

  static fromData(
    entries: ReadonlyArray<readonly [string, string]>,
    editions: ReadonlyArray<EditionName>,
    spans: ReadonlyArray<CodeSpan> = [],
    unconfirmed: ReadonlyArray<UnconfirmedCode> = [],
  ): Catalog {
    const map = new Map<string, Versions>();
    const at = (code: string) => {
      const v = map.get(code) ?? { editions: [], origin: 'built-in' as EntryOrigin };
      map.set(code, v);
      return v;
    };
    for (const [code, name] of entries) at(code).base = name;
    for (const e of editions) at(e.code).editions.push({ ...e });
    for (const s of spans) at(s.code).span = { from: s.from, to: s.to };
    for (const u of unconfirmed) (at(u.code).unconfirmed ??= []).push({ from: u.from, to: u.to });
    return new Catalog(map);
  }

  private static builtInCache: Catalog | null = null;

  static builtIn(): Catalog {
    if (!Catalog.builtInCache) {
      Catalog.builtInCache = Catalog.fromData(
        [...FUNCTIONAL_ENTRIES, ...ECONOMIC_ENTRIES],
        [...FUNCTIONAL_EDITION_NAMES, ...ECONOMIC_EDITION_NAMES],
        FUNCTIONAL_SPANS,
        FUNCTIONAL_UNCONFIRMED,
      );
    }
    return Catalog.builtInCache;
  }

  /**
   * A new catalog where the sheet's entries win: an entry with years replaces the name for
   * those years only; one without years replaces the name for every year.
   */
  withOverrides(entries: ReadonlyArray<EditionName>): Catalog {
    // Copy on write: the entries the sheet touches are copied, the thousands of others shared
    // (no Catalog changes its entries after it is made).
    const map = new Map<string, Versions>(this.byCode);
    // the versions this call made or copied, which it may still change
    const own = new Set<Versions>();
    for (const e of entries) {
      if (e.from === undefined && e.to === undefined) {
        // replaces whatever was there: nothing to copy (a dated entry after it copies this one)
        map.set(e.code, { base: e.name, editions: NO_EDITIONS, origin: 'sheet', sheetBase: true });
        continue;
      }
      let v = map.get(e.code);
      if (v === undefined || !own.has(v)) {
        v = v ? { ...v, editions: [...v.editions] } : { editions: [], origin: 'sheet' };
        own.add(v);
        map.set(e.code, v);
      }
      // The sheet's dated name goes first so it wins over a built-in one for the same years.
      v.editions.unshift({ ...e });
      v.sheetEditions = (v.sheetEditions ?? 0) + 1;
      v.origin = 'sheet';
    }
    return new Catalog(map);
  }

  /** Whether the code is in the catalog for any year (see `isKnown` for one budget year). */
  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /**
   * Whether `code` exists in the edition of budget year `year` (any edition when omitted), with
   * or without a confirmed name. A code that is not known raises the unknown-code finding.
   */
  isKnown(code: string, year?: number): boolean {
    if (this.nameOf(code, year) !== undefined) return true;
    const v = this.byCode.get(code);
    if (!v?.unconfirmed || !this.withinSpan(code, year)) return false;
    return year === undefined || v.unconfirmed.some((u) => inForce(u, year));
  }

  /**
   * Whether the catalog has a confirmed official name for `code` in budget year `year`. A known
   * code without one (see `UnconfirmedCode`) must raise no name finding: there is nothing to compare.
   */
  nameConfirmed(code: string, year?: number): boolean {
    return this.nameOf(code, year) !== undefined;
  }

  /** The codes that exist in the edition of budget year `year`, sorted; for counting an edition. */
  codesIn(year: number, classification?: Classification, level?: CodeLevel): string[] {
    return this.codes(classification, level).filter((c) => this.isKnown(c, year));
  }

  /** A code exists only while its own span and those of its 款 and 类 allow: a 项 goes with its 款. */
  private withinSpan(code: string, year: number | undefined): boolean {
    if (year === undefined) return true;
    for (let c: string | null = code; c; c = parentOf(c)) {
      const span = this.byCode.get(c)?.span;
      if (span && !inForce(span, year)) return false;
    }
    return true;
  }

  get size(): number {
    return this.byCode.size;
  }

  /** The official name of `code` for budget year `year` (any edition when year is omitted). */
  nameOf(code: string, year?: number): string | undefined {
    const v = this.byCode.get(code);
    if (!v) return undefined;
    if (year !== undefined) {
      // The sheet's dated names lead the editions (no copy: this runs for every coded row).
      const fromSheet = Math.min(v.sheetEditions ?? 0, v.editions.length);
      for (let i = 0; i < fromSheet; i++) if (inForce(v.editions[i], year)) return v.editions[i].name;
      if (v.sheetBase) return v.base;
      if (!this.withinSpan(code, year)) return undefined;
      const dated = v.editions.find((e) => inForce(e, year));
      if (dated) return dated.name;
      if (v.base !== undefined) return v.base;
      return undefined;
    }
    return v.base ?? v.editions[v.editions.length - 1]?.name;
  }

  /** Every name the code has had, newest edition first; for telling "renamed" from "wrong". */
  namesOf(code: string): string[] {
    const v = this.byCode.get(code);
    if (!v) return [];
    const names = v.base !== undefined ? [v.base] : [];
    for (const e of v.editions) if (!names.includes(e.name)) names.push(e.name);
    return names;
  }

  lookup(input: unknown, year?: number): CatalogEntry | undefined {
    const n = normalizeCode(input);
    if (!n.ok) return undefined;
    const name = this.nameOf(n.code, year);
    if (name === undefined) return undefined;
    return {
      code: n.code,
      name,
      level: levelOf(n.code),
      classification: classificationOf(n.code),
      origin: this.byCode.get(n.code)!.origin,
    };
  }

  parent(code: string): string | null {
    return parentOf(code);
  }

  children(code: string): string[] {
    if (!this.childIndex) {
      const index = new Map<string, string[]>();
      for (const c of [...this.byCode.keys()].sort()) {
        const p = parentOf(c);
        if (!p) continue;
        const siblings = index.get(p);
        if (siblings) siblings.push(c);
        else index.set(p, [c]);
      }
      this.childIndex = index;
    }
    return this.childIndex.get(code) ?? [];
  }

  codes(classification?: Classification, level?: CodeLevel): string[] {
    // Sorted once per catalog and kind: the reader asks for the 类 on every line of T1 and T4.
    const kind = `${classification ?? ''}|${level ?? ''}`;
    let sorted = this.codesCache.get(kind);
    if (sorted === undefined) {
      sorted = [...this.byCode.keys()]
        .filter((c) => (!classification || classificationOf(c) === classification) && (!level || levelOf(c) === level))
        .sort();
      this.codesCache.set(kind, sorted);
    }
    // a copy: the caller may sort or change its own list
    return sorted.slice();
  }
}
