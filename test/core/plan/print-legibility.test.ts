import ExcelJS from 'exceljs';
import { Money } from '../../../src/core/money';
import { ZipArchive } from '../../../src/xlsx/stream/zip';
import { workbookFromPlans } from '../../../src/xlsx/writer';
import { planDepartmentTargets } from '../../../src/core/plan/department-targets';
import { planSelfEvaluation, planTargetForm } from '../../../src/core/plan/forms';
import { planLongTargetForm } from '../../../src/core/plan/long-form';
import { planProjectForms } from '../../../src/core/plan/prefill';
import {
  clippedCells,
  MIN_PRINT_POINTS,
  PAGE_MARGINS,
  printableHeight,
  printedTextPoints,
  printScale,
  rowHeight,
} from '../../../src/core/plan/print';
import { planUnitBreakdown } from '../../../src/core/plan/unit-breakdown';
import type { SheetPlan } from '../../../src/core/plan/types';
import { planWorkbook } from '../../../src/core/plan/workbook';
import { sampleFromSeed } from '../../../src/core/sample';
import { SEED_BUDGETS } from '../../../src/core/sample-seeds';
import type { SpecId } from '../../../src/core/specs/types';
import { FORM_SAMPLES } from '../../../src/cli/forms';
import type { ModelSheet } from '../../../src/core/model';
import { planComparison } from '../../../src/core/plan/comparison';
import { planProcurement } from '../../../src/core/plan/procurement';
import { compareBudgets } from '../../../src/core/previous/compare';
import { CARD_2020, seedSheets } from '../previous/fixtures';

/**
 * Every sheet the product writes prints legibly (issue 15 point 1): the body text is at least
 * 10 pt at the scale the sheet prints at (fitted one A4 page wide, measured for the reader that
 * draws columns widest), and no header or label is cut at the top and bottom of its row(s).
 */

const m = (n: number) => new Money(n);
const named = (where: string, plans: SheetPlan[]) => plans.map((p) => ({ where: `${where} ${p.name}`, plan: p }));

function templates(): { where: string; plan: SheetPlan }[] {
  const out: { where: string; plan: SheetPlan }[] = [];
  // The editions differ (T7 and 成本指标 from 2021 on; the 2020 long target form): each year the seeds and templates cover.
  for (const year of [2018, 2020, 2021, 2026]) {
    for (const level of ['unit', 'department'] as const) {
      const ctx = { level, year, org: level === 'unit' ? '上海市社会保障卡服务中心' : '上海市人力资源和社会保障局' };
      out.push(...named(`template ${level} ${year}`, planWorkbook({ ctx, specs: undefined })));
      out.push(...named(`template ${level} ${year}`, planWorkbook({ ctx, specs: ['project'] as SpecId[] })));
    }
    const ctx = { level: 'unit' as const, year, org: '上海市社会保障卡服务中心' };
    out.push(...named(`forms ${year}`, [planTargetForm(ctx), planSelfEvaluation(ctx), planLongTargetForm(ctx)]));
  }
  return out;
}

function samples(): { where: string; plan: SheetPlan }[] {
  const out: { where: string; plan: SheetPlan }[] = [];
  for (const seed of SEED_BUDGETS) {
    const sample = sampleFromSeed(seed);
    const specs = [...(Object.keys(sample.data) as SpecId[]), ...(sample.projects.length ? (['project'] as SpecId[]) : [])];
    for (const subtotals of ['values', 'formulas'] as const) {
      out.push(...named(`sample ${seed.id} ${subtotals}`, planWorkbook({ ctx: sample.ctx, data: sample.data, projects: sample.projects, specs, options: { subtotals } })));
    }
  }
  for (const s of FORM_SAMPLES) out.push(...named(`sample ${s.file}`, s.plans()));
  return out;
}

function projectForms(): { where: string; plan: SheetPlan }[] {
  const sample = sampleFromSeed(SEED_BUDGETS.find((s) => s.id.includes('unit'))!);
  const u2: ModelSheet = { sheetName: 'U2', specId: 'U2', context: sample.ctx, data: sample.data.U2! };
  const names = (sample.data.U2 as { rows: { projects: { name: string }[] }[] }).rows.flatMap((g) => g.projects.map((p) => p.name));
  const plans = planProjectForms(sample.ctx, [u2], names, { summary: true, selfEvaluation: true, statement: true });
  return named('forms --from', plans);
}

