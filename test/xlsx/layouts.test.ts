import ExcelJS from 'exceljs';
import { Money } from '../../src/core/money';
import type { GridValue } from '../../src/core/read/grid';
import { readSheet } from '../../src/core/read/parse';
import type { Finding } from '../../src/core/rules/types';
import { gridFromWorksheet } from '../../src/xlsx/reader';
import { checkBook } from './layout-variants';

/**
 * Issue 11 point 1 and 2: each layout real publications use, built here with ExcelJS the way
 * such a file is laid out (title, 编制单位 and 单位 lines, headers, rows), read by title and
 * headers with no add-in marker. Each case once clean (no finding) and once with one fault,
 * found at its cell.
 */

type Row = [code: string, name: string, total: number | null, basic: number | null, project: number | null];

/** A unit's 2021 一般公共预算支出功能分类预算表 (T5) in 元; 21011 has three leaves that round alike in 万元. */
const T5_ROWS: Row[] = [
  ['204', '公共安全支出', 44119958, 11850477, 32269481],
  ['20402', '公安', 44119958, 11850477, 32269481],
  ['2040202', '一般行政管理事务', 29518606, null, 29518606],
  ['2040219', '信息化建设', 2750875, null, 2750875],
  ['2040250', '事业运行', 11850477, 11850477, null],
  ['210', '卫生健康支出', 30120, 30120, null],
  ['21011', '行政事业单位医疗', 30120, 30120, null],
  ['2101101', '行政单位医疗', 10040, 10040, null],
  ['2101102', '事业单位医疗', 10040, 10040, null],
  ['2101103', '公务员医疗补助', 10040, 10040, null],
];
const T5_TOTAL: Row = ['', '合计', 44150078, 11880597, 32269481];

const wan = (x: number | null) => (x === null ? null : new Money(x).div(10000).toDecimalPlaces(2, Money.ROUND_HALF_UP).toNumber());

interface Layout {
  unit?: '元' | '万元';
  /** one code column headed 科目编码 instead of 类 | 款 | 项 */
  oneColumn?: boolean;
  /** the 合计 row right under the headers */
  totalFirst?: boolean;
  /** a blank column between code and name, and a blank row after every third data row */
  spacers?: boolean;
  /** rows per page: title and headers repeated in the sheet after that many rows */
  pageRows?: number;
  /** the group header (一般公共预算支出) under the column labels instead of above */
  groupBelow?: boolean;
  /** one column 科目编码及名称 holding `2040201 行政运行` */
  combined?: boolean;
}

function header(ws: ExcelJS.Worksheet, at: number, l: Layout): { dataFrom: number; amountCol: number; codeCols: number } {
  const codeCols = l.oneColumn || l.combined ? 1 : 3;
  const gap = l.spacers ? 1 : 0;
  const nameCol = l.combined ? 1 : codeCols + 1 + gap;
  const amountCol = l.combined ? 2 + gap : nameCol + 1;
  const put = (r: number, c: number, v: string) => (ws.getCell(r, c).value = v);
  put(at, 1, '2021年预算单位一般公共预算支出功能分类预算表');
  put(at + 1, 1, '编制单位：上海市某某服务中心');
  put(at + 1, amountCol + 2, `单位：${l.unit ?? '元'}`);
  const labels = at + (l.groupBelow ? 2 : 3);
  const group = at + (l.groupBelow ? 3 : 2);
  put(group, 1, '项目');
  put(group, amountCol, '一般公共预算支出');
  put(labels, 1, l.combined ? '科目编码及名称' : '功能分类科目编码');
  if (!l.combined) put(labels, nameCol, '功能分类科目名称');
  ['合计', '基本支出', '项目支出'].forEach((t, i) => put(labels, amountCol + i, t));
  let next = at + 4;
  if (codeCols === 3) {
    ['类', '款', '项'].forEach((t, i) => put(next, 1 + i, t));
    next++;
  }
  return { dataFrom: next, amountCol, codeCols: l.combined ? 0 : codeCols };
}

