import type { ComparisonData, ModelSheet, TextData } from '../model';
import { formatAmount, Money } from '../money';
import { COMPARISON_COLUMNS } from '../plan/comparison-layout';
import { address } from '../plan/a1';
import { DEFAULT_THRESHOLD, needsReason, needsReasonScaled, type ComparisonRow } from '../previous/compare';
import { finding } from './checks';
import { firstMatchOf, matchesOf } from './matches';
import type { Finding } from './types';

/**
 * The text sections against last year and against themselves (issue 16.5): a change that
 * needs its reason and has none, a change that disagrees with the 上年对比 sheet, a year that
 * is neither the budget year nor (where the text compares) the year before, and a punctuation
 * mark or word written twice. Paragraphs of a text sheet start on row 3 (title in A1).
 */
const paragraphCell = (i: number) => `A${i + 3}`;

/** A stretch of a section that one heading or item opens (`一、`, `（二）`, `3.`): what a change sentence and its reason belong to. */
interface Unit {
  text: string;
  /** start offset in `text` of each paragraph, with its index */
  starts: { at: number; paragraph: number }[];
}

const OPENS_UNIT = /^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])/;

/**
 * Paragraphs joined into units: a transcribed PDF breaks lines anywhere (`比2019年预` / `算增加…`),
 * so a sentence is read across its paragraphs, and a unit ends only where the next item opens.
 */
function units(paragraphs: readonly string[]): Unit[] {
  const out: Unit[] = [];
  let cur: Unit | null = null;
  paragraphs.forEach((p, i) => {
    if (!cur || OPENS_UNIT.test(p)) {
      cur = { text: '', starts: [] };
      out.push(cur);
    }
    cur.starts.push({ at: cur.text.length, paragraph: i });
    cur.text += p.trim();
  });
  return out;
}

function paragraphAt(u: Unit, at: number): number {
  let p = u.starts[0].paragraph;
  for (const s of u.starts) if (s.at <= at) p = s.paragraph;
  return p;
}

function sentenceAt(text: string, at: number, end: number): string {
  const start = Math.max(text.lastIndexOf('。', at - 1) + 1, 0);
  const stop = text.indexOf('。', end);
  return text.slice(start, stop < 0 ? text.length : stop).trim();
}

const FIGURE = '([\\d,]+(?:\\.\\d+)?)';
/** `公务接待费0.40万元。比2020年预算减少0.06万元` / `…0万元，与2020年预算持平` / `…比2019年预算持平` */
const CHANGE = new RegExp(`([\\u4e00-\\u9fff“”（）]{2,24}?)(?:为)?${FIGURE}万元[，,。；]?\\s*(?:比|与)(?:(\\d{4})年|上年)(?:预算)?(?:(增加|减少)${FIGURE}万元|持平)`, 'g');

/**
 * What every change sentence holds (`…万元，比`, `…万元与`), found with a literal first: CHANGE
 * itself tries each position of a unit with its lazy subject, and most units state no change.
 */
const MAY_CHANGE = /万元[，,。；]?\s*(?:比|与)/;

interface StatedChange {
  sheet: ModelSheet;
  unit: Unit;
  /** the match's start and end in the unit's text */
  at: number;
  end: number;
  subject: string;
  /** the figure as printed, commas dropped */
  figure: string;
  /** the change as printed, commas dropped; null for 持平 */
  amount: string | null;
  decrease: boolean;
  /** decimals the change (or, for 持平, the figure) is printed with */
  decimals: number;
  /** the year compared with, when the sentence names it (`比上年` does not) */
  year: number | null;
}

const num = (s: string) => new Money(s.replace(/,/g, ''));
const decimalsOf = (s: string) => s.split('.')[1]?.length ?? 0;
const TEXT_SECTIONS = new Set(['explanation', 'other']);

function statedChanges(sheets: readonly ModelSheet[]): StatedChange[] {
  const out: StatedChange[] = [];
  for (const s of sheets) {
    if (s.data.kind !== 'text' || !TEXT_SECTIONS.has(s.specId)) continue;
    for (const u of units((s.data as TextData).paragraphs)) {
      if (!MAY_CHANGE.test(u.text)) continue;
      for (const m of matchesOf(CHANGE, u.text)) out.push(statedChange(s, u, m));
    }
  }
  return out;
}

