import type { Catalog } from '../catalog/catalog';
import { normalizeCode, plainCellsCode } from '../codes';
import type {
  Amounts,
  BalanceTableData,
  ModelSheet,
  ProjectGroup,
  ProjectTableData,
  SheetData,
  TextData,
  ThreePublicData,
} from '../model';
import type { Money } from '../money';
import { address } from '../plan/a1';
import { THREE_PUBLIC_COLUMNS } from '../plan/build';
import type { AmountKey, IncomeKey } from '../seed-types';
import type { AmountColumn, BalanceTableSpec, Spec } from '../specs/types';
import { nameKey } from '../catalog/names';
import { codeTextOf, columnsObject, findCodeColumns, readCoded } from './coded';
import { cellAt, compactText, plainText, SheetGrid } from './grid';
import { readFormSheet, recognizeForm } from './forms';
import { isCoverSheet, isPackSheet, recognizeSheet } from './recognize';
import { SheetReader, type ReadIssue } from './sheet-reader';
import { readSummarySheet, recognizeSummary } from './summary';
import { readInputSheet, recognizeInputSheet } from './inputs';

export { readAmountCell, type ReadIssue } from './sheet-reader';

export interface ReadResult {
  sheet: ModelSheet | null;
  issues: ReadIssue[];
}

function matchColumns(
  r: SheetReader,
  columns: AmountColumn[],
  fromCol: number,
  top: number,
  bottom: number,
  aliases: Record<string, AmountKey> = {},
): Map<AmountKey, number> {
  const found = new Map<AmountKey, number>();
  const width = r.width();
  for (let c = fromCol; c <= width; c++) {
    const label = r.columnLabel(c, top, bottom);
    const col = columns.find((x) => x.label === label) ?? (aliases[label] ? columns.find((x) => x.key === aliases[label]) : undefined);
    if (col && !found.has(col.key)) found.set(col.key, c);
  }
  return found;
}

const HEADER_LABELS = new Set(['项目', '预算数', '合计', '基本支出', '人员经费', '公用经费', '项目支出', '一般公共预算', '政府性基金预算', '国有资本经营预算']);

const INCOME_PATTERNS: [RegExp, IncomeKey][] = [
  [/财政拨款收入/, 'fiscal'],
  [/一般公共预算/, 'general'],
  [/政府性基金/, 'fund'],
  [/国有资本经营/, 'stateCapital'],
  [/经营收入/, 'operating'],
  [/事业收入/, 'business'],
  [/其他收入/, 'other'],
];

const INCOME_AMOUNT_LABEL = /^(预算数|金额)$/;

/**
 * The first column right of `after` and left of `before` whose text passes `test`, rows
 * top..bottom taken in turn; 0 when none. (An empty cell is never asked.)
 */
function firstColumnWhere(r: SheetReader, top: number, bottom: number, after: number, before: number, test: (text: string) => boolean): number {
  for (const row of r.rowsFrom(top, bottom)) {
    const end = Math.min(r.grid.values[row - 1].length, before - 1);
    for (let c = after + 1; c <= end; c++) {
      const t = r.text(row, c);
      if (t !== '' && test(t)) return c;
    }
  }
  return 0;
}

function incomeKeyOf(label: string): IncomeKey | undefined {
  for (const [re, key] of INCOME_PATTERNS) if (re.test(label)) return key;
  return undefined;
}

/**
 * T1 and T4: income lines on the left, expenditure by 类 on the right. Found from the header
 * cell (本年收入 / 财政拨款收入 / 项目) wherever the table starts, so a leading spacer column or
 * one between the sides moves nothing; the columns of each side are then found by label.
 */
