import Decimal from 'decimal.js';
import type { ModelSheet } from '../model';
import { Money } from '../money';

/**
 * The department's tables are in 元 and its “三公” table in 万元, so a unit's table printed in the
 * other unit is brought to the department's before it is summed: ×10,000 for a 万元 table, ÷10,000
 * for a “三公” table in 元. Exact arithmetic; a 万元 table was rounded when it was printed, so its
 * figures in 元 carry that rounding (up to half a unit of its last decimal), which `notes` says.
 */
const FACTOR = new Money(10000);

/** Every Decimal in `v` scaled by `by` (`'up'`: ×10,000, `'down'`: ÷10,000); the rest copied as it is. */
function scaled<T>(v: T, by: 'up' | 'down'): T {
  if (Decimal.isDecimal(v)) return (by === 'up' ? v.times(FACTOR) : v.div(FACTOR)) as T;
  if (Array.isArray(v)) return v.map((x) => scaled(x, by)) as T;
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = scaled(x, by);
    return out as T;
  }
  return v;
}

export interface UnitSheetsInYuan {
  sheets: ModelSheet[];
  /** the sheets that were converted, for the notes: `【T3】万元` */
  converted: string[];
}

export function sheetsInDepartmentUnits(sheets: ModelSheet[]): UnitSheetsInYuan {
  const converted: string[] = [];
  const out = sheets.map((s) => {
    const d = s.data as { kind: string; unit?: string };
    const threePublic = d.kind === 'three-public';
    if (threePublic ? d.unit !== '元' : d.unit !== '万元') return s;
    converted.push(`【${s.sheetName}】${d.unit}`);
    return { ...s, data: { ...scaled(s.data, threePublic ? 'down' : 'up'), unit: threePublic ? '万元' : '元' } } as ModelSheet;
  });
  return { sheets: out, converted };
}
