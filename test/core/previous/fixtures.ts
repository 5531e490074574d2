import type { BalanceTableData, ModelSheet, SheetData, ThreePublicData } from '../../../src/core/model';
import { Money } from '../../../src/core/money';
import { sampleFromSeed } from '../../../src/core/sample';
import { SEED_BUDGETS } from '../../../src/core/sample-seeds';
import type { SpecId } from '../../../src/core/specs/types';

/** A seed budget as read sheets (the data the sample workbook is written from). */
export function seedSheets(id: string): ModelSheet[] {
  const seed = SEED_BUDGETS.find((s) => s.id === id)!;
  const sample = sampleFromSeed(seed);
  return (Object.entries(sample.data) as [SpecId, SheetData][]).map(([specId, data]) => ({ sheetName: specId, specId, context: { ...sample.ctx }, data }));
}

const m = (v: string | null) => (v === null ? null : new Money(v));

/**
 * Last year's budget as far as a seed's text states it: this year's tables with the year
 * before, T9 replaced by last year's “三公” figures and T4/T1's 财政拨款 by last year's total.
 */
export function previousFromText(id: string, t9: Record<keyof ThreePublicData['amounts'], string | null>, fiscalYuan: string): ModelSheet[] {
  return seedSheets(id).map((s) => {
    const context = { ...s.context, year: (s.context.year as number) - 1 };
    if (s.specId === 'T9') {
      const amounts = Object.fromEntries(Object.entries(t9).map(([k, v]) => [k, m(v)]));
      return { ...s, context, data: { ...(s.data as ThreePublicData), amounts } };
    }
    if (s.specId === 'T4' || s.specId === 'T1') {
      const d = s.data as BalanceTableData;
      const fiscal = new Money(fiscalYuan);
      const moved = fiscal.minus(d.income.find((i) => i.key === 'fiscal')?.amount ?? 0);
      return {
        ...s,
        context,
        data: {
          ...d,
          income: d.income.map((i) => (i.key === 'fiscal' || i.key === 'general' ? { ...i, amount: fiscal } : i)),
          incomeTotal: d.incomeTotal && d.incomeTotal.plus(moved),
          // T4's total is the 财政拨款; T1's is the whole budget, moved by as much
          expenditureTotal: { ...d.expenditureTotal, ...(s.specId === 'T4' ? { total: fiscal, general: fiscal } : { total: (d.expenditureTotal.total ?? fiscal).plus(moved) }) },
        },
      };
    }
    return { ...s, context };
  });
}

/** 2020 as the 2021 unit's text states it: “三公” 30.42 − 23.56 = 6.86 万元 (出国 0, 用车 30.02 − 23.62 = 6.40, 接待 0.40 + 0.06 = 0.46); 财政拨款 4,706 + 1,457 万元. */
export const CARD_2020 = () =>
  previousFromText(
    '2021-shanghai-social-security-card-unit',
    // the text gives no split of 2020's 6.40 万元 vehicle money; its reason (购置费 23.62) says 2020 bought none
    { total: '6.86', abroad: '0.00', reception: '0.46', vehicleTotal: '6.40', vehiclePurchase: null, vehicleRunning: '6.40', operating: null },
    '61630000',
  );

/** 2019 as the 2020 department's text states it: “三公” 1,058.70 + 15 (出国 +10, 用车 +2 by 购置费, 接待 +3); 财政拨款 258,785 − 36,889 万元. */
export const HRSS_2019 = () =>
  previousFromText(
    '2020-shanghai-hrss-department',
    { total: '1073.70', abroad: '559.30', reception: '176.90', vehicleTotal: '337.50', vehiclePurchase: '32.00', vehicleRunning: '305.50', operating: '13059.61' },
    String(2587850000 - 368890000),
  );
