import type { UnitWorkbook } from '../core/consolidate/types';
import { Money } from '../core/money';

/**
 * A unit's model across a thread boundary: structured cloning keeps plain data but turns a
 * Money (a Decimal) into a bare object, so each amount travels as its exact text and is made
 * a Money again on arrival.
 */
export type PackedUnit = { packed: unknown };

const MONEY = '\u0000money';

function pack(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Money.isDecimal(v)) return { [MONEY]: (v as Money).toString() };
  if (Array.isArray(v)) return v.map(pack);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = pack(x);
  return out;
}

function unpack(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(unpack);
  const o = v as Record<string, unknown>;
  if (typeof o[MONEY] === 'string') return new Money(o[MONEY] as string);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) out[k] = unpack(x);
  return out;
}

export const packUnit = (u: UnitWorkbook): PackedUnit => ({ packed: pack(u) });
export const unpackUnit = (p: PackedUnit): UnitWorkbook => unpack(p.packed) as UnitWorkbook;
