import { Classification, CodeLevel, classificationOf, levelOf, normalizeCode, parentOf } from '../codes';
import { ECONOMIC_EDITION_NAMES, ECONOMIC_ENTRIES } from './economic-data';
import { FUNCTIONAL_EDITION_NAMES, FUNCTIONAL_ENTRIES } from './functional-data';

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

interface Versions {
  base?: string;
  editions: EditionName[];
  origin: EntryOrigin;
}

function inForce(e: EditionName, year: number | undefined): boolean {
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

  private constructor(byCode: Map<string, Versions>) {
    this.byCode = byCode;
  }

  static fromData(
    entries: ReadonlyArray<readonly [string, string]>,
    editions: ReadonlyArray<EditionName>,
  ): Catalog {
    const map = new Map<string, Versions>();
    for (const [code, name] of entries) map.set(code, { base: name, editions: [], origin: 'built-in' });
    for (const e of editions) {
      const v = map.get(e.code) ?? { editions: [], origin: 'built-in' as EntryOrigin };
      v.editions.push({ ...e });
      map.set(e.code, v);
    }
    return new Catalog(map);
  }

  private static builtInCache: Catalog | null = null;

  static builtIn(): Catalog {
    if (!Catalog.builtInCache) {
      Catalog.builtInCache = Catalog.fromData(
        [...FUNCTIONAL_ENTRIES, ...ECONOMIC_ENTRIES],
        [...FUNCTIONAL_EDITION_NAMES, ...ECONOMIC_EDITION_NAMES],
      );
    }
    return Catalog.builtInCache;
  }

  /**
   * A new catalog where the sheet's entries win: an entry with years replaces the name for
   * those years only; one without years replaces the name for every year.
   */
  withOverrides(entries: ReadonlyArray<EditionName>): Catalog {
    const map = new Map<string, Versions>();
    for (const [code, v] of this.byCode) map.set(code, { base: v.base, editions: [...v.editions], origin: v.origin });
    for (const e of entries) {
      const existing = map.get(e.code);
      if (e.from === undefined && e.to === undefined) {
        map.set(e.code, { base: e.name, editions: [], origin: 'sheet' });
      } else {
        const v = existing ?? { editions: [], origin: 'sheet' as EntryOrigin };
        // The sheet's dated name goes first so it wins over a built-in one for the same years.
        v.editions.unshift({ ...e });
        v.origin = 'sheet';
        map.set(e.code, v);
      }
    }
    return new Catalog(map);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  get size(): number {
    return this.byCode.size;
  }

  /** The official name of `code` for budget year `year` (any edition when year is omitted). */
  nameOf(code: string, year?: number): string | undefined {
    const v = this.byCode.get(code);
    if (!v) return undefined;
    if (year !== undefined) {
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
        if (p) index.set(p, [...(index.get(p) ?? []), c]);
      }
      this.childIndex = index;
    }
    return this.childIndex.get(code) ?? [];
  }

  codes(classification?: Classification, level?: CodeLevel): string[] {
    return [...this.byCode.keys()]
      .filter((c) => (!classification || classificationOf(c) === classification) && (!level || levelOf(c) === level))
      .sort();
  }
}