function consolidation(): { where: string; plan: SheetPlan }[] {
  const ctx = { level: 'department' as const, year: 2026, org: '上海市公安局' };
  const units = ['上海市公安局本级', '上海公安学院', '上海市社会保障卡服务中心', '上海市刑事科学技术研究院'];
  const breakdown = {
    units,
    lines: [
      { table: 'T2' as const, kind: 'coded' as const, code: '2040201', name: '行政运行', key: 'total', shares: units.map(() => m(1234567890.12)), total: m(4938271560.48) },
      { table: 'T9' as const, kind: 'three-public' as const, code: '', name: '“三公”经费和机关运行经费', key: 'vehicleRunning', shares: units.map(() => null), total: null },
    ],
  };
  const targets = {
    lines: units.map((unit, i) => ({ unit, project: `申领、补换卡网点运行费${i}`, amount: m(17088121), u2: m(17088121), indicators: '服务对象满意度≥90.00(%)；网点数量=100个；资金使用合规性：合规' })),
    total: m(68352484),
    u2WithForms: m(68352484),
  };
  return [
    { where: 'consolidate 分单位明细', plan: planUnitBreakdown(breakdown as never, ctx) },
    { where: 'consolidate 分单位明细 of one unit', plan: planUnitBreakdown({ units: units.slice(0, 1), lines: breakdown.lines.map((l) => ({ ...l, shares: l.shares.slice(0, 1) })) } as never, ctx) },
    { where: 'consolidate 部门绩效目标汇总表', plan: planDepartmentTargets(targets as never, ctx) },
  ];
}

/** The sheets beside the tables that draft and compare add: 上年对比 (a seed against last year) and 政府采购 inputs. */
function lastYear(): { where: string; plan: SheetPlan }[] {
  const ctx = { level: 'unit' as const, org: '上海市社会保障卡服务中心', year: 2021 };
  const cmp = compareBudgets(CARD_2020(), seedSheets('2021-shanghai-social-security-card-unit'));
  return [
    { where: 'compare 上年对比', plan: planComparison(ctx, cmp) },
    { where: 'draft 政府采购预算', plan: planProcurement(ctx) },
  ];
}

const ALL = () => [...templates(), ...samples(), ...projectForms(), ...consolidation(), ...lastYear()];

describe('printed pages a reviewer can read', () => {
  const sheets = ALL();

  it('covers every kind of sheet the product writes', () => {
    const kinds = new Set(sheets.map((s) => s.plan.specId));
    for (const k of ['T1', 'T2', 'T8', 'T9', 'U1', 'U2', 'glossary', 'project', 'target-form', 'target-form-2020', 'self-evaluation', 'target-summary', 'unit-breakdown', 'unit-targets', 'cover', 'contents', 'comparison', 'procurement']) {
      expect({ k, covered: kinds.has(k as SpecId) }).toEqual({ k, covered: true });
    }
    expect(sheets.length).toBeGreaterThan(150);
  });

  it('prints the body text at 10 pt or more on A4', () => {
    const small = sheets
      .map(({ where, plan }) => ({ where, orientation: plan.print.orientation, scale: Math.round(printScale(plan) * 1000) / 1000, points: Math.round(printedTextPoints(plan) * 10) / 10 }))
      .filter((s) => s.points < MIN_PRINT_POINTS);
    expect(small).toEqual([]);
  });

  it('cuts no header or label at the top and bottom of its row', () => {
    const clipped = sheets.flatMap(({ where, plan }) => clippedCells(plan).map((c) => ({ where, ...c })));
    expect(clipped).toEqual([]);
  });

  it('repeats the header rows of a table on every page', () => {
    const missing = sheets
      .filter(({ plan }) => plan.layout.headerRows[1] > 1 && plan.specId !== 'glossary')
      .filter(({ plan }) => plan.print.titleRows === null || Number(plan.print.titleRows.split(':')[1]) < plan.layout.headerRows[1])
      .filter(({ plan }) => !['functions', 'organization', 'glossary', 'explanation', 'other', 'project'].includes(plan.specId))
      .map(({ where }) => where);
    expect(missing).toEqual([]);
  });

  it('never leaves a form’s last rows alone on a page without their heading', () => {
    const forms = sheets.filter(({ plan }) => ['target-form', 'self-evaluation', 'target-form-2020'].includes(plan.specId));
    expect(forms.length).toBeGreaterThan(10);
    const orphans: string[] = [];
    for (const { where, plan } of forms) {
      const [head] = plan.layout.headerRows;
      const last = plan.layout.totalRow ?? plan.layout.dataRows[1];
      // Pages as the plan breaks them (at 100 %, the largest it prints): each page's rows fit,
      // and a page that starts at or after the indicator heading has the heading repeated.
      const breaks = plan.print.rowBreaks ?? [];
      const starts = [1, ...breaks];
      const titles = plan.print.titleRows?.split(':').map(Number) ?? null;
      starts.forEach((start, i) => {
        const end = (starts[i + 1] ?? last + 1) - 1;
        let h = 0;
        for (let r = start; r <= end; r++) h += rowHeight(plan, r);
        let repeated = 0;
        if (titles && start > titles[1]) for (let r = titles[0]; r <= titles[1]; r++) repeated += rowHeight(plan, r);
        if (h + repeated > printableHeight(plan.print.orientation)) orphans.push(`${where}: rows ${start}–${end} overflow a page`);
        if (start > head && !(titles && titles[0] <= head && titles[1] >= head)) orphans.push(`${where}: page from row ${start} has no heading`);
      });
    }
    expect(orphans).toEqual([]);
  });
});

