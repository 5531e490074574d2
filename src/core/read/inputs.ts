import type { ComparisonData, ModelSheet, ProcurementData, ProcurementKey } from '../model';
import { Money } from '../money';
import { COMPARISON, COMPARISON_COLUMNS, COMPARISON_HEADER_ROW, COMPARISON_THRESHOLD_CELL } from '../plan/comparison-layout';
import { address, parseAddress } from '../plan/a1';
import type { Marker } from '../plan/marker';
import { rowOneMarker } from './recognize';
import { comparisonRow, type ComparisonRow, type ComparisonSection, DEFAULT_THRESHOLD } from '../previous/compare';
import { PROCUREMENT, PROCUREMENT_FIELDS } from '../previous/procurement';
import { cellAt, compactText, existingRows, plainText, type SheetGrid } from './grid';
import type { ReadResult } from './parse';
import { readAmountCell, type ReadIssue } from './sheet-reader';

/**
 * The add-in's input sheets read back: the 上年对比 (plan/comparison.ts) and the 政府采购 inputs
 * (plan/procurement.ts), known by their marker in row 1. Figures are read as a clerk left them;
 * whether a 原因 is needed is worked out again from the figures and the threshold cell, not
 * taken from the formula's cached text.
 */
export function recognizeInputSheet(grid: SheetGrid, marker: Marker | null = rowOneMarker(grid)): Marker | null {
  if (marker) return marker.specId === COMPARISON.id || marker.specId === PROCUREMENT.id ? marker : null;
  return null;
}

export function readInputSheet(grid: SheetGrid, m: Marker): ReadResult {
  const issues: ReadIssue[] = [];
  const data = m.specId === COMPARISON.id ? readComparison(grid, issues) : readProcurement(grid, issues);
  const sheet: ModelSheet = { sheetName: grid.name, specId: m.specId, context: { level: m.level, year: m.year }, data };
  return { sheet, issues };
}

function readProcurement(grid: SheetGrid, issues: ReadIssue[]): ProcurementData {
  const amounts: Partial<Record<ProcurementKey, Money | null>> = {};
  const at: Partial<Record<ProcurementKey, string>> = {};
  for (const row of existingRows(grid, 1, Math.min(grid.values.length, 40))) {
    const label = compactText(cellAt(grid, row, 1)).replace(/[:：]$/, '');
    const f = PROCUREMENT_FIELDS.find((x) => compactText(x.label) === label);
    if (!f || f.key in amounts) continue;
    amounts[f.key] = readAmountCell(grid, row, 2, issues);
    at[f.key] = address(row, 2);
  }
  return { kind: 'procurement', amounts, at };
}

const SECTION_OF: [RegExp, ComparisonSection][] = [
  [/^一、/, 'functional'],
  [/^二、/, 'three-public'],
  [/^三、/, 'balance'],
];

function readComparison(grid: SheetGrid, issues: ReadIssue[]): ComparisonData {
  const C = COMPARISON_COLUMNS;
  const { row: tr, col: tc } = parseAddress(COMPARISON_THRESHOLD_CELL);
  const typed = readAmountCell(grid, tr, tc, issues);
  const threshold = typed ?? DEFAULT_THRESHOLD;
  const rows: ComparisonRow[] = [];
  let section: ComparisonSection = 'functional';
  for (const row of existingRows(grid, COMPARISON_HEADER_ROW + 1, grid.values.length)) {
    const key = compactText(cellAt(grid, row, C.key));
    if (!key) {
      const heading = SECTION_OF.find(([re]) => re.test(compactText(cellAt(grid, row, 1))));
      if (heading) section = heading[1];
      continue;
    }
    const text = (col: number) => plainText(cellAt(grid, row, col)).trim() || null;
    const codes = text(C.previousCodes);
    rows.push({
      ...comparisonRow(
        {
          section,
          key,
          code: text(C.code),
          label: text(C.label) ?? '',
          column: text(C.column),
          unit: section === 'three-public' ? '万元' : '元',
          previous: readAmountCell(grid, row, C.previous, issues) ?? new Money(0),
          current: readAmountCell(grid, row, C.current, issues) ?? new Money(0),
          reason: text(C.reason),
          ...(codes ? { previousCodes: codes.split('、') } : {}),
        },
        threshold,
      ),
      row,
    });
  }
  return { kind: 'comparison', threshold: typed, rows, at: { thresholdCell: COMPARISON_THRESHOLD_CELL, reasonColumn: C.reason } };
}
