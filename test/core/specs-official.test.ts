import * as path from 'path';
import { isPlanText } from '../../src/core/plan/text-cells';
import ExcelJS from 'exceljs';
import { parseRange } from '../../src/core/plan/a1';
import { planSheet } from '../../src/core/plan/build';
import type { SheetPlan } from '../../src/core/plan/types';
import { tableSpec } from '../../src/core/specs/tables';
import type { BudgetLevel, TableId } from '../../src/core/specs/types';

/**
 * Each spec against the official layout: the 2026 district templates in shared/reference
 * (read here, never copied). Titles, the 编制单位/单位 line, header labels and header merges
 * must match the template's, row for row.
 */
const REFERENCE = path.join(__dirname, '..', '..', '..', 'shared', 'reference');
const FILES: Record<BudgetLevel, string> = {
  unit: 'district-2026-unit-budget-template.xlsx',
  department: 'district-2026-department-budget-template.xlsx',
};
const books: Partial<Record<BudgetLevel, ExcelJS.Workbook>> = {};

beforeAll(async () => {
  for (const level of ['unit', 'department'] as const) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(REFERENCE, FILES[level]));
    books[level] = wb;
  }
});

const compact = (v: unknown): string => {
  if (v && typeof v === 'object' && 'richText' in (v as object)) v = (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
  if (isPlanText(v)) v = v.text;
  return v === null || v === undefined ? '' : String(v).replace(/[\s\u3000]+/g, '');
};

/** Header grid of the template: merged cells read as their anchor, like a clerk sees them. */
function referenceGrid(ws: ExcelJS.Worksheet, r1: number, r2: number, width: number): string[][] {
  const out: string[][] = [];
  for (let r = r1; r <= r2; r++) {
    const row: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      row.push(compact(cell.isMerged ? cell.master.value : cell.value));
    }
    out.push(row);
  }
  return out;
}

function planGrid(plan: SheetPlan, r1: number, r2: number, width: number): string[][] {
  const anchor = new Map<string, [number, number]>();
  for (const m of plan.merges) {
    const { r1: a, c1: b, r2: c, c2: d } = parseRange(m);
    for (let r = a; r <= c; r++) for (let col = b; col <= d; col++) anchor.set(`${r},${col}`, [a, b]);
  }
  const out: string[][] = [];
  for (let r = r1; r <= r2; r++) {
    const row: string[] = [];
    for (let c = 1; c <= width; c++) {
      const [ar, ac] = anchor.get(`${r},${c}`) ?? [r, c];
      row.push(compact(plan.cells[ar - 1]?.[ac - 1]));
    }
    out.push(row);
  }
  return out;
}

/** Merges inside a row band, as offsets from the band's first row. */
function bandMerges(merges: string[], r1: number, r2: number): string[] {
  return merges
    .map(parseRange)
    .filter((m) => m.r1 >= r1 && m.r2 <= r2)
    .map((m) => `${m.r1 - r1},${m.c1}-${m.r2 - r1},${m.c2}`)
    .sort();
}

function findRow(ws: ExcelJS.Worksheet, pred: (text: string) => boolean): number {
  for (let r = 1; r <= 12; r++) {
    for (let c = 1; c <= 10; c++) if (pred(compact(ws.getCell(r, c).value))) return r;
  }
  throw new Error(`row not found in ${ws.name}`);
}

const CASES: [TableId, string, string][] = [
  ['T1', '单位收支总表', '部门收支总表'],
  ['T2', '单位收入总表', '部门收入总表'],
  ['T3', '单位支出总表', '部门支出总表'],
  ['T4', '单位财政拨款收支总表', '部门财政拨款收支总表'],
  ['T5', '单位一般公共预算拨款表', '部门一般公共预算拨款表'],
  ['T6', '单位政府性基金拨款表', '部门政府性基金拨款表'],
  ['T7', '单位国有资本经营预算拨款表 ', '部门国有资本经营预算拨款表 '],
  ['T8', '单位一般公共预算拨款基本支出明细表', '部门一般公共预算拨款基本支出明细表'],
  ['T9', '单位“三公”经费和机关运行费预算表', '部门“三公”经费和机关运行费预算表'],
];

