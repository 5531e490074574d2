import { firstMatchOf, matchesOf } from '../../../src/core/rules/matches';

/** matchesOf and firstMatchOf list what matchAll lists (and leave lastIndex at 0), whatever the expression. */
describe('matchesOf', () => {
  const texts = ['', '预算支出总额为4,706万元，预算支出总额为5万元', 'abc', 'ac abbbc', 'ABC abc', '无政府性基金', 'xx𠀀y 𠀀𠀀y', '因公出国（境）费0.00万元'];
  const patterns = [
    /预算支出总额为([\d,.]+)万元/g,
    /因公出国（境）费([\d,.]+)万元/g,
    /ab?c/g,
    /ab*c/g,
    /ab{2,}c/g,
    /abc|ac/g,
    /abc/gi,
    /无政府性基金|政府性基金[^。]*?0万元/g,
    /𠀀y/gu,
    /(?:)/g,
    /^ac/gm,
    /x+/g,
  ];
  it.each(patterns.map((p) => [String(p), p]))('%s', (_, re) => {
    for (const t of texts) {
      const want = [...t.matchAll(re as RegExp)].map((m) => [m.index, m[0]]);
      expect(matchesOf(re as RegExp, t).map((m) => [m.index, m[0]])).toEqual(want);
      expect(firstMatchOf(re as RegExp, t, () => true)?.[0]).toBe(want[0]?.[1]);
      expect((re as RegExp).lastIndex).toBe(0);
    }
  });
});
