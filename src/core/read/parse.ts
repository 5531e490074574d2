import type { Catalog } from '../catalog/catalog';
import { normalizeCode, plainCellsCode } from '../codes';
import type {
  ModelSheet,
  ProjectGroup,
  ProjectTableData,
  SheetData,
  TextData,
  ThreePublicData,
} from '../model';
import type { Money } from '../money';
import { address } from '../plan/a1';
import { THREE_PUBLIC_COLUMNS } from '../plan/three-public-columns';
import type { Spec } from '../specs/types';
import { nameKey } from '../catalog/names';
import { readBalance } from './balance';
import { codeTextOf, columnsObject, findCodeColumns, readCoded } from './coded';
import { cellAt, compactText, plainText, SheetGrid } from './grid';
import { readFormSheet, recognizeForm } from './forms';
import { isCoverSheet, isPackSheet, recognizeSheet, rowOneMarker } from './recognize';
import { SheetReader, type ReadIssue } from './sheet-reader';
import { readSummarySheet, recognizeSummary } from './summary';
import { readInputSheet, recognizeInputSheet } from './inputs';

export { readAmountCell, type ReadIssue } from './sheet-reader';
export { leiCodeOf } from './balance';

export interface ReadResult {
  sheet: ModelSheet | null;
  issues: ReadIssue[];
}

const HAN = /[\u4e00-\u9fff]/;
/** the T9 columns' labels as keys, made on first use (the same for every sheet) */
let threePublicLabels: string[] | undefined;
const THREE_PUBLIC_HEADER = /三公.?经费(预算数|预算)?$/;
const TABLE_TITLE_END = /预算表$/;

function readThreePublic(r: SheetReader): ThreePublicData | null {
  const header = r.findRow(1, (row) => {
    const first = r.firstText(row);
    return THREE_PUBLIC_HEADER.test(first) && !TABLE_TITLE_END.test(first);
  });
  if (header === null) return null;
  const labels = (threePublicLabels ??= THREE_PUBLIC_COLUMNS.map((c) => nameKey(c.labels[2])));
  const cols = new Map<string, number>();
  const bottom = header + 2;
  for (let c = 1; c <= r.width(); c++) {
    const label = nameKey(r.columnLabel(c, header, bottom));
    const i = labels.findIndex((l) => l === label || (l.includes('机关运行') && label.includes('机关运行')));
    if (i >= 0 && !cols.has(THREE_PUBLIC_COLUMNS[i].key)) cols.set(THREE_PUBLIC_COLUMNS[i].key, c);
  }
  // The figures sit on the first row below the headers that has any; notes follow.
  const after = r.rowsFrom(bottom + 1);
  const colList = [...cols.values()];
  const dataRow = after.find((row) => colList.some((c) => r.text(row, c) !== '' && !HAN.test(r.text(row, c)))) ?? bottom + 1;
  const amounts: ThreePublicData['amounts'] = {};
  for (const [k, c] of cols) amounts[k as keyof ThreePublicData['amounts']] = r.amount(dataRow, c);
  // the notes in Chinese below the figures (a plain loop: its inlined array calls deoptimized this function)
  const notes: string[] = [];
  for (const row of after) {
    if (row === dataRow || r.firstFilled(row) === 0) continue;
    const first = r.firstText(row);
    if (HAN.test(first)) notes.push(first);
  }
  return {
    kind: 'three-public',
    amounts,
    statement: notes.length ? notes.join('') : null,
    at: { columns: columnsObject(cols), totalRow: dataRow },
  };
}

/** A U2 group row's code ('' when it is not one, reported), plain digits read without the general parse. */
function projectGroupCode(r: SheetReader, row: number, codeCols: number[]): string {
  const cells = r.grid.values[row - 1];
  const plain = plainCellsCode(cells[codeCols[0] - 1], codeCols.length > 1 ? cells[codeCols[1] - 1] : null, codeCols.length > 2 ? cells[codeCols[2] - 1] : null);
  if (plain !== null) return plain;
  const parts = codeCols.map((c) => cellAt(r.grid, row, c));
  const single = compactText(parts[0]);
  const code = normalizeCode(codeCols.length === 1 || (parts.slice(1).every((p) => compactText(p) === '') && single.length > 3) ? single : parts);
  if (!code.ok) r.issues.push({ sheet: r.grid.name, cell: address(row, codeCols[0]), kind: 'bad-code', message: code.reason });
  return code.ok ? code.code : '';
}

const AMOUNT_LABEL = /^(预算数|金额|合计)$/;
const DIGITS = /^\d+$/;

/**
 * U2: projects under their functional 项, codes in 类 | 款 | 项 or in one 科目编码 column (the
 * same finder as the coded tables), columns 序号 | 项目名称 | 预算数 found by their labels.
 */
