import { planSelfEvaluation, planTargetForm, SELF_INDICATOR_COLUMNS } from '../../../src/core/plan/forms';
import { planLongTargetForm } from '../../../src/core/plan/long-form';
import { fitRowHeights, heightForLines, textUnits, wrappedLines } from '../../../src/core/plan/text-height';
import type { SheetPlan } from '../../../src/core/plan/types';
import type { SeedSelfEvaluation, SeedTargetForm } from '../../../src/core/seed-types';
import type { SeedLongTargetForm } from '../../../src/core/seed-types-2020-form';
import evals from '../../../seeds/performance/2021-self-evaluations.json';
import targets from '../../../seeds/performance/2026-targets.json';
import long from '../../../seeds/performance/2020-social-insurance-service-target.json';

const ctx = { level: 'unit' as const, org: '上海市社会保障卡服务中心', year: 2021 };

describe('wrapped text', () => {
  it('counts a CJK or full-width character as two units, and breaks lines by width and by typed breaks', () => {
    expect(textUnits('ab1')).toBe(3);
    expect(textUnits('项目（一）')).toBe(10);
    expect(wrappedLines('', 10)).toBe(1);
    expect(wrappedLines('一二三四五', 11)).toBe(1); // 10 units in 10 usable
    expect(wrappedLines('一二三四五六', 11)).toBe(2);
    expect(wrappedLines('一\n二\n三', 30)).toBe(3);
    expect(heightForLines(2)).toBe(34);
    expect(heightForLines(100)).toBe(409);
  });

  it('raises the row of a long wrapped text, never lowers a planned height, and leaves a cell merged down alone', () => {
    const plan: SheetPlan = {
      ...planTargetForm(ctx),
      cells: [['短', '很长的一段说明文字，要折成好几行才能放得下', '一级']],
      merges: ['C1:C3'],
      styles: [{ range: 'A1:C1', style: { wrap: true } }],
      columnWidths: [10, 10, 4],
      rowHeights: { 1: 20 },
    };
    // 42 units in 9 a line: 5 lines
    expect(fitRowHeights(plan).rowHeights[1]).toBe(heightForLines(5));
    expect(fitRowHeights({ ...plan, rowHeights: { 1: 200 } }).rowHeights[1]).toBe(200);
    expect(fitRowHeights({ ...plan, styles: [{ range: 'A1:C1', style: { wrap: true } }, { range: 'B1', style: { wrap: false } }] }).rowHeights[1]).toBe(20);
  });
});

describe('the forms size their rows for what they hold', () => {
  it('a self-evaluation’s long 偏差原因分析 gets the lines it needs', () => {
    const form = (evals as unknown as SeedSelfEvaluation[]).find((f) => f.indicators.some((i) => (i.deviation ?? '').length > 20))!;
    const plan = planSelfEvaluation(ctx, form);
    const [first] = plan.layout.dataRows;
    const i = form.indicators.findIndex((x) => (x.deviation ?? '').length > 20);
    const needed = wrappedLines(form.indicators[i].deviation!, plan.columnWidths[SELF_INDICATOR_COLUMNS.deviation - 1]);
    expect(needed).toBeGreaterThan(1);
    expect(plan.rowHeights[first + i]).toBe(heightForLines(needed));
  });

  it('every row of every seed form is at least as tall as its wrapped texts need', () => {
    const plans = [
      ...(targets as unknown as SeedTargetForm[]).map((f) => planTargetForm({ ...ctx, year: 2026 }, f)),
      ...(evals as unknown as SeedSelfEvaluation[]).map((f) => planSelfEvaluation(ctx, f)),
      planLongTargetForm({ ...ctx, year: 2020 }, long as unknown as SeedLongTargetForm),
    ];
    for (const plan of plans) {
      const refit = fitRowHeights(plan);
      expect(refit.rowHeights).toEqual(plan.rowHeights); // fitting again changes nothing: the plan is fitted
    }
    const tall = plans.flatMap((p) => Object.values(p.rowHeights)).filter((h) => h > 30);
    expect(tall.length).toBeGreaterThan(20);
  });
});
