import { splitCode } from '../codes';
import type { BudgetContext, SheetData, TableData } from '../model';
import type { Money } from '../money';
import type { AmountKey } from '../seed-types';
import type {
  AmountColumn,
  BalanceTableSpec,
  CodedTableSpec,
  ProjectTableSpec,
  Spec,
  ThreePublicKey,
  ThreePublicSpec,
  TextSectionSpec,
  Wording,
} from '../specs/types';
import { rangeAddress } from './a1';
import { fill } from './fill';
import { planContents, planCover } from './pack';
import { PlanBuilder } from './builder';
import { fitRowHeights, textUnits } from './text-height';
import { maxUnitsForPage } from './print';
import { textCell } from './text-cells';
import { safeSheetName } from './names';
import { formatMarker } from './marker';
import { rollupFormula, standardSubtotalFormula, type SubtotalFlavour } from './subtotals';
import type { CellStyle, CellValue, Message, SheetPlan, ValidationPlan } from './types';
import { THREE_PUBLIC_COLUMNS } from './three-public-columns';

export interface PlanOptions {
  /** blank input rows in an empty template */
  blankRows?: number;
  /**
   * How the 类/款/合计 rows of a filled coded table are written: `formulas` (the default) as
   * `BUDGET.ROLLUP` over the rows below, with the published figure as the cached result;
   * `values` as the published figures typed in, mistakes and all.
   */
  subtotals?: 'formulas' | 'values';
  /**
   * Which formulas: `rollup` (the default, the task pane's) calls BUDGET.ROLLUP; `standard`
   * only standard functions, for a file opened without the add-in (see ./subtotals).
   */
  subtotalFormula?: SubtotalFlavour;
}

export { rollupFormula } from './subtotals';
export { fill } from './fill';

const YUAN_FORMAT = '#,##0';
/**
 * 类/款/合计 rows: a column with nothing under it prints blank, as the published tables do,
 * where `#,##0` would print `0` (the format's empty third section is the zero). Typed rows keep
 * `#,##0`: a clerk's 0 there is a figure the official forms print as 0.
 */
const SUBTOTAL_FORMAT = '#,##0;-#,##0;';
const WAN_FORMAT = '0.00';
const TEXT_FORMAT = '@';

const META_LEFT: CellStyle = { hAlign: 'left', vAlign: 'center' };
const META_RIGHT: CellStyle = { hAlign: 'right', vAlign: 'center' };
const HEADER: CellStyle = { bold: true, hAlign: 'center', vAlign: 'center', wrap: true, border: true, fill: '#F2F2F2' };
const BODY: CellStyle = { border: true, vAlign: 'center' };
const INPUT_AMOUNT: CellStyle = { numberFormat: YUAN_FORMAT, hAlign: 'right', locked: false };
const INPUT_CODE: CellStyle = { numberFormat: TEXT_FORMAT, hAlign: 'center', locked: false };
const INPUT_TEXT: CellStyle = { numberFormat: TEXT_FORMAT, hAlign: 'left', locked: false, wrap: true };
const TOTAL_ROW: CellStyle = { bold: true, border: true, fill: '#F2F2F2' };

const AMOUNT_PROMPT = { title: '金额（元）', text: '请输入数字金额，单位：元；不要输入文字、单位或空格。' };
const AMOUNT_ERROR = { title: '金额无效', text: '这里只能输入数字金额（元）。' };
const MAX_AMOUNT = 1e15;

/** The number-only check on amount cells; 元 by default, the messages say the unit. */
export function amountValidation(range: string, error: Message = AMOUNT_ERROR, prompt: Message = AMOUNT_PROMPT): ValidationPlan {
  return { range, kind: 'decimal', min: -MAX_AMOUNT, max: MAX_AMOUNT, error, prompt, strict: true };
}

const word = (w: Wording, ctx: BudgetContext, extra?: Record<string, string>): string => fill(w[ctx.level], ctx, extra);

export { safeSheetName } from './names';

const num = (v: Money | null | undefined): CellValue => (v === null || v === undefined ? null : v.toNumber());

