/**
 * Prints the built-in catalog's size per edition (budget year): codes known in that year, and
 * how many of them have a confirmed name. `npx ts-node -T scripts/catalog-counts.ts [from] [to]`
 */
import { Catalog } from '../src/core/catalog/catalog';

const catalog = Catalog.builtIn();
const from = Number(process.argv[2] ?? 2018);
const to = Number(process.argv[3] ?? 2026);
const parts = [
  ['functional', '类'],
  ['functional', '款'],
  ['functional', '项'],
  ['economic', '类'],
  ['economic', '款'],
] as const;

console.log(['年度', ...parts.map(([c, l]) => `${c === 'functional' ? '功能' : '经济'}${l}`)].join('\t'));
for (let year = from; year <= to; year++) {
  const cells = parts.map(([c, l]) => {
    const known = catalog.codesIn(year, c, l);
    const named = known.filter((code) => catalog.nameConfirmed(code, year)).length;
    return known.length === named ? `${known.length}` : `${known.length}（名称已确认 ${named}）`;
  });
  console.log([year, ...cells].join('\t'));
}
