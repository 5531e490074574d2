import type { FormIndicator, FormPositions, LongTargetFormParts, ModelSheet, SelfEvaluationData, TargetFormData } from '../model';
import { Money, toHalfWidth } from '../money';
import { address } from '../plan/a1';
import { quotedText } from '../plan/text-cells';
import type { Marker } from '../plan/marker';
import { rowOneMarker } from './recognize';
import { LONG_TARGET_FORM, SELF_EVALUATION, TARGET_FORM } from '../specs/forms';
import type { BudgetLevel, FormSpecId } from '../specs/types';
import { cellAt, compactText, existingRows, type SheetGrid } from './grid';
import { readAmountCell, type ReadIssue, type ReadResult } from './parse';

/**
 * Reads a performance form (domain.md §6) back from a sheet: the 绩效目标申报表 and the 绩效自评表
 * as the plans in `plan/forms.ts` lay them out, or typed by hand in the same wording.
 *
 * Nothing is taken from a fixed cell: every field is found by its label and every indicator
 * column by its header, so rows a clerk inserts (above the funds, inside the indicator block)
 * move nothing. Inside the indicator block a blank 一级/二级 carries down from the row above:
 * that is what a merged 一级/二级 cell reads as (only its top-left holds the words), and what a
 * clerk means by leaving it blank. A row with no 三级, 指标值 or score is a blank skeleton row
 * and is passed over. Texts starting with `=` come back from the `="=100%"` formula the plans
 * write (`formText`); amounts and scores typed as text are read and reported as the tables'
 * amounts are.
 */

export interface FormRecognition {
  specId: FormSpecId;
  level?: BudgetLevel;
  year?: number;
  by: 'marker' | 'title';
}

const SCAN_ROWS = 6;
const SCAN_COLS = 40;
// A title is the whole cell (a year or 财政项目支出 before it, nothing after), so a paragraph that
// mentions a 绩效自评表 in a text section does not make its sheet a form.
const TITLE_WORDS: [RegExp, FormSpecId][] = [
  [/^.{0,24}绩效目标申报表[（(]?\d{0,4}年?度?[)）]?$/, TARGET_FORM.id],
  [/^.{0,24}绩效自评表[（(]?\d{0,4}年?度?[)）]?$/, SELF_EVALUATION.id],
];

/**
 * The words a cell means: its value, or for `="…"` (a text starting with `=`) the text inside.
 * Typed into a cell formatted as text (`@`, as the plans' input cells are), `="=100%"` stays
 * those very characters instead of a formula: it is read as the words inside all the same.
 */
export function cellText(grid: SheetGrid, row: number, col: number): string {
  const v = cellAt(grid, row, col);
  if (typeof v === 'string') {
    const t = v.trim();
    return (t.startsWith('=') ? quotedText(t.slice(1)) : null) ?? v;
  }
  if (v !== null && typeof v !== 'object') return String(v);
  const f = grid.formulas?.[row - 1]?.[col - 1];
  if (typeof f === 'string' && f.startsWith('=')) return quotedText(f.slice(1)) ?? '';
  return '';
}

const compact = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** Which form a sheet holds: by the plans' marker in row 1, else by its title in the first rows. */
export function recognizeForm(grid: SheetGrid, marker: Marker | null = rowOneMarker(grid)): FormRecognition | null {
  const m = marker;
  if (m && (m.specId === TARGET_FORM.id || m.specId === SELF_EVALUATION.id || m.specId === LONG_TARGET_FORM.id)) return { specId: m.specId, level: m.level, year: m.year, by: 'marker' };
  if (m) return null; // the marker of a budget table
  for (let r = 1; r <= SCAN_ROWS; r++) {
    for (let c = 1; c <= SCAN_COLS; c++) {
      const text = compactText(cellAt(grid, r, c));
      const hit = TITLE_WORDS.find(([re]) => re.test(text));
      if (hit) return { specId: hit[1] === TARGET_FORM.id && isLongEdition(grid) ? LONG_TARGET_FORM.id : hit[1], year: titleYear(grid), by: 'title' };
    }
  }
  return null;
}

/**
 * The 2020 long form prints the same title as the 2026 one; only its fields tell it apart: a
 * 项目资金投入构成 (子项目) list, which the 2026 form does not have.
 */
