import type { ModelSheet, TextData, ThreePublicData } from '../model';
import { address } from '../plan/a1';
import { v } from './checks';
import { matchesOf } from './matches';
import { finding } from './checks';
import { scaleOf, show } from './tolerance';
import type { Finding } from './types';

/**
 * What the text says against what the tables hold, beyond the figures narrative.ts compares:
 * a “no 三公” statement beside a 三公 amount, and sentences whose figure was never filled in
 * (domain.md §8: the commonest mistakes reviewers list).
 */

/** Text sheets start their paragraphs on row 3 (title on row 1). */
const paragraphCell = (i: number) => `A${i + 3}`;

const NO_THREE_PUBLIC = /(无|没有|未安排|不涉及)[“"]?三公[”"]?经费|[“"]三公[”"]经费(预算)?(数)?(为)?(零|0(\.0+)?万?元)(?![\d.])/;

export function checkThreePublicStatement(sheets: ModelSheet[]): Finding[] {
  const t9sheet = sheets.find((s) => s.specId === 'T9' && s.data.kind === 'three-public');
  if (!t9sheet) return [];
  const t9 = t9sheet.data as ThreePublicData;
  const total = v(t9.amounts.total);
  // the items' sum only stands in for a 合计 of 0
  const amount = total.isZero() ? v(t9.amounts.abroad).plus(v(t9.amounts.reception)).plus(v(t9.amounts.vehicleTotal)) : total;
  if (amount.isZero()) return [];
  const col = t9.at?.columns.total;
  const cell = col && t9.at?.totalRow ? address(t9.at.totalRow, col) : 'A1';
  const said: { where: string; text: string }[] = [];
  if (t9.statement && NO_THREE_PUBLIC.test(t9.statement)) said.push({ where: `本表说明`, text: t9.statement });
  for (const s of sheets) {
    if (s.data.kind !== 'text') continue;
    (s.data as TextData).paragraphs.forEach((p, i) => {
      const m = NO_THREE_PUBLIC.exec(p);
      if (m) said.push({ where: `“${s.sheetName}”${paragraphCell(i)}`, text: sentenceAround(p, m.index) });
    });
  }
  return said.map((x) =>
    finding('threePublicStatement', t9sheet.sheetName, cell, `${cell}：${x.where}称“${x.text}”，但本表“三公”经费为${show(amount, scaleOf(t9, '万元'))}；请改正说明或表中金额`),
  );
}

function sentenceAround(p: string, at: number): string {
  const start = Math.max(p.lastIndexOf('。', at) + 1, p.lastIndexOf('；', at) + 1, 0);
  const ends = ['。', '；'].map((c) => p.indexOf(c, at)).filter((i) => i >= 0);
  return p.slice(start, ends.length ? Math.min(...ends) : p.length).trim();
}

/**
 * A verb that announces a figure, then (after nothing but spaces) the unit the figure should
 * carry: `预算支出总额为 万元`, `下属 家单位`, `比上年增加万元`. `单位为万元` states a unit, not a figure.
 */
/** Chinese has no spaces between words: spaces before a unit are where a figure was. */
const SPACED_UNIT = /[\u4e00-\u9fff，、：:]([\s\u3000]+)(万元|亿元|家|个(?![人体别性])|辆|%|％)/g;
const BLANK_FIGURE = /(为|共|计|约|达|减少|增加|下降|增长|下属|设有|涉及|其中|预算|金额|总额|合计)[\s\u3000]*(万元|亿元|元(?![旦月])|家(?![庭属])|个(?![人体别性])|辆|%|％)/g;
// `【请填写…】` is what `budget-tables draft` leaves where a person must write; `{…}` a template's slot.
const PLACEHOLDERS = /X{2,}|Ｘ{2,}|×{2,}|待补充|待填写|＊{2,}|\*{2,}|【请(?:填写|补充)[^】]*】|\{[^{}\n]{1,40}\}|（略）/g;

export function checkBlankFigures(sheets: ModelSheet[]): Finding[] {
  const out: Finding[] = [];
  for (const s of sheets) {
    if (s.data.kind !== 'text') continue;
    (s.data as TextData).paragraphs.forEach((p, i) => {
      const cell = paragraphCell(i);
      // One finding per paragraph: the clerk fixes the paragraph, every blank of it named.
      const verbs = matchesOf(BLANK_FIGURE, p).filter((m) => !(m[1] === '为' && p.slice(Math.max(0, (m.index ?? 0) - 2), m.index).endsWith('单位')));
      const spaced = matchesOf(SPACED_UNIT, p).filter((m) => !verbs.some((v) => Math.abs((v.index ?? 0) + v[0].length - ((m.index ?? 0) + m[0].length)) === 0));
      const blanks = [...verbs, ...spaced].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
      if (blanks.length) {
        // each blank with the words just before it: `总额为 万元`, `行政单位 家`
        const shown = blanks.map((m) => `“${p.slice(Math.max(0, (m.index ?? 0) - 3), (m.index ?? 0) + m[0].length).replace(/[\s\u3000]+/g, ' ').trim()}”`).join('、');
        out.push(finding('blankFigure', s.sheetName, cell, `${cell}：“${sentenceAround(p, blanks[0].index ?? 0)}”${blanks.length > 1 ? '等处' : ''}中${shown}缺少数字，请补上`));
      }
      const held = matchesOf(PLACEHOLDERS, p);
      if (held.length) out.push(finding('blankFigure', s.sheetName, cell, `${cell}：“${sentenceAround(p, held[0].index ?? 0)}”中还留有占位符“${held[0][0]}”，请填写`));
    });
  }
  return out;
}

/** The sections a body writes about itself; a project's 说明 is its unit's words, even in a department's book. */
const OWN_SECTIONS = new Set(['functions', 'organization', 'glossary', 'explanation', 'other']);

/**
 * A department speaks of itself as 本部门, a unit as 本单位 (domain.md §8): the other word in
 * the body's own sections is a copy from the other level's text.
 */
export function checkLevelWording(sheets: ModelSheet[]): Finding[] {
  const level = sheets.find((s) => s.data.kind !== 'text' && s.context.level)?.context.level ?? sheets.find((s) => s.context.level)?.context.level;
  if (!level) return [];
  const [right, wrong] = level === 'department' ? ['本部门', '本单位'] : ['本单位', '本部门'];
  const out: Finding[] = [];
  for (const s of sheets) {
    if (s.data.kind !== 'text' || !OWN_SECTIONS.has(s.specId)) continue;
    (s.data as TextData).paragraphs.forEach((p, i) => {
      const at = p.indexOf(wrong);
      if (at < 0) return;
      const cell = paragraphCell(i);
      out.push(finding('levelWording', s.sheetName, cell, `${cell}：${level === 'department' ? '部门' : '单位'}预算的说明应称“${right}”，此处写作“${wrong}”：“${sentenceAround(p, at)}”`));
    });
  }
  return out;
}