function metaLine(b: PlanBuilder, row: number, width: number, ctx: BudgetContext, unitLabel: string): void {
  const who = ctx.level === 'unit' ? '编制单位：' : '编制部门：';
  b.set(row, 1, textCell(who + ctx.org));
  b.merge(row, 1, row, Math.max(1, width - 2));
  b.style(row, 1, row, Math.max(1, width - 2), META_LEFT);
  b.set(row, width, `单位：${unitLabel}`);
  b.style(row, width, row, width, META_RIGHT);
}

function titleLine(b: PlanBuilder, width: number, title: string): void {
  b.title(textCell(title), width);
}

function headerHeights(b: PlanBuilder, from: number, to: number): void {
  for (let r = from; r <= to; r++) b.rowHeights[r] = 20;
}

/**
 * Rows of figures a little taller than Excel's 15 points: 11-point CJK text takes about 16
 * (LibreOffice's Noto CJK) and would touch the borders; the district templates give 12-point
 * text 24. Wrapped names raise theirs further (fitRowHeights).
 */
const BODY_ROW_POINTS = 18;
function bodyHeights(b: PlanBuilder, from: number, to: number): void {
  for (let r = from; r <= to; r++) b.rowHeights[r] = Math.max(b.rowHeights[r] ?? 0, BODY_ROW_POINTS);
}

/** Header labels of amount columns: [super?][group or label][label when grouped]. */
function amountHeaderRows(columns: AmountColumn[], superHeader: string | null): string[][] {
  const grouped = columns.some((c) => c.group);
  const rows: string[][] = [];
  if (superHeader) rows.push(columns.map(() => superHeader));
  rows.push(columns.map((c) => c.group ?? c.label));
  if (grouped) rows.push(columns.map((c) => c.label));
  return rows;
}

function base(spec: Spec, ctx: BudgetContext, name: string, width: number) {
  const markerCol = width + 1;
  return {
    specId: spec.id,
    name: safeSheetName(name),
    marker: formatMarker({ specId: spec.id, level: ctx.level, year: ctx.year }),
    markerCell: rangeAddress(1, markerCol, 1, markerCol),
    markerCol,
  };
}

function setMarker(b: PlanBuilder, row: number, col: number, marker: string): void {
  b.set(row, col, marker);
}

// ---------------------------------------------------------------- coded tables (T2, T3, T5–T8, U1)