/** The T5 sheet in the given layout; `edit` may change a row's figures before they are written. */
function t5Book(l: Layout, edit?: (rows: Row[]) => void): { wb: ExcelJS.Workbook; rowOf: Map<string, number>; amountCol: number } {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('一般公共预算支出表');
  const rows: Row[] = [...T5_ROWS.map((r) => [...r] as Row), [...T5_TOTAL] as Row];
  edit?.(rows);
  const conv = l.unit === '万元' ? wan : (x: number | null) => x;
  let h = header(ws, 1, l);
  let r = h.dataFrom;
  const rowOf = new Map<string, number>();
  const write = (row: Row) => {
    const [code, name, ...amounts] = row;
    if (code === '') ws.getCell(r, 1).value = '合计';
    else if (h.codeCols === 0) ws.getCell(r, 1).value = `${code} ${name}`;
    else if (h.codeCols === 1) ws.getCell(r, 1).value = code;
    else [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)].forEach((p, i) => (ws.getCell(r, 1 + i).value = p || null));
    if (code !== '' && h.codeCols !== 0) ws.getCell(r, h.amountCol - 1).value = name;
    amounts.forEach((a, i) => (ws.getCell(r, h.amountCol + i).value = conv(a)));
    rowOf.set(code || '合计', r);
    r++;
  };
  const body = rows.slice(0, -1);
  const total = rows[rows.length - 1];
  if (l.totalFirst) write(total);
  body.forEach((row, i) => {
    if (l.pageRows && i > 0 && i % l.pageRows === 0) {
      r += 1;
      h = header(ws, r, l);
      r = h.dataFrom;
    }
    write(row);
    if (l.spacers && i % 3 === 2) r++;
  });
  if (!l.totalFirst) write(total);
  return { wb, rowOf, amountCol: h.amountCol };
}

const col = (n: number) => String.fromCharCode(64 + n);
/** Findings on the tables themselves: a one-table workbook misses the others by design. */
const found = (wb: ExcelJS.Workbook): Finding[] => checkBook(wb).findings.filter((f) => f.rule !== 'missing-table');

const LAYOUTS: [string, Layout][] = [
  ['类 | 款 | 项 in 元', {}],
  ['one code column (科目编码, 3/5/7 digits)', { oneColumn: true }],
  ['万元, each cell rounded on its own', { unit: '万元' }],
  ['万元 and one code column', { unit: '万元', oneColumn: true }],
  ['合计 right under the headers', { totalFirst: true }],
  ['blank spacer rows and columns', { spacers: true, oneColumn: true }],
  ['pages in one sheet, title and headers repeated', { pageRows: 4 }],
  ['the group header below the column labels', { groupBelow: true, oneColumn: true }],
  ['code and name in one cell (科目编码及名称)', { combined: true }],
  ['code and name in one cell, 万元, spacer rows and columns', { combined: true, unit: '万元', spacers: true }],
];

describe('every layout: clean, then one fault found at its cell', () => {
  it.each(LAYOUTS)('%s: clean', (_name, l) => {
    const { wb } = t5Book(l);
    const v = checkBook(wb);
    expect(found(wb)).toEqual([]);
    expect(v.codedRows).toBe(T5_ROWS.length);
  });

  it.each(LAYOUTS)('%s: a wrong leaf is found at its 合计 cell, in the table’s unit', (_name, l) => {
    // 2040219 信息化建设: 合计 no longer 基本 + 项目 (by 5,000 元 = 0.50 万元, beyond any rounding).
    const { wb, rowOf, amountCol } = t5Book(l, (rows) => (rows[3][2] = 2755875));
    const f = found(wb).filter((x) => x.rule === 'row-parts');
    expect(f.map((x) => x.cell)).toEqual([`${col(amountCol)}${rowOf.get('2040219')}`]);
    expect(f[0].severity).toBe('error');
    if (l.unit === '万元') {
      expect(f[0].message).toContain('275.59万元');
      expect(f[0].message).toContain('相差0.50万元');
      expect(f[0].message).not.toMatch(/\d 元/);
    } else {
      expect(f[0].message).toContain('相差5,000元');
    }
  });
});

