import { seedBook } from '../test/xlsx/layout-variants';
import { gridFromWorksheet } from '../src/xlsx/reader';
(async () => {
  const wb = await seedBook('2021-shanghai-social-security-card-unit');
  for (const ws of wb.worksheets) if (/明细表|三公|编制说明|其他相关/.test(ws.name)) { const g = gridFromWorksheet(ws); g.values.forEach((r, i) => console.log(ws.name, i + 1, JSON.stringify(r).slice(0, 200))); }
})();
