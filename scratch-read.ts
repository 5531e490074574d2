import { readWorkbookFile } from './src/xlsx/reader';
(async () => {
  const r = await readWorkbookFile(process.argv[2]);
  for (const s of r.sheets) console.log(s.sheetName, s.specId, JSON.stringify(s.data).slice(0, 400));
  console.log(r.issues.slice(0, 5));
})();
