import { SEED_LONG_TARGET_FORM, SEED_SELF_EVALUATIONS, SEED_TARGET_FORMS } from '../../src/cli/forms';
import { Catalog } from '../../src/core/catalog/catalog';
import type { BudgetContext, SelfEvaluationData, TargetFormData } from '../../src/core/model';
import { Money } from '../../src/core/money';
import { longTargetFormFromSeed, selfEvaluationFromSeed, targetFormFromSeed } from '../../src/core/performance/rules';
import { address } from '../../src/core/plan/a1';
import { planSelfEvaluation, planTargetForm, SELF_CELLS, SELF_FUND_COLUMNS, SELF_INDICATOR_COLUMNS, TARGET_CELLS, TARGET_INDICATOR_COLUMNS } from '../../src/core/plan/forms';
import { LONG_CELLS, LONG_INDICATOR_COLUMNS, longFormRows, planLongTargetForm } from '../../src/core/plan/long-form';
import type { SheetPlan } from '../../src/core/plan/types';
import { cellText, recognizeForm } from '../../src/core/read/forms';
import type { GridValue, SheetGrid } from '../../src/core/read/grid';
import { readSheet } from '../../src/core/read/parse';
import { validateSheets } from '../../src/core/rules/validate';
import { isPlanText } from '../../src/core/plan/text-cells';

const ctx = (year: number): BudgetContext => ({ level: 'unit', org: '上海市社会保障卡服务中心', year });

/**
 * A plan as a reader sees the saved file: values, formula results where the plan caches one,
 * and no value for a `="…"` text (ExcelJS stores no result for it), or, with `shown`, the words
 * Excel shows (what Office.js reads).
 */
function gridOf(plan: SheetPlan, shown = false): SheetGrid {
  const values: GridValue[][] = [];
  const formulas: (string | null)[][] = [];
  plan.cells.forEach((row, r) => {
    values.push(
      row.map((v, c) => {
        if (isPlanText(v)) return v.text;
        if (typeof v !== 'string' || !v.startsWith('=')) return v;
        const result = plan.results[address(r + 1, c + 1)];
        if (result !== undefined) return result;
        const text = /^="(.*)"$/.exec(v);
        return shown && text ? text[1].replace(/""/g, '"') : null;
      }),
    );
    formulas.push(row.map((v) => (typeof v === 'string' && v.startsWith('=') ? v : null)));
  });
  return { name: plan.name, values, formulas };
}

/** A row inserted above `row` (1-based), as a clerk inserts one. */
function insertRow(grid: SheetGrid, row: number, cells: GridValue[] = []): SheetGrid {
  const width = grid.values[0].length;
  const blank = [...cells, ...Array<GridValue>(Math.max(0, width - cells.length)).fill(null)];
  return {
    name: grid.name,
    values: [...grid.values.slice(0, row - 1), blank, ...grid.values.slice(row - 1)],
    formulas: [...grid.formulas!.slice(0, row - 1), Array<string | null>(width).fill(null), ...grid.formulas!.slice(row - 1)],
  };
}

function set(grid: SheetGrid, a1: string, v: GridValue): void {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  grid.values[Number(m[2]) - 1][col - 1] = v;
  grid.formulas![Number(m[2]) - 1][col - 1] = null;
}

const target = (k = 0) => planTargetForm(ctx(2026), SEED_TARGET_FORMS[k]);
const selfEval = (k = 0) => planSelfEvaluation(ctx(2021), SEED_SELF_EVALUATIONS[k]);
const readTarget = (grid: SheetGrid) => readSheet(grid).sheet?.data as TargetFormData;
const readSelf = (grid: SheetGrid) => readSheet(grid).sheet?.data as SelfEvaluationData;
/** The model without positions and rows, to compare with the seed's. */
const bare = <T extends { at?: unknown; indicators: { row?: number }[] }>(d: T) =>
  JSON.parse(JSON.stringify({ ...d, at: undefined, indicators: d.indicators.map((i) => ({ ...i, row: undefined })) }));

