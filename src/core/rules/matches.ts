/**
 * Matches of the rules' global expressions, without what `text.matchAll(re)` costs per call:
 * it copies the expression and makes an iterator, for every paragraph of every text sheet
 * (a fixed cost per workbook that showed in a run over 200 small workbooks). The expression's
 * lastIndex is left at 0, as a module-level one must be for its next caller.
 */

/** Every match, as `[...text.matchAll(re)]` lists them; `re` must be global. */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0] === '') re.lastIndex = nextIndex(text, re.lastIndex, re.unicode);
  }
  re.lastIndex = 0;
  return out;
}

/** The first match that `accept` takes, as `[...text.matchAll(re)].find(accept)`; `re` must be global. */
export function firstMatchOf(re: RegExp, text: string, accept: (m: RegExpExecArray) => boolean): RegExpExecArray | undefined {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (accept(m)) {
      re.lastIndex = 0;
      return m;
    }
    if (m[0] === '') re.lastIndex = nextIndex(text, re.lastIndex, re.unicode);
  }
  re.lastIndex = 0;
  return undefined;
}

/** Past an empty match: one code unit, or a whole surrogate pair under the u flag (as matchAll steps). */
function nextIndex(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const c = text.charCodeAt(at);
  const d = text.charCodeAt(at + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? at + 2 : at + 1;
}
