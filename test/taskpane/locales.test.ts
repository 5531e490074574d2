import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import zhCN from '../../src/taskpane/locales/zh-CN.json';
import enUS from '../../src/taskpane/locales/en-US.json';
import { MESSAGES } from '../../src/taskpane/i18n';

/**
 * Every string the pane shows comes from src/taskpane/locales/*.json: both files have the same
 * keys and placeholders, and neither taskpane.html nor taskpane.ts holds text of its own.
 */

const dir = path.join(__dirname, '../../src/taskpane');
const html = fs.readFileSync(path.join(dir, 'taskpane.html'), 'utf8');
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** Chinese characters and full-width punctuation */
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
/** two English words in a row: prose, not an id, a selector or a CSS value */
const PROSE = /[A-Za-z]{2,}[,.]? +[A-Za-z]{2,}/;
/** `#tables input[type="checkbox"]`: two words, but for querySelector */
const SELECTOR = /^[#.][\w-]+( [\w-]+(\[[\w-]+(="[\w-]+")?\])?)*$/;
const userText = (s: string): boolean => CJK.test(s) || (PROSE.test(s) && !SELECTOR.test(s));

describe('locale files', () => {
  test('zh-CN.json and en-US.json have the same keys, none empty, with the same placeholders', () => {
    const zh = zhCN as Record<string, string>;
    const en = enUS as Record<string, string>;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh)) {
      expect({ key, zh: typeof zh[key] === 'string' && zh[key].trim() !== '' }).toEqual({ key, zh: true });
      expect({ key, en: typeof en[key] === 'string' && en[key].trim() !== '' }).toEqual({ key, en: true });
      expect({ key, p: placeholders(en[key]) }).toEqual({ key, p: placeholders(zh[key]) });
    }
  });

  test('the pane looks its strings up in those files', () => {
    expect(MESSAGES['zh-CN']).toBe(zhCN);
    expect(MESSAGES['en-US']).toBe(enUS);
  });
});

describe('taskpane.html holds no text of its own', () => {
  const body = html.replace(/<!--[\s\S]*?-->/g, '');

  test('no text between tags: every element with text gets it from data-i18n', () => {
    const texts = [...body.matchAll(/>([^<]*)</g)].map((m) => m[1].trim()).filter((t) => t !== '');
    expect(texts).toEqual([]);
  });

  test('no user-facing attribute with text; names go through data-i18n-aria-label', () => {
    const attrs = [...body.matchAll(/\s(aria-label|title|placeholder|alt|value)="([^"]*)"/g)]
      .filter(([, name, value]) => value !== '' && !(name === 'value' && /^[\w-]+$/.test(value) && !CJK.test(value)))
      .map((m) => m[0].trim());
    expect(attrs).toEqual([]);
  });

  test('every data-i18n key is in both locale files (an element with data-i18n-level has one per level)', () => {
    const keys = [...body.matchAll(/data-i18n(?:-aria-label)?="([^"]+)"( data-i18n-level)?/g)].flatMap((m) => (m[2] ? [`${m[1]}.unit`, `${m[1]}.department`] : [m[1]]));
    expect(keys).toEqual(expect.arrayContaining(['app.subtitle.unit', 'app.subtitle.department']));
    expect(keys.length).toBeGreaterThan(30);
    for (const key of keys) {
      expect({ key, zh: key in zhCN, en: key in enUS }).toEqual({ key, zh: true, en: true });
    }
  });

  test('the test above would catch a hard-coded label', () => {
    const bad = '<label for="x">名称</label><button aria-label="Close pane"></button>';
    expect([...bad.matchAll(/>([^<]*)</g)].map((m) => m[1].trim()).filter(Boolean)).toEqual(['名称']);
  });
});

/** String and template literals of a TypeScript file, except in `new Error(…)` and `console.*(…)` (developers', never shown). */
function literals(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true);
  const out: string[] = [];
  const developerOnly = (node: ts.Node): boolean => {
    for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
      if (ts.isNewExpression(p) && ts.isIdentifier(p.expression) && p.expression.text === 'Error') return true;
      if (ts.isCallExpression(p) && ts.isPropertyAccessExpression(p.expression) && ts.isIdentifier(p.expression.expression) && p.expression.expression.text === 'console') return true;
    }
    return false;
  };
  const visit = (node: ts.Node): void => {
    if (developerOnly(node)) return;
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !ts.isImportDeclaration(node.parent)) out.push(node.text);
    // a template's text parts read together, so `Inserted ${n} sheets` is seen as prose
    if (ts.isTemplateExpression(node)) out.push([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' '));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('taskpane.ts holds no text of its own', () => {
  test('no string in it is Chinese or English prose', () => {
    const found = literals(path.join(dir, 'taskpane.ts')).filter(userText);
    expect(found).toEqual([]);
  });

  test('nor in the modules it gets its words from (only i18n.ts looks strings up)', () => {
    const modules = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== 'i18n.ts');
    expect(modules).toEqual(expect.arrayContaining(['form.ts', 'check.ts', 'prepare.ts', 'result.ts', 'project-forms.ts', 'theme.ts']));
    for (const f of modules) expect({ f, found: literals(path.join(dir, f)).filter(userText) }).toEqual({ f, found: [] });
  });

  test('the check sees a hard-coded message', () => {
    const tmp = path.join(__dirname, 'literal-probe.tmp.ts');
    fs.writeFileSync(tmp, "const a = '正在插入'; const b = `Inserted ${1} sheets`; const c = '#output button'; throw new Error('a developer message here');\n");
    try {
      expect(literals(tmp).filter(userText)).toEqual(['正在插入', 'Inserted   sheets']);
    } finally {
      fs.unlinkSync(tmp);
    }
  });
});
