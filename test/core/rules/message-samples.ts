import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SEED_TARGET_FORMS, seedLongTargetPlans, seedSelfEvaluationPlans, seedTargetPlans, withBudgetValues } from '../../../src/cli/forms';
import { checkFile } from '../../../src/cli/check';
import { Catalog } from '../../../src/core/catalog/catalog';
import { consolidate } from '../../../src/core/consolidate/consolidate';
import { consolidationPlans } from '../../../src/core/consolidate/plans';
import type { UnitWorkbook } from '../../../src/core/consolidate/types';
import type { ModelSheet } from '../../../src/core/model';
import { address, parseRange } from '../../../src/core/plan/a1';
import { planTargetForm } from '../../../src/core/plan/forms';
import { planTargetSummary } from '../../../src/core/plan/summary';
import { isPlanText } from '../../../src/core/plan/text-cells';
import type { SheetPlan } from '../../../src/core/plan/types';
import { planWorkbook } from '../../../src/core/plan/workbook';
import type { GridValue, SheetGrid } from '../../../src/core/read/grid';
import { readSheet, type ReadIssue } from '../../../src/core/read/parse';
import type { DepartmentUnits } from '../../../src/core/rules/department-units';
import type { Finding } from '../../../src/core/rules/types';
import { validateSheets } from '../../../src/core/rules/validate';
import { sampleFromSeed } from '../../../src/core/sample';
import { SEED_BUDGETS } from '../../../src/core/sample-seeds';
import type { SpecId } from '../../../src/core/specs/types';
import { workbookFromPlans } from '../../../src/xlsx/writer';
import { cleanUnit } from '../consolidate/fixtures';
import { planComparison } from '../../../src/core/plan/comparison';
import { compareBudgets } from '../../../src/core/previous/compare';
import { CARD_2020 } from '../previous/fixtures';

/**
 * Real findings of every rule, to hold their messages to the style guide (message-style.ts):
 * the seed budgets and forms as the samples make them (the seeds' own mistakes kept), empty
 * templates, and faults planted in them as a clerk would type them, one or more per rule. No
 * message is written here: each comes from running the rules.
 */

export const catalog = Catalog.builtIn();

/** A plan as the reader sees the saved file: formulas show their cached result. */
export function gridOf(plan: SheetPlan): SheetGrid {
  return {
    name: plan.name,
    values: plan.cells.map((r, i) =>
      r.map((v, j): GridValue => {
        if (isPlanText(v)) return v.text;
        if (typeof v === 'string' && v.startsWith('=')) return plan.results[address(i + 1, j + 1)] ?? plan.textResults?.[address(i + 1, j + 1)] ?? null;
        return v;
      }),
    ),
  };
}

function read(grids: SheetGrid[]): { sheets: ModelSheet[]; issues: ReadIssue[] } {
  const sheets: ModelSheet[] = [];
  const issues: ReadIssue[] = [];
  for (const g of grids) {
    const r = readSheet(g, catalog);
    if (r.sheet) sheets.push(r.sheet);
    issues.push(...r.issues);
  }
  return { sheets, issues };
}

export function check(grids: SheetGrid[], units?: DepartmentUnits): Finding[] {
  const { sheets, issues } = read(grids);
  return validateSheets(sheets, issues, catalog, units).findings;
}

function seedPlans(id: string): SheetPlan[] {
  const sample = sampleFromSeed(SEED_BUDGETS.find((s) => s.id === id)!);
  const specs = [...(Object.keys(sample.data) as SpecId[]), ...(sample.projects.length ? (['project'] as SpecId[]) : [])];
  return planWorkbook({ ctx: sample.ctx, data: sample.data, projects: sample.projects, specs, options: { subtotals: 'values' } });
}

const UNIT = '2021-shanghai-social-security-card-unit';
const DEPARTMENT = '2020-shanghai-hrss-department';

type Grids = SheetGrid[];
const copy = (grids: Grids): Grids => grids.map((g) => ({ name: g.name, values: g.values.map((r) => [...r]) }));
const sheetOf = (grids: Grids, name: RegExp): SheetGrid => {
  const g = grids.find((x) => name.test(x.name));
  if (!g) throw new Error(`no sheet ${name} among ${grids.map((x) => x.name).join(', ')}`);
  return g;
};