function isLongEdition(grid: SheetGrid): boolean {
  return grid.values.some((row, r) => row.some((_v, c) => /^(子项目名称|项目资金投入构成)[:：]?$/.test(compact(cellText(grid, r + 1, c + 1)))));
}

/** `(2026 年度)` under the title (the 2020 form: `(2020)年度`), or `2026年度…` in it. */
function titleYear(grid: SheetGrid): number | undefined {
  for (let r = 1; r <= 3; r++) {
    for (let c = 1; c <= SCAN_COLS; c++) {
      const m = /((?:19|20)\d{2})[)）]?年/.exec(compactText(cellAt(grid, r, c)));
      if (m) return Number(m[1]);
    }
  }
  return undefined;
}

class FormReader {
  readonly issues: ReadIssue[] = [];
  readonly cells: Partial<Record<string, string>> = {};
  constructor(readonly grid: SheetGrid) {}

  get rows(): number {
    return this.grid.values.length;
  }

  private widthSeen?: number;

  get width(): number {
    return (this.widthSeen ??= this.grid.values.reduce((m, r) => Math.max(m, r.length), 0));
  }

  text(row: number, col: number): string {
    return cellText(this.grid, row, col).trim();
  }

  /** A cell's words as a label: no spaces, no colon after it (`项目名称：`). */
  label(row: number, col: number): string {
    return compact(this.text(row, col)).replace(/[:：]$/, '');
  }

  /** The first cell (row by row) whose label passes `test`, within rows `from`..`to`. */
  find(test: (label: string) => boolean, from = 1, to = this.rows): { row: number; col: number } | null {
    const last = Math.min(to, this.rows);
    if (!test('')) {
      // A blank label never passes, so only the cells that exist are looked at: the grid may be
      // sparse, with a stray cell a million rows and 16,000 columns away.
      for (const r of existingRows(this.grid, from, last)) {
        const n = Math.max(this.grid.values[r - 1]?.length ?? 0, this.grid.formulas?.[r - 1]?.length ?? 0);
        for (let c = 1; c <= n; c++) if (test(this.label(r, c))) return { row: r, col: c };
      }
      return null;
    }
    for (let r = from; r <= last; r++) {
      for (let c = 1; c <= this.width; c++) if (test(this.label(r, c))) return { row: r, col: c };
    }
    return null;
  }

  /** In `col`, the first row of `from`..`to` whose label passes `test`. */
  findInColumn(col: number, test: (label: string) => boolean, from: number, to: number): number | null {
    for (let r = from; r <= Math.min(to, this.rows); r++) if (test(this.label(r, col))) return r;
    return null;
  }

  /**
   * The words right of a label (its input cell may be merged over several columns), up to the
   * next label `stop` knows: a blank field followed on its row by another field's label is blank.
   */
  fieldRightOf(test: (label: string) => boolean, key: string, stop?: (label: string) => boolean): string {
    const at = this.find(test);
    if (!at) return '';
    for (let c = at.col + 1; c <= this.width; c++) {
      if (stop?.(this.label(at.row, c))) break;
      const t = this.text(at.row, c);
      if (t) {
        this.cells[key] = address(at.row, c);
        return t;
      }
    }
    this.cells[key] = address(at.row, at.col + 1);
    return '';
  }

  amount(key: string, row: number | null, col: number | null): Money | null {
    if (row === null || col === null) return null;
    this.cells[key] = address(row, col);
    return readAmountCell(this.grid, row, col, this.issues);
  }
}

// The 2020 long form heads its columns 一级目标 / 二级目标 / 三级目标 / 指标目标值.
const isLevel1Header = (l: string) => l === '一级指标' || l === '一级目标';
const INDICATOR_HEADERS: [keyof FormIndicator, (label: string) => boolean][] = [
  ['level1', isLevel1Header],
  ['level2', (l) => l === '二级指标' || l === '二级目标'],
  ['level3', (l) => l === '三级指标' || l === '三级目标'],
  ['target', (l) => (/指标值$/.test(l) || l === '指标目标值') && !/实际/.test(l)],
  ['actual', (l) => /^实际完成(值|情况)$/.test(l)],
  ['weight', (l) => l === '分值'],
  ['score', (l) => l === '得分'],
  ['deviation', (l) => /偏差/.test(l)],
];

