import ExcelJS from 'exceljs';
import { HyperFormula } from 'hyperformula';
import { HF_CONFIG, registerBudgetFunctions } from '../../src/dev/engine/budget-plugin';
import evals from '../../seeds/performance/2021-self-evaluations.json';
import targets from '../../seeds/performance/2026-targets.json';
import { address } from '../../src/core/plan/a1';
import { isPlanText } from '../../src/core/plan/text-cells';
import {
  formText,
  planSelfEvaluation,
  planTargetForm,
  SELF_CELLS,
  SELF_FUND_COLUMNS,
  SELF_INDICATOR_COLUMNS,
  TARGET_CELLS,
  TARGET_CHECK_COLUMN,
  TARGET_INDICATOR_COLUMNS,
} from '../../src/core/plan/forms';
import { parseMarker } from '../../src/core/plan/marker';
import type { SheetPlan } from '../../src/core/plan/types';
import type { BudgetContext } from '../../src/core/model';
import { Money } from '../../src/core/money';
import type { SeedAmount, SeedSelfEvaluation, SeedTargetForm } from '../../src/core/seed-types';
import { workbookFromPlans } from '../../src/xlsx/writer';

registerBudgetFunctions();

const TARGETS = targets as unknown as SeedTargetForm[];
const EVALS = evals as unknown as SeedSelfEvaluation[];
const ctx = (year: number): BudgetContext => ({ level: 'unit', org: '上海市社会保障卡服务中心', year });

async function roundTrip(plans: SheetPlan[]): Promise<ExcelJS.Worksheet[]> {
  const wb = await workbookFromPlans(plans);
  const buffer = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buffer as ArrayBuffer);
  return back.worksheets.filter((w) => w.state !== 'veryHidden');
}

/** A cell's words (texts planned as `="=…"` come back as their formula). */
const text = (ws: ExcelJS.Worksheet, a: string) => formText(ws.getCell(a).value);
/** A cell's amount to the 分, or its cached formula result. */
function fen(ws: ExcelJS.Worksheet, a: string): string | null {
  const v = ws.getCell(a).value;
  const n = typeof v === 'number' ? v : v && typeof v === 'object' && 'result' in v ? (v.result as number) : null;
  return n === null || n === undefined ? null : new Money(n).toFixed(2);
}
const seedFen = (a: SeedAmount | undefined) => (typeof a === 'string' ? new Money(a).toFixed(2) : null);
/** 分值 / 得分 as a number when it is one, else the words. */
function scoreOf(ws: ExcelJS.Worksheet, a: string): number | string | null {
  const v = ws.getCell(a).value;
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'result' in v) return v.result as number;
  return formText(v);
}
const seedScore = (s: string | null | undefined) => (s === null || s === undefined ? null : /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s);
const formula = (ws: ExcelJS.Worksheet, a: string) => {
  const v = ws.getCell(a).value;
  return v && typeof v === 'object' && 'formula' in v ? '=' + v.formula : null;
};

