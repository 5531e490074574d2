import * as fs from 'fs';
import * as path from 'path';

/**
 * The arrows point down: the adapters (src/excel, src/xlsx) and the core never import the
 * task pane, and the core imports no adapter.
 */
const SRC = path.join(__dirname, '../../src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => path.resolve(path.dirname(file), m[1])).filter((p) => p.startsWith(SRC));
}

const under = (p: string, dir: string) => p.startsWith(path.join(SRC, dir) + path.sep);

describe('import arrows', () => {
  test('src/excel, src/xlsx and src/core import nothing of src/taskpane', () => {
    const wrong = ['excel', 'xlsx', 'core'].flatMap((d) => files(path.join(SRC, d)).flatMap((f) => importsOf(f).filter((p) => under(p, 'taskpane')).map((p) => `${path.relative(SRC, f)} → ${path.relative(SRC, p)}`)));
    expect(wrong).toEqual([]);
  });

  test('src/core imports no adapter', () => {
    const wrong = files(path.join(SRC, 'core')).flatMap((f) => importsOf(f).filter((p) => ['excel', 'xlsx', 'taskpane', 'cli'].some((d) => under(p, d))).map((p) => `${path.relative(SRC, f)} → ${path.relative(SRC, p)}`));
    expect(wrong).toEqual([]);
  });

  test('the check sees an import that points up', () => {
    const file = path.join(SRC, 'excel', 'probe.ts');
    expect(under(path.resolve(path.dirname(file), '../taskpane/i18n'), 'taskpane')).toBe(true);
  });
});
