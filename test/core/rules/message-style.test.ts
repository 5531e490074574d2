import { RULES } from '../../../src/core/rules/catalog-of-rules';
import { finding } from '../../../src/core/rules/checks';
import { checkChinese, checkEnglish, checkFinding } from '../../../src/core/rules/message-style';
import type { Finding } from '../../../src/core/rules/types';
import { corpusFindings, fileFindings } from './message-samples';
import { messageTemplates } from './message-templates';

/**
 * Issue 15.5: every rule's messages read as a clerk writes (src/core/rules/message-style.ts).
 * Run over the rule catalog: a rule added to RULES must show a real finding in the corpus
 * (message-samples.ts) and its messages then pass the guide, in Chinese and, for its
 * description, in English.
 */

let findings: Finding[];
beforeAll(async () => {
  findings = [...corpusFindings(), ...(await fileFindings())];
}, 60_000);

const show = (f: Finding, v: { rule: string; at: string }) => `${f.rule} ${f.sheet}!${f.cell} ${v.rule}: …${v.at}…  ⟨${f.message}⟩`;

describe('the style guide for messages', () => {
  test('catches what the issue found, and passes the same said well', () => {
    const rules = (text: string) => checkChinese(text).map((v) => v.rule);
    expect(rules('合计行 的合计为 47,061,993 元')).toEqual(['cjk-ascii-space', 'cjk-ascii-space', 'cjk-space']);
    expect(rules('合计行的合计为47,061,993元')).toEqual([]);
    expect(rules('工作簿缺少 T4“财政拨款收支预算总表”；并注明本单位（部门）无…')).toEqual(['level-known', 'cjk-ascii-space']);
    expect(checkChinese('请写明本单位（部门）无政府性基金预算支出').map((v) => v.rule)).toEqual(['level-known']);
    expect(rules('2020 年版：应为 100')).toEqual(['cjk-ascii-space', 'cjk-ascii-space']);
    expect(rules('说明:金额不对')).toEqual(['cjk-punctuation']);
    expect(rules('单位财政拨款项目支出表!G16中该项目为1元')).toEqual([]);
    // a clerk's own words are quoted as written, nested quotes too
    expect(rules('“上海市公安局下属 家预算单位”中“下属 家”缺少数字')).toEqual([]);
    expect(rules('“年“三公”经费预算数为 万元”中缺少数字')).toEqual([]);
    expect(rules('  多余的空格')).toEqual(['white-space', 'white-space']);
    expect(rules('工作簿缺少T9“{year}年单位“三公”经费和机关运行经费预算表”')).toEqual(['placeholder']);
    expect(rules('工作簿缺少T9““三公”经费和机关运行经费预算表”')).toEqual(['doubled-quote']);
    expect(checkFinding({ cell: 'E21', message: 'E21：合计行的合计为1元' }).map((v) => v.rule)).toEqual(['own-cell']);
    expect(checkFinding({ cell: 'E21', message: '合计行的合计为1元，其下级科目（E215、部门收入总表!E21）之和为2元' })).toEqual([]);
    expect(checkEnglish('The total（合计）equals the sum , ok').map((v) => v.rule).sort()).toEqual(['chinese-punctuation-in-english', 'chinese-punctuation-in-english', 'space-before-punctuation']);
    expect(checkEnglish('the合计row').map((v) => v.rule)).toEqual(['latin-cjk-no-space', 'latin-cjk-no-space']);
    expect(checkEnglish('The total row (合计) equals the sum of the class (类) rows')).toEqual([]);
  });

  test('a finding does not repeat its own cell: a leading `C7：` is dropped where findings are made', () => {
    expect(finding('grandTotal', '表', 'E21', 'E21：合计行的合计为1元').message).toBe('合计行的合计为1元');
    expect(finding('grandTotal', '表', 'E21', 'E2：另一格').message).toBe('E2：另一格');
  });
});

describe('every rule of the catalog', () => {
  test('has real findings in the corpus, so its messages are read below', () => {
    const seen = new Set(findings.map((f) => f.rule));
    const missing = Object.values(RULES)
      .map((r) => r.id)
      .filter((id) => !seen.has(id));
    // A new rule: plant a fault that makes it fire in test/core/rules/message-samples.ts.
    expect(missing).toEqual([]);
  });

  test('writes messages that follow the guide (zh-CN)', () => {
    const violations = findings.flatMap((f) => checkFinding(f).map((v) => show(f, v)));
    expect([...new Set(violations)]).toEqual([]);
  });

  test('is described by the guide’s rules in Chinese and in English', () => {
    const violations = Object.values(RULES).flatMap((r) => [
      ...checkChinese(r.description).map((v) => `${r.id} zh ${v.rule}: …${v.at}…`),
      ...checkEnglish(r.descriptionEn).map((v) => `${r.id} en ${v.rule}: …${v.at}…`),
    ]);
    expect(violations).toEqual([]);
  });

  test('has no message in its source that breaks the guide, whatever it inserts (`${…}`)', () => {
    const templates = messageTemplates();
    expect(templates.length).toBeGreaterThan(200);
    const violations = templates.flatMap((t) => checkChinese(t.text).map((v) => `${t.file}:${t.line} ${v.rule}: …${v.at}…`));
    expect(violations).toEqual([]);
  });
});
