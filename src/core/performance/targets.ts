import { Money, toHalfWidth } from '../money';

/**
 * The grammar of target values (年度指标值) and completed values (实际完成值), domain.md §6:
 * a comparator, a number and a unit (`≥90.00(%)`, `=100%`, `≤18.00(万元)`, `=0次`, `≤5毫秒`,
 * `=1508000.00(元/年)`), or a phrase (`健全`, `有效`, `2个工作日内`, `三级`).
 */
export type Comparator = '=' | '≥' | '≤' | '>' | '<';

export type TargetValue =
  | { kind: 'quantity'; comparator: Comparator; value: Money; unit: string }
  | { kind: 'phrase'; text: string }
  | { kind: 'invalid'; text: string; reason: string };

const COMPARATORS: Record<string, Comparator> = { '=': '=', '＝': '=', '≥': '≥', '>=': '≥', '≧': '≥', '≤': '≤', '<=': '≤', '≦': '≤', '>': '>', '＞': '>', '<': '<', '＜': '<' };

const QUANTITY = /^(>=|<=|≥|≤|≧|≦|=|＝|>|＞|<|＜)?\s*([+-]?\d+(?:\.\d+)?)\s*(?:\(([^()]*)\)|（([^（）]*)）|([^\d\s].*))?$/;

export function parseTargetValue(raw: string | null | undefined): TargetValue {
  const text = (raw ?? '').trim();
  if (text === '') return { kind: 'invalid', text, reason: '指标值为空' };
  const m = QUANTITY.exec(toHalfWidth(text).replace(/\s+/g, ''));
  if (m) {
    const unit = (m[3] ?? m[4] ?? m[5] ?? '').trim();
    // “2个工作日内” without a comparator is a time-limit phrase, as the forms write it.
    if (m[1] === undefined && /内$/.test(unit)) return { kind: 'phrase', text };
    if (m[1] === undefined && unit === '' && !/%/.test(text)) {
      return { kind: 'invalid', text, reason: `“${text}”缺少比较符和单位，应写成如“≥90.00(%)”或“=1.00(辆)”` };
    }
    return { kind: 'quantity', comparator: COMPARATORS[m[1] ?? '='], value: new Money(m[2]), unit };
  }
  if (/^(>=|<=|≥|≤|=|>|<)/.test(text)) return { kind: 'invalid', text, reason: `“${text}”有比较符但后面不是数字` };
  return { kind: 'phrase', text };
}

/** The same quantity in the units a target uses: a percentage stays in percent points. */
export function sameUnit(a: string, b: string): boolean {
  return a.replace(/[()（）]/g, '') === b.replace(/[()（）]/g, '');
}