describe('绩效目标申报表', () => {
  it('plans and round-trips all ten 2026 seed forms, every field where the plan put it', async () => {
    expect(TARGETS).toHaveLength(10);
    const plans = TARGETS.map((f) => planTargetForm(ctx(f.year), f));
    const sheets = await roundTrip(plans);
    expect(sheets).toHaveLength(10);
    TARGETS.forEach((f, k) => {
      const ws = sheets[k];
      const plan = plans[k];
      expect(ws.name.startsWith('绩效目标-')).toBe(true);
      expect(text(ws, 'A1')).toBe('财政项目支出绩效目标申报表');
      expect(text(ws, 'A2')).toBe('(2026 年度)');
      for (const key of ['projectName', 'nature', 'category', 'department', 'unit', 'startDate', 'endDate', 'overallGoal', 'annualGoal'] as const) {
        expect([key, text(ws, TARGET_CELLS[key])]).toEqual([key, f[key]]);
      }
      for (const key of ['total', 'fiscal', 'other', 'annualTotal', 'annualFiscal', 'carryOver', 'annualOther'] as const) {
        expect([key, fen(ws, TARGET_CELLS[key])]).toEqual([key, seedFen(f.funds[key])]);
      }
      expect(formula(ws, TARGET_CELLS.annualTotal)).toBe('=SUM(E8:E10)');
      const [first, last] = plan.layout.dataRows;
      expect(last - first + 1).toBe(f.indicators.length);
      f.indicators.forEach((ind, i) => {
        const row = first + i;
        const got = Object.fromEntries(
          (Object.keys(TARGET_INDICATOR_COLUMNS) as (keyof typeof TARGET_INDICATOR_COLUMNS)[]).map((c) => [c, text(ws, address(row, TARGET_INDICATOR_COLUMNS[c]))]),
        );
        expect(got).toEqual({ level1: ind.level1, level2: ind.level2, level3: ind.level3, target: ind.target });
      });
      expect(parseMarker(ws.getCell(plan.markerCell).value)).toEqual({ specId: 'target-form', level: 'unit', year: 2026 });
      expect(ws.getColumn(7).hidden).toBe(true);
    });
  });

  it('an empty template: sum formula, unlocked inputs, indicator lists', async () => {
    const plan = planTargetForm(ctx(2026));
    expect(plan.layout.dataRows).toEqual([14, 24]);
    const [ws] = await roundTrip([plan]);
    expect(formula(ws, 'E7')).toBe('=SUM(E8:E10)');
    expect(ws.getCell('E8').protection?.locked).toBe(false);
    expect(ws.getCell('E8').numFmt).toBe('#,##0.00');
    expect(ws.getCell('B3').protection?.locked).toBe(false);
    expect(ws.getCell('A14').protection?.locked).toBe(false);
    expect(ws.getCell('E7').protection?.locked).not.toBe(false);
    expect(ws.getCell('A13').value).toBe('一级指标');
    const l1 = plan.validations.find((v) => v.range === 'A14:A24');
    expect(l1 && l1.kind === 'list' && l1.items).toEqual(['成本指标', '产出指标', '效益指标', '满意度指标']);
    const l2 = plan.validations.find((v) => v.range === 'B20:B23');
    expect(l2 && l2.kind === 'listFormula' && l2.formula).toContain('"E2021|"&$A$20');
    expect(parseMarker(plan.marker)).toEqual({ specId: 'target-form', level: 'unit', year: 2026 });
    expect(ws.name).toBe('绩效目标-');
  });
});

