import { planWorkbook } from '../../src/core/plan/workbook';
import { formText } from '../../src/core/plan/forms';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import type { SpecId } from '../../src/core/specs/types';
import { readWorkbookBytes } from '../../src/xlsx/browser-reader';
import { workbookFromPlans } from '../../src/xlsx/writer';
import { explainDraftError, planDraft } from '../../src/taskpane/draft';

/** 起草说明 in the pane: the core's draft of the open workbook, planned as new sheets. */

async function sheetsOf(seedId: string, specs?: SpecId[]) {
  const sample = sampleFromSeed(SEED_BUDGETS.find((s) => s.id === seedId)!);
  const wb = await workbookFromPlans(planWorkbook({ ctx: sample.ctx, data: sample.data, specs: specs ?? (Object.keys(sample.data) as SpecId[]), options: { subtotals: 'values' } }));
  return readWorkbookBytes(new Uint8Array(await wb.xlsx.writeBuffer())).sheets;
}

const textOf = (cells: unknown[][]) => cells.flat().map((c) => formText(c as never) ?? '').join('\n');

describe('起草说明', () => {
  test('the 2021 unit: both sections, named as the template names them, with the seed’s “三公” figures and the placeholders counted', async () => {
    const planned = planDraft(await sheetsOf('2021-shanghai-social-security-card-unit'), '市级');
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    expect(planned.plans.map((p) => p.name)).toEqual(['单位编制说明', '其他相关情况说明']);
    const other = textOf(planned.plans[1].cells);
    expect(other).toContain('30.42万元');
    expect(other).toContain('【请填写');
    expect(planned.placeholders).toBeGreaterThan(3);
  });

  test('a workbook without T1, T4 or T9 is not drafted, and says which tables it needs', async () => {
    const planned = planDraft(await sheetsOf('2021-shanghai-social-security-card-unit', ['T3']), '市级');
    expect(planned).toEqual({ ok: false, message: { key: 'draft.noTables' } });
    expect(planDraft([], '市级')).toEqual({ ok: false, message: { key: 'draft.noOrg' } });
  });

  test('Excel’s refusals in the insert’s words; anything else in the draft’s', () => {
    expect(explainDraftError(Object.assign(new Error('x'), { code: 'InvalidOperationInCellEditMode' })).key).toBe('excel.cellEdit');
    expect(explainDraftError(new Error('坏了'))).toEqual({ key: 'draft.error.generic', params: { detail: '坏了' } });
  });
});