function planCoded(spec: CodedTableSpec, ctx: BudgetContext, data: TableData | undefined, opts: PlanOptions): SheetPlan {
  const table = data?.kind === 'coded' ? data : undefined;
  const functional = spec.classification === 'functional';
  const codeCols = functional ? 3 : 2;
  const nameCol = codeCols + 1;
  const firstAmount = nameCol + 1;
  const width = nameCol + spec.columns.length;
  const b = new PlanBuilder();
  const id = base(spec, ctx, word(spec.sheetName, ctx), width);

  titleLine(b, width, word(spec.title, ctx));
  metaLine(b, 2, width, ctx, '元');

  const amountRows = amountHeaderRows(spec.columns, spec.amountHeader);
  // The code block needs three rows (项目 / 科目编码 / 类 款 项); ungrouped labels span down.
  while (amountRows.length < 3) amountRows.push(amountRows[amountRows.length - 1]);
  const depth = amountRows.length;
  const codeHeader = spec.codeHeader[ctx.level];
  const nameHeader = spec.nameHeader[ctx.level];
  const codeLevels = functional ? ['类', '款', '项'] : ['类', '款'];
  const labels: string[][] = [];
  for (let r = 0; r < depth; r++) {
    const left =
      r === 0 ? Array(nameCol).fill('项目') : [...(r === depth - 1 ? codeLevels : Array(codeCols).fill(codeHeader)), nameHeader];
    labels.push([...left, ...amountRows[r]]);
  }
  const headerStart = 3;
  const headerEnd = headerStart + depth - 1;
  b.header(headerStart, 1, labels);
  b.style(headerStart, 1, headerEnd, width, HEADER);
  headerHeights(b, headerStart, headerEnd);

  const first = headerEnd + 1;
  const rows = table?.rows ?? [];
  const count = table ? rows.length : opts.blankRows ?? 20;
  for (let i = 0; i < rows.length; i++) {
    const row = first + i;
    const parts = splitCode(rows[i].code).slice(0, codeCols);
    parts.forEach((p, j) => b.set(row, j + 1, textCell(p)));
    b.set(row, nameCol, textCell(rows[i].name));
    spec.columns.forEach((c, j) => b.set(row, firstAmount + j, num(rows[i].amounts[c.key])));
    if (rows[i].code.length === 3) b.style(row, 1, row, width, { bold: true });
  }
  const subtotalRows = rows.flatMap((r, i) => (rows.some((o) => o.code !== r.code && o.code.startsWith(r.code)) ? [first + i] : []));
  const last = first + count - 1;
  const totalRow = last + 1;
  if (count > 0) {
    b.style(first, 1, last, width, BODY);
    b.style(first, 1, last, codeCols, INPUT_CODE);
    b.style(first, nameCol, last, nameCol, INPUT_TEXT);
    b.style(first, firstAmount, last, width, INPUT_AMOUNT);
    for (const r of subtotalRows) b.style(r, firstAmount, r, width, { numberFormat: SUBTOTAL_FORMAT });
    b.validations.push(amountValidation(rangeAddress(first, firstAmount, last, width)));
    b.validations.push({
      range: rangeAddress(first, 1, last, 1),
      kind: 'textLength',
      min: 3,
      max: 3,
      error: { title: '类级编码', text: '类级编码为3位数字，如 204。' },
      strict: false,
    });
    b.validations.push({
      range: rangeAddress(first, 2, last, codeCols),
      kind: 'textLength',
      min: 2,
      max: 2,
      error: { title: '款、项级编码', text: '款、项级编码各为2位数字，如 02。' },
      strict: false,
    });
    b.names.push({ name: `BT_${spec.id}_DATA`, range: rangeAddress(first, 1, last, width) });
  }

  b.set(totalRow, 1, '合计');
  b.merge(totalRow, 1, totalRow, nameCol);
  b.style(totalRow, 1, totalRow, width, TOTAL_ROW);
  b.style(totalRow, 1, totalRow, nameCol, { hAlign: 'center' });
  b.style(totalRow, firstAmount, totalRow, width, { numberFormat: SUBTOTAL_FORMAT, hAlign: 'right' });
  const formulas = opts.subtotals !== 'values';
  const subtotal = (anchorRow: number, col: number, code: string, level: 0 | 1 | 2) =>
    opts.subtotalFormula === 'standard'
      ? standardSubtotalFormula(anchorRow, totalRow, codeCols, col, level)
      : rollupFormula(anchorRow, totalRow, codeCols, col, code);
  spec.columns.forEach((c, j) => {
    const col = firstAmount + j;
    const published = table ? num(table.total[c.key]) : 0;
    if (!formulas && table) b.set(totalRow, col, published);
    else if (count > 0) {
      // Anchored on the last header row (类 | 款 | 项), so the whole block is below it.
      b.set(totalRow, col, subtotal(headerEnd, col, '"合计"', 0));
      b.results[rangeAddress(totalRow, col, totalRow, col)] = typeof published === 'number' ? published : 0;
    } else if (table) b.set(totalRow, col, published);
  });
  if (formulas && table) {
    // A row with a descendant among the rows is a subtotal: it becomes a formula over the rows below.
    const codes = rows.map((r) => r.code);
    rows.forEach((r, i) => {
      if (!codes.some((other) => other !== r.code && other.startsWith(r.code))) return;
      const row = first + i;
      const codeRef = rangeAddress(row, 1, row, codeCols).replace(/([A-Z]+)(\d+)/g, '$$$1$2');
      spec.columns.forEach((c, j) => {
        const col = firstAmount + j;
        b.set(row, col, subtotal(row, col, codeRef, r.code.length === 3 ? 1 : 2));
        const v = num(r.amounts[c.key]);
        b.results[rangeAddress(row, col, row, col)] = typeof v === 'number' ? v : 0;
      });
      b.style(row, firstAmount, row, width, { locked: true, numberFormat: SUBTOTAL_FORMAT });
    });
  }

  bodyHeights(b, first, totalRow);
  if (spec.id === 'T6' || spec.id === 'T7') {
    const row = totalRow + 1;
    b.set(row, 1, '说明：');
    b.set(row, 2, textCell(table?.statement));
    b.merge(row, 2, row, width);
    b.style(row, 2, row, width, { ...INPUT_TEXT, border: true });
    b.style(row, 1, row, 1, { border: true, bold: true });
    b.rowHeights[row] = 30;
  }
  setMarker(b, 1, id.markerCol, id.marker);

  // One A4 landscape page wide at 10 pt or more: amounts narrower the more columns there are
  // (14 still holds 9,999,999,999 at 11 pt), the name column takes what is left, up to 36.
  const codeWidth = functional ? 5 : 7;
  const amountWidth = spec.columns.length <= 3 ? 17 : spec.columns.length === 4 ? 16 : 14;
  const nameWidth = Math.min(functional ? 36 : 30, PAGE_UNITS - codeCols * codeWidth - spec.columns.length * amountWidth);
  const widths = [...Array(codeCols).fill(codeWidth), nameWidth, ...spec.columns.map(() => amountWidth), 4];
  return b.finish(
    {
      specId: spec.id,
      name: id.name,
      marker: id.marker,
      markerCell: id.markerCell,
      columnWidths: widths,
      hiddenColumns: [id.markerCol],
      freeze: { rows: headerEnd, columns: nameCol },
      print: { orientation: 'landscape', titleRows: `1:${headerEnd}`, fitToWidth: true },
      protect: true,
      layout: {
        headerRows: [headerStart, headerEnd],
        dataRows: [first, last],
        totalRow,
        amountColumns: Object.fromEntries(spec.columns.map((c, j) => [c.key, firstAmount + j])),
        codeColumns: codeCols,
        nameColumn: nameCol,
      },
    },
    id.markerCol,
  );
}

