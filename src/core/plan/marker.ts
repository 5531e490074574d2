import type { BudgetLevel, SpecId } from '../specs/types';

/**
 * The marker each sheet made by the add-in carries, in a hidden cell of row 1 just right
 * of the table: `budget-tables/1 T2 unit 2021`. It survives renaming and moving the sheet,
 * and a reader finds it by scanning row 1.
 */
export const MARKER_PREFIX = 'budget-tables/1';

export interface Marker {
  specId: SpecId;
  level: BudgetLevel;
  year: number;
}

export function formatMarker(m: Marker): string {
  return `${MARKER_PREFIX} ${m.specId} ${m.level} ${m.year}`;
}

export function parseMarker(text: unknown): Marker | null {
  if (typeof text !== 'string' || !text.startsWith(MARKER_START)) return null;
  // Each sheet's marker is asked for by every recognizer in turn, and a folder of workbooks
  // repeats the same few: each text is parsed once (bounded, for a long run).
  let m = PARSED.get(text);
  if (m === undefined) {
    if (PARSED.size >= 1000) PARSED.clear();
    m = parse(text);
    PARSED.set(text, m);
  }
  return m;
}

const PARSED = new Map<string, Marker | null>();
const MARKER_START = MARKER_PREFIX + ' ';

function parse(text: string): Marker | null {
  const [, specId, level, year] = text.split(' ');
  if (!specId || (level !== 'unit' && level !== 'department') || !/^\d{4}$/.test(year ?? '')) return null;
  // shared by every caller that asks for the same text: frozen, so none can change it for the others
  return Object.freeze({ specId: specId as SpecId, level, year: Number(year) });
}
