import type { Finding } from './types';

/**
 * How a finding's message reads (issue 15.5): as a clerk writes, in one voice for every rule.
 *
 * Chinese messages (`Finding.message`, `RuleSpec.description`):
 * 1. No space between Chinese and Latin letters, figures or signs: `合计为1,058.70万元`,
 *    `第12行`, `科目2040201`, `T2“收入预算总表”`; none between two Chinese words either
 *    (`合计行的合计`, not `合计行 的合计`). Spaces stay only inside Latin runs (`BUDGET.ROLLUP`
 *    formulas, `#NAME?`) and inside quoted data: a clerk's words in “…” are quoted as written.
 * 2. Chinese punctuation after Chinese: `，；：？！`, not `, ; : ? !`.
 * 3. The body's own word when the level is known: `本单位` or `本部门`, never `本单位（部门）`.
 * 4. The cell a finding carries is not written again in its message: the finding has `cell`,
 *    and every display (the pane's list, `check`'s lines, the comment on the cell) shows it.
 *    Other cells are named with their sheet when on another sheet (`单位收入总表!E8`).
 * 5. No white space at either end, no two spaces in a row, no line break.
 * 6. No unfilled placeholder of a spec's wording (`{year}`, `{org}`, `{tier}`): a clerk would
 *    read `{year}年单位…` as our mistake. No quote opened or closed twice in a row (`““三公”`).
 *
 * English text (`RuleSpec.descriptionEn`): rules 3 and 5, no Chinese punctuation (Chinese
 * terms keep their own words in brackets or quotes: `(三公经费)`), no space before `, . ; : )`,
 * and a space between a Latin word and a Chinese term (`the 合计 row`, not `the合计row`).
 */

export interface StyleViolation {
  rule: string;
  /** the offending text with a few characters around it */
  at: string;
}

const HAN = '\\u3400-\\u9fff\\uf900-\\ufaff';
/** Chinese characters and the full-width punctuation that follows them */
const CJK = `[${HAN}\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\u2018-\\u201d\\u2026]`;
const ASCII_VISIBLE = '[!-~]';

const OPEN: Record<string, string> = { '“': '”', '‘': '’', '【': '】' };

/**
 * Quoted data (“…”, ‘…’, 【…】, nested as a clerk's text nests them: “…“三公”…”) as one
 * placeholder word: its spacing is the clerk's. An unclosed quote runs to the end.
 */
function withoutQuotes(text: string): string {
  let out = '';
  const open: string[] = [];
  for (const ch of text) {
    if (OPEN[ch]) {
      if (open.length === 0) out += ch + '引';
      open.push(OPEN[ch]);
    } else if (open.length > 0 && ch === open[open.length - 1]) {
      open.pop();
      if (open.length === 0) out += ch;
    } else if (open.length === 0) out += ch;
  }
  return out;
}

function around(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 6), index + length + 6);
}

function matches(text: string, re: RegExp, rule: string): StyleViolation[] {
  return [...text.matchAll(re)].map((m) => ({ rule, at: around(text, m.index ?? 0, m[0].length) }));
}

const LEVEL_UNKNOWN = /本单位[（(]部门[）)]|本部门[（(]单位[）)]/g;
const LINE_BREAK_OR_DOUBLE = /\n|\r|\t| {2,}|\u3000/g;
const PLACEHOLDER = /\{[a-z]+\}/gi;
/** a quote opened right after another: `T9““三公”…”` */
const DOUBLED_QUOTE = /““|””/g;

function common(text: string): StyleViolation[] {
  const out = [...matches(text, LEVEL_UNKNOWN, 'level-known'), ...matches(text, LINE_BREAK_OR_DOUBLE, 'white-space'), ...matches(text, PLACEHOLDER, 'placeholder'), ...matches(text, DOUBLED_QUOTE, 'doubled-quote')];
  if (text !== text.trim()) out.push({ rule: 'white-space', at: text.slice(0, 12) });
  return out;
}

/** The rules 1–3 and 5 for Chinese text; a finding's own cell (rule 4) is `checkFinding`'s. */
export function checkChinese(text: string): StyleViolation[] {
  const bare = withoutQuotes(text);
  return [
    ...common(text),
    ...matches(bare, new RegExp(`${CJK} +${ASCII_VISIBLE}|${ASCII_VISIBLE} +${CJK}`, 'g'), 'cjk-ascii-space'),
    ...matches(bare, new RegExp(`${CJK} +${CJK}`, 'g'), 'cjk-space'),
    // `表!G16` is a reference to another sheet's cell, not an exclamation
    ...matches(bare, new RegExp(`[${HAN}](?:[,;:?](?!\\d)|!(?![A-Z$]))`, 'g'), 'cjk-punctuation'),
  ];
}

export function checkEnglish(text: string): StyleViolation[] {
  return [
    ...common(text),
    ...matches(text, /[，。；：（）、？！]/g, 'chinese-punctuation-in-english'),
    ...matches(text, / [,.;:)]|\( /g, 'space-before-punctuation'),
    ...matches(text, new RegExp(`[A-Za-z0-9][${HAN}]|[${HAN}][A-Za-z0-9]`, 'g'), 'latin-cjk-no-space'),
  ];
}

/** A1 address of the finding's cell standing alone in its message (not `另一表!E21`, not `E215`). */
function ownCell(f: Pick<Finding, 'cell' | 'message'>): StyleViolation[] {
  if (!/^[A-Z]{1,3}\d+$/.test(f.cell)) return [];
  const re = new RegExp(`(?<![A-Za-z0-9!$:])${f.cell}(?![0-9:])`, 'g');
  return matches(f.message, re, 'own-cell');
}

export function checkFinding(f: Pick<Finding, 'cell' | 'message'>): StyleViolation[] {
  return [...checkChinese(f.message), ...ownCell(f)];
}

/**
 * The message without a leading `C7：` naming the finding's own cell: rules written before the
 * style guide (and a clerk's copy of one) put it there; the finding carries the cell.
 */
export function withoutOwnCell(cell: string, message: string): string {
  return cell && message.startsWith(`${cell}：`) ? message.slice(cell.length + 1) : message;
}