/**
 * One sentence's change as printed. Money is made of it only where a check needs one (the
 * comparison, a finding's words): most changes are decided from their digits (figureDigits).
 */
function statedChange(s: ModelSheet, u: Unit, m: RegExpExecArray): StatedChange {
  const at = m.index ?? 0;
  const [, subject, figure, year, direction, amount] = m;
  const figureText = plainFigure(figure);
  const amountText = direction ? plainFigure(amount) : null;
  return {
    sheet: s,
    unit: u,
    at,
    end: at + m[0].length,
    subject,
    figure: figureText,
    amount: amountText,
    decrease: direction === '减少',
    decimals: decimalsOf(direction ? amount : figure),
    year: year ? Number(year) : null,
  };
}

/** Commas dropped; a figure Decimal cannot read (`,` alone leaves nothing) fails here, as it did when read at once. */
function plainFigure(s: string): string {
  const t = s.replace(/,/g, '');
  if (t === '') num(s);
  return t;
}

const paragraphOf = (c: StatedChange) => paragraphAt(c.unit, c.at + c.subject.length);
const sentenceOf = (c: StatedChange) => sentenceAt(c.unit.text, c.at, c.end);
const afterOf = (c: StatedChange) => c.unit.text.slice(c.end);
const currentOf = (c: StatedChange) => new Money(c.figure);
/** signed; zero for 持平 */
const changeOf = (c: StatedChange) => (c.amount === null ? new Money(0) : new Money(c.amount).times(c.decrease ? -1 : 1));
/** A change of 0 (持平, `增加0万元`): no digit but 0. */
const isNoChange = (c: StatedChange) => c.amount === null || !/[1-9]/.test(c.amount);

/**
 * A printed figure as a whole number of its last decimal's units, `scale` decimals (`30.42` at
 * 2 is 3042, at 3 is 30420), when that is exact in a double (15 digits at most); else null.
 */
function figureDigits(text: string, scale: number): number | null {
  const point = text.indexOf('.');
  const whole = point < 0 ? text : text.slice(0, point);
  const fraction = point < 0 ? '' : text.slice(point + 1);
  if (fraction.length > scale || whole.length + scale > 15) return null;
  return Number(whole + fraction.padEnd(scale, '0'));
}

/** needsReason of a stated change: from its digits when they decide it, else in Decimal. */
function changeNeedsReason(c: StatedChange, threshold: Money, thresholdNumber: number): boolean {
  const scale = Math.max(decimalsOf(c.figure), decimalsOf(c.amount ?? ''));
  const current = figureDigits(c.figure, scale);
  const change = figureDigits(c.amount ?? '0', scale);
  if (current !== null && change !== null) {
    const clear = needsReasonScaled(c.decrease ? current + change : current - change, current, thresholdNumber);
    if (clear !== null) return clear;
  }
  const now = currentOf(c);
  return needsReason(now.minus(changeOf(c)), now, threshold);
}

/** A reason given after the change, or the change is a total its items (which follow) explain. */
const REASON = /原因|主要是|主要用于|如下/;
const ITEMS_FOLLOW = /其中[：:]\s*$/;

function thresholdOf(sheets: readonly ModelSheet[]): Money {
  const c = sheets.find((s) => s.data.kind === 'comparison')?.data as ComparisonData | undefined;
  return c?.threshold ?? DEFAULT_THRESHOLD;
}

