import * as fs from 'fs';
import * as path from 'path';
import { NotReadyError, type BudgetFormulaCount, type FreezeResult } from '../../src/excel/prepare';
import { LANGS, MESSAGES, type MessageKey } from '../../src/taskpane/i18n';
import { afterCount, afterError, afterFreeze, explainFreezeError, freezeView } from '../../src/taskpane/prepare';

const count = (over: Partial<BudgetFormulaCount> = {}): BudgetFormulaCount => ({
  cells: 147,
  sheets: [
    { name: '单位收入总表', cells: 60 },
    { name: '单位支出总表', cells: 87 },
  ],
  notReady: [],
  ...over,
});

const frozen = (over: Partial<FreezeResult> = {}): FreezeResult => ({
  cells: 147,
  sheets: [
    { name: '单位收入总表', cells: 60, spilled: 0, errors: 0, protected: true },
    { name: '我的测算', cells: 87, spilled: 0, errors: 0, protected: false },
  ],
  ...over,
});

describe('the 报送前准备 flow', () => {
  test('after counting: ask, say there is nothing, or refuse while results are missing', () => {
    expect(afterCount(count())).toEqual({ kind: 'confirm', count: count() });
    expect(afterCount(count({ cells: 0, sheets: [] }))).toEqual({ kind: 'none' });
    const notReady = [{ sheet: 'A', address: 'E6', value: '#BUSY!' }];
    expect(afterCount(count({ notReady }))).toEqual({ kind: 'notReady', cells: notReady });
  });

  test('after freezing: the result, or nothing when the workbook had none by then', () => {
    expect(afterFreeze(frozen())).toEqual({ kind: 'done', result: frozen() });
    expect(afterFreeze({ cells: 0, sheets: [] })).toEqual({ kind: 'none' });
  });

  test('the question names the count and the sheets, and offers 确定 / 取消', () => {
    const zh = freezeView('zh-CN', afterCount(count()));
    expect(zh).toEqual({
      tone: 'confirm',
      text: '将把 147 个单元格的 BUDGET 公式替换为当前数值（工作表：单位收入总表、单位支出总表）。替换后不能恢复为公式。确定要转换吗？',
      notes: [],
      confirm: true,
      alert: false,
    });
    const en = freezeView('en-US', afterCount(count()));
    expect(en.text).toBe(
      'Cells whose BUDGET formulas will be replaced with their current values: 147 (sheets: 单位收入总表, 单位支出总表). They cannot be turned back into formulas. Convert them?',
    );
    expect(MESSAGES['zh-CN']['button.confirm']).toBe('确定');
    expect(MESSAGES['zh-CN']['button.cancel']).toBe('取消');
  });

  test('the result: how many cells, on which sheets', () => {
    const view = freezeView('zh-CN', afterFreeze(frozen()));
    expect(view.text).toBe('已将 147 个单元格的 BUDGET 公式转为数值（工作表：单位收入总表、我的测算）。');
    expect(view.tone).toBe('done');
    expect(view.confirm).toBe(false);
    expect(view.notes).toEqual(['受保护的工作表（单位收入总表）已临时撤销保护，转换后已按原设置重新保护。']);
    expect(freezeView('en-US', afterFreeze(frozen())).text).toBe('Cells converted from BUDGET formulas to values: 147 (sheets: 单位收入总表, 我的测算).');
  });

  test('notes for spilled cells and error values', () => {
    const result = frozen({
      sheets: [
        { name: 'A', cells: 2, spilled: 8, errors: 1, protected: false },
        { name: 'B', cells: 1, spilled: 0, errors: 2, protected: false },
      ],
      cells: 3,
    });
    expect(freezeView('zh-CN', afterFreeze(result)).notes).toEqual([
      '这些公式溢出到的另外 8 个单元格也已一并转为数值。',
      '其中 3 个单元格的结果是错误值（如 #N/A、#VALUE!），已按原样保留，报送前请检查。',
    ]);
  });

  test('nothing to convert, and cancelling', () => {
    expect(freezeView('zh-CN', { kind: 'none' })).toMatchObject({ tone: 'info', text: '工作簿中没有 BUDGET 公式。', confirm: false });
    expect(freezeView('en-US', { kind: 'none' }).text).toBe('The workbook has no BUDGET formulas.');
    expect(freezeView('zh-CN', { kind: 'cancelled' }).text).toBe('已取消，工作簿没有改动。');
    expect(freezeView('zh-CN', { kind: 'counting' })).toMatchObject({ tone: 'working', text: '正在查找 BUDGET 公式……' });
    expect(freezeView('zh-CN', { kind: 'working' })).toMatchObject({ tone: 'working', text: '正在转换，请稍候……' });
  });

  test('results not ready: names the first cells, as an alert', () => {
    const cells = [
      { sheet: '单位收入总表', address: 'E6', value: '#BUSY!' },
      { sheet: '单位收入总表', address: 'F6', value: '#BUSY!' },
      { sheet: '我的测算', address: 'B6', value: '#NAME?' },
      { sheet: '我的测算', address: 'B7', value: '#NAME?' },
    ];
    const zh = freezeView('zh-CN', { kind: 'notReady', cells });
    expect(zh.alert).toBe(true);
    expect(zh.text).toBe(
      '没有转换：有 4 个 BUDGET 公式还没有可用的结果（单位收入总表!E6 #BUSY!、单位收入总表!F6 #BUSY!、我的测算!B6 #NAME?等），现在转换会把错误值写进表里。显示 #BUSY! 的请等 Excel 算完再试；显示 #NAME? 或 #SPILL! 的请先修正公式。',
    );
    expect(freezeView('en-US', { kind: 'notReady', cells: cells.slice(0, 1) }).text).toMatch(/^Nothing was converted: some BUDGET formulas have no usable result yet \(1: 单位收入总表!E6 #BUSY!\)/);
    expect(afterError(new NotReadyError(cells))).toEqual({ kind: 'notReady', cells });
  });
});

describe('explaining what Excel refused', () => {
  test('codes become plain advice about converting, not inserting', () => {
    expect(explainFreezeError({ code: 'InvalidOperationInCellEditMode', message: 'x' }).key).toBe('freeze.error.cellEdit');
    expect(explainFreezeError({ code: 'AccessDenied', message: 'x' }).key).toBe('freeze.error.protected');
    expect(explainFreezeError({ code: 'ResponsePayloadSizeLimitExceeded', message: 'x' }).key).toBe('freeze.error.tooLarge');
    expect(explainFreezeError({ code: 'ApiNotFound', message: 'x' }).key).toBe('freeze.error.apiMissing');
    expect(explainFreezeError({ code: 'Conflict', message: 'x' }).key).toBe('freeze.error.busy');
    expect(explainFreezeError({ code: 'InvalidArgument', message: 'The password is incorrect.' }).key).toBe('freeze.error.protected');
    expect(explainFreezeError(new ReferenceError('Excel is not defined')).key).toBe('freeze.needsExcel');
    for (const key of Object.keys(MESSAGES['zh-CN']).filter((k) => k.startsWith('freeze.error.'))) {
      expect(MESSAGES['zh-CN'][key as MessageKey]).not.toMatch(/插入/);
    }
  });

  test('other errors keep only the first line, never the stack', () => {
    const m = explainFreezeError(new Error('Something odd\n    at x (taskpane.js:1:2)'));
    expect(m).toEqual({ key: 'freeze.error.generic', params: { detail: 'Something odd' } });
    const view = freezeView('zh-CN', afterError(new Error('Something odd\n    at x (taskpane.js:1:2)')));
    expect(view).toMatchObject({ tone: 'error', alert: true });
    expect(view.text).toBe('Excel 没能完成转换（Something odd）。请保存工作簿后再试一次；已转换的单元格不受影响，再次运行只处理剩下的公式。');
    expect(explainFreezeError(undefined).key).toBe('freeze.error.genericNoDetail');
  });

  test('every view reads without leftover placeholders in both languages', () => {
    const states = [
      afterCount(count()),
      afterFreeze(frozen({ sheets: [{ name: 'A', cells: 1, spilled: 2, errors: 3, protected: true }] })),
      { kind: 'notReady' as const, cells: [{ sheet: 'A', address: 'A1', value: '#SPILL!' }] },
      afterError({ code: 'AccessDenied' }),
      afterError(new Error('x')),
      afterError(null),
    ];
    for (const lang of LANGS) for (const s of states) for (const line of [freezeView(lang, s).text, ...freezeView(lang, s).notes]) expect(line).not.toMatch(/\{\w+\}/);
  });
});

describe('the pane', () => {
  const html = fs.readFileSync(path.join(__dirname, '../../src/taskpane/taskpane.html'), 'utf8');

  test('has the 报送前准备 section, its button and a live output, with every string translated', () => {
    // the text itself comes from the locale files at start (test/taskpane/locales.test.ts)
    expect(html).toMatch(/<h2 id="prepare-heading" data-i18n="section.prepare"><\/h2>/);
    expect(html).toMatch(/<button type="button" id="freeze" class="secondary" aria-describedby="prepare-hint" data-i18n="button.freeze"><\/button>/);
    expect(MESSAGES['zh-CN']['section.prepare']).toBe('报送前准备');
    expect(MESSAGES['zh-CN']['button.freeze']).toBe('公式转为数值');
    expect(html).toMatch(/id="freeze-output" class="output" aria-live="polite" tabindex="-1" hidden/);
    for (const [, base, byLevel] of html.matchAll(/data-i18n="([^"]+)"( data-i18n-level)?/g)) {
      for (const key of byLevel ? [`${base}.unit`, `${base}.department`] : [base]) {
        for (const lang of LANGS) expect({ key, lang, has: key in MESSAGES[lang] }).toEqual({ key, lang, has: true });
      }
    }
    expect(MESSAGES['en-US']['button.freeze']).toBe('Convert BUDGET formulas to values');
    expect(MESSAGES['en-US']['section.prepare']).toBe('Prepare for submission');
  });
});