// ---------------------------------------------------------------- T1, T4

function planBalance(spec: BalanceTableSpec, ctx: BudgetContext, data: TableData | undefined, opts: PlanOptions): SheetPlan {
  const table = data?.kind === 'balance' ? data : undefined;
  const columns = spec.expenditureColumns[ctx.level];
  const width = 3 + columns.length;
  const b = new PlanBuilder();
  const id = base(spec, ctx, word(spec.sheetName, ctx), width);
  titleLine(b, width, word(spec.title, ctx));
  metaLine(b, 2, width, ctx, '元');

  const superHeader = columns.length > 1 && spec.expenditureAmountHeader ? spec.expenditureAmountHeader : null;
  const amountRows = amountHeaderRows(columns, superHeader);
  const depth = amountRows.length + 1;
  const labels: string[][] = [];
  labels.push([spec.incomeHeader, spec.incomeHeader, ...Array(columns.length + 1).fill(spec.expenditureHeader)]);
  for (let r = 0; r < amountRows.length; r++) labels.push(['项目', '预算数', '项目', ...amountRows[r]]);
  const headerStart = 3;
  const headerEnd = headerStart + depth - 1;
  b.header(headerStart, 1, labels);
  b.style(headerStart, 1, headerEnd, width, HEADER);
  headerHeights(b, headerStart, headerEnd);

  const first = headerEnd + 1;
  const expenditure = table?.expenditure ?? [];
  const lines = Math.max(spec.income.length, table ? expenditure.length : opts.blankRows ?? 12);
  const last = first + lines - 1;
  const incomeRow = new Map(spec.income.map((l, i) => [l.key, first + i]));
  spec.income.forEach((line, i) => {
    b.set(first + i, 1, line.label);
    if (line.sub) b.style(first + i, 1, first + i, 1, { indent: 1 });
    const item = table?.income.find((x) => x.key === line.key);
    if (item) b.set(first + i, 2, num(item.amount));
  });
  expenditure.forEach((e, i) => {
    b.set(first + i, 3, textCell(e.label));
    columns.forEach((c, j) => b.set(first + i, 4 + j, num(e.amounts[c.key])));
  });
  b.style(first, 1, last, width, BODY);
  b.style(first, 1, last, 1, { wrap: true });
  b.style(first, 2, first + spec.income.length - 1, 2, INPUT_AMOUNT);
  b.style(first, 3, last, 3, INPUT_TEXT);
  b.style(first, 4, last, width, INPUT_AMOUNT);
  b.validations.push(amountValidation(rangeAddress(first, 4, last, width)));

  const totalRow = last + 1;
  b.set(totalRow, 1, '收入总计');
  b.set(totalRow, 3, '支出总计');
  b.style(totalRow, 1, totalRow, width, TOTAL_ROW);
  b.style(totalRow, 2, totalRow, 2, { numberFormat: SUBTOTAL_FORMAT, hAlign: 'right' });
  b.style(totalRow, 4, totalRow, width, { numberFormat: SUBTOTAL_FORMAT, hAlign: 'right' });
  bodyHeights(b, first, totalRow);
  if (table) {
    b.set(totalRow, 2, num(table.incomeTotal));
    columns.forEach((c, j) => b.set(totalRow, 4 + j, num(table.expenditureTotal[c.key])));
  } else {
    // 收入总计 adds the top-level lines; 财政拨款收入's sub-lines are inside it.
    const top = spec.income.filter((l) => !l.sub).map((l) => `B${incomeRow.get(l.key)}`);
    b.set(totalRow, 2, `=${top.join('+')}`);
    columns.forEach((_, j) => {
      const col = 4 + j;
      b.set(totalRow, col, `=SUM(${rangeAddress(first, col, last, col)})`);
    });
  }
  setMarker(b, 1, id.markerCol, id.marker);
  return b.finish(
    {
      specId: spec.id,
      name: id.name,
      marker: id.marker,
      markerCell: id.markerCell,
      // 收入 | 预算数 | 支出 | amounts: with a unit's four 支出 columns, narrower to stay one page wide at 10 pt.
      columnWidths: columns.length >= 4 ? [22, 14, 24, ...columns.map(() => 14), 4] : [28, 17, 32, ...columns.map(() => 17), 4],
      hiddenColumns: [id.markerCol],
      freeze: { rows: headerEnd, columns: 0 },
      print: { orientation: 'landscape', titleRows: `1:${headerEnd}`, fitToWidth: true },
      protect: true,
      layout: {
        headerRows: [headerStart, headerEnd],
        dataRows: [first, last],
        totalRow,
        amountColumns: Object.fromEntries([['income', 2], ...columns.map((c, j) => [c.key, 4 + j])]),
        codeColumns: 0,
        nameColumn: 3,
      },
    },
    id.markerCol,
  );
}

