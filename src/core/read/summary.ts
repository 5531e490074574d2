import type { ModelSheet, TargetSummaryData, TargetSummaryRow } from '../model';
import { address } from '../plan/a1';
import type { Marker } from '../plan/marker';
import { rowOneMarker } from './recognize';
import { TARGET_SUMMARY } from '../specs/forms';
import type { BudgetLevel } from '../specs/types';
import { cellAt, compactText, plainText, type SheetGrid } from './grid';
import { readAmountCell, type ReadIssue, type ReadResult } from './parse';

/**
 * Reads a 绩效目标汇总表 (plan/summary.ts) back: recognised by the plans' marker in row 1, or,
 * typed by hand, by its title. Its columns are found by their header labels and its lines run
 * down to 合计, so rows or columns a clerk inserts move nothing.
 */

export interface SummaryRecognition {
  level?: BudgetLevel;
  year?: number;
  by: 'marker' | 'title';
}

const SCAN_ROWS = 6;
const SCAN_COLS = 40;
const HEADER_SCAN = 15;
// The whole cell is the title (`2021年度项目支出绩效目标汇总表`), so a note that mentions the
// summary does not make its sheet one.
const TITLE = /^.{0,24}项目支出绩效目标汇总表[（(]?\d{0,4}年?度?[)）]?$/;

export function recognizeSummary(grid: SheetGrid, marker: Marker | null = rowOneMarker(grid)): SummaryRecognition | null {
  if (marker) return marker.specId === TARGET_SUMMARY.id ? { level: marker.level, year: marker.year, by: 'marker' } : null;
  for (let r = 1; r <= SCAN_ROWS; r++) {
    for (let c = 1; c <= SCAN_COLS; c++) {
      const text = compactText(cellAt(grid, r, c));
      if (!TITLE.test(text)) continue;
      const y = /((?:19|20)\d{2})[)）]?年/.exec(text);
      return { by: 'title', ...(y ? { year: Number(y[1]) } : {}) };
    }
  }
  return null;
}

const label = (grid: SheetGrid, row: number, col: number) => compactText(cellAt(grid, row, col)).replace(/[:：]$/, '');
const isAmountHeader = (l: string) => /^金额(（元）|\(元\))?$/.test(l);

function findHeader(grid: SheetGrid): { row: number; name: number; amount: number } | null {
  const width = grid.values.reduce((m, r) => Math.max(m, r.length), 0);
  for (let row = 1; row <= Math.min(grid.values.length, HEADER_SCAN); row++) {
    let name: number | null = null;
    let amount: number | null = null;
    for (let c = 1; c <= width; c++) {
      const l = label(grid, row, c);
      if (l === '项目名称' && name === null) name = c;
      else if (isAmountHeader(l) && amount === null) amount = c;
    }
    if (name !== null && amount !== null) return { row, name, amount };
  }
  return null;
}

export function readSummarySheet(grid: SheetGrid, rec: SummaryRecognition): ReadResult {
  const issues: ReadIssue[] = [];
  const header = findHeader(grid);
  if (!header) {
    return {
      sheet: null,
      issues: [{ sheet: grid.name, cell: 'A1', kind: 'no-header', message: `工作表“${grid.name}”像是绩效目标汇总表，但找不到表头（项目名称、金额）` }],
    };
  }
  const rows: TargetSummaryRow[] = [];
  let total: TargetSummaryData['total'] = null;
  let totalRow: number | null = null;
  for (let row = header.row + 1; row <= grid.values.length; row++) {
    // 合计 sits in the 序号 column, merged over to the name; a hand-typed one may be in either.
    const first = [1, header.name].map((c) => label(grid, row, c));
    if (first.includes('合计')) {
      totalRow = row;
      total = readAmountCell(grid, row, header.amount, issues);
      break;
    }
    // a header repeated on a printed page
    if (label(grid, row, header.name) === '项目名称') continue;
    const name = plainText(cellAt(grid, row, header.name)).trim();
    if (!name && compactText(cellAt(grid, row, header.amount)) === '') continue;
    rows.push({ name, amount: readAmountCell(grid, row, header.amount, issues), row });
  }
  const data: TargetSummaryData = {
    kind: 'target-summary',
    rows,
    total,
    at: { columns: { name: header.name, amount: header.amount }, headerRow: header.row, totalRow },
  };
  const sheet: ModelSheet = { sheetName: grid.name, specId: TARGET_SUMMARY.id, context: { level: rec.level, year: rec.year }, data };
  return { sheet, issues };
}

/** The 合计 cell of a summary read from a sheet, for findings about it. */
export function summaryTotalCell(d: TargetSummaryData): string {
  return d.at?.totalRow ? address(d.at.totalRow, d.at.columns.amount) : 'A1';
}