function set(g: SheetGrid, a1: string, v: GridValue): void {
  const { r1, c1 } = parseRange(a1);
  while (g.values.length < r1) g.values.push([]);
  const row = g.values[r1 - 1];
  while (row.length < c1) row.push(null);
  row[c1 - 1] = v;
}
const get = (g: SheetGrid, a1: string): GridValue => {
  const { r1, c1 } = parseRange(a1);
  return g.values[r1 - 1]?.[c1 - 1] ?? null;
};
const bump = (g: SheetGrid, a1: string, by = 1): void => set(g, a1, Number(get(g, a1) ?? 0) + by);

/** The first row whose cell in column `col` (1-based) holds `text`. */
function rowWith(g: SheetGrid, col: number, text: string | RegExp): number {
  const i = g.values.findIndex((r) => {
    const v = r[col - 1];
    return typeof v === 'string' && (typeof text === 'string' ? v.trim() === text : text.test(v));
  });
  if (i < 0) throw new Error(`${g.name}: nothing like ${text} in column ${col}`);
  return i + 1;
}

/** A budget fault: which sheet, what a clerk did. */
type BudgetFault = (grids: Grids) => void;

/** The unit seed's coded tables: the 204 类 row, a 项 row under it, the 合计 row (see plan/build.ts). */
const BUDGET_FAULTS: BudgetFault[] = [
  // subtotal, row-parts, income-vs-expense, fiscal-vs-funds, summary-vs-detail: a 项 of T2 typed wrong
  (g) => bump(sheetOf(g, /收入总表$/), `E${rowWith(sheetOf(g, /收入总表$/), 3, /^\d\d$/)}`, 7),
  // fiscal-vs-funds: a 项's 财政拨款收入 in T2
  (g) => bump(sheetOf(g, /收入总表$/), `F${rowWith(sheetOf(g, /收入总表$/), 3, /^\d\d$/)}`, 4),
  // summary-vs-detail: T1's 财政拨款收入 typed over
  (g) => bump(sheetOf(g, /收支总表$/), `B${rowWith(sheetOf(g, /收支总表$/), 1, /财政拨款收入/)}`, 2),
  // grand-total and basic-vs-economic: T5's and T8's 合计 typed over
  (g) => bump(sheetOf(g, /一般公共预算拨款表$/), `E${rowWith(sheetOf(g, /一般公共预算拨款表$/), 1, '合计')}`, 5),
  (g) => bump(sheetOf(g, /基本支出明细表$/), `D${rowWith(sheetOf(g, /基本支出明细表$/), 1, '合计')}`, 3),
  // balance: T1's 收入总计
  (g) => bump(sheetOf(g, /收支总表$/), `B${rowWith(sheetOf(g, /收支总表$/), 1, '收入总计')}`, 11),
  // three-public, three-public-vs-economic: the 合计 typed over, the 公务接待费 below T8's 30217
  (g) => {
    const t9 = sheetOf(g, /三公/);
    bump(t9, 'A6', 1);
    set(t9, 'C6', 0);
  },
  // projects: a U2 项 row typed over
  (g) => bump(sheetOf(g, /项目支出表$/), 'G5', 9),
  // unreadable, text-amount, bad-code, unknown-code, name-mismatch, duplicate-code, orphan on T3
  (g) => {
    const t3 = sheetOf(g, /支出总表$/);
    const first = rowWith(t3, 1, /^\d{3}$/);
    set(t3, `E${first + 1}`, '四百万');
    set(t3, `F${first + 1}`, '1,234');
    set(t3, `A${first + 2}`, '2x4');
    const last = rowWith(t3, 1, '合计') - 1;
    set(t3, `A${last}`, '299');
    set(t3, `B${last}`, '99');
    set(t3, `C${last}`, '01');
    set(t3, `D${first}`, '公共安全');
  },
  (g) => {
    const t5 = sheetOf(g, /一般公共预算拨款表$/);
    const first = rowWith(t5, 1, /^\d{3}$/);
    t5.values.splice(first + 2, 0, [...t5.values[first + 1]]);
  },
  // narrative, three-public-statement, level-wording, blank figures in the text
  (g) => {
    const explanation = sheetOf(g, /编制说明$/);
    set(explanation, 'A3', `${get(explanation, 'A3')}预算支出总额为9,999万元。财政拨款支出预算1万元。`);
    const other = sheetOf(g, /其他相关情况说明$/);
    set(other, 'A4', '本单位无“三公”经费预算。本部门无机关运行经费。');
  },
  // missing-table and empty-table: T6 without its statement, T4 gone
  (g) => {
    const t4 = g.findIndex((x) => /财政拨款收支总表$/.test(x.name));
    g.splice(t4, 1);
  },
  // missing-table of a title that starts with its year and body (T9: {year}年单位“三公”…)
  (g) => {
    const t9 = g.findIndex((x) => /三公/.test(x.name));
    g.splice(t9, 1);
  },
  // not-recognised: a sheet of the clerk's own
  (g) => void g.push({ name: '草稿', values: [['随手记的数字'], [1, 2, 3]] }),
];

