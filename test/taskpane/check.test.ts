import { RULES } from '../../src/core/rules/catalog-of-rules';
import type { Finding } from '../../src/core/rules/types';
import { explainCheckError, groupFindings, markNotes, ruleDescription, severityLabel, statusMessage } from '../../src/taskpane/check';
import { say, type Lang } from '../../src/taskpane/i18n';

const f = (sheet: string, rule: string, cell: string, severity: Finding['severity'] = 'error'): Finding => ({ rule, severity, sheet, cell, message: `${cell} 不平` });

describe('the 校验 section', () => {
  test('groups findings by sheet, then rule, with counts and the rules’ descriptions; errors first', () => {
    const groups = groupFindings([
      f('单位收入总表', RULES.textAmount.id, 'C7', 'warning'),
      f('单位收入总表', RULES.subtotal.id, 'E19'),
      f('单位支出总表', RULES.incomeVsExpense.id, 'E20'),
      f('单位收入总表', RULES.subtotal.id, 'E8'),
      f('单位收入总表', RULES.rowParts.id, 'E20'),
    ], 'zh-CN');
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
    expect(groupFindings([], 'zh-CN')).toEqual([]);
    expect(ruleDescription('no-such-rule', 'zh-CN')).toBe('no-such-rule');
    expect(ruleDescription('no-such-rule', 'en-US')).toBe('no-such-rule');
  });

  test('heads each rule group in the pane’s language and leaves the findings as the core wrote them', () => {
    const findings = [f('单位收入总表', RULES.subtotal.id, 'E19'), f('单位收入总表', RULES.textAmount.id, 'C7', 'warning'), f('单位支出总表', RULES.incomeVsExpense.id, 'E20')];
    const heads = (lang: Lang) => groupFindings(findings, lang).flatMap((g) => g.rules.map((r) => r.description));
    expect(heads('zh-CN')).toEqual(['类、款行金额应等于其下级科目之和', '金额以文本输入（已照读）', '收入预算总表与支出预算总表按科目合计应一致']);
    expect(heads('en-US')).toEqual([
      'Each class (类) or subclass (款) row equals the sum of the codes below it',
      'The amount was entered as text (read as written)',
      'The income budget summary and the expenditure budget summary agree, code by code',
    ]);
    // only the heading changes with the language: sheets, order, counts and messages do not
    const strip = (lang: Lang) => groupFindings(findings, lang).map((g) => ({ ...g, rules: g.rules.map((r) => ({ ...r, description: undefined })) }));
    expect(strip('en-US')).toEqual(strip('zh-CN'));
    expect(groupFindings(findings, 'en-US')[0].rules[0].findings[0].message).toBe('E19 不平');
  });

  test('every rule has an English description in plain English, Chinese only as bracketed terms', () => {
    const han = /[\u3400-\u9fff]/;
    // (…), （…） and “…” may quote the Chinese term a clerk sees in the tables
    const outsideBrackets = (s: string) => s.replace(/\([^()]*\)|（[^（）]*）|“[^“”]*”/g, '');
    const rules = Object.values(RULES);
    expect(rules).toHaveLength(58);
    for (const r of rules) {
      const en = r.descriptionEn.trim();
      expect({ id: r.id, empty: en === '' }).toEqual({ id: r.id, empty: false });
      expect({ id: r.id, rest: outsideBrackets(en) }).toEqual({ id: r.id, rest: expect.not.stringMatching(han) });
      // a sentence, not a bare term: enough English words once the brackets are gone
      expect({ id: r.id, sentence: (outsideBrackets(en).match(/[A-Za-z]{2,}/g) ?? []).length >= 4 }).toEqual({ id: r.id, sentence: true });
      expect({ id: r.id, same: en === r.description }).toEqual({ id: r.id, same: false });
      expect(ruleDescription(r.id, 'en-US')).toBe(r.descriptionEn);
      // the Chinese stays what the CLI and the JSON output have always shown
      expect(ruleDescription(r.id, 'zh-CN')).toBe(r.description);
      expect(r.description).toMatch(han);
    }
    expect(new Set(rules.map((r) => r.descriptionEn)).size).toBe(rules.length);
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

describe('what the marks could not do, under the 校验 status', () => {
  const none = { marked: 3, restored: 0, comments: true, fillOnly: 0, unmarked: 0, leftAsIs: 0, skippedSheets: [], recorded: true };

  it('says nothing when every cell was marked as asked', () => {
    expect(markNotes(none, 'zh-CN')).toEqual([]);
  });

  it('names the password sheets and counts the cells marked by fill alone, unmarked, or left as the clerk changed them', () => {
    const notes = markNotes({ ...none, fillOnly: 2, unmarked: 1, leftAsIs: 4, skippedSheets: ['甲表', '乙表'] }, 'zh-CN').map((m) => say('zh-CN', m));
    expect(notes).toEqual([
      expect.stringMatching(/^2 个单元格原有批注或备注，只标了底色/),
      expect.stringMatching(/^1 个单元格没有标记/),
      expect.stringMatching(/没有标记也没有清除：甲表、乙表$/),
      expect.stringMatching(/^4 个单元格在标记后被改过/),
    ]);
    expect(say('en-US', markNotes({ ...none, skippedSheets: ['A', 'B'] }, 'en-US')[0])).toMatch(/neither marked nor cleared: A, B$/);
  });

  it('says when the host could not keep the originals, or has no comments', () => {
    expect(markNotes({ ...none, marked: 0, recorded: false }, 'zh-CN').map((m) => m.key)).toEqual(['check.marks.noRecord']);
    expect(markNotes({ ...none, comments: false }, 'zh-CN').map((m) => m.key)).toEqual(['check.noComments']);
  });
});
