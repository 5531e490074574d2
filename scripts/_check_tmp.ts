import ExcelJS from 'exceljs';
import { planWorkbook } from '../src/core/plan/workbook';
import { validateSheets } from '../src/core/rules/validate';
import { sampleFromSeed } from '../src/core/sample';
import { SEED_BUDGETS } from '../src/core/sample-seeds';
import type { SpecId } from '../src/core/specs/types';
import { readWorkbook, workbookCatalog } from '../src/xlsx/reader';
import { workbookFromPlans } from '../src/xlsx/writer';
(async () => {
  for (const seed of SEED_BUDGETS) {
    const sample = sampleFromSeed(seed);
    const plans = planWorkbook({ ctx: sample.ctx, data: sample.data, projects: sample.projects, options: { subtotals: 'values' }, specs: [...(Object.keys(sample.data) as SpecId[]), 'project'] });
    const wb = await workbookFromPlans(plans);
    const catalog = workbookCatalog(wb);
    const read = readWorkbook(wb, catalog);
    const v = validateSheets(read.sheets, read.issues, catalog);
    console.log(seed.id, v.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`));
  }
})();
