import { rollupFormula } from '../../src/core/plan/build';
import {
  blockAddress,
  blockValues,
  callsBudget,
  cellAddress,
  findBudgetFormulas,
  isErrorValue,
  isNotReady,
  parseSheetAddress,
  rowRuns,
  typesAsOther,
  valueToWrite,
  writeBlocks,
  type Block,
  type GridCell,
} from '../../src/core/prepare';

describe('callsBudget: does a formula call a BUDGET function?', () => {
  test('the formulas the templates write', () => {
    expect(callsBudget(rollupFormula(7, 46, 3, 5, '$A$7:$C$7'))).toBe(true);
    expect(callsBudget(rollupFormula(4, 30, 3, 5, '"合计"'))).toBe(true);
  });

  test('any case, any BUDGET function, with or without arguments', () => {
    for (const f of ['=BUDGET.NAME(A6)', '=budget.wan(E6)', '=Budget.Rollup(A1:C9,E1:E9)', '=BUDGET.LEVEL( A6 )', '=BUDGET.X()', '=BUDGET.WAN (E6)']) {
      expect({ f, calls: callsBudget(f) }).toEqual({ f, calls: true });
    }
  });

  test('nested in other formulas, after operators, references and the @ operator', () => {
    for (const f of [
      '=ROUND(BUDGET.WAN(E6),2)',
      '=1+budget.diff(E6,F6)',
      '=IF(A1="",0,BUDGET.WAN(E6))',
      '=@BUDGET.ROLLUP(A1:C9,E1:E9,"204")',
      '=-BUDGET.WAN(E6)',
      "='单位收入总表'!E6&BUDGET.NAME('单位收入总表'!A6)",
      '=SUM(E1:E5)*BUDGET.WAN(1)',
      '=Table1[[#This Row],[金额]]+BUDGET.WAN(1)',
      '=IF(TRUE,\n  BUDGET.WAN(E6))',
      '=_xludf.BUDGET.WAN(E6)',
    ]) {
      expect({ f, calls: callsBudget(f) }).toEqual({ f, calls: true });
    }
  });

  test('not inside strings, quoted sheet names or brackets; not part of a longer name; not without a call', () => {
    for (const f of [
      '="BUDGET.X"',
      '="=BUDGET.WAN(E6)"',
      '="say ""BUDGET.WAN("" here"',
      "='BUDGET.WAN(1)'!A1",
      "='it''s BUDGET.WAN('!A1",
      '=Table1[BUDGET.WAN(x)]',
      '=MYBUDGET.WAN(E6)',
      '=XBUDGET.WAN(E6)',
      '=预算BUDGET.WAN(E6)',
      '=BUDGET.RATE*E6',
      '=BUDGET.DATA!A1',
      '=BUDGETWAN(E6)',
      '=BUDGET(E6)',
      '=SUM(E6:E9)',
      '=E6',
      'BUDGET.WAN(E6)',
      '',
    ]) {
      expect({ f, calls: callsBudget(f) }).toEqual({ f, calls: false });
    }
  });

  test('a string before a call does not hide it, and an unclosed string does not throw', () => {
    expect(callsBudget('="x"&BUDGET.NAME(A6)&"y"')).toBe(true);
    expect(callsBudget('="BUDGET.WAN(')).toBe(false);
    expect(callsBudget("='BUDGET.WAN(")).toBe(false);
    expect(callsBudget('=[BUDGET.WAN(')).toBe(false);
  });
});

describe('findBudgetFormulas', () => {
  test('finds the BUDGET formulas of a grid, row by row, and nothing else', () => {
    const formulas = [
      ['204', '', '=BUDGET.NAME(A1)', 12, true],
      ['=SUM(D1:D9)', '=budget.wan(D1)', '="BUDGET.WAN(D1)"', null, '=ROUND(BUDGET.WAN(D1),2)'],
    ];
    expect(findBudgetFormulas(formulas)).toEqual([
      { row: 0, col: 2 },
      { row: 1, col: 1 },
      { row: 1, col: 4 },
    ]);
  });

  test('with the values, text that only looks like a formula is not one', () => {
    // Office.js reports a cell's value in `formulas` when it holds no formula.
    const formulas = [['=BUDGET.WAN(1)', '=BUDGET.WAN(2)']];
    const values = [['=BUDGET.WAN(1)', 0]];
    expect(findBudgetFormulas(formulas, values)).toEqual([{ row: 0, col: 1 }]);
  });

  test('an empty grid has none', () => {
    expect(findBudgetFormulas([])).toEqual([]);
    expect(findBudgetFormulas([[]])).toEqual([]);
  });
});

/** Every cell a set of blocks covers, with how often. */
function covered(blocks: Block[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const b of blocks) {
    for (let r = b.row; r < b.row + b.rows; r++) for (let c = b.col; c < b.col + b.cols; c++) out.set(`${r},${c}`, (out.get(`${r},${c}`) ?? 0) + 1);
  }
  return out;
}