export function checkChangeReasons(sheets: readonly ModelSheet[]): Finding[] {
  const threshold = thresholdOf(sheets);
  const out: Finding[] = [];
  const thresholdNumber = threshold.toNumber();
  for (const c of statedChanges(sheets)) {
    if (isNoChange(c)) continue;
    if (!changeNeedsReason(c, threshold, thresholdNumber)) continue;
    const after = afterOf(c);
    if (REASON.test(after) || ITEMS_FOLLOW.test(after)) continue;
    const cell = paragraphCell(paragraphOf(c));
    const change = changeOf(c);
    const previous = currentOf(c).minus(change);
    const rate = previous.isZero() ? '上年为0' : `增减率${change.div(previous.abs()).times(100).toFixed(2)}%`;
    out.push(finding('changeReason', c.sheet.sheetName, cell, `${cell}：“${sentenceOf(c)}”（${rate}，阈值${threshold.toFixed()}%）没有说明原因；请写明“主要原因是…”`));
  }
  for (const s of sheets) {
    if (s.data.kind !== 'comparison') continue;
    for (const r of s.data.rows) {
      if (!r.reasonRequired || r.reason || r.row === undefined) continue;
      const cell = address(r.row, COMPARISON_COLUMNS.reason);
      out.push(finding('changeReason', s.sheetName, cell, `${cell}：“${describe(r)}”${rateWords(r)}，须在“原因”栏填写增减原因`));
    }
  }
  return out;
}

function describe(r: ComparisonRow): string {
  return [r.code, r.label, r.column && r.column !== '合计' ? r.column : null].filter(Boolean).join(' ');
}

function rateWords(r: ComparisonRow): string {
  const d = r.unit === '万元' ? 2 : 0;
  const change = `${r.change.isNegative() ? '减少' : '增加'}${formatAmount(r.change.abs(), d)}${r.unit}`;
  return r.rate === null ? `上年为0，本年${change}` : `比上年${change}（${r.rate.toFixed(2)}%）`;
}

/** Which row of the 上年对比 sheet a sentence's subject is. */
const SUBJECT_KEYS: [RegExp, string][] = [
  [/“三公”经费预算数$/, 'T9:total'],
  [/因公出国（境）费$/, 'T9:abroad'],
  [/公务用车购置及运行费$/, 'T9:vehicleTotal'],
  [/公务接待费$/, 'T9:reception'],
  [/机关运行经费(预算)?$/, 'T9:operating'],
  [/一般公共预算拨款支出预算$/, 'T1:income:general'],
  [/政府性基金拨款支出预算$/, 'T1:income:fund'],
  [/财政拨款(支出预算|收入)$/, 'T1:income:fiscal'],
];

export function checkChangesAgainstComparison(sheets: readonly ModelSheet[]): Finding[] {
  const sheet = sheets.find((s) => s.data.kind === 'comparison');
  if (!sheet) return [];
  const rows = new Map((sheet.data as ComparisonData).rows.map((r) => [r.key, r]));
  const out: Finding[] = [];
  for (const c of statedChanges(sheets)) {
    const key = SUBJECT_KEYS.find(([re]) => re.test(c.subject))?.[1];
    const row = key ? rows.get(key) : undefined;
    if (!row) continue;
    const wan = row.unit === '元' ? row.change.div(10000) : row.change;
    const rounded = wan.toDecimalPlaces(c.decimals, Money.ROUND_HALF_UP);
    if (rounded.eq(changeOf(c))) continue;
    const cell = paragraphCell(paragraphOf(c));
    const where = row.row !== undefined ? `“${sheet.sheetName}”${address(row.row, COMPARISON_COLUMNS.change)}` : `“${sheet.sheetName}”`;
    const said = rounded.isZero() ? '持平' : `${rounded.isNegative() ? '减少' : '增加'}${rounded.abs().toFixed(c.decimals)}万元`;
    out.push(finding('changeVsComparison', c.sheet.sheetName, cell, `${cell}：说明称“${sentenceOf(c)}”，而${where}的“${row.label}”增减额为${wan.toFixed(Math.max(2, c.decimals))}万元（按${c.decimals}位小数应为${said}）`));
  }
  return out;
}

/**
 * A year where the budget's wording needs the budget year (or, for 截至…, the year before):
 * `2021年，`, `2021年本单位…`, `2021年“三公”经费`, `2021年度…预算`, `截至2020年8月31日`. A year
 * told as history (`1998年成立`) is left alone.
 */