// ---------------------------------------------------------------- T9

export { THREE_PUBLIC_COLUMNS };


function planThreePublic(spec: ThreePublicSpec, ctx: BudgetContext, data: TableData | undefined): SheetPlan {
  const table = data?.kind === 'three-public' ? data : undefined;
  const width = THREE_PUBLIC_COLUMNS.length;
  const b = new PlanBuilder();
  const id = base(spec, ctx, word(spec.sheetName, ctx), width);
  titleLine(b, width, word(spec.title, ctx));
  metaLine(b, 2, width, ctx, '万元');
  b.header(3, 1, [0, 1, 2].map((r) => THREE_PUBLIC_COLUMNS.map((c) => c.labels[r])));
  b.style(3, 1, 5, width, HEADER);
  headerHeights(b, 3, 5);
  const row = 6;
  const col = (k: ThreePublicKey) => THREE_PUBLIC_COLUMNS.findIndex((c) => c.key === k) + 1;
  const ref = (k: ThreePublicKey) => rangeAddress(row, col(k), row, col(k));
  THREE_PUBLIC_COLUMNS.forEach((c, j) => {
    if (table) b.set(row, j + 1, num(table.amounts[c.key]));
  });
  if (!table) {
    b.set(row, col('vehicleTotal'), `=${ref('vehiclePurchase')}+${ref('vehicleRunning')}`);
    b.set(row, col('total'), `=${ref('abroad')}+${ref('reception')}+${ref('vehicleTotal')}`);
  }
  b.style(row, 1, row, width, { ...BODY, numberFormat: WAN_FORMAT, hAlign: 'right' });
  for (const k of ['abroad', 'reception', 'vehiclePurchase', 'vehicleRunning', 'operating'] as const) {
    b.style(row, col(k), row, col(k), { locked: false });
  }
  b.validations.push(
    amountValidation(
      rangeAddress(row, 1, row, width),
      { title: '金额无效', text: '这里只能输入数字金额（万元，两位小数）。' },
      { title: '金额（万元）', text: '单位：万元，保留两位小数。' },
    ),
  );
  b.rowHeights[row] = 24;
  setMarker(b, 1, id.markerCol, id.marker);
  return b.finish(
    {
      specId: spec.id,
      name: id.name,
      marker: id.marker,
      markerCell: id.markerCell,
      columnWidths: [...THREE_PUBLIC_COLUMNS.map(() => 16), 4],
      hiddenColumns: [id.markerCol],
      freeze: { rows: 5, columns: 0 },
      print: { orientation: 'landscape', titleRows: '1:5', fitToWidth: true },
      protect: true,
      layout: {
        headerRows: [3, 5],
        dataRows: [row, row],
        totalRow: null,
        amountColumns: Object.fromEntries(THREE_PUBLIC_COLUMNS.map((c, j) => [c.key, j + 1])),
        codeColumns: 0,
        nameColumn: null,
      },
    },
    id.markerCol,
  );
}

