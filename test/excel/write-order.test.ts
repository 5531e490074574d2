import { createFakeExcel, sheetReferences } from './fake-excel';

/** Excel resolves a sheet reference when the formula or rule is written, not later. */
describe('a reference to a sheet the workbook lacks when it is written', () => {
  it('finds the sheets a formula names, not inside its strings', () => {
    expect(sheetReferences(`='绩效目标-项目A'!B3&"x!y"&Sheet2!$A$1:$B$2&'It''s'!C1`).map((r) => r.sheet)).toEqual(['绩效目标-项目A', 'Sheet2', "It's"]);
    expect(sheetReferences('=SUM(A1:B2)+BUDGET.WAN(C3)')).toEqual([]);
  });

  it('is #REF! for good in a formula: adding the sheet afterwards does not mend it', async () => {
    const { fake, context } = createFakeExcel();
    const ws = context.workbook.worksheets.getItem('Sheet1');
    ws.getRange('A1:B1').formulas = [[`='表二'!A1`, `=SUM('表二'!A1:A3)+1`]];
    context.workbook.worksheets.add('表二');
    ws.getRange('A2').formulas = [[`='表二'!A1`]];
    await context.sync();
    expect(fake.content('Sheet1', 'A1')).toBe('=#REF!');
    expect(fake.content('Sheet1', 'B1')).toBe('=SUM(#REF!)+1');
    expect(fake.shown('Sheet1', 'A1')).toBe('#REF!');
    expect(fake.content('Sheet1', 'A2')).toBe(`='表二'!A1`);
  });

  it('refuses a list rule whose source names it (InvalidArgument)', () => {
    const { context } = createFakeExcel();
    const dv = context.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation;
    expect(() => (dv.rule = { list: { inCellDropDown: true, source: `=OFFSET('_BT_LISTS'!$A$3,0,0,2,1)` } })).toThrow(/InvalidArgument.*_BT_LISTS/);
    context.workbook.worksheets.add('_BT_LISTS');
    dv.rule = { list: { inCellDropDown: true, source: `=OFFSET('_BT_LISTS'!$A$3,0,0,2,1)` } };
  });
});
