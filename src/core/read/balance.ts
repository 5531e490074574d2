import type { Catalog } from '../catalog/catalog';
import { nameKey } from '../catalog/names';
import type { Amounts, BalanceTableData } from '../model';
import type { AmountKey, IncomeKey } from '../seed-types';
import type { AmountColumn, BalanceTableSpec } from '../specs/types';
import { columnsObject } from './coded';
import { cellAt, plainText } from './grid';
import type { SheetReader } from './sheet-reader';

/**
 * T1 and T4, the 收支总表: income lines on the left, expenditure by 类 on the right (see
 * `readBalance`), and the 类 of an expenditure line found by its name.
 */

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
export function readBalance(r: SheetReader, spec: BalanceTableSpec, level: 'unit' | 'department', catalog?: Catalog, year?: number): BalanceTableData | null {
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
