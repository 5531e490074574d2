import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/**
 * Every message the rules can write, read from their source: each string or template literal
 * with Chinese in it, a `${…}` standing for whatever it inserts (a Chinese word or a figure: a
 * space beside it is wrong either way). Messages that only some workbook would make are held
 * to the style guide this way too, and a rule another change adds is read with the others.
 */

const ROOT = path.join(__dirname, '..', '..', '..');
/** Where findings' messages are written: the rules, the reader's issues and the codes' reasons, check's own finding. */
export const MESSAGE_SOURCES = ['src/core/rules', 'src/core/performance', 'src/core/read', 'src/core/codes.ts', 'src/cli/check.ts'];
/** The catalog is data, checked as such; the guide itself quotes what it forbids. */
const SKIP = new Set(['src/core/rules/catalog-of-rules.ts', 'src/core/rules/message-style.ts']);

export interface Template {
  file: string;
  line: number;
  /** the literal with each `${…}` as 〇 */
  text: string;
}

const HAN = /[\u3400-\u9fff]/;
const SLOT = '〇';

function files(): string[] {
  return MESSAGE_SOURCES.flatMap((p) => {
    const abs = path.join(ROOT, p);
    return fs.statSync(abs).isDirectory() ? fs.readdirSync(abs).filter((f) => f.endsWith('.ts')).map((f) => `${p}/${f}`) : [p];
  }).filter((f) => !SKIP.has(f));
}

/** A literal that builds a pattern, not a message. */
function inPattern(node: ts.Node): boolean {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if ((ts.isNewExpression(p) || ts.isCallExpression(p)) && ts.isIdentifier(p.expression) && p.expression.text === 'RegExp') return true;
    if (ts.isBlock(p) || ts.isSourceFile(p)) return false;
  }
  return false;
}

export function messageTemplates(): Template[] {
  const out: Template[] = [];
  for (const file of files()) {
    const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.ES2020, true);
    const visit = (node: ts.Node): void => {
      let text: string | null = null;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
      else if (ts.isTemplateExpression(node)) text = node.head.text + node.templateSpans.map((s) => SLOT + s.literal.text).join('');
      if (text !== null) {
        if (HAN.test(text) && !inPattern(node)) out.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
        if (ts.isTemplateExpression(node)) node.templateSpans.forEach((s) => ts.forEachChild(s.expression, visit) || visit(s.expression));
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}