function budgetFindings(): Finding[] {
  const out: Finding[] = [];
  for (const id of [UNIT, DEPARTMENT]) {
    const clean = seedPlans(id).map(gridOf);
    out.push(...check(copy(clean)));
    for (const fault of BUDGET_FAULTS) {
      const grids = copy(clean);
      try {
        fault(grids);
      } catch {
        continue; // a fault for a table this seed has not (U2 in a department)
      }
      out.push(...check(grids));
    }
  }
  out.push(...check([{ name: '草稿', values: [['随手记的数字']] }]));
  return out;
}

/** Cells as test/xlsx/forms-validate.test.ts plants its faults in the same seed forms. */
function formFindings(): Finding[] {
  const target = () => gridOf(withBudgetValues(seedTargetPlans()[0]));
  const self = () => gridOf(withBudgetValues(seedSelfEvaluationPlans()[0]));
  const long = () => gridOf(withBudgetValues(seedLongTargetPlans()[0]));
  const faults: [() => SheetGrid, (g: SheetGrid) => void][] = [
    [target, (g) => set(g, 'E9', 100)],
    [target, (g) => ['A20', 'B20', 'C20', 'E20'].forEach((a) => set(g, a, null))],
    [target, (g) => set(g, 'B15', '社会效益指标')],
    [target, (g) => set(g, 'C16', null)],
    [target, (g) => set(g, 'E17', '≥')],
    [target, (g) => set(g, 'E15', '=95.00(%)')],
    [target, (g) => set(g, 'E16', '≥95次')],
    [self, (g) => set(g, 'G6', 0.99)],
    [self, (g) => (set(g, 'H6', 9), set(g, 'G20', 96.5))],
    [self, (g) => (set(g, 'G13', 25), set(g, 'G20', 102.5))],
    [self, (g) => (set(g, 'E14', '=80%'), set(g, 'G14', 12), set(g, 'G20', 94.5))],
    [self, (g) => (set(g, 'G15', 14), set(g, 'H15', '其他原因'), set(g, 'G20', 96.5))],
    [self, (g) => set(g, 'F6', 12)],
    [self, (g) => set(g, 'G20', 99)],
    [self, (g) => set(g, 'H20', '自评等级：良')],
    [self, (g) => set(g, 'D6', '四十四万')],
    [long, (g) => set(g, 'E26', 17000000)],
    [long, (g) => set(g, 'B14', 17000000)],
    [long, (g) => set(g, 'B57', '数量')],
    [long, (g) => set(g, 'E41', '≥300次')],
  ];
  const out = check([...seedTargetPlans(), ...seedSelfEvaluationPlans(), ...seedLongTargetPlans()].map(withBudgetValues).map(gridOf));
  for (const [make, fault] of faults) {
    const g = make();
    fault(g);
    out.push(...check([g]));
  }
  // form-empty: a blank target form as the pane inserts it
  const ctx = { level: 'unit' as const, org: '上海市社会保障卡服务中心', year: 2021 };
  out.push(...check([gridOf(planTargetForm(ctx))]));
  // forms beside U2: a form's 当年财政拨款 off its U2 project, a self-evaluation's 年初预算数, projects without a form
  const budget = seedPlans(UNIT);
  const forms = [planTargetForm(ctx, { ...SEED_TARGET_FORMS[0], year: 2021 })];
  const selves = seedSelfEvaluationPlans().map(withBudgetValues).map(gridOf);
  for (const g of selves) set(g, 'C7', 1);
  out.push(...check([...budget.map(gridOf), ...forms.map(gridOf), ...selves]));
  // the 绩效目标汇总表: a 金额 and the 合计 typed over, a row without a form, a form without a row
  const targets = seedTargetPlans().map(withBudgetValues);
  const summary = gridOf(planTargetSummary(ctx, targets.slice(0, 3)));
  bump(summary, 'C4', 100);
  bump(summary, 'C7', 1);
  set(summary, 'B6', '交换平台运行费（已撤销）');
  out.push(...check([...targets.slice(0, 4).map(gridOf), summary]));
  return out;
}

