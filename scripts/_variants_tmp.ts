import { SEED_BUDGETS } from '../src/core/sample-seeds';
import { checkBook, dropMarkers, seedBook, splitTables, toOneCodeColumn, toWan } from '../test/xlsx/layout-variants';
const variants: [string, (wb: any) => void][] = [
  ['元 (marked)', () => {}],
  ['元 no marker', dropMarkers],
  ['万元', (wb) => { dropMarkers(wb); toWan(wb); }],
  ['one code col', (wb) => { dropMarkers(wb); toOneCodeColumn(wb); }],
  ['one code col spliced', (wb) => { dropMarkers(wb); toOneCodeColumn(wb, true); }],
  ['万元+one col', (wb) => { dropMarkers(wb); toWan(wb); toOneCodeColumn(wb, true); }],
  ['split sheets', (wb) => { dropMarkers(wb); splitTables(wb); }],
  ['万元+one col+split', (wb) => { dropMarkers(wb); toWan(wb); toOneCodeColumn(wb, true); splitTables(wb); }],
];
(async () => {
  for (const seed of SEED_BUDGETS) {
    for (const [name, fn] of variants) {
      const wb = await seedBook(seed.id);
      fn(wb);
      const v = checkBook(wb);
      console.log(`${seed.id} | ${name} | rows ${v.codedRows} | findings ${v.findings.length} (错误 ${v.counts.error}) | ${v.ms} ms`);
      if (process.argv[2]) for (const f of v.findings) console.log('   ', f.rule, f.sheet, f.cell, f.message.slice(0, 150));
    }
  }
})();