describe('the blocks to write', () => {
  const cells = (list: [number, number][]): GridCell[] => list.map(([row, col]) => ({ row, col }));

  test('row runs: consecutive columns of a row are one run, in reading order', () => {
    expect(rowRuns(cells([[2, 5], [0, 4], [0, 5], [0, 6], [0, 8], [2, 4]]))).toEqual([
      { row: 0, col: 4, rows: 1, cols: 3 },
      { row: 0, col: 8, rows: 1, cols: 1 },
      { row: 2, col: 4, rows: 1, cols: 2 },
    ]);
    expect(rowRuns([])).toEqual([]);
    expect(rowRuns(cells([[1, 1], [1, 1], [1, 2]]))).toEqual([{ row: 1, col: 1, rows: 1, cols: 2 }]);
  });

  test('runs over the same columns on consecutive rows become one rectangle', () => {
    // A 类 row and the 款 row under it, E:H each, then a gap, then a 合计 row.
    const list = cells([
      [5, 4], [5, 5], [5, 6], [5, 7],
      [6, 4], [6, 5], [6, 6], [6, 7],
      [9, 4], [9, 5], [9, 6], [9, 7],
    ]);
    expect(writeBlocks(list)).toEqual([
      { row: 5, col: 4, rows: 2, cols: 4 },
      { row: 9, col: 4, rows: 1, cols: 4 },
    ]);
  });

  test('runs of other widths do not merge: a run stacks only on the same columns directly above', () => {
    const list = cells([[0, 0], [1, 0], [1, 1], [2, 0], [3, 0], [3, 3]]);
    const blocks = writeBlocks(list);
    expect(blocks).toEqual([
      { row: 0, col: 0, rows: 1, cols: 1 },
      { row: 1, col: 0, rows: 1, cols: 2 },
      { row: 2, col: 0, rows: 2, cols: 1 },
      { row: 3, col: 3, rows: 1, cols: 1 },
    ]);
  });

  test('every cell is covered exactly once and no other cell is (random grids)', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 200; k++) {
      const list: GridCell[] = [];
      for (let r = 0; r < 12; r++) for (let c = 0; c < 9; c++) if (rand() < 0.35) list.push({ row: r, col: c });
      const blocks = writeBlocks(list);
      const got = covered(blocks);
      expect([...got.values()].every((n) => n === 1)).toBe(true);
      expect([...got.keys()].sort()).toEqual(list.map((c) => `${c.row},${c.col}`).sort());
      expect(blocks.length).toBeLessThanOrEqual(rowRuns(list).length);
    }
  });

  test('block values and addresses, from the grid origin', () => {
    const grid = [
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ];
    const b = { row: 1, col: 1, rows: 2, cols: 2 };
    expect(blockValues(grid, b)).toEqual([
      [5, 6],
      [8, 9],
    ]);
    expect(blockAddress(b, 4, 2)).toBe('C5:D6');
    expect(blockAddress({ row: 0, col: 0, rows: 1, cols: 1 }, 7, 5)).toBe('E7');
    expect(cellAddress({ row: 2, col: 25 }, 1, 2)).toBe('AA3');
  });

  test('Office.js addresses, with the sheet name quoted or not', () => {
    expect(parseSheetAddress("'单位收入总表'!A1:I30")).toEqual({ r1: 1, c1: 1, r2: 30, c2: 9 });
    expect(parseSheetAddress('Sheet1!B2')).toEqual({ r1: 2, c1: 2, r2: 2, c2: 2 });
    expect(parseSheetAddress("'a!b'!$C$3:$D$4")).toEqual({ r1: 3, c1: 3, r2: 4, c2: 4 });
  });
});

describe('the values written', () => {
  test('numbers and booleans as they are', () => {
    expect(valueToWrite(44119958)).toBe(44119958);
    expect(valueToWrite(0.1)).toBe(0.1);
    expect(valueToWrite(-3)).toBe(-3);
    expect(valueToWrite(false)).toBe(false);
  });

  test('text Excel would read as something else keeps its text behind a quote', () => {
    for (const s of ['20402', '02', '1,234', '5%', 'TRUE', 'false', '2027-01-01', '1/2', '=A1', '+x', '-', "'x", '@x', '１２', '第1项']) {
      expect({ s, typed: typesAsOther(s), write: valueToWrite(s) }).toEqual({ s, typed: true, write: `'${s}` });
    }
  });

  test('plain text as it is; error values as their literal', () => {
    for (const s of ['社会保障和就业支出', '类', 'XX', '', 'Jan', '#hash']) expect(valueToWrite(s)).toBe(s);
    for (const e of ['#N/A', '#VALUE!', '#DIV/0!', '#REF!', '#NUM!', '#NULL!', '#CALC!']) {
      expect(isErrorValue(e)).toBe(true);
      expect(valueToWrite(e)).toBe(e);
    }
    expect(isErrorValue('#hash')).toBe(false);
    expect(isErrorValue(404)).toBe(false);
  });

  test('results that are not results yet are not ready; real errors and plain values are', () => {
    for (const v of ['#BUSY!', '#GETTING_DATA', '#NAME?', '#SPILL!', null, undefined, NaN, {}, [1]]) expect({ v, ready: !isNotReady(v) }).toEqual({ v, ready: false });
    for (const v of ['#N/A', '#VALUE!', '', 'x', 0, 12.5, true]) expect({ v, ready: !isNotReady(v) }).toEqual({ v, ready: true });
  });
});
