import { freeSheetName, safeSheetName } from '../../../src/core/plan/names';
import { cutText, MAX_CELL_TEXT, plannedText, textCell } from '../../../src/core/plan/text-cells';
import { cellInput } from '../../../src/excel/writer';

describe('text cells', () => {
  it('any text from a person or a file is { text }, whatever it starts with; blank is null', () => {
    for (const t of ['=1+1', '+1', '-1', '@A1', "'x", '001', 'TRUE', '项目']) expect(textCell(t)).toEqual({ text: t });
    expect(textCell('')).toBeNull();
    expect(textCell(undefined)).toBeNull();
    expect(plannedText({ text: '=100%' })).toBe('=100%');
    // an older file's ="…" formula still reads as its words
    expect(plannedText('="=100%"')).toBe('=100%');
  });

  it('is cut at Excel’s limit without splitting a surrogate pair', () => {
    expect((textCell('x'.repeat(40000)) as { text: string }).text).toHaveLength(MAX_CELL_TEXT);
    const s = 'a'.repeat(9) + '😀';
    expect(cutText(s, 10)).toBe('a'.repeat(9));
    expect(cutText(s, 11)).toBe(s);
  });

  it('goes to Office.js as text: as it is in a Text cell, behind an apostrophe elsewhere; the planner’s words and formulas as they are', () => {
    expect(cellInput({ text: '=HYPERLINK("x")' }, false)).toBe(`'=HYPERLINK("x")`);
    expect(cellInput({ text: '001' }, false)).toBe("'001");
    expect(cellInput({ text: '-cmd' }, true)).toBe('-cmd');
    expect(cellInput('合计', false)).toBe('合计');
    expect(cellInput('-', false)).toBe("'-");
    expect(cellInput('=SUM(A1:A2)', false)).toBe('=SUM(A1:A2)');
    expect(cellInput(12, false)).toBe(12);
    expect(cellInput(null, false)).toBe('');
  });
});

describe('sheet names', () => {
  it('drops what Excel forbids, keeps an inner apostrophe, never blank or History, at most 31 characters', () => {
    expect(safeSheetName("Children's 项目")).toBe("Children's 项目");
    expect(safeSheetName("'引号'")).toBe('引号');
    expect(safeSheetName('a/b\\c:d*e?f[g]')).toBe('abcdefg');
    expect(safeSheetName('第一行\n第二行')).toBe('第一行 第二行');
    expect(safeSheetName('::')).toBe('预算表');
    expect(safeSheetName('history')).toBe('history_');
    expect(safeSheetName('长'.repeat(40000))).toBe('长'.repeat(31));
    expect(safeSheetName('a'.repeat(30) + '😀')).toBe('a'.repeat(30));
    // a cut that would end on an apostrophe drops it too
    expect(safeSheetName('a'.repeat(30) + "'b")).toBe('a'.repeat(30));
  });

  it('stays unique ignoring case, within 31 characters', () => {
    expect(freeSheetName('Sheet', ['sheet'])).toBe('Sheet (2)');
    const long = '长'.repeat(31);
    expect(freeSheetName(long, [long])).toBe('长'.repeat(27) + ' (2)');
  });
});
