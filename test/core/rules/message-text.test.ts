import { nestQuotes, oneLine } from '../../../src/core/rules/message-text';

describe('quotes inside quotes', () => {
  test('the inner pair becomes ‘…’, as Chinese nests them', () => {
    expect(nestQuotes('说明中““三公”经费预算数为30.42万元”，表中为31.42万元')).toBe('说明中“‘三公’经费预算数为30.42万元”，表中为31.42万元');
    expect(nestQuotes('工作簿缺少T9““三公”经费和机关运行经费预算表”')).toBe('工作簿缺少T9“‘三公’经费和机关运行经费预算表”');
    // three deep alternates back
    expect(nestQuotes('“一“二“三”二”一”')).toBe('“一‘二“三”二’一”');
  });

  test('quotes side by side, or none, are left alone', () => {
    expect(nestQuotes('科目2010101“行政运行”的名称为“一般行政管理事务”')).toBe('科目2010101“行政运行”的名称为“一般行政管理事务”');
    expect(nestQuotes('合计行的合计为1元')).toBe('合计行的合计为1元');
  });

  test('a quote a clerk left open is not guessed at', () => {
    expect(nestQuotes('说明中“本单位“三公经费为1万元”')).toBe('说明中“本单位“三公经费为1万元”');
    expect(nestQuotes('说明中”反了“')).toBe('说明中”反了“');
  });
});

describe('a message on one line', () => {
  test('line breaks, tabs, full-width and repeated spaces become one space', () => {
    expect(oneLine('“一、2026年“三公”经费预算情况说明 \n     2026年“三公”经费预算数为XXX万元”中还留有占位符')).toBe('“一、2026年“三公”经费预算情况说明 2026年“三公”经费预算数为XXX万元”中还留有占位符');
    expect(oneLine('甲\t乙\u3000丙  丁')).toBe('甲 乙 丙 丁');
    expect(oneLine('合计行的合计为1元')).toBe('合计行的合计为1元');
  });
});
