import fs from 'fs';
import os from 'os';
import path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkDist } = require('../../scripts/check-dist.js') as { checkDist: (dir: string) => string[] };

/**
 * The production guard: a dist/ with HyperFormula, src/dev code or the host shim fails the
 * build. Each case writes what a leaked module would leave behind in a webpack bundle.
 */
const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function distWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-dist-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const clean = {
  'taskpane.js': '(()=>{"use strict";var e={};Excel.run(function(t){return t.sync()})})();',
  'taskpane.js.map': JSON.stringify({ version: 3, sources: ['webpack://budget-tables/./src/taskpane/taskpane.ts'] }),
  'zh-cn/office_strings.js': 'var Strings={};',
  'taskpane.html': '<script src="office.js"></script>',
};

describe('scripts/check-dist.js', () => {
  it('passes a bundle of the add-in’s own code', () => {
    expect(checkDist(distWith(clean))).toEqual([]);
  });

  it('finds HyperFormula in a minified chunk', () => {
    const dir = distWith({ ...clean, 'vendor.js': '/*! HyperFormula v3.5.0 | GPL-3.0 */var a=1;' });
    expect(checkDist(dir)).toEqual(['vendor.js: HyperFormula (GPL-3)']);
  });

  it('finds src/dev code by its source map', () => {
    const dir = distWith({ ...clean, 'taskpane.js.map': JSON.stringify({ sources: ['webpack://budget-tables/./src/dev/host/office-host.ts'] }) });
    expect(checkDist(dir)).toEqual(['taskpane.js.map: development code from src/dev']);
  });

  it('finds the host shim standing in for office.js', () => {
    const dir = distWith({ ...clean, 'office.js': 'window.__budgetDevHost=h;h.install(window);' });
    expect(checkDist(dir)).toEqual(['office.js: the stand-in Office host (office-shim)']);
  });

  it('fails when there is no dist at all', () => {
    expect(checkDist(path.join(os.tmpdir(), 'no-such-dist-folder'))).toHaveLength(1);
  });

});
