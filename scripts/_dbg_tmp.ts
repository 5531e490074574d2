import { dropMarkers, seedBook, splitTables, toOneCodeColumn, toWan } from '../test/xlsx/layout-variants';
import { gridFromWorksheet } from '../src/xlsx/reader';
(async () => {
  const wb = await seedBook('2021-shanghai-social-security-card-unit');
  dropMarkers(wb); toWan(wb); toOneCodeColumn(wb, true); splitTables(wb);
  for (const ws of wb.worksheets) if (ws.name.startsWith('单位财政拨款支出表')) { const g = gridFromWorksheet(ws); g.values.forEach((r, i) => console.log(ws.name, i + 1, JSON.stringify(r))); }
})();