function readBalance(r: SheetReader, spec: BalanceTableSpec, level: 'unit' | 'department', catalog?: Catalog, year?: number): BalanceTableData | null {
  const headerTop = r.findRow(1, (row) => {
    const first = r.firstText(row);
    return first === spec.incomeHeader || first === '项目';
  });
  if (headerTop === null) return null;
  const base = r.firstFilled(headerTop);
  const totalRow = r.findRow(headerTop, (row) => r.text(row, base) === '收入总计');
  if (totalRow === null) return null;
  const columns = spec.expenditureColumns[level];
  // The header ends at its last row of column labels (cells may be merged downwards), found by
  // the labels themselves so that a garbled line label cannot move it.
  let headerBottom = headerTop;
  for (const row of r.rowsFrom(headerTop + 1, Math.min(totalRow - 1, headerTop + 4))) {
    if (firstColumnWhere(r, row, row, 0, Infinity, (t) => HEADER_LABELS.has(t)) !== 0) headerBottom = row;
  }
  const expHeader = firstColumnWhere(r, headerTop, headerTop, base, Infinity, (t) => t === spec.expenditureHeader);
  // the expenditure side's label column: its header, or the second 项目 of the label row
  const itemCol = firstColumnWhere(r, headerTop, headerBottom, base, Infinity, (t) => t === '项目');
  const expCol = expHeader || itemCol || base + 2;
  const incomeCol = firstColumnWhere(r, headerTop, headerBottom, base, expCol, (t) => INCOME_AMOUNT_LABEL.test(t)) || base + 1;
  const cols = matchColumns(r, columns, expCol + 1, headerTop, headerBottom, { 预算数: 'total' });
  const income: BalanceTableData['income'] = [];
  const expenditure: BalanceTableData['expenditure'] = [];
  // the expenditure columns as two arrays, walked on every line
  const expKeys = [...cols.keys()];
  const expCols = [...cols.values()];
  for (const row of r.rowsFrom(headerBottom + 1, totalRow - 1)) {
    // a page break inside the table repeats the title and headers
    if (r.isRepeatedHeader(row) || r.text(row, base) === spec.incomeHeader) continue;
    const label = plainText(cellAt(r.grid, row, base)).trim();
    const key = label ? incomeKeyOf(label) : undefined;
    if (label && key) income.push({ key, label, amount: r.amount(row, incomeCol), row });
    else r.amount(row, incomeCol); // an amount on a line without a label is still read, so a bad one is reported
    const exp = plainText(cellAt(r.grid, row, expCol)).trim();
    if (exp || expCols.some((c) => r.text(row, c) !== '')) {
      const amounts: Amounts = {};
      for (let k = 0; k < expKeys.length; k++) amounts[expKeys[k]] = r.amount(row, expCols[k]);
      expenditure.push({ code: leiCodeOf(exp, catalog, year), label: exp, amounts, row });
    }
  }
  const expenditureTotal: Amounts = {};
  for (const [k, c] of cols) expenditureTotal[k] = r.amount(totalRow, c);
  return {
    kind: 'balance',
    income,
    incomeTotal: r.amount(totalRow, incomeCol),
    expenditure,
    expenditureTotal,
    at: { columns: columnsObject(cols, { income: incomeCol }), nameColumn: expCol, totalRow },
  };
}

/** `一、公共安全支出` → `204`, by the catalog's 类 names (any edition). */
export function leiCodeOf(label: string, catalog?: Catalog, year?: number): string | null {
  const name = label.replace(LEI_ORDINAL, '').replace(WHITE_SPACE, '');
  const code = LEI_CODE.exec(name);
  if (code) return code[1];
  if (!catalog) return null;
  const key = nameKey(name);
  const index = leiIndex(catalog, year);
  return index.current.get(key) ?? index.any.get(key) ?? null;
}

const LEI_ORDINAL = /^[一二三四五六七八九十]+、\s*/;
const WHITE_SPACE = /\s/g;
const LEI_CODE = /^(2\d{2})\b/;

interface LeiIndex {
  /** name key → the first 类 (in code order) whose name in the year has it */
  current: Map<string, string>;
  /** name key → the first 类 any of whose names has it */
  any: Map<string, string>;
}

/**
 * The 类 by name, made once per catalog and year: T1 and T4 look up every line, and each
 * look-up walked the 类 and keyed their names again.
 */
const LEI_INDEXES = new WeakMap<Catalog, Map<number | undefined, LeiIndex>>();

function leiIndex(catalog: Catalog, year: number | undefined): LeiIndex {
  let byYear = LEI_INDEXES.get(catalog);
  if (!byYear) LEI_INDEXES.set(catalog, (byYear = new Map()));
  let index = byYear.get(year);
  if (!index) {
    index = { current: new Map(), any: new Map() };
    for (const c of catalog.codes('functional', '类')) {
      const current = nameKey(catalog.nameOf(c, year) ?? '');
      if (!index.current.has(current)) index.current.set(current, c);
      for (const n of catalog.namesOf(c)) {
        const k = nameKey(n);
        if (!index.any.has(k)) index.any.set(k, c);
      }
    }
    byYear.set(year, index);
  }
  return index;
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
  const form = recognizeForm(grid);
  if (form) return readFormSheet(grid, form);
  const summary = recognizeSummary(grid);
  if (summary) return readSummarySheet(grid, summary);
  const input = recognizeInputSheet(grid);
  if (input) return readInputSheet(grid, input);
  if (isPackSheet(grid)) return { sheet: null, issues: [] };
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