describe('recognizeForm', () => {
  it('by the marker the plans write', () => {
    expect(recognizeForm(gridOf(target()))).toEqual({ specId: 'target-form', level: 'unit', year: 2026, by: 'marker' });
    expect(recognizeForm(gridOf(selfEval()))).toEqual({ specId: 'self-evaluation', level: 'unit', year: 2021, by: 'marker' });
  });

  it('by the title of a form typed by hand, with the year of the line under it', () => {
    const grid = gridOf(target());
    grid.values[0] = grid.values[0].map((v, c) => (c === 0 ? ' 财政项目支出 绩效目标申报表' : null)); // no marker
    expect(recognizeForm(grid)).toEqual({ specId: 'target-form', year: 2026, by: 'title' });
    const hand: SheetGrid = { name: '自评', values: [['2022年度财政项目支出绩效自评表']] };
    expect(recognizeForm(hand)).toEqual({ specId: 'self-evaluation', year: 2022, by: 'title' });
  });

  it('a paragraph mentioning a form, or a marked budget sheet quoting a form title, is no form', () => {
    const prose: SheetGrid = { name: '其他相关情况说明', values: [['其他相关情况说明'], [null], ['本单位已按要求开展绩效自评，绩效自评表见附件。']] };
    expect(recognizeForm(prose)).toBeNull();
    const marked: SheetGrid = { name: 'T2', values: [['2021年预算单位收入预算总表', 'budget-tables/1 T2 unit 2021'], ['财政项目支出绩效自评表']] };
    expect(recognizeForm(marked)).toBeNull();
    expect(recognizeForm({ name: '表', values: [['上海市2026年财政项目支出绩效目标申报表']] })).toEqual({ specId: 'target-form', year: 2026, by: 'title' });
  });

  it('not a budget table, and a budget table is not a form', () => {
    expect(recognizeForm({ name: 'T2', values: [['2021年预算单位收入预算总表']] })).toBeNull();
    expect(readSheet({ name: '表', values: [['财政项目支出绩效目标申报表'], ['(2026 年度)']] }).issues.map((i) => i.kind)).toEqual(['no-header']);
  });
});