describe('rounding in a 万元 table (tolerance.ts)', () => {
  it('a 款 of three rounded leaves differs from their printed sum by 0.01 万元: no finding', () => {
    const { wb } = t5Book({ unit: '万元' });
    const ws = wb.worksheets[0];
    // 3.01 against 1.00 + 1.00 + 1.00: rounding, not a mistake
    expect(ws.getCell('E12').value).toBe(3.01);
    expect([ws.getCell('E13').value, ws.getCell('E14').value, ws.getCell('E15').value]).toEqual([1, 1, 1]);
    expect(found(wb)).toEqual([]);
  });

  it('beyond half a unit per rounded figure: 错误 with both sides in 万元', () => {
    const { wb } = t5Book({ unit: '万元' });
    // 21011's 合计 and 基本支出 (four printed figures allow 0.02 against the three leaves)
    wb.worksheets[0].getCell('E12').value = 3.03;
    wb.worksheets[0].getCell('F12').value = 3.03;
    const f = found(wb);
    expect(f.map((x) => [x.rule, x.cell])).toEqual([['subtotal', 'E12'], ['subtotal', 'F12']]);
    expect(f[0].message).toContain('科目21011“行政事业单位医疗”的合计为3.03万元');
    expect(f[0].message).toContain('其下级科目之和为3.00万元');
  });

  it('the same 0.01 in a 元 table is an error: no tolerance in 元', () => {
    const { wb } = t5Book({}, (rows) => (rows[6][2] = 30121));
    expect(found(wb).map((x) => [x.rule, x.cell])).toEqual([['subtotal', 'E12'], ['row-parts', 'E12']]);
  });
});

describe('a table over several sheets', () => {
  function split(fault?: number): ExcelJS.Workbook {
    const { wb } = t5Book({ oneColumn: true });
    const first = wb.worksheets[0];
    const second = wb.addWorksheet('一般公共预算支出表（续）');
    for (let r = 1; r <= 4; r++) for (let c = 1; c <= 6; c++) second.getCell(r, c).value = first.getCell(r, c).value;
    // rows 10– (210 …, 合计) move to the second sheet, under its repeated headers
    for (let r = 10; r <= 15; r++) {
      for (let c = 1; c <= 6; c++) {
        second.getCell(r - 5, c).value = first.getCell(r, c).value;
        first.getCell(r, c).value = null;
      }
    }
    if (fault !== undefined) second.getCell('C7').value = fault; // 2101101 行政单位医疗 合计
    return wb;
  }

  it('is read as one table: no finding, every coded row read once', () => {
    const wb = split();
    expect(found(wb)).toEqual([]);
    expect(checkBook(wb).codedRows).toBe(T5_ROWS.length);
  });

  it('a fault on the second sheet is found there, at its cell', () => {
    const f = found(split(10041));
    expect(f.map((x) => `${x.rule} ${x.sheet}!${x.cell}`)).toEqual(['subtotal 一般公共预算支出表（续）!C6', 'row-parts 一般公共预算支出表（续）!C7']);
  });
});

/** An empty 政府性基金 table (T6) of a unit with `body` rows under its headers. */
function t6Book(body: (ws: ExcelJS.Worksheet) => void, explanation?: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('政府性基金表');
  ws.getCell('A1').value = '2021年预算单位政府性基金预算支出功能分类预算表';
  ws.getCell('A2').value = '编制单位：上海市某某服务中心';
  ws.getCell('G2').value = '单位：元';
  ws.getCell('A3').value = '项目';
  ws.getCell('E3').value = '政府性基金预算支出';
  ws.getCell('A4').value = '功能分类科目编码';
  ws.getCell('D4').value = '功能分类科目名称';
  ['合计', '基本支出', '项目支出'].forEach((t, i) => (ws.getCell(4, 5 + i).value = t));
  ['类', '款', '项'].forEach((t, i) => (ws.getCell(5, 1 + i).value = t));
  body(ws);
  if (explanation !== undefined) {
    const text = wb.addWorksheet('编制说明');
    text.getCell('A1').value = '2021年单位预算编制说明';
    text.getCell('A3').value = explanation;
  }
  return wb;
}

