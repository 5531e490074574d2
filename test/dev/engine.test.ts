import fs from 'fs';
import path from 'path';
import { BUDGET_FUNCTION_NAMES } from '../../src/dev/engine/budget-plugin';
import { resolveOffsets } from '../../src/dev/engine/offsets';
import { recalculate } from '../../src/dev/engine/workbook-engine';
import { FakeRequestContext } from '../../src/dev/host/excel/fake-excel';

/** The preview's formula engine over the fake workbook. */
describe('the preview formula engine', () => {
  it('has every custom function functions.ts declares, so the preview never shows #NAME? for one', () => {
    const source = fs.readFileSync(path.resolve(__dirname, '../../src/functions/functions.ts'), 'utf8');
    const declared = [...source.matchAll(/@customfunction\s+(\w+)/g)].map((m) => `BUDGET.${m[1]}`);
    expect(declared.length).toBeGreaterThan(5);
    expect([...BUDGET_FUNCTION_NAMES].sort()).toEqual(declared.sort());
  });

  it('resolves the templates’ INDEX pairs to the range Excel computes, an empty block to #REF!, and leaves other INDEXes alone', () => {
    expect(resolveOffsets('=IF(ROW($A$46)-ROW($A7)<2,0,BUDGET.ROLLUP(INDEX($A:$A,ROW($A7)+1):INDEX($C:$C,ROW($A$46)-1),INDEX($E:$E,ROW($A7)+1):INDEX($E:$E,ROW($A$46)-1),$A7:$C7))')).toBe(
      '=IF(ROW($A$46)-ROW($A7)<2,0,BUDGET.ROLLUP(A8:C45,E8:E45,$A7:$C7))',
    );
    expect(resolveOffsets('=SUM(INDEX($E:$E,ROW($A7)+1):INDEX($E:$E,ROW($A$8)-1))')).toBe('=SUM(#REF!)');
    expect(resolveOffsets('=SUM(INDEX($E:$E,B1):INDEX($E:$E,3))')).toBe('=SUM(INDEX($E:$E,B1):INDEX($E:$E,3))');
    expect(resolveOffsets('=INDEX(A1:B2,1,2)')).toBe('=INDEX(A1:B2,1,2)');
  });

  it('resolves constant OFFSETs to the range Excel computes, and leaves other OFFSETs alone', () => {
    expect(resolveOffsets('=BUDGET.ROLLUP(OFFSET($A7,1,0,ROW($A$46)-ROW($A7)-1,3),OFFSET($A7,1,4,ROW($A$46)-ROW($A7)-1,1),$A7:$C7)')).toBe(
      '=BUDGET.ROLLUP(A8:C45,E8:E45,$A7:$C7)',
    );
    expect(resolveOffsets('=SUM(OFFSET($A7,1,4,ROW($A$8)-ROW($A7)-1,1))')).toBe('=SUM(#REF!)');
    expect(resolveOffsets('=SUM(OFFSET(A1,B1,0,2,1))')).toBe('=SUM(OFFSET(A1,B1,0,2,1))');
  });

  it('calculates across sheets, keeps text codes text, and recalculates after a change', () => {
    const ctx = new FakeRequestContext({
      calculate: recalculate,
      sheets: [
        { name: '单位支出总表', cells: { A1: '204', B1: '02', C1: '01', D1: 100, E1: '=BUDGET.NAME(A1:C1,2021)', F1: '=BUDGET.LEVEL(A1:C1)' } },
        { name: 'S2', cells: { A1: "='单位支出总表'!D1*2", B1: '=BUDGET.GRADE(A1)' } },
      ],
    });
    expect(ctx.shown('单位支出总表', 'E1')).toBe('行政运行');
    expect(ctx.shown('单位支出总表', 'F1')).toBe('项');
    expect(ctx.shown('S2', 'A1')).toBe(200);
    expect(ctx.shown('S2', 'B1')).toBe('优');
    const ws = ctx.workbook.worksheets.getItem('单位支出总表');
    ws.getRange('D1').values = [[25]];
    expect(ctx.shown('S2', 'A1')).toBe(50);
    expect(ctx.shown('S2', 'B1')).toBe('差');
  });

  it('gives an unknown code #N/A and a bad one #VALUE!, with the logic’s own message', () => {
    const ctx = new FakeRequestContext({ calculate: recalculate, sheets: [{ name: 'S', cells: { A1: '=BUDGET.NAME("2999999")', A2: '=BUDGET.WAN("abc")' } }] });
    expect(ctx.shown('S', 'A1')).toBe('#N/A');
    expect(ctx.cell('S', 'A1').resultMessage).toContain('2999999');
    expect(ctx.shown('S', 'A2')).toBe('#VALUE!');
  });
});

describe('a BUDGET.ROLLUP list in the preview', () => {
  const cells = { A1: '204', B1: '', A2: '20402', A3: '2040201', B3: 100, A4: '2040202', B4: 50, D1: '=BUDGET.ROLLUP(A1:A4,B1:B4)' };

  it('spills every 类 and 款 with its name and total, then 合计, as Excel does', () => {
    const ctx = new FakeRequestContext({ calculate: recalculate, sheets: [{ name: 'S', cells }] });
    expect(ctx.shown('S', 'D1')).toBe('204');
    expect([0, 1, 2].map((r) => [ctx.shown('S', `D${r + 1}`), ctx.shown('S', `F${r + 1}`)])).toEqual([
      ['204', 150],
      ['20402', 150],
      ['合计', 150],
    ]);
    expect(ctx.shown('S', 'E1')).toBe('公共安全支出');
  });

  it('shows #SPILL! when a cell in the way holds something, and spills again once it is cleared', () => {
    const ctx = new FakeRequestContext({ calculate: recalculate, sheets: [{ name: 'S', cells: { ...cells, E2: 'x' } }] });
    expect(ctx.shown('S', 'D1')).toBe('#SPILL!');
    ctx.workbook.worksheets.getItem('S').getRange('E2').values = [['']];
    expect(ctx.shown('S', 'E2')).toBe('公安');
  });
});