describe('readFormSheet', () => {
  it('reads every seed form back to exactly the seed model, fields at the plan’s cells', () => {
    SEED_TARGET_FORMS.forEach((seed, k) => {
      const plan = target(k);
      const read = readSheet(gridOf(plan));
      expect(read.issues).toEqual([]);
      const d = read.sheet!.data as TargetFormData;
      expect(bare(d)).toEqual(bare(targetFormFromSeed(seed)));
      for (const key of ['projectName', 'annualTotal', 'annualFiscal', 'carryOver', 'annualOther', 'total', 'fiscal', 'other'] as const) expect([key, d.at!.cells[key]]).toEqual([key, TARGET_CELLS[key]]);
      expect(d.at!.indicatorColumns).toEqual(TARGET_INDICATOR_COLUMNS);
      expect(d.indicators.map((i) => i.row)).toEqual(seed.indicators.map((_, i) => plan.layout.dataRows[0] + i));
    });
    SEED_SELF_EVALUATIONS.forEach((seed, k) => {
      const plan = selfEval(k);
      const read = readSheet(gridOf(plan, true));
      expect(read.issues).toEqual([]);
      const d = read.sheet!.data as SelfEvaluationData;
      expect(bare(d)).toEqual(bare(selfEvaluationFromSeed(seed)));
      const fr = SELF_CELLS.fundsFirstRow;
      expect(d.at!.cells).toMatchObject({
        projectName: SELF_CELLS.projectName,
        rate: address(fr, SELF_FUND_COLUMNS.rate),
        rateScore: address(fr, SELF_FUND_COLUMNS.score),
        totalScore: address(plan.layout.totalRow!, SELF_INDICATOR_COLUMNS.score),
      });
      expect(d.at!.indicatorColumns).toEqual(SELF_INDICATOR_COLUMNS);
    });
  });

  it('a text starting with = is planned as text and read as it is; an older file’s ="…" formula still reads, cached or not', () => {
    const grid = gridOf(selfEval());
    expect(grid.values[12][3]).toBe('=100%');
    expect(grid.formulas![12][3]).toBeNull();
    expect(readSelf(grid).indicators[0].target).toBe('=100%');
    grid.values[12][3] = null;
    grid.formulas![12][3] = '="=100%"';
    expect(cellText(grid, 13, 4)).toBe('=100%');
    expect(readSelf(grid).indicators[0].target).toBe('=100%');
    // Office.js writing into a text-formatted cell keeps the formula's characters as the value
    set(grid, 'D13', '="=100%"');
    set(grid, 'H13', '="说明 ""甲"""');
    expect([cellText(grid, 13, 4), cellText(grid, 13, 8)]).toEqual(['=100%', '说明 "甲"']);
  });

  it('merged 一级/二级 cells: a blank 一级/二级 carries down from the row above', () => {
    const plan = target();
    const grid = gridOf(plan);
    const [first, last] = plan.layout.dataRows;
    // As a merged cell reads: only the top-left of each run of equal 一级 (and 二级) keeps its words.
    for (let r = last; r > first; r--) {
      const row = grid.values[r - 1];
      const above = grid.values[r - 2];
      if (row[1] === above[1] && row[0] === above[0]) row[1] = null;
      if (row[0] === above[0]) row[0] = null;
    }
    expect(grid.values.slice(first - 1, last).some((r) => r[0] === null)).toBe(true);
    expect(bare(readTarget(grid))).toEqual(bare(targetFormFromSeed(SEED_TARGET_FORMS[0])));
    // A new 一级 starts its own 二级: a blank 二级 under it is not the previous group's.
    const l1 = [...grid.values.slice(first - 1, last)].findIndex((r, i) => i > 0 && r[0] !== null);
    grid.values[first - 1 + l1][1] = null;
    const d = readTarget(grid);
    expect(d.indicators[l1].level2).toBe('');
    expect(validateSheets([readSheet(grid).sheet!], [], Catalog.builtIn()).findings.map((f) => `${f.rule} ${f.cell}`)).toEqual([`form-level2 B${first + l1}`]);
  });

  it('blank skeleton rows are passed over, a skeleton’s 一级/二级 carry into the rows typed under it', () => {
    const plan = target();
    let grid = gridOf(plan);
    const [first] = plan.layout.dataRows;
    // An empty template row (一级 and 二级 only) above the first indicator, a fully blank one inside.
    grid = insertRow(grid, first, ['成本指标', '经济成本指标']);
    grid = insertRow(grid, first + 3);
    grid.values[first][0] = null; // the first real row now relies on the skeleton's 一级
    grid.values[first][1] = null;
    const d = readTarget(grid);
    expect(bare(d)).toEqual(bare(targetFormFromSeed(SEED_TARGET_FORMS[0])));
    expect(d.indicators[0].row).toBe(first + 1);
  });

  it('rows a clerk inserts move the cells the findings name', () => {
    const plan = target(8); // 交换平台运行费: its 市民满意度 target is =0.00(%)
    const before = validateSheets([readSheet(gridOf(plan)).sheet!], [], Catalog.builtIn()).findings;
    expect(before.map((f) => `${f.rule} ${f.cell}`)).toEqual(['form-suspicious E22']);
    let grid = insertRow(gridOf(plan), 4, ['备注', '新插入的一行']);
    grid = insertRow(grid, 16);
    set(grid, 'E10', 1000); // 上年结转资金, now on row 10
    const after = validateSheets([readSheet(grid).sheet!], [], Catalog.builtIn()).findings;
    expect(after.map((f) => `${f.rule} ${f.cell}`)).toEqual(['form-funds E8', 'form-suspicious E24']);
    expect(after[0].message).toBe('年度资金申请总额为446,048.00元，当年财政拨款、上年结转资金与其他资金之和为447,048.00元，相差1,000.00元');
  });

  it('amounts and scores typed as text are read, each a 提示 at its cell; words that are no number are 错误', () => {
    const grid = gridOf(selfEval());
    set(grid, 'E6', '４４６,０４８'); // full-width digits
    set(grid, 'F13', '20');
    set(grid, 'G14', '十五');
    const read = readSheet(grid);
    expect(read.issues.map((i) => `${i.kind} ${i.cell}`)).toEqual(['text-amount E6', 'text-amount F13', 'unreadable-amount G14']);
    const d = read.sheet!.data as SelfEvaluationData;
    expect(d.funds.executed!.eq(446048)).toBe(true);
    expect(d.indicators[0].weight!.eq(20)).toBe(true);
    const v = validateSheets([read.sheet!], read.issues, Catalog.builtIn());
    expect(v.findings.map((f) => `${f.rule} ${f.severity} ${f.cell}`)).toEqual([
      'text-amount warning E6',
      'text-amount warning F13',
      'unreadable error G14',
      // the unreadable 得分 counts as blank: below its weight without a reason, a met target
      // (=100% done) losing its points, and the total no longer the sum
      'self-deviation error H14',
      'self-met-deducted warning G14',
      'self-total error G20',
    ]);
  });

  it('执行率 as text with or without %, as the cell’s fraction, or unreadable', () => {
    const grid = gridOf(selfEval(2)); // 制卡设备更新及维护费: 98.27 %
    expect(readSelf(grid).funds.rate!.eq(new Money('98.27'))).toBe(true);
    set(grid, 'G6', '98.27%');
    expect(readSelf(grid).funds).toMatchObject({ rateText: '98.27%' });
    expect(readSelf(grid).funds.rate!.eq(new Money('98.27'))).toBe(true);
    set(grid, 'G6', '98.27');
    expect(readSelf(grid).funds.rate!.eq(new Money('98.27'))).toBe(true);
    set(grid, 'G6', '约98%');
    expect(readSheet(grid).issues.map((i) => `${i.kind} ${i.cell}`)).toEqual(['unreadable-amount G6']);
  });
});

