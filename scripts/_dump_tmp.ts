import ExcelJS from 'exceljs';
import { planWorkbook } from '../src/core/plan/workbook';
import { sampleFromSeed } from '../src/core/sample';
import { SEED_BUDGETS } from '../src/core/sample-seeds';
import type { SpecId } from '../src/core/specs/types';
import { gridFromWorksheet } from '../src/xlsx/reader';
import { workbookFromPlans } from '../src/xlsx/writer';
(async () => {
  const id = process.argv[2];
  const sample = sampleFromSeed(SEED_BUDGETS.find((s) => s.id === id)!);
  const plans = planWorkbook({ ctx: sample.ctx, data: sample.data, specs: Object.keys(sample.data) as SpecId[], options: { subtotals: 'values' } });
  const wb = await workbookFromPlans(plans);
  for (const ws of wb.worksheets) {
    if (process.argv[3] && !ws.name.includes(process.argv[3])) continue;
    const g = gridFromWorksheet(ws);
    console.log('=== ' + ws.name);
    g.values.slice(0, 14).forEach((r, i) => console.log(i + 1, JSON.stringify(r)));
  }
})();