describe('what the printed page shows', () => {
  const unit = { level: 'unit' as const, year: 2026, org: '上海市社会保障卡服务中心' };

  it('prints the figures the issue measured at 10 pt or more now (unit T1 was 8.2 pt, a 2026 target form 7.4 pt)', () => {
    const t1 = planWorkbook({ ctx: unit, specs: ['T1'] })[0];
    const form = planTargetForm(unit);
    for (const p of [t1, form]) expect(printedTextPoints(p)).toBeGreaterThanOrEqual(MIN_PRINT_POINTS);
    expect(form.print.orientation).toBe('portrait');
  });

  it('gives the department T8 code header the two lines it needs', () => {
    const t8 = planWorkbook({ ctx: { ...unit, level: 'department' }, specs: ['T8'] })[0];
    const [r] = t8.layout.headerRows;
    const row = t8.cells.findIndex((line) => line.includes('部门预算经济分类科目编码')) + 1;
    expect(row).toBeGreaterThan(r);
    expect(rowHeight(t8, row)).toBeGreaterThanOrEqual(2 * 15);
    expect(clippedCells(t8)).toEqual([]);
  });

  it('formats a 类/款/合计 row so nothing prints blank, and a typed row so a 0 prints 0', () => {
    const sample = sampleFromSeed(SEED_BUDGETS.find((s) => s.id === '2021-shanghai-social-security-card-unit')!);
    const t2 = planWorkbook({ ctx: sample.ctx, data: sample.data, specs: ['T2'] })[0];
    const formatAt = (r: number, c: number) => {
      let f: string | undefined;
      for (const { range, style } of t2.styles) {
        const [a, b = a] = range.split(':');
        const m1 = /([A-Z]+)(\d+)/.exec(a)!;
        const m2 = /([A-Z]+)(\d+)/.exec(b)!;
        const col = (x: string) => x.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        if (style.numberFormat !== undefined && r >= +m1[2] && r <= +m2[2] && c >= col(m1[1]) && c <= col(m2[1])) f = style.numberFormat;
      }
      return f;
    };
    const [first] = t2.layout.dataRows;
    const total = t2.layout.amountColumns.total;
    expect(t2.cells[first - 1][0]).toEqual({ text: '204' }); // a 类 row
    expect(formatAt(first, total)).toBe('#,##0;-#,##0;');
    expect(formatAt(first + 2, total)).toBe('#,##0'); // 204 02 02, typed
    expect(formatAt(t2.layout.totalRow!, total)).toBe('#,##0;-#,##0;');
  });

  it('breaks a long form only between 一级 blocks, the heading repeated', () => {
    const ctx = { ...unit, year: 2020 };
    const long = planLongTargetForm(ctx);
    const filled = samples().find((s) => s.plan.specId === 'target-form-2020')!.plan;
    for (const p of [long, filled]) {
      const head = p.layout.headerRows[0];
      expect(p.print.titleRows).toBe(`${head}:${head}`);
      const level1 = new Set<number>();
      const [first, last] = p.layout.dataRows;
      for (let r = first; r <= last; r++) if (p.cells[r - 1][0] !== null) level1.add(r);
      for (const b of p.print.rowBreaks ?? []) expect({ b, startsABlock: b <= head || level1.has(b) }).toEqual({ b, startsABlock: true });
    }
    expect(filled.print.rowBreaks?.length).toBeGreaterThan(0);
  });
});

describe('the .xlsx carries the print setup the plan measured', () => {
  it('writes A4, the margins, the fit, the repeated rows and the planned page breaks', async () => {
    const form = samples().find((s) => s.plan.specId === 'target-form-2020')!.plan;
    const wb = await workbookFromPlans([form]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    const ws = back.worksheets[0];
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.margins).toEqual({ ...PAGE_MARGINS });
    const xml = await rowBreaksXml(await wb.xlsx.writeBuffer());
    // OOXML numbers a row break by the last row above it
    expect(xml).toEqual(form.print.rowBreaks!.map((r) => r - 1));
    expect(form.print.rowBreaks!.length).toBeGreaterThan(0);
  });
});

async function rowBreaksXml(buffer: ExcelJS.Buffer): Promise<number[]> {
  const chunks: Uint8Array[] = [];
  new ZipArchive(Buffer.from(buffer as ArrayBuffer)).read('xl/worksheets/sheet1.xml', (c) => chunks.push(c));
  const sheet = Buffer.concat(chunks).toString('utf8');
  const breaks = /<rowBreaks[^>]*>(.*?)<\/rowBreaks>/.exec(sheet)?.[1] ?? '';
  return [...breaks.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
}
