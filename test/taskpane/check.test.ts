import { RULES } from '../../src/core/rules/catalog-of-rules';
import type { Finding } from '../../src/core/rules/types';
import { explainCheckError, groupFindings, ruleDescription, severityLabel, statusMessage } from '../../src/taskpane/check';
import { say } from '../../src/taskpane/i18n';

const f = (sheet: string, rule: string, cell: string, severity: Finding['severity'] = 'error'): Finding => ({ rule, severity, sheet, cell, message: `${cell} 不平` });

describe('the 校验 section', () => {
  test('groups findings by sheet, then rule, with counts and the rules’ descriptions; errors first', () => {
    const groups = groupFindings([
      f('单位收入总表', RULES.textAmount.id, 'C7', 'warning'),
      f('单位收入总表', RULES.subtotal.id, 'E19'),
      f('单位支出总表', RULES.incomeVsExpense.id, 'E20'),
      f('单位收入总表', RULES.subtotal.id, 'E8'),
      f('单位收入总表', RULES.rowParts.id, 'E20'),
    ]);
    expect(groups.map((g) => [g.sheet, g.count])).toEqual([
      ['单位收入总表', 4],
      ['单位支出总表', 1],
    ]);
    expect(groups[0].rules.map((r) => [r.rule, r.findings.length, r.severity])).toEqual([
      [RULES.subtotal.id, 2, 'error'],
      [RULES.rowParts.id, 1, 'error'],
      [RULES.textAmount.id, 1, 'warning'],
    ]);
    expect(groups[0].rules[0].description).toBe(RULES.subtotal.description);
    expect(groups[0].rules[0].findings.map((x) => x.cell)).toEqual(['E19', 'E8']);
    expect(groupFindings([])).toEqual([]);
    expect(ruleDescription('no-such-rule')).toBe('no-such-rule');
  });

  test('says 可以报送 without errors and 不能报送 with the counts', () => {
    expect(say('zh-CN', statusMessage({ ready: true, counts: { error: 0, warning: 2 } }))).toBe('可以报送：没有错误，提示 2 条。');
    expect(say('zh-CN', statusMessage({ ready: false, counts: { error: 3, warning: 1 } }))).toBe('不能报送：错误 3 条，提示 1 条。');
    expect(say('en-US', statusMessage({ ready: false, counts: { error: 3, warning: 1 } }))).toBe('Not ready to submit: errors: 3; notices: 1.');
    expect(severityLabel('zh-CN', 'warning')).toBe('提示');
  });

  test('explains failures', () => {
    expect(explainCheckError(new ReferenceError('Excel is not defined'))).toEqual({ key: 'check.needsExcel' });
    expect(explainCheckError(new Error('boom'))).toEqual({ key: 'check.error.generic', params: { detail: 'boom' } });
    expect(explainCheckError(undefined)).toEqual({ key: 'check.error.genericNoDetail' });
  });
});