describe('绩效自评表', () => {
  it('plans and round-trips all ten 2021 seed self-evaluations, every field where the plan put it', async () => {
    expect(EVALS).toHaveLength(10);
    const plans = EVALS.map((f) => planSelfEvaluation(ctx(f.year), f));
    const sheets = await roundTrip(plans);
    EVALS.forEach((f, k) => {
      const ws = sheets[k];
      const plan = plans[k];
      expect(ws.name.startsWith('绩效自评-')).toBe(true);
      expect(text(ws, 'A1')).toBe('财政项目支出绩效自评表');
      expect(text(ws, 'A2')).toBe('(2021 年度)');
      for (const key of ['projectName', 'department', 'unit', 'budgetGoal', 'actualResult'] as const) {
        expect([key, text(ws, SELF_CELLS[key])]).toEqual([key, f[key]]);
      }
      const C = SELF_FUND_COLUMNS;
      f.funds.forEach((row, i) => {
        const r = SELF_CELLS.fundsFirstRow + i;
        expect(text(ws, address(r, C.label))).toBe(row.label);
        expect([fen(ws, address(r, C.initial)), fen(ws, address(r, C.full)), fen(ws, address(r, C.executed))]).toEqual([
          seedFen(row.initial),
          seedFen(row.full),
          seedFen(row.executed),
        ]);
        expect(scoreOf(ws, address(r, C.weight))).toEqual(seedScore(row.weight));
        expect(scoreOf(ws, address(r, C.score))).toEqual(seedScore(row.score));
        const rate = ws.getCell(address(r, C.rate)).value;
        if (row.rate === null) expect(rate).toBeNull();
        else expect(((rate as { result: number }).result * 100).toFixed(2) + '%').toBe(row.rate);
      });
      const fr = SELF_CELLS.fundsFirstRow;
      expect(formula(ws, address(fr, C.rate))).toBe(`=IF(D${fr}="","",BUDGET.EXECRATE(D${fr},E${fr}))`);
      expect(formula(ws, address(fr, C.score))).toBe(`=IF(G${fr}="","",MIN(10,ROUND(10*G${fr},2)))`);

      const [first, last] = plan.layout.dataRows;
      expect(last - first + 1).toBe(f.indicators.length);
      const I = SELF_INDICATOR_COLUMNS;
      f.indicators.forEach((ind, i) => {
        const row = first + i;
        expect({
          level1: text(ws, address(row, I.level1)),
          level2: text(ws, address(row, I.level2)),
          level3: text(ws, address(row, I.level3)),
          target: text(ws, address(row, I.target)),
          actual: text(ws, address(row, I.actual)),
          weight: scoreOf(ws, address(row, I.weight)),
          score: scoreOf(ws, address(row, I.score)),
          deviation: text(ws, address(row, I.deviation)),
        }).toEqual({
          level1: ind.level1,
          level2: ind.level2,
          level3: ind.level3,
          target: ind.target,
          actual: ind.actual ?? null,
          weight: seedScore(ind.weight),
          score: seedScore(ind.score),
          deviation: ind.deviation ?? null,
        });
      });
      const total = plan.layout.totalRow as number;
      expect(text(ws, `A${total}`)).toBe('总分');
      expect(formula(ws, address(total, I.weight))).toBe(`=SUM(F${fr},F${first}:F${last})`);
      expect(formula(ws, address(total, I.score))).toBe(`=SUM(H${fr},G${first}:G${last})`);
      expect(scoreOf(ws, address(total, I.weight))).toBe(seedScore(f.total.weight));
      expect(scoreOf(ws, address(total, I.score))).toBe(seedScore(f.total.score));
      expect(parseMarker(ws.getCell(plan.markerCell).value)).toEqual({ specId: 'self-evaluation', level: 'unit', year: 2021 });
    });
  });

  it('an empty template carries the scoring formulas', async () => {
    const plan = planSelfEvaluation(ctx(2022));
    const [ws] = await roundTrip([plan]);
    // blank, not #VALUE!, until 全年预算数 (and each 实际完成值) is typed
    expect(formula(ws, 'G6')).toBe('=IF(D6="","",BUDGET.EXECRATE(D6,E6))');
    expect(formula(ws, 'H6')).toBe('=IF(G6="","",MIN(10,ROUND(10*G6,2)))');
    expect(ws.getCell('F6').value).toBe(10);
    expect(plan.layout.dataRows).toEqual([13, 23]);
    for (let r = 13; r <= 23; r++) expect(formula(ws, `G${r}`)).toBe(`=IF(E${r}="","",BUDGET.SCORE(D${r},E${r},F${r}))`);
    expect(formula(ws, 'F24')).toBe('=SUM(F6,F13:F23)');
    expect(formula(ws, 'G24')).toBe('=SUM(H6,G13:G23)');
    expect(ws.getCell('C6').protection?.locked).toBe(false);
    expect(ws.getCell('C6').numFmt).toBe('#,##0.00');
    expect(ws.getCell('E13').protection?.locked).toBe(false);
    expect(ws.getCell('H6').protection?.locked).not.toBe(false);
    const l1 = plan.validations.find((v) => v.range === 'A13:A23');
    expect(l1 && l1.kind === 'list' && l1.items).toEqual(['成本指标', '产出指标', '效益指标', '满意度指标']);
    expect(parseMarker(plan.marker)).toEqual({ specId: 'self-evaluation', level: 'unit', year: 2022 });
  });

  it('a new self-evaluation shows no error value in a formula engine; a score appears once its 实际完成值 is typed', () => {
    const plan = planSelfEvaluation(ctx(2022));
    const data = plan.cells.map((row) => row.map((v) => (isPlanText(v) ? `'${v.text}` : typeof v === 'string' && !v.startsWith('=') ? `'${v}` : v)));
    const hf = HyperFormula.buildFromArray(data, HF_CONFIG);
    const errors = (hf.getSheetValues(0) as unknown[][]).flatMap((row, r) => row.map((v, c) => [address(r + 1, c + 1), v] as const)).filter(([, v]) => v instanceof Object);
    expect(errors).toEqual([]);
    expect(hf.getCellValue({ sheet: 0, row: 23, col: 6 })).toBe(0); // 总分 G24 of nothing yet
    expect(hf.getCellValue({ sheet: 0, row: 23, col: 7 })).toBe(''); // and no 自评等级
    // 数量指标 row 16: target =100%, achieved 95%, weight 10 → 9.5
    hf.setCellContents({ sheet: 0, row: 15, col: 2 }, "'完成率");
    hf.setCellContents({ sheet: 0, row: 15, col: 3 }, "'=100%");
    hf.setCellContents({ sheet: 0, row: 15, col: 5 }, 10);
    hf.setCellContents({ sheet: 0, row: 15, col: 4 }, "'95%");
    expect(hf.getCellValue({ sheet: 0, row: 15, col: 6 })).toBe(9.5);
    expect(hf.getCellValue({ sheet: 0, row: 23, col: 6 })).toBe(9.5);
    // 自评等级 beside 总分 follows it through BUDGET.GRADE: blank at 0, 差 at 9.5, 优 at 90
    expect(plan.cells[23][7]).toBe('=IF(G24=0,"","自评等级："&BUDGET.GRADE(G24))');
    expect(hf.getCellValue({ sheet: 0, row: 23, col: 7 })).toBe('自评等级：差');
    hf.setCellContents({ sheet: 0, row: 5, col: 3 }, 100);
    hf.setCellContents({ sheet: 0, row: 5, col: 4 }, 100);
    hf.setCellContents({ sheet: 0, row: 5, col: 5 }, 90);
    expect(hf.getCellValue({ sheet: 0, row: 23, col: 6 })).toBe(19.5);
    hf.setCellContents({ sheet: 0, row: 16, col: 2 }, "'合格率");
    hf.setCellContents({ sheet: 0, row: 16, col: 3 }, "'≥90%");
    hf.setCellContents({ sheet: 0, row: 16, col: 5 }, 70.5);
    hf.setCellContents({ sheet: 0, row: 16, col: 4 }, "'95%");
    expect(hf.getCellValue({ sheet: 0, row: 23, col: 6 })).toBe(90);
    expect(hf.getCellValue({ sheet: 0, row: 23, col: 7 })).toBe('自评等级：优');
    hf.destroy();
  });

  it('a 2021 self-evaluation lists the 2020 edition (成本 a 二级 under 产出)', () => {
    const plan = planSelfEvaluation(ctx(2021));
    const [l1] = plan.validations.filter((v) => v.kind === 'list');
    expect(l1.kind === 'list' && l1.items).toEqual(['产出指标', '效益指标', '满意度指标']);
    const l2 = plan.validations.filter((v) => v.kind === 'listFormula');
    expect(l2.map((v) => v.kind === 'listFormula' && /"(E\d+)\|"/.exec(v.formula)?.[1])).toEqual(['E2020', 'E2020', 'E2020']);
  });
});

