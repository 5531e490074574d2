/**
 * Formula text rewrites for HyperFormula, which evaluates OFFSET only with constant
 * arguments: each `OFFSET(anchor, rows, cols, height, width)` whose arguments are integers
 * or `ROW(ref)` arithmetic becomes the static range Excel would compute from the sheet as it
 * stands. Likewise each `INDEX($D:$D,ROW($A6)+1):INDEX($D:$D,ROW($A$20)-1)` (a whole-column
 * INDEX pair with such row arithmetic) becomes `D7:D19`, which HyperFormula cannot build from
 * INDEX results itself. The templates' subtotal formulas are of these forms (see
 * src/core/plan/subtotals.ts), so the preview and test/functions/engine.test.ts evaluate
 * exactly the text the writer puts in.
 */

const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
export const colLetters = (n: number): string => (n > 26 ? colLetters(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));

/** Excel's rule on inserting a row at `at`: every row reference at or below it moves down one. */
export function shiftRows(formula: string, at: number): string {
  return formula.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g, (_m, d1, col, d2, row) => `${d1}${col}${d2}${Number(row) >= at ? Number(row) + 1 : Number(row)}`);
}

/** `ROW($A$46)-ROW($A7)-1` → 38; null when the text is anything else. */
function integerExpression(text: string): number | null {
  const plain = text.replace(/\s+/g, '').replace(/ROW\(\$?[A-Z]+\$?(\d+)\)/gi, (_x, r: string) => r);
  if (!/^[+-]?\d+([+-]\d+)*$/.test(plain)) return null;
  return plain.split(/(?=[+-])/).reduce((s, t) => s + Number(t), 0);
}

/** An argument: anything without a comma outside one level of parentheses (`ROW($A$20)-1`). */
const ARG = '((?:[^,()]|\\([^()]*\\))+)';
const INDEX_PAIR = new RegExp(`INDEX\\(\\$?([A-Z]+):\\$?\\1,${ARG}\\):INDEX\\(\\$?([A-Z]+):\\$?\\3,${ARG}\\)`, 'gi');

/** Whole-column INDEX pairs as static ranges; `#REF!` where the range would be upside down. */
function resolveIndexPairs(formula: string): string {
  return formula.replace(INDEX_PAIR, (whole, c1: string, top: string, c2: string, bottom: string) => {
    const r1 = integerExpression(top);
    const r2 = integerExpression(bottom);
    if (r1 === null || r2 === null) return whole;
    if (r1 < 1 || r2 < r1) return '#REF!';
    return `${c1.toUpperCase()}${r1}:${c2.toUpperCase()}${r2}`;
  });
}

/** Every constant-able OFFSET and INDEX pair in `formula` as a static range; `#REF!` where the height is under 1. */
export function resolveOffsets(formula: string): string {
  return resolveIndexPairs(formula).replace(/OFFSET\(\$?([A-Z]+)\$?(\d+),([^,()]+),([^,()]+),((?:[^,()]|\([^()]*\))+),([^,()]+)\)/gi, (whole, col: string, row: string, ...args: string[]) => {
    const [dr, dc, height, width] = args.slice(0, 4).map(integerExpression);
    if (dr === null || dc === null || height === null || width === null) return whole;
    const top = Number(row) + dr;
    const left = colNumber(col.toUpperCase()) + dc;
    if (height < 1 || width < 1 || top < 1 || left < 1) return '#REF!';
    return `${colLetters(left)}${top}:${colLetters(left + width - 1)}${top + height - 1}`;
  });
}