const YEAR = /((?:19|20)\d{2})\s*年(?=度|[，,]|本单位|本部门|单位|部门|“|"|预算|项目|收入|支出|机关运行|政府采购|面向|绩效|\d{1,2}月\d{1,2}日)/g;
const AGAINST = /(?:比|与|较)((?:19|20)\d{2})\s*年/g;
const TITLE_YEAR = /((?:19|20)\d{2})\s*年/g;

/** A year in a text's title or sentences that is neither the budget year nor, where it compares, the year before. */
export function checkTextYears(sheets: readonly ModelSheet[], year: number | undefined): Finding[] {
  if (year === undefined) return [];
  const out: Finding[] = [];
  for (const s of sheets) {
    if (s.data.kind !== 'text' || !TEXT_SECTIONS.has(s.specId)) continue;
    const d = s.data as TextData;
    const title = d.title ? firstMatchOf(TITLE_YEAR, d.title, (m) => Number(m[1]) !== year) : undefined;
    if (title) out.push(finding('textYear', s.sheetName, 'A1', `A1：标题“${d.title}”写作${title[1]}年，本工作簿是${year}年预算`));
    d.paragraphs.forEach((p, i) => {
      const cell = paragraphCell(i);
      const against = firstMatchOf(AGAINST, p, (m) => Number(m[1]) !== year - 1);
      if (against) {
        out.push(finding('textYear', s.sheetName, cell, `${cell}：“${sentenceAt(p, against.index ?? 0, (against.index ?? 0) + against[0].length)}”与${against[1]}年比较；${year}年预算应与上年（${year - 1}年）比较`));
        return;
      }
      const other = firstMatchOf(YEAR, p, (m) => Number(m[1]) !== year && Number(m[1]) !== year - 1);
      if (other) out.push(finding('textYear', s.sheetName, cell, `${cell}：“${sentenceAt(p, other.index ?? 0, (other.index ?? 0) + other[0].length)}”中的${other[1]}年既不是预算年度${year}年，也不是上年${year - 1}年`));
    });
  }
  return out;
}

/**
 * The same mark twice (`，，`, `。。`) or two marks that never meet (`，。`); a function word
 * twice (`的的`), except where the two belong to different words (`目的的`, `不了了之`,
 * `存在在`); 是 and 对 are left out (`但是是否`, `针对对方`).
 */
const DOUBLED = /[，。、；：！？,;]{2,}|(?<!目)的的|(?<![不明])了了(?!之)|和和|与与|及及|(?<![存所现正实])在在|将将|把把|被被|从从|按按|并并|或或|向向|于于/g;

export function checkDoubled(sheets: readonly ModelSheet[]): Finding[] {
  const out: Finding[] = [];
  for (const s of sheets) {
    if (s.data.kind !== 'text') continue;
    (s.data as TextData).paragraphs.forEach((p, i) => {
      const hits = matchesOf(DOUBLED, p);
      if (!hits.length) return;
      const cell = paragraphCell(i);
      const shown = hits.map((m) => `“${p.slice(Math.max(0, (m.index ?? 0) - 4), (m.index ?? 0) + m[0].length + 2)}”`).join('、');
      out.push(finding('doubled', s.sheetName, cell, `${cell}：${shown}中${hits.map((m) => `“${m[0]}”`).join('、')}重复，请删去多余的`));
    });
  }
  return out;
}

/**
 * The 编制说明's title names its level (`2021年单位预算编制说明` / `2020年部门预算编制说明`): the
 * other level's title is a copy from the other level's text (level-wording, as 本部门/本单位 in
 * the paragraphs, statements.ts).
 */
export function checkTitleLevel(sheets: readonly ModelSheet[]): Finding[] {
  const level = sheets.find((s) => s.data.kind !== 'text' && s.context.level)?.context.level;
  if (!level) return [];
  const [right, wrong] = level === 'department' ? ['部门预算', '单位预算'] : ['单位预算', '部门预算'];
  const out: Finding[] = [];
  for (const s of sheets) {
    if (s.specId !== 'explanation' || s.data.kind !== 'text' || !s.data.title?.includes(`${wrong}编制说明`)) continue;
    out.push(finding('levelWording', s.sheetName, 'A1', `A1：${level === 'department' ? '部门' : '单位'}预算的编制说明标题应称“${right}编制说明”，此处为“${s.data.title}”`));
  }
  return out;
}