// ---------------------------------------------------------------- U2

function planProjects(spec: ProjectTableSpec, ctx: BudgetContext, data: TableData | undefined, opts: PlanOptions): SheetPlan {
  const table = data?.kind === 'projects' ? data : undefined;
  const width = 7;
  const b = new PlanBuilder();
  const id = base(spec, ctx, word(spec.sheetName, ctx), width);
  titleLine(b, width, word(spec.title, ctx));
  metaLine(b, 2, width, ctx, '元');
  b.header(3, 1, [
    ['功能分类科目编码', '功能分类科目编码', '功能分类科目编码', '功能分类科目名称', '序号', '项目名称', '预算数'],
    ['类', '款', '项', '功能分类科目名称', '序号', '项目名称', '预算数'],
  ]);
  b.style(3, 1, 4, width, HEADER);
  headerHeights(b, 3, 4);
  const first = 5;
  let row = first;
  const groupRows: number[] = [];
  for (const g of table?.rows ?? []) {
    splitCode(g.code).forEach((p, j) => b.set(row, j + 1, textCell(p)));
    b.set(row, 4, textCell(g.name));
    b.set(row, 7, num(g.amount));
    b.style(row, 1, row, width, { bold: true });
    groupRows.push(row);
    row++;
    for (const p of g.projects) {
      b.set(row, 5, p.no);
      b.set(row, 6, textCell(p.name));
      b.set(row, 7, num(p.amount));
      row++;
    }
  }
  const last = table ? row - 1 : first + (opts.blankRows ?? 20) - 1;
  const totalRow = last + 1;
  if (last >= first) {
    b.style(first, 1, last, width, BODY);
    b.style(first, 1, last, 3, INPUT_CODE);
    b.style(first, 4, last, 4, INPUT_TEXT);
    b.style(first, 5, last, 5, { hAlign: 'center', locked: false });
    b.style(first, 6, last, 6, INPUT_TEXT);
    b.style(first, 7, last, 7, INPUT_AMOUNT);
    for (const r of groupRows) b.style(r, 7, r, 7, { numberFormat: SUBTOTAL_FORMAT });
    b.validations.push(amountValidation(rangeAddress(first, 7, last, 7)));
    b.names.push({ name: 'BT_U2_DATA', range: rangeAddress(first, 1, last, width) });
  }
  b.set(totalRow, 1, '合计');
  b.merge(totalRow, 1, totalRow, 6);
  b.style(totalRow, 1, totalRow, width, TOTAL_ROW);
  b.style(totalRow, 1, totalRow, 6, { hAlign: 'center' });
  b.style(totalRow, 7, totalRow, 7, { numberFormat: SUBTOTAL_FORMAT, hAlign: 'right' });
  bodyHeights(b, first, totalRow);
  // The 合计 adds the project rows (those with a 序号); the code rows are their subtotals.
  b.set(totalRow, 7, table ? num(table.total) : `=SUMIFS(${rangeAddress(first, 7, last, 7)},${rangeAddress(first, 5, last, 5)},"<>")`);
  setMarker(b, 1, id.markerCol, id.marker);
  return b.finish(
    {
      specId: spec.id,
      name: id.name,
      marker: id.marker,
      markerCell: id.markerCell,
      columnWidths: [6, 6, 6, 26, 6, 44, 17, 4],
      hiddenColumns: [id.markerCol],
      freeze: { rows: 4, columns: 0 },
      print: { orientation: 'landscape', titleRows: '1:4', fitToWidth: true },
      protect: true,
      layout: {
        headerRows: [3, 4],
        dataRows: [first, last],
        totalRow,
        amountColumns: { amount: 7 },
        codeColumns: 3,
        nameColumn: 4,
      },
    },
    id.markerCol,
  );
}