describe('an empty 政府性基金 table as publications show it', () => {
  const rules = (wb: ExcelJS.Workbook) => found(wb).map((f) => `${f.rule} ${f.cell}`);
  it.each([
    ['a 无 row', (ws: ExcelJS.Worksheet) => (ws.getCell('D6').value = '无')],
    ['a template’s … row under a 合计 statement', (ws: ExcelJS.Worksheet) => {
      ['A6', 'B6', 'C6', 'D6'].forEach((c) => (ws.getCell(c).value = '…'));
      ws.getCell('A7').value = '合计';
      ws.getCell('A8').value = '说明：本单位无政府性基金预算支出。';
    }],
    ['a 无 in the code column and 合计 of dashes', (ws: ExcelJS.Worksheet) => {
      ws.getCell('A6').value = '无';
      ws.getCell('A7').value = '合计';
      ['E7', 'F7', 'G7'].forEach((c) => (ws.getCell(c).value = '—'));
    }],
    ['a note row under the table', (ws: ExcelJS.Worksheet) => {
      ws.getCell('A6').value = '合计';
      ws.getCell('A7').value = '注：本单位2021年无政府性基金预算支出，故本表为空表。';
    }],
    ['one merged cell over the body', (ws: ExcelJS.Worksheet) => {
      ws.getCell('A6').value = '本单位无政府性基金预算支出';
      ws.mergeCells('A6:G8');
    }],
    ['a text row and a blank code with 0', (ws: ExcelJS.Worksheet) => {
      ws.getCell('D6').value = '—';
      ['E6', 'F6', 'G6'].forEach((c) => (ws.getCell(c).value = 0));
      ws.getCell('A8').value = '本单位没有使用政府性基金预算拨款安排的支出，故本表无数据';
    }],
  ])('%s: no finding', (_name, body) => {
    expect(rules(t6Book(body))).toEqual([]);
  });

  it('the statement in the 编制说明 instead: no finding', () => {
    const wb = t6Book((ws) => (ws.getCell('A6').value = '合计'), '2021年，本单位政府性基金拨款支出预算0万元。');
    expect(rules(wb)).toEqual([]);
  });

  it('no statement anywhere: a 提示 saying 本单位 (a unit’s workbook)', () => {
    const wb = t6Book((ws) => (ws.getCell('A6').value = '合计'));
    const f = found(wb);
    expect(f.map((x) => [x.rule, x.severity, x.cell])).toEqual([['empty-table', 'warning', 'B7']]);
    expect(f[0].message).toContain('本单位无政府性基金预算支出');
    expect(f[0].message).not.toContain('部门');
  });

  it('a dash row that carries an amount is no placeholder: its code is reported at its cell', () => {
    const wb = t6Book((ws) => {
      ws.getCell('A6').value = '—';
      ws.getCell('E6').value = 5000;
    });
    expect(found(wb).filter((f) => f.rule === 'bad-code').map((f) => f.cell)).toEqual(['A6']);
  });
});

describe('a holey grid (a sparse reader leaves empty rows and cells out)', () => {
  it('reads exactly as the dense grid, in every layout', () => {
    for (const [, l] of LAYOUTS) {
      const { wb } = t5Book(l);
      const dense = gridFromWorksheet(wb.worksheets[0]);
      const values: GridValue[][] = [];
      dense.values.forEach((row, i) => {
        if (row.every((v) => v === null)) return;
        const sparse: GridValue[] = [];
        row.forEach((v, j) => {
          if (v !== null) sparse[j] = v;
        });
        values[i] = sparse;
      });
      values.length = dense.values.length + 3; // trailing holes too
      // `some` would skip the holes themselves
      const holes = dense.values.filter((_, i) => !(i in values)).length;
      if (l.spacers) expect(holes).toBeGreaterThan(0);
      expect(readSheet({ name: dense.name, values })).toEqual(readSheet(dense));
    }
  });
});

describe('an amount column the official form does not have (上年结转)', () => {
  function withCarryOver(): ExcelJS.Workbook {
    const { wb } = t5Book({});
    const ws = wb.worksheets[0];
    ws.getCell('H4').value = '上年结转';
    ws.getCell('H9').value = 1000; // 2040219 信息化建设: part of its 合计 beside 基本 + 项目
    ws.getCell('E9').value = 2751875;
    for (const c of ['E7', 'E6', 'E16']) ws.getCell(c).value = Number(ws.getCell(c).value) + 1000;
    return wb;
  }

  it('a 合计 above 基本 + 项目 by that column: no finding', () => {
    expect(found(withCarryOver())).toEqual([]);
  });

  it('a 合计 below 基本 + 项目: 错误 at it, saying the 合计 must be at least the parts', () => {
    const wb = withCarryOver();
    const ws = wb.worksheets[0];
    ws.getCell('E10').value = 11850000; // 2040250 事业运行, 基本 11,850,477
    const f = found(wb).filter((x) => x.rule === 'row-parts');
    expect(f.map((x) => x.cell)).toEqual(['E10']);
    expect(f[0].message).toContain('另有上年结转列');
  });
});
