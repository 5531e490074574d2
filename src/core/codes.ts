import { toHalfWidth } from './money';

/**
 * Classification codes. 支出功能分类 (functional): 类 3 digits, 款 +2, 项 +2, 类 201–2xx.
 * 部门预算支出经济分类 (economic): 类 3 digits, 款 +2, 类 3xx.
 */
export type Classification = 'functional' | 'economic';
export type CodeLevel = '类' | '款' | '项';

export const LEVEL_LENGTH: Record<CodeLevel, number> = { 类: 3, 款: 5, 项: 7 };

export type NormalizedCode = { ok: true; code: string } | { ok: false; reason: string };

const ASCII_DIGITS = /^[0-9]*$/;
const PLAIN_DIGITS = /^[0-9]+$/;

function cellText(part: unknown): string {
  if (part === null || part === undefined) return '';
  if (typeof part === 'number') return Number.isInteger(part) ? String(part) : '';
  // digits as typed (most code cells): nothing to widen or strip
  if (typeof part === 'string' && ASCII_DIGITS.test(part)) return part;
  return toHalfWidth(String(part)).replace(/[\s\u3000]+/g, '');
}

/**
 * Reads a code in any form a clerk types: `2040201`, `204 02 01`, `204-02-01`, `204.02.01`,
 * or three cells 类 | 款 | 项 (where Excel may have turned `02` into the number 2).
 */
export function normalizeCode(input: unknown): NormalizedCode {
  if (Array.isArray(input)) return normalizeCells(input);
  if (typeof input === 'number') {
    if (!Number.isInteger(input) || input < 0) return { ok: false, reason: `“${input}”不是科目编码` };
    return checkDigits(String(input), String(input));
  }
  // A code typed as plain ASCII digits (most code cells and catalog rows): nothing to widen, trim or split.
  if (typeof input === 'string' && PLAIN_DIGITS.test(input)) return checkDigits(input, input);
  const original = input === null || input === undefined ? '' : String(input);
  const text = toHalfWidth(original).trim();
  if (text === '') return { ok: false, reason: '科目编码为空' };
  const groups = text.split(/[\s\u3000\-.·_/]+/).filter((g) => g !== '');
  if (groups.length > 1) return normalizeCells(groups);
  return checkDigits(groups[0] ?? '', original);
}

const THREE_DIGITS = /^\d{3}$/;
const ONE_OR_TWO_DIGITS = /^\d{1,2}$/;

function normalizeCells(parts: unknown[]): NormalizedCode {
  const texts = parts.map(cellText);
  while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
  if (texts.length === 0) return { ok: false, reason: '科目编码为空' };
  if (texts.length > 3) return { ok: false, reason: `科目编码“${parts.join(' ')}”多于三段（类、款、项）` };
  const lei = texts[0];
  if (!THREE_DIGITS.test(lei)) return { ok: false, reason: `类级编码“${lei}”应为3位数字` };
  let code = lei;
  for (let i = 1; i < texts.length; i++) {
    const label = i === 1 ? '款' : '项';
    const part = texts[i];
    if (part === '') return { ok: false, reason: `缺少${label === '项' ? '款' : '类'}级编码，不能只填${label}` };
    if (!ONE_OR_TWO_DIGITS.test(part)) return { ok: false, reason: `${label}级编码“${part}”应为2位数字` };
    code += part.padStart(2, '0');
  }
  // The cells as typed are joined only for a message: most codes need none.
  return checkDigits(code, () => parts.join(' '));
}

/**
 * The code of 类 | 款 | 项 cells as nearly every table row holds them (`201` `01` `01` typed as
 * digits, trailing cells empty), or null when the cells need the general reading: what
 * `normalizeCode([lei, kuan, xiang])` gives when it accepts them, with no array, object or
 * closure made (a department's tables have tens of thousands of such rows).
 */
export function plainCellsCode(lei: unknown, kuan: unknown, xiang: unknown): string | null {
  const a = plainDigits(lei);
  if (a === null || a.length !== 3) return null;
  const first = a.charCodeAt(0);
  // 2 functional, 3 and 5 economic; anything else is an error the general reading words
  if (first !== 0x32 && first !== 0x33 && first !== 0x35) return null;
  const b = plainDigits(kuan);
  const c = plainDigits(xiang);
  if (b === null || c === null) return null;
  if (b === '') return c === '' ? a : null;
  if (b.length > 2) return null;
  const kuanCode = a + (b.length === 1 ? '0' + b : b);
  if (c === '') return kuanCode;
  // an economic code has no 项
  if (c.length > 2 || first !== 0x32) return null;
  return kuanCode + (c.length === 1 ? '0' + c : c);
}

/**
 * All ASCII digits and not empty, as /^[0-9]+$/ asks, as a loop: a code cell has at most a few
 * characters, and every row of a table asks (the reader here, the rules of every table).
 */
export function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** A code cell's text when it is empty ('') or plain ASCII digits (`cellText` unchanged), else null. */
function plainDigits(v: unknown): string | null {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v === '' || isDigits(v) ? v : null;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return String(v);
  return null;
}

function checkDigits(code: string, shownAs: string | (() => string)): NormalizedCode {
  // The usual case decided first: how the code was shown is needed only for a message.
  if (PLAIN_DIGITS.test(code) && (code.length === 3 || code.length === 5 || code.length === 7)) {
    const first = code[0];
    if (first === '2' || ((first === '3' || first === '5') && code.length !== 7)) return { ok: true, code };
  }
  return digitsFault(code, typeof shownAs === 'string' ? shownAs : shownAs());
}

function digitsFault(code: string, shown: string): NormalizedCode {
  if (!PLAIN_DIGITS.test(code)) return { ok: false, reason: `“${shown}”不是科目编码（应为数字）` };
  if (code.length !== 3 && code.length !== 5 && code.length !== 7) {
    return { ok: false, reason: `“${shown}”位数不对：类3位、款5位、项7位` };
  }
  const first = code[0];
  if (first !== '2' && first !== '3' && first !== '5') {
    return { ok: false, reason: `“${shown}”不是支出功能分类（2开头）或经济分类（3、5开头）编码` };
  }
  return { ok: false, reason: `经济分类编码“${shown}”只有类、款两级` };
}

export function classificationOf(code: string): Classification {
  return code.startsWith('2') ? 'functional' : 'economic';
}

export function levelOf(code: string): CodeLevel {
  return code.length === 3 ? '类' : code.length === 5 ? '款' : '项';
}

export function parentOf(code: string): string | null {
  return code.length > 3 ? code.slice(0, code.length - 2) : null;
}

/** `2040201` → [`204`, `02`, `01`], the three cells of the official layout. */
export function splitCode(code: string): [string, string, string] {
  return [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)];
}

/** `2040201` → `204 02 01`, as printed in the disclosures. */
export function displayCode(code: string): string {
  return splitCode(code).filter((p) => p !== '').join(' ');
}

/** Is `ancestor` the code itself or one of its parents? */
export function isWithin(code: string, ancestor: string): boolean {
  return code.startsWith(ancestor);
}