/** A department consolidated from three small units, then checked against a revised unit and a stranger. */
function departmentFindings(): Finding[] {
  const unit = (org: string, personnel: number, project: number): UnitWorkbook => {
    const plans = planWorkbook({ ctx: { level: 'unit', org, year: 2021 }, data: cleanUnit({ personnel, public: 100, project }), options: { subtotals: 'values' } });
    return { source: `${org}.xlsx`, ...read(plans.map(gridOf)) };
  };
  const units = [unit('甲单位', 1000, 300), unit('乙单位', 5000, 40), unit('丙单位', 60, 8000)];
  const c = consolidate(units, { department: '上海市某局', year: 2021, catalog });
  const dept = consolidationPlans(c).map(gridOf);
  return check(dept, { units: [units[0], unit('乙单位', 5000, 45), unit('丁单位', 0, 0)] });
}

/** check's own finding on a file: BUDGET formulas left in it. */
export async function fileFindings(): Promise<Finding[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-tables-style-'));
  try {
    const file = path.join(dir, 'formulas.xlsx');
    const sample = sampleFromSeed(SEED_BUDGETS.find((s) => s.id === UNIT)!);
    const plans = planWorkbook({ ctx: sample.ctx, data: sample.data, specs: ['T2'], options: { subtotals: 'formulas' } });
    await (await workbookFromPlans(plans)).xlsx.writeFile(file);
    // The district templates as published: their placeholders (XXX) and sample text, quoted across line breaks.
    const reference = path.join(__dirname, '..', '..', '..', '..', 'shared', 'reference');
    const templates = ['unit', 'department'].map((level) => path.join(reference, `district-2026-${level}-budget-template.xlsx`));
    const found = [(await checkFile(file)).findings];
    for (const t of templates) found.push((await checkFile(t)).findings);
    return found.flat();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The text checks against last year: the unit seed with its 上年对比 sheet (last year as its own
 * text states it), a stated change typed wrong, one without its reason, a stray year and a
 * doubled comma.
 */
function textFindings(): Finding[] {
  const grids = seedPlans(UNIT).map(gridOf);
  const cmp = compareBudgets(CARD_2020(), read(grids).sheets);
  grids.push(gridOf(planComparison({ level: 'unit', org: '上海市社会保障卡服务中心', year: 2021 }, cmp)));
  const other = sheetOf(grids, /其他相关情况说明$/);
  const row = rowWith(other, 1, /公务接待费/);
  const said = String(get(other, `A${row}`));
  set(other, `A${row}`, said.replace('减少0.06万元', '减少0.16万元').replace('，主要原因是压缩开支', '') + '1999年预算安排，，详见附表。');
  return check(grids);
}

/** Every finding the corpus gives, all rules together. */
export function corpusFindings(): Finding[] {
  const templates = (['unit', 'department'] as const).flatMap((level) => check(planWorkbook({ ctx: { level, org: '上海市普陀区XX局', year: 2026 } }).map(gridOf)));
  return [...budgetFindings(), ...formFindings(), ...departmentFindings(), ...textFindings(), ...templates];
}