// ---------------------------------------------------------------- text sections

const TEXT_COLUMN_CHARS = 110;
/** what a landscape table may take, a little under the page's limit (see print.ts) */
const PAGE_UNITS = maxUnitsForPage('landscape') - 2;

/** Rough row height for wrapped text: CJK characters count double in Excel's width units. */
function wrappedHeight(text: string): number {
  const lines = Math.max(1, Math.ceil(textUnits(text) / (TEXT_COLUMN_CHARS * 0.95)));
  return Math.min(409, lines * 16 + 4);
}

function planText(spec: TextSectionSpec, ctx: BudgetContext, data: SheetData | undefined): SheetPlan {
  const text = data?.kind === 'text' ? data : undefined;
  const subject = text?.subject ?? 'XX';
  const extra = { project: subject };
  const width = 1;
  const b = new PlanBuilder();
  const name = spec.id === 'project' ? `${word(spec.sheetName, ctx)}-${subject}` : word(spec.sheetName, ctx);
  const id = base(spec, ctx, name, width);
  b.title(textCell(word(spec.title, ctx, extra)), 1);
  const paragraphs = text ? text.paragraphs : word(spec.outline, ctx, extra).split('\n');
  const first = 3;
  paragraphs.forEach((p, i) => {
    b.set(first + i, 1, textCell(p));
    b.rowHeights[first + i] = wrappedHeight(p);
  });
  const last = first + paragraphs.length - 1 + 5;
  // Sized for Excel, the narrower renderer; LibreOffice draws the column wider and may need a
  // line or two fewer. Centred, what is left over is shared above and below the paragraph, as
  // spacing, instead of a blank line under it (a row its text fills looks the same in Excel).
  // ("distributed" was tried: it opens a gap between the two lines of a short paragraph.)
  b.style(first, 1, last, 1, { ...INPUT_TEXT, vAlign: 'center' });
  setMarker(b, 1, id.markerCol, id.marker);
  return b.finish(
    {
      specId: spec.id,
      name: id.name,
      marker: id.marker,
      markerCell: id.markerCell,
      columnWidths: [TEXT_COLUMN_CHARS, 4],
      hiddenColumns: [id.markerCol],
      freeze: { rows: 0, columns: 0 },
      print: { orientation: 'landscape', titleRows: null, fitToWidth: true },
      protect: true,
      layout: {
        headerRows: [1, 1],
        dataRows: [first, last],
        totalRow: null,
        amountColumns: {},
        codeColumns: 0,
        nameColumn: null,
      },
    },
    id.markerCol,
  );
}

/** Renders a spec (and optionally its data) to a sheet plan. Pure: no Office, no I/O. */
export function planSheet(spec: Spec, ctx: BudgetContext, data?: SheetData, opts: PlanOptions = {}): SheetPlan {
  // Headers and wrapped names get the lines they need at the widths that keep the page legible.
  return fitRowHeights(planSheetRows(spec, ctx, data, opts));
}

function planSheetRows(spec: Spec, ctx: BudgetContext, data: SheetData | undefined, opts: PlanOptions): SheetPlan {
  switch (spec.kind) {
    case 'coded':
      return planCoded(spec, ctx, data as TableData | undefined, opts);
    case 'balance':
      return planBalance(spec, ctx, data as TableData | undefined, opts);
    case 'three-public':
      return planThreePublic(spec, ctx, data as TableData | undefined);
    case 'projects':
      return planProjects(spec, ctx, data as TableData | undefined, opts);
    case 'text':
      return planText(spec, ctx, data);
    case 'cover':
      return planCover(spec, ctx);
    case 'contents':
      return planContents(spec, ctx);
  }
}

export type { AmountKey };
