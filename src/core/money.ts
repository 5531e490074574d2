import Decimal from 'decimal.js';

/**
 * Exact money. Every amount in the product is a Decimal; binary floating point never
 * touches a sum (549.30 + 173.90 + 335.50 must be 1058.70, which a double is not).
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

export const ZERO = new Money(0);

const FULL_WIDTH_DIGITS = /[０-９．，－＋]/g;
const HAS_FULL_WIDTH = /[０-９．，－＋]/;

/** Full-width digits and separators to ASCII (`１２３` → `123`). */
export function toHalfWidth(text: string): string {
  // Most texts have none: a test is cheaper than a replace with a function (a pasted catalog
  // passes every code and name through here).
  if (!HAS_FULL_WIDTH.test(text)) return text;
  return text.replace(FULL_WIDTH_DIGITS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

export type ParsedAmount =
  | { kind: 'blank' }
  | { kind: 'number'; value: Money; fromText: boolean; fullWidth: boolean }
  | { kind: 'invalid'; text: string };

const DASHES = new Set(['-', '—', '–', '－', '——', '/']);
const NUMERIC = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/**
 * Reads one amount cell as a clerk means it: blank, `—` and `-` are nothing (zero);
 * numbers typed as text (`1,234.50`, full-width digits) are read and flagged as text.
 */
export function parseAmount(raw: unknown): ParsedAmount {
  if (raw === null || raw === undefined) return { kind: 'blank' };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { kind: 'invalid', text: String(raw) };
    // A double from Excel carries at most 15 significant digits; toPrecision strips the tail
    // (an integer under 10^15 has no tail, and most amounts in 元 are such integers).
    // `+ 0` turns −0 into 0, as the round trip through toPrecision does.
    const exact = Number.isInteger(raw) && Math.abs(raw) < 1e15 ? raw + 0 : Number(raw.toPrecision(15));
    return { kind: 'number', value: new Money(exact), fromText: false, fullWidth: false };
  }
  if (typeof raw === 'boolean') return { kind: 'invalid', text: String(raw) };
  const text = String(raw);
  const trimmed = text.replace(/[\s\u3000]+/g, '');
  if (trimmed === '') return { kind: 'blank' };
  if (DASHES.has(trimmed)) return { kind: 'blank' };
  const half = toHalfWidth(trimmed);
  const fullWidth = half !== trimmed;
  if (!NUMERIC.test(half)) return { kind: 'invalid', text };
  return { kind: 'number', value: new Money(half.replace(/,/g, '')), fromText: true, fullWidth };
}

/** Sum exactly; blanks are zero. */
export function sum(values: Iterable<Money | null | undefined>): Money {
  let total = ZERO;
  for (const v of values) if (v) total = total.plus(v);
  return total;
}

/** 元 → 万元: divide by 10,000, half up to `digits` decimals (domain.md §2). */
export function yuanToWan(yuan: Money, digits = 2): Money {
  return yuan.div(10000).toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
}

/** A finite JS number for writing a cell; exact for every amount below 2^53 分. */
export function toCellNumber(value: Money): number {
  return value.toNumber();
}

/** `4168809452` → `4,168,809,452`; keeps the decimals it has, or `digits` when given. */
export function formatAmount(value: Money, digits?: number): string {
  const fixed = digits === undefined ? value.toFixed() : value.toFixed(digits);
  const [int, frac] = fixed.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digitsOnly = sign ? int.slice(1) : int;
  const grouped = digitsOnly.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (frac ? '.' + frac : '');
}

/**
 * The amount as a JS number when it is a whole number below 2^53 in magnitude (so the number is
 * exact), else null. Read from Decimal's own base-10^7 words rather than through a string
 * (`toNumber` formats and parses one): the rules' whole-元 fast paths ask it of every figure.
 */
export function wholeNumber(m: Money): number | null {
  const words = (m as unknown as { d: number[] | null }).d;
  // NaN and ±Infinity have no words.
  if (!words) return null;
  // Words 0…⌊e/7⌋ hold the integer part (the first word holds the leading digits); words past
  // it would be decimals, and Decimal keeps no trailing zero word, so any such word is a fraction.
  const intWords = Math.floor(m.e / 7) + 1;
  if (words.length > intWords) return null;
  if (intWords > 3) return null; // ≥ 10^14·10^7 > 2^53
  let n = 0;
  for (let i = 0; i < intWords; i++) n = n * 1e7 + (i < words.length ? words[i] : 0);
  if (n > Number.MAX_SAFE_INTEGER) return null;
  return m.s < 0 ? -n : n;
}