describe.each(['unit', 'department'] as const)('%s tables against the 2026 template', (level) => {
  it.each(CASES)('%s', (id, unitSheet, deptSheet) => {
    const ws = books[level]!.getWorksheet(level === 'unit' ? unitSheet : deptSheet)!;
    expect(ws).toBeDefined();
    const plan = planSheet(tableSpec(id)!, { level, org: '上海市普陀区XX单位', year: 2026 });
    // Sheet name as the template's (less its stray trailing space).
    expect(plan.name).toBe((level === 'unit' ? unitSheet : deptSheet).trim());
    // Title with year and level wording.
    const titleRow = findRow(ws, (t) => t.startsWith('2026年'));
    expect(compact(plan.cells[0][0])).toBe(compact(ws.getCell(titleRow, 1).value));
    // 编制单位/编制部门 on the left, 单位：元 (万元) on the right.
    const metaRow = findRow(ws, (t) => /^编制(单位|部门)[:：]/.test(t));
    const who = compact(ws.getCell(metaRow, 1).value);
    expect(compact(plan.cells[1][0]).startsWith(who)).toBe(true);
    const unitCell = compact(ws.getRow(metaRow).values instanceof Array ? (ws.getRow(metaRow).values as unknown[]).filter(Boolean).pop() : '');
    const width = plan.cells[0].length - 1; // less the hidden marker column
    expect(compact(plan.cells[1][width - 1]).replace(':', '：')).toBe(unitCell.replace(':', '：'));
    // Header labels and merges, row for row.
    const [h1, h2] = plan.layout.headerRows;
    const refStart = findRow(ws, (t) => ['项目', '本年收入', '财政拨款收入', '“三公”经费预算数'].includes(t));
    const refEnd = refStart + (h2 - h1);
    expect(planGrid(plan, h1, h2, width)).toEqual(referenceGrid(ws, refStart, refEnd, width));
    expect(bandMerges(plan.merges, h1, h2)).toEqual(bandMerges(ws.model.merges, refStart, refEnd));
  });
});

describe('layout details', () => {
  const unit = { level: 'unit' as const, org: '上海市社会保障卡服务中心', year: 2021 };

  it('uses #,##0 in 元 and 0.00 in 万元', () => {
    const t2 = planSheet(tableSpec('T2')!, unit);
    expect(t2.styles.some((s) => s.style.numberFormat === '#,##0' && s.style.locked === false)).toBe(true);
    const t9 = planSheet(tableSpec('T9')!, unit);
    expect(t9.styles.some((s) => s.style.numberFormat === '0.00')).toBe(true);
    expect(t9.cells[1][6]).toBe('单位：万元');
  });

  it('freezes the headers, repeats them when printing and protects the structure', () => {
    const t5 = planSheet(tableSpec('T5')!, unit);
    expect(t5.freeze).toEqual({ rows: 5, columns: 4 });
    expect(t5.print).toEqual({ orientation: 'landscape', titleRows: '1:5', fitToWidth: true });
    expect(t5.protect).toBe(true);
  });

  it('words a department’s tables as a department’s', () => {
    const t3 = planSheet(tableSpec('T3')!, { level: 'department', org: '上海市公安局', year: 2018 });
    expect(t3.cells[0][0]).toEqual({ text: '2018年部门支出预算总表' });
    expect(t3.cells[1][0]).toEqual({ text: '编制部门：上海市公安局' });
    const u2 = planSheet(tableSpec('U2')!, unit);
    expect(u2.cells[0][0]).toEqual({ text: '2021年预算单位财政拨款项目支出预算表' });
  });
});