describe('a form typed by hand', () => {
  it('is read by its labels and headers wherever they are, and its findings name those cells', () => {
    const grid: SheetGrid = {
      name: '社保卡目标',
      values: [
        [null, '2026年财政项目支出绩效目标申报表'],
        [null, '项目名称：', null, '社会保障卡制作费'], // a colon after the label, the name two columns right
        [null, '年度资金申请总额', '6,841,000'],
        [null, '当年财政拨款', 6841000],
        [null, '上年结转', 1000],
        [null, '其他资金', null],
        [null, '一级指标', '二级指标', '三级指标', '指标值'],
        [null, '成本指标', '经济成本指标', '制卡成本', '≤6841000元'],
        [null, '产出指标', '数量指标', '制卡数量', '≥100万张'],
        [null, null, '质量指标', '制卡合格率', '≥99%'],
        [null, '效益指标', '社会效益指标', '持卡人覆盖率', '≥95次'],
        [null, '满意度指标', '服务对象满意度指标', '持卡人满意度', '≥90%'],
      ],
    };
    const read = readSheet(grid);
    expect(read.issues.map((i) => `${i.kind} ${i.cell}`)).toEqual(['text-amount C3']);
    const d = read.sheet!.data as TargetFormData;
    expect(d).toMatchObject({ kind: 'target-form', year: 2026, projectName: '社会保障卡制作费' });
    expect(d.at!.cells.projectName).toBe('D2');
    expect(d.indicators[2]).toMatchObject({ level1: '产出指标', level2: '质量指标', level3: '制卡合格率', row: 10 });
    const v = validateSheets([read.sheet!], read.issues, Catalog.builtIn());
    expect(v.findings.map((f) => `${f.rule} ${f.severity} ${f.cell}`)).toEqual(['text-amount warning C3', 'form-funds error C3', 'form-unit warning E11']);
    expect(v.findings[1].message).toBe('年度资金申请总额为6,841,000.00元，当年财政拨款、上年结转资金与其他资金之和为6,842,000.00元，相差1,000.00元');
  });
});

describe('an empty form', () => {
  it('is one 错误 “not filled in”, not its formulas’ errors nor every missing 一级', () => {
    const t = gridOf(planTargetForm(ctx(2026), undefined, { blankRows: 6 }));
    const plan = planSelfEvaluation(ctx(2022), undefined, { blankRows: 5 });
    const s = gridOf(plan);
    // as Excel shows an untouched template: BUDGET.EXECRATE, BUDGET.SCORE on every row and the sums over them fail
    const [first, last] = plan.layout.dataRows;
    const total = plan.layout.totalRow!;
    const failing = ['G6', 'H6', `G${total}`];
    for (let r = first; r <= last; r++) failing.push(`G${r}`);
    for (const a of failing) s.values[Number(a.slice(1)) - 1][a.charCodeAt(0) - 65] = { error: '#VALUE!' };
    const sheets = [readSheet(t), readSheet(s)];
    expect(sheets.flatMap((x) => x.issues)).toEqual([]);
    const v = validateSheets(sheets.map((x) => x.sheet!), [], Catalog.builtIn());
    expect(v.findings.map((f) => `${f.rule} ${f.severity} ${f.cell}`)).toEqual(['form-empty error B3', 'form-empty error B3']);
    expect(v.ready).toBe(false);
    expect(v.findings[0].message).toBe('绩效目标申报表尚未填写（没有项目名称、金额和指标）；请填写，或删去这张表');
    // once something is typed, the form is checked and a formula's error is a finding at its cell
    s.values[2][1] = '某项目';
    const typed = readSheet(s);
    expect(typed.issues.map((i) => `${i.kind} ${i.cell}`)).toEqual(['error-value H6', `error-value G${total}`]);
  });
});