function readProjects(r: SheetReader): ProjectTableData | null {
  const layout = findCodeColumns(r);
  if (layout === null) return null;
  const { codeCols } = layout;
  const top = Math.max(1, layout.row - 2);
  let noCol = 5;
  let nameCol = 6;
  let amountCol = 7;
  let groupNameCol = codeCols[codeCols.length - 1] + 1;
  const seen = new Set<string>();
  for (let c = 1; c <= r.width(); c++) {
    for (let row = layout.row; row >= top; row--) {
      const label = r.text(row, c);
      if (label === '序号' && !seen.has(label)) noCol = c;
      else if (label === '项目名称' && !seen.has(label)) nameCol = c;
      else if (AMOUNT_LABEL.test(label) && !seen.has('amount')) amountCol = c;
      else if (label.includes('名称') && !codeCols.includes(c) && !seen.has('group')) groupNameCol = c;
      else continue;
      seen.add(AMOUNT_LABEL.test(label) ? 'amount' : label === '序号' || label === '项目名称' ? label : 'group');
      break;
    }
  }
  const rows: ProjectGroup[] = [];
  let total: Money | null = null;
  let totalRow: number | null = null;
  for (const row of r.rowsFrom(layout.row + 1)) {
    const first = r.firstText(row);
    if (first === '合计') {
      total = r.amount(row, amountCol);
      totalRow = row;
      break;
    }
    if (r.isRepeatedHeader(row, first)) continue;
    const cells = r.grid.values[row - 1];
    if (codeTextOf(cells, codeCols) !== '') {
      rows.push({ code: projectGroupCode(r, row, codeCols), name: plainText(cellAt(r.grid, row, groupNameCol)).trim(), amount: r.amount(row, amountCol), projects: [], row });
      continue;
    }
    const name = plainText(cellAt(r.grid, row, nameCol)).trim();
    if (!name && r.text(row, amountCol) === '') continue;
    const noText = r.text(row, noCol);
    const group = rows[rows.length - 1];
    const item = { no: DIGITS.test(noText) ? Number(noText) : null, name, amount: r.amount(row, amountCol), row };
    if (group) group.projects.push(item);
    else rows.push({ code: '', name: '', amount: null, projects: [item] });
  }
  return { kind: 'projects', rows, total, at: { columns: { amount: amountCol }, codeColumn: codeCols[0], nameColumn: nameCol, totalRow } };
}

function readText(r: SheetReader, spec: Spec): TextData {
  const title = plainText(cellAt(r.grid, 1, 1)).trim();
  const lines: string[] = [];
  for (let row = 3; row <= r.rows; row++) lines.push(plainText(cellAt(r.grid, row, 1)));
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const subject = spec.id === 'project' ? title.replace(/项目经费情况说明$/, '') : undefined;
  return { kind: 'text', ...(subject !== undefined ? { subject } : {}), ...(title ? { title } : {}), paragraphs: lines };
}

/**
 * Reads one sheet into the neutral model. A sheet that is neither marked nor titled like an
 * official table gives `sheet: null` and a `not-recognised` issue.
 */
export function readSheet(grid: SheetGrid, catalog?: Catalog): ReadResult {
  // Performance forms first: their titles are not tables', and a form read as a table would
  // give nothing but noise.
  const marker = rowOneMarker(grid);
  const form = recognizeForm(grid, marker);
  if (form) return readFormSheet(grid, form);
  const summary = recognizeSummary(grid, marker);
  if (summary) return readSummarySheet(grid, summary);
  const input = recognizeInputSheet(grid, marker);
  if (input) return readInputSheet(grid, input);
  if (isPackSheet(grid, marker)) return { sheet: null, issues: [] };
  const rec = recognizeSheet(grid);
  const r = new SheetReader(grid);
  if (!rec) {
    if (isCoverSheet(grid)) return { sheet: null, issues: [] };
    return { sheet: null, issues: [{ sheet: grid.name, cell: 'A1', kind: 'not-recognised', message: `工作表“${grid.name}”不是可识别的预算表` }] };
  }
  const spec = rec.spec;
  const level = rec.level ?? 'unit';
  let data: SheetData | null;
  switch (spec.kind) {
    case 'coded':
      data = readCoded(r, spec);
      break;
    case 'balance':
      data = readBalance(r, spec, level, catalog, rec.year);
      break;
    case 'three-public':
      data = readThreePublic(r);
      break;
    case 'projects':
      data = readProjects(r);
      break;
    case 'text':
      data = readText(r, spec);
      break;
    case 'cover':
    case 'contents':
      return { sheet: null, issues: [] };
  }
  if (!data) {
    return {
      sheet: null,
      issues: [...r.issues, { sheet: grid.name, cell: 'A1', kind: 'no-header', message: `工作表“${grid.name}”像是${spec.description}，但找不到表头` }],
    };
  }
  if (data.kind !== 'text') {
    // The unit line says what the figures are in; a 万元 table's rounding is as fine as the
    // most decimals any of its figures shows (rules/tolerance.ts).
    const unit = r.unit();
    if (unit) data.unit = unit;
    if ((unit ?? (spec.kind === 'three-public' ? '万元' : '元')) === '万元') data.decimals = r.decimals;
  }
  return {
    sheet: { sheetName: grid.name, specId: spec.id, context: { level: rec.level, year: rec.year, org: rec.org }, data },
    issues: r.issues,
  };
}
