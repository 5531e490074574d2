import type { BalanceTableData, CodedTableData, ModelSheet, TextData, ThreePublicData } from '../model';
import { sameName } from '../catalog/names';
import { Money, wholeNumber, ZERO } from '../money';
import { finding } from './checks';
import { matchesOf } from './matches';
import { halfUnit, Scale, scaleOf, toWan, YUAN } from './tolerance';
import type { Finding } from './types';

/**
 * Figures quoted in the narrative (预算编制说明, the “三公” explanation) against the tables.
 * The text gives 万元 rounded to the decimals it prints (“4,706万元”, “30.42万元”); the table
 * figure is rounded the same way (domain.md §2: half up) and must then be equal, no other
 * tolerance.
 */
interface Quote {
  sheet: ModelSheet;
  paragraph: number;
  text: string;
  /** the figure as printed, commas dropped: digits and at most one point */
  figure: string;
  decimals: number;
}

function quotes(sheet: ModelSheet | undefined, pattern: RegExp): (Quote & { match: RegExpExecArray })[] {
  if (!sheet || sheet.data.kind !== 'text') return [];
  const out: (Quote & { match: RegExpExecArray })[] = [];
  const paragraphs = (sheet.data as TextData).paragraphs;
  for (let i = 0; i < paragraphs.length; i++) {
    for (const m of matchesOf(pattern, paragraphs[i])) {
      const raw = m[m.length - 1].replace(/,/g, '');
      if (!PLAIN_FIGURE.test(raw)) continue;
      out.push({ sheet, paragraph: i, text: m[0], figure: raw, decimals: raw.split('.')[1]?.length ?? 0, match: m });
    }
  }
  return out;
}

const PLAIN_FIGURE = /^\d+(\.\d+)?$/;

/**
 * A 元 table's whole figure against a quote of at most 4 decimals, in integers: y 元 is
 * y / 10^(4−d) units of the quote's last decimal, rounded half up (away from zero, as Decimal's
 * ROUND_HALF_UP) by the remainder. True only when the rounded figure is the quote; otherwise
 * (or when the figure is not a whole 元 below 2^53) compare() decides in Decimal and words the
 * finding. Most quotes are right: their Decimal parse, division and rounding were most of what
 * the narrative check cost a small workbook.
 */
function quotedExactly(q: Quote, value: Money): boolean {
  if (q.decimals > 4) return false;
  const y = wholeNumber(value);
  if (y === null) return false;
  const digits = q.figure.replace('.', '');
  if (digits.length > 15) return false;
  const unit = 10 ** (4 - q.decimals);
  const size = Math.abs(y);
  const units = Math.floor(size / unit);
  const rounded = units + (2 * (size - units * unit) >= unit ? 1 : 0);
  return (y < 0 ? -rounded : rounded) === Number(digits);
}

// Made once (global, for matchesOf), not per workbook.
const T3_TOTAL = /预算支出总额为([\d,.]+)万元/g;
const T4_TOTAL = /财政拨款支出预算([\d,.]+)万元/g;
const T4_LINE = /“([^”]+)”科目([\d,.]+)万元/g;
const T5_TOTAL = /一般公共预算拨款支出预算([\d,.]+)万元/g;
const T6_TOTAL = /政府性基金拨款支出预算([\d,.]+)万元/g;
const T9_QUOTES: [RegExp, keyof ThreePublicData['amounts'], string][] = [
  [/“三公”经费预算数为([\d,.]+)万元/g, 'total', '“三公”经费预算表合计'],
  [/因公出国（境）费([\d,.]+)万元/g, 'abroad', '“三公”经费预算表因公出国（境）费'],
  [/公务用车购置及运行费([\d,.]+)万元/g, 'vehicleTotal', '“三公”经费预算表公务用车购置及运行费'],
  [/公务接待费([\d,.]+)万元/g, 'reception', '“三公”经费预算表公务接待费'],
  [/机关运行经费预算为([\d,.]+)万元/g, 'operating', '“三公”经费预算表机关运行经费'],
];
const LINE_NUMBER = /^[一二三四五六七八九十]+、\s*/;

/**
 * A quote against a table's figure, as printed in the table's scale. A 万元 figure printed with
 * the quote's digits is the quote: toFixed rounds half up, as compare() does, and a string of
 * digits equal to the quote's parses to the quote's value (no parse, rounding and comparison
 * in Decimal for the quotes that are right).
 */
function quoted(q: Quote, value: Money | null | undefined, from: Scale, what: string): Finding | null {
  const figure = value ?? ZERO;
  if (from.unit === '元' ? quotedExactly(q, figure) : figure.toFixed(q.decimals) === q.figure) return null;
  return compare(q, toWan(figure, from), what, from);
}

function compare(q: Quote, wan: Money, what: string, from: Scale = YUAN): Finding | null {
  const rounded = wan.toDecimalPlaces(q.decimals, Money.ROUND_HALF_UP);
  const value = new Money(q.figure);
  if (rounded.eq(value)) return null;
  // A table already in 万元 was rounded once before the text rounds it again to fewer
  // decimals: the text may then be off by its own half unit plus the table's (tolerance.ts).
  if (from.unit === '万元' && q.decimals < from.decimals && value.minus(wan).abs().lte(new Money(5).div(new Money(10).pow(q.decimals + 1)).plus(halfUnit(from)))) return null;
  // Text sheets start their paragraphs on row 3 (title on row 1).
  const cell = `A${q.paragraph + 3}`;
  return finding('narrative', q.sheet.sheetName, cell, `${cell}：说明中“${q.text}”，${what}为${wan.toFixed(2)}万元（保留${q.decimals}位小数为${rounded.toFixed(q.decimals)}万元）`);
}

export function checkNarrative(sheets: ModelSheet[]): Finding[] {
  const find = (id: string) => sheets.find((s) => s.specId === id);
  const coded = (id: string) => find(id)?.data as CodedTableData | undefined;
  const explanation = find('explanation');
  const other = find('other');
  const t3 = coded('T3');
  const t5 = coded('T5');
  const t6 = coded('T6');
  const t4 = find('T4')?.data as BalanceTableData | undefined;
  const t9 = find('T9')?.data as ThreePublicData | undefined;
  const out: (Finding | null)[] = [];

  if (t3) for (const q of quotes(explanation, T3_TOTAL)) out.push(quoted(q, t3.total.total, scaleOf(t3), '支出预算总表合计'));
  if (t4) {
    for (const q of quotes(explanation, T4_TOTAL)) out.push(quoted(q, t4.expenditureTotal.total, scaleOf(t4), '财政拨款收支总表支出总计'));
    for (const q of quotes(explanation, T4_LINE)) {
      const name = q.match[1];
      const line = t4.expenditure.find((e) => sameName(e.label.replace(LINE_NUMBER, ''), name));
      if (line) out.push(quoted(q, line.amounts.total, scaleOf(t4), `财政拨款收支总表“${name}”`));
    }
  }
  if (t5) for (const q of quotes(explanation, T5_TOTAL)) out.push(quoted(q, t5.total.total, scaleOf(t5), '一般公共预算支出功能分类预算表合计'));
  if (t6) for (const q of quotes(explanation, T6_TOTAL)) out.push(quoted(q, t6.total.total, scaleOf(t6), '政府性基金预算支出功能分类预算表合计'));
  if (t9) {
    const s9 = scaleOf(t9, '万元');
    for (const [re, key, what] of T9_QUOTES) for (const q of quotes(other, re)) out.push(quoted(q, t9.amounts[key], s9, what));
  }
  return out.filter((f): f is Finding => f !== null);
}