describe('forms in a budget workbook', () => {
  it('a workbook of forms only is not reported as a budget missing its tables', () => {
    const sheets = [readSheet(gridOf(target(1))).sheet!, readSheet(gridOf(selfEval(0))).sheet!];
    expect(validateSheets(sheets, [], Catalog.builtIn()).findings).toEqual([]);
  });
});

describe('the 2020 long target form (seed 003)', () => {
  const plan = () => planLongTargetForm({ level: 'unit', org: '上海市社会保险事业管理中心', year: 2020 }, SEED_LONG_TARGET_FORM);
  const rows = longFormRows(SEED_LONG_TARGET_FORM.subProjects.length);
  const findings = (grid: SheetGrid) => validateSheets([readSheet(grid).sheet!], [], Catalog.builtIn()).findings;
  /** The model without rows and positions. */
  const plain = (d: TargetFormData) => bare({ ...d, long: d.long && { ...d.long, subProjectTotal: null, subProjects: d.long.subProjects.map((p) => ({ ...p, row: undefined })) } });

  it('is told from the 2026 form by its fields: by marker, and by title when the marker is gone', () => {
    expect(recognizeForm(gridOf(plan()))).toEqual({ specId: 'target-form-2020', level: 'unit', year: 2020, by: 'marker' });
    const grid = gridOf(plan());
    grid.values[0] = grid.values[0].map((v, c) => (c === 0 ? v : null));
    // the same title 财政项目支出绩效目标申报表 as 2026; its 子项目 list makes it the 2020 edition
    expect(recognizeForm(grid)).toEqual({ specId: 'target-form-2020', year: 2020, by: 'title' });
    expect(readSheet(grid).sheet!.specId).toBe('target-form-2020');
    const g2026 = gridOf(target());
    g2026.values[0] = g2026.values[0].map((v, c) => (c === 0 ? v : null));
    expect(recognizeForm(g2026)?.specId).toBe('target-form');
  });

  it('reads back to exactly the seed model: 子项目, their 合计, 上年 figures, fields at the plan’s cells', () => {
    const read = readSheet(gridOf(plan()));
    expect(read.issues).toEqual([]);
    const d = read.sheet!.data as TargetFormData;
    expect(plain(d)).toEqual(plain(longTargetFormFromSeed(SEED_LONG_TARGET_FORM)));
    expect(d.long!.subProjectTotal!.toFixed(2)).toBe('17088121.00');
    expect(d.long!.subProjects.map((p) => p.row)).toEqual([19, 20, 21, 22, 23, 24, 25]);
    expect(d.at!.cells).toMatchObject({
      projectName: LONG_CELLS.projectName,
      total: LONG_CELLS.total,
      annualTotal: LONG_CELLS.annualTotal,
      previousBudget: LONG_CELLS.previousBudget,
      previousExecuted: LONG_CELLS.previousExecuted,
      subProjectTotal: address(rows.subProjectTotal, 5),
      indicatorHeader: address(rows.indicatorHeader, 1),
    });
    expect(d.at!.indicatorColumns).toEqual({ level1: 1, level2: 2, level3: 3, target: 5 });
    expect(LONG_INDICATOR_COLUMNS).toMatchObject(d.at!.indicatorColumns);
    // the merged 一级/二级 carry down; the 二级 printed without 三级 (成本, 经济效益…) are passed over
    expect(d.indicators.find((i) => i.level3 === '养老金发放完成率')).toMatchObject({ level1: '产出目标', level2: '数量', row: rows.indicatorFirst + 10 });
    expect(d.indicators).toHaveLength(28);
  });

  it('a 子项目 row a clerk inserts moves the 合计 and the indicators; the finding names both cells', () => {
    // an 8th 子项目 of 100 元 inserted in the list; the 合计 SUM grows over it as Excel makes it
    const grid = insertRow(gridOf(plan()), 23, ['宣传资料印制费', null, null, null, 100]);
    set(grid, 'E27', 17088221);
    const after = findings(grid);
    expect(after.map((f) => `${f.rule} ${f.severity} ${f.cell}`)).toEqual(['form-subprojects error E27', 'form-level3 error C65']);
    expect(after[0].message).toBe('8个子项目的预算金额之和为17,088,221.00元，项目当年预算（E14）为17,088,121.00元，相差100.00元；子项目之和应等于项目当年预算');
  });

  it('an empty long form is one 提示 “not filled in”', () => {
    const empty = planLongTargetForm({ level: 'unit', org: '', year: 2020 });
    expect(findings(gridOf(empty)).map((f) => `${f.rule} ${f.cell}`)).toEqual(['form-empty B4']);
  });
});