const NOTE = /^(注|说明|填表说明|填报说明)[:：]?/;

/**
 * The indicator block: the header row (the one with 一级指标), its columns, and every row
 * below it until `stop` or a note.
 */
function readIndicators(r: FormReader, from: number, withScores: boolean, stop: (row: number) => boolean): { indicators: FormIndicator[]; at: Pick<FormPositions, 'indicatorColumns' | 'headerRow'> } | null {
  const header = r.find(isLevel1Header, from);
  if (!header) return null;
  const columns: FormPositions['indicatorColumns'] = {};
  for (let c = 1; c <= r.width; c++) {
    const label = r.label(header.row, c);
    const hit = INDICATOR_HEADERS.find(([key, test]) => test(label) && columns[key] === undefined);
    if (hit) columns[hit[0]] = c;
  }
  r.cells.indicatorHeader = address(header.row, columns.level1 ?? header.col);
  const indicators: FormIndicator[] = [];
  let level1 = '';
  let level2 = '';
  const textOf = (row: number, key: keyof FormIndicator) => (columns[key] === undefined ? '' : r.text(row, columns[key]!));
  for (let row = header.row + 1; row <= r.rows; row++) {
    if (stop(row) || NOTE.test(r.label(row, 1))) break;
    if (isLevel1Header(r.label(row, columns.level1 ?? 1))) continue; // the header repeated on a printed page
    const l1 = textOf(row, 'level1');
    const l2 = textOf(row, 'level2');
    if (l1) {
      level1 = l1;
      level2 = l2;
    } else if (l2) level2 = l2;
    const level3 = textOf(row, 'level3');
    const target = textOf(row, 'target');
    const actual = textOf(row, 'actual');
    const deviation = textOf(row, 'deviation');
    const weightRaw = textOf(row, 'weight');
    const scoreRaw = textOf(row, 'score');
    if (!level3 && !target && !actual && !deviation && !weightRaw && !scoreRaw) continue;
    const ind: FormIndicator = { level1, level2, level3, target: target || null, row };
    if (withScores) {
      ind.actual = actual || null;
      ind.deviation = deviation || null;
      ind.weight = columns.weight === undefined ? null : readAmountCell(r.grid, row, columns.weight, r.issues);
      ind.score = columns.score === undefined ? null : readAmountCell(r.grid, row, columns.score, r.issues);
    }
    indicators.push(ind);
  }
  return { indicators, at: { indicatorColumns: columns, headerRow: header.row } };
}

function readTarget(r: FormReader, year: number | null): TargetFormData | null {
  const projectName = r.fieldRightOf((l) => l === '项目名称', 'projectName');
  // Right half of 项目资金: 年度资金申请总额 with its parts labelled in the same column below it.
  const annual = r.find((l) => l === '年度资金申请总额');
  const below = (test: (l: string) => boolean) => (annual ? r.findInColumn(annual.col, test, annual.row + 1, annual.row + 4) : null);
  const valueCol = annual ? annual.col + 1 : null;
  const left = r.find((l) => l === '项目资金总额');
  const leftBelow = (test: (l: string) => boolean) => (left ? r.findInColumn(left.col, test, left.row + 1, left.row + 3) : null);
  const leftCol = left ? left.col + 1 : null;
  const funds: TargetFormData['funds'] = {
    total: r.amount('total', left?.row ?? null, leftCol),
    fiscal: r.amount('fiscal', leftBelow((l) => /财政资金$/.test(l)), leftCol),
    other: r.amount('other', leftBelow((l) => /其他资金$/.test(l)), leftCol),
    annualTotal: r.amount('annualTotal', annual?.row ?? null, valueCol),
    annualFiscal: r.amount('annualFiscal', below((l) => /当年财政拨款$/.test(l)), valueCol),
    carryOver: r.amount('carryOver', below((l) => /上年结转(资金)?$/.test(l)), valueCol),
    annualOther: r.amount('annualOther', below((l) => /其他资金$/.test(l)), valueCol),
  };
  const block = readIndicators(r, annual?.row ?? 1, false, () => false);
  if (!block) return null;
  return { kind: 'target-form', projectName, year, funds, indicators: block.indicators, at: { cells: r.cells, ...block.at } };
}

