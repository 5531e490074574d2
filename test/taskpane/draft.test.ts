import { planWorkbook } from '../../src/core/plan/workbook';
import { formText } from '../../src/core/plan/forms';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import type { SpecId } from '../../src/core/specs/types';
import { readWorkbookBytes } from '../../src/xlsx/browser-reader';
import { workbookFromPlans } from '../../src/xlsx/writer';
import { explainDraftError, planDraft } from '../../src/taskpane/draft';
import { Money } from '../../src/core/money';
import { CARD_2020 } from '../core/previous/fixtures';

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
    // the 政府采购 inputs follow, as `draft --out` adds them, since the seed workbook has none
    expect(planned.plans.map((p) => p.name)).toEqual(['单位编制说明', '其他相关情况说明', '政府采购预算']);
    const other = textOf(planned.plans[1].cells);
    expect(other).toContain('30.42万元');
    expect(other).toContain('【请填写');
    expect(planned.placeholders).toBeGreaterThan(3);
  });

  test('with last year picked: the changes as the seed prints them, and a 上年对比 sheet after the sections', async () => {
    const sheets = await sheetsOf('2021-shanghai-social-security-card-unit');
    const planned = planDraft(sheets, '市级', { file: '2020预算.xlsx', sheets: CARD_2020(), threshold: null });
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    expect(planned.plans.map((p) => p.specId)).toEqual(['explanation', 'other', 'comparison', 'procurement']);
    const other = textOf(planned.plans[1].cells);
    expect(other).toContain('比2020年预算增加23.56万元');
    expect(other).toContain('减少0.06万元');
    const without = planDraft(sheets, '市级');
    expect(without.ok && textOf(without.plans[1].cells)).not.toContain('增加23.56万元');
    // a threshold typed in the pane: 1,000 % asks no reason where 10 % asks several
    const loose = planDraft(sheets, '市级', { file: '2020预算.xlsx', sheets: CARD_2020(), threshold: new Money(1000) });
    expect(loose.ok && planned.ok && loose.placeholders).toBeLessThan(planned.placeholders);
  });

  test('last year’s workbook must be an earlier year’s, and say its year', async () => {
    const sheets = await sheetsOf('2021-shanghai-social-security-card-unit');
    expect(planDraft(sheets, '市级', { file: '本年.xlsx', sheets, threshold: null })).toEqual({
      ok: false,
      message: { key: 'draft.previousYear', params: { file: '本年.xlsx', previous: 2021, current: 2021 } },
    });
    expect(planDraft(sheets, '市级', { file: '空.xlsx', sheets: [], threshold: null })).toEqual({ ok: false, message: { key: 'draft.previousNoYear', params: { file: '空.xlsx' } } });
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