describe('填写提示 beside each 指标值 (BUDGET.TARGETCHECK)', () => {
  it('each seed form carries the formula per indicator row, its words cached, outside the printed area', async () => {
    const plans = TARGETS.map((f) => planTargetForm(ctx(f.year), f));
    const sheets = await roundTrip(plans);
    const said: string[] = [];
    TARGETS.forEach((f, k) => {
      const ws = sheets[k];
      const [first, last] = plans[k].layout.dataRows;
      expect(ws.pageSetup.printArea).toBe(`A1:F${last}`);
      expect(text(ws, address(first - 1, TARGET_CHECK_COLUMN))).toBe('填写提示（不打印）');
      for (let row = first; row <= last; row++) {
        const v = ws.getCell(address(row, TARGET_CHECK_COLUMN)).value as { formula: string; result?: string };
        expect(v.formula).toMatch(new RegExp(`^BUDGET\\.TARGETCHECK\\(E${row},C${row},\\$A\\$\\d+\\)$`));
        if (v.result) said.push(`${f.projectName}!${address(row, TARGET_CHECK_COLUMN)} ${v.result.slice(0, 3)}`);
      }
      expect(ws.getCell(address(first, TARGET_CHECK_COLUMN)).font?.color?.argb).toBe('FFC00000');
    });
    // the same three the validator reports (test/core/performance/rules.test.ts): two blank targets, a 0 % satisfaction
    expect(said).toEqual(['申领、补换卡网点运行费!H15 错误：', '信息化运维项目!H15 错误：', '交换平台运行费!H22 提示：']);
  });

  it('in a formula engine the function speaks as the clerk types a target that does not read, and falls silent when fixed', () => {
    const plan = planTargetForm(ctx(2026), TARGETS[0]);
    const [first] = plan.layout.dataRows;
    const data = plan.cells.map((row) => row.map((v) => (isPlanText(v) ? `'${v.text}` : typeof v === 'string' && !v.startsWith('=') ? `'${v}` : v)));
    const hf = HyperFormula.buildFromArray(data, HF_CONFIG);
    const at = { sheet: 0, row: first - 1, col: TARGET_CHECK_COLUMN - 1 };
    expect(hf.getCellValue(at)).toBe('');
    hf.setCellContents({ sheet: 0, row: first - 1, col: 4 }, "'90");
    expect(String(hf.getCellValue(at))).toMatch(/^错误：.*缺少比较符和单位/);
    // a percentage on a 成本 indicator reads, but is hinted at: its unit should be 元
    hf.setCellContents({ sheet: 0, row: first - 1, col: 4 }, "'≥90.00(%)");
    expect(String(hf.getCellValue(at))).toMatch(/^提示：成本指标.*单位应为元或万元/);
    hf.setCellContents({ sheet: 0, row: first - 1, col: 4 }, `'${TARGETS[0].indicators[0].target}`);
    expect(hf.getCellValue(at)).toBe('');
    hf.destroy();
  });
});