/**
 * The long 2020 form: 项目总预算 / 项目当年预算 (its `total` / `annualTotal`), 上年 figures, the
 * 子项目 rows under their header (子项目名称 | 预算金额) down to 合计, then the indicator block.
 * Amounts sit right of their labels, so they are found wherever rows were inserted.
 */
function readLongTarget(r: FormReader, year: number | null): TargetFormData | null {
  // 项目名称 shares its row with 项目类别 on the 2020 form.
  const projectName = r.fieldRightOf((l) => l === '项目名称', 'projectName', (l) => l === '项目类别');
  const rightOf = (key: string, test: (l: string) => boolean) => {
    const at = r.find(test);
    return r.amount(key, at?.row ?? null, at ? at.col + 1 : null);
  };
  const funds: TargetFormData['funds'] = {
    total: rightOf('total', (l) => /^项目总预算/.test(l)),
    fiscal: null,
    other: null,
    annualTotal: rightOf('annualTotal', (l) => /^项目当年预算/.test(l)),
    annualFiscal: null,
    carryOver: null,
    annualOther: null,
  };
  const long: LongTargetFormParts = {
    subProjects: [],
    subProjectTotal: null,
    previousBudget: rightOf('previousBudget', (l) => /^同名项目上年预算额/.test(l)),
    previousExecuted: rightOf('previousExecuted', (l) => /^同名项目上年预算执行数/.test(l)),
  };
  const head = r.find((l) => l === '子项目名称');
  let after = head?.row ?? 1;
  if (head) {
    let amountCol: number | null = null;
    for (let c = head.col + 1; c <= r.width && amountCol === null; c++) if (/^预算金额/.test(r.label(head.row, c))) amountCol = c;
    for (let row = head.row + 1; row <= r.rows; row++) {
      const name = r.text(row, head.col);
      after = row;
      if (compact(name) === '合计') {
        long.subProjectTotal = r.amount('subProjectTotal', row, amountCol);
        break;
      }
      if (isLevel1Header(r.label(row, 1)) || /绩效目标$/.test(r.label(row, 1))) break; // no 合计 row
      const amount = amountCol === null ? null : readAmountCell(r.grid, row, amountCol, r.issues);
      if (!name && amount === null) continue;
      long.subProjects.push({ name, amount, row });
    }
  }
  const block = readIndicators(r, after, false, () => false);
  if (!block) return null;
  return { kind: 'target-form', projectName, year, funds, indicators: block.indicators, long, at: { cells: r.cells, ...block.at } };
}

/**
 * 执行率 as percent points. A number is what a cell formatted `0.00%` holds (0.9827 shows
 * 98.27%); text is read as shown, with or without its `%`.
 */
function readRate(r: FormReader, row: number | null, col: number | null): { rate: Money | null; rateText: string | null } {
  if (row === null || col === null) return { rate: null, rateText: null };
  r.cells.rate = address(row, col);
  const v = cellAt(r.grid, row, col);
  if (typeof v === 'number') {
    const rate = new Money(Number(v.toPrecision(15))).times(100);
    return { rate, rateText: `${rate.toFixed(2)}%` };
  }
  const text = r.text(row, col);
  if (!text) return { rate: null, rateText: null };
  const m = /^([+-]?\d+(?:\.\d+)?)%?$/.exec(compact(toHalfWidth(text)).replace(/％/g, '%'));
  if (!m) {
    r.issues.push({ sheet: r.grid.name, cell: r.cells.rate, kind: 'unreadable-amount', message: `“${text}”不能读作执行率（应如98.27%）` });
    return { rate: null, rateText: text };
  }
  return { rate: new Money(m[1]), rateText: text };
}

function readSelf(r: FormReader, year: number | null): SelfEvaluationData | null {
  const projectName = r.fieldRightOf((l) => l === '项目名称', 'projectName');
  const head = r.find((l) => l === '全年预算数');
  const columnOf = (test: (l: string) => boolean): number | null => {
    if (!head) return null;
    for (let c = 1; c <= r.width; c++) if (test(r.label(head.row, c))) return c;
    return null;
  };
  let fundsRow: number | null = null;
  if (head) {
    const at = r.find((l) => /年度资金总额$/.test(l), head.row + 1, head.row + 6);
    fundsRow = at?.row ?? null;
  }
  const rate = readRate(r, fundsRow, columnOf((l) => l === '执行率'));
  const fiscalRow = head ? (r.find((l) => /当年财政拨款$/.test(l), head.row + 1, head.row + 6)?.row ?? null) : null;
  const initialFiscal = fiscalRow === null ? null : r.amount('initialFiscal', fiscalRow, columnOf((l) => l === '年初预算数'));
  const funds: SelfEvaluationData['funds'] = {
    full: r.amount('full', fundsRow, columnOf((l) => l === '全年预算数')),
    executed: r.amount('executed', fundsRow, columnOf((l) => l === '全年执行数')),
    weight: r.amount('rateWeight', fundsRow, columnOf((l) => l === '分值')),
    ...rate,
    score: r.amount('rateScore', fundsRow, columnOf((l) => l === '得分')),
    ...(initialFiscal ? { initialFiscal } : {}),
  };
  let totalRow: number | null = null;
  const block = readIndicators(r, fundsRow ?? 1, true, (row) => {
    if (r.label(row, 1) !== '总分') return false;
    totalRow = row;
    return true;
  });
  if (!block) return null;
  const cols = block.at.indicatorColumns;
  const grade = readGrade(r, totalRow);
  const total = {
    weight: r.amount('totalWeight', totalRow, cols.weight ?? null),
    score: r.amount('totalScore', totalRow, cols.score ?? null),
    ...(grade ? { grade } : {}),
  };
  return { kind: 'self-evaluation', projectName, year, funds, indicators: block.indicators, total, at: { cells: r.cells, ...block.at } };
}

/** `自评等级：良` (the template's cell beside 总分), or a 自评等级 label with the grade in the next cell. */
function readGrade(r: FormReader, row: number | null): string | null {
  if (row === null) return null;
  for (let c = 1; c <= r.width; c++) {
    const words = compact(r.text(row, c));
    const m = /^(?:自评)?等级[:：]?(.*)$/.exec(words);
    if (!m) continue;
    const grade = m[1] || compact(r.text(row, c + 1));
    if (!grade) return null;
    r.cells.grade = address(row, m[1] ? c : c + 1);
    return grade;
  }
  return null;
}

/** Reads a sheet `recognizeForm` recognised into the model, with the cells of every field. */
export function readFormSheet(grid: SheetGrid, rec: FormRecognition): ReadResult {
  const r = new FormReader(grid);
  const year = rec.year ?? null;
  const data = rec.specId === TARGET_FORM.id ? readTarget(r, year) : rec.specId === LONG_TARGET_FORM.id ? readLongTarget(r, year) : readSelf(r, year);
  const spec = rec.specId === TARGET_FORM.id ? TARGET_FORM : rec.specId === LONG_TARGET_FORM.id ? LONG_TARGET_FORM : SELF_EVALUATION;
  if (!data) {
    return {
      sheet: null,
      issues: [...r.issues, { sheet: grid.name, cell: 'A1', kind: 'no-header', message: `工作表“${grid.name}”像是${spec.title}，但找不到指标表头（一级指标、二级指标、三级指标${spec === LONG_TARGET_FORM ? '，或一级目标、二级目标、三级目标' : ''}）` }],
    };
  }
  const sheet: ModelSheet = { sheetName: grid.name, specId: rec.specId, context: { level: rec.level, year: rec.year }, data };
  // An untouched template's formulas (执行率, 得分, 总分) show errors for want of input: that is
  // no mistake of the clerk's, and the form is reported as not filled in instead.
  return { sheet, issues: isEmptyForm(data) ? r.issues.filter((i) => i.kind !== 'error-value') : r.issues };
}

/** Nothing typed in: no project name, no amount (the template’s sum shows 0), no indicator. */
export function isEmptyForm(d: TargetFormData | SelfEvaluationData): boolean {
  const amounts = d.kind === 'target-form' ? [...Object.values(d.funds), ...(d.long?.subProjects.map((p) => p.amount) ?? [])] : [d.funds.full, d.funds.executed];
  return !d.projectName.trim() && d.indicators.length === 0 && amounts.every((a) => a === null || a.isZero());
}
