// Prints the gzipped size of each of our files in the build and fails the build when one is over
// its budget. Office.js's files are Microsoft's and loaded by Office; they are not counted.
const zlib = require('zlib');

/** gzipped bytes. The pane's first load (everything taskpane.html loads) and each file on its own. */
const BUDGETS = {
  firstLoad: 300 * 1024,
  file: 200 * 1024,
  // the Fluent spinner and the FAST runtime, loaded when something first takes a while
  'fluent.js': 40 * 1024,
};

/** What taskpane.html loads before anything is clicked. */
const FIRST_LOAD = ['taskpane.html', 'office-fallback.js', 'vendor.js', 'functions.js', 'commands.js', 'taskpane.js', 'taskpane.css'];

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

class BundleBudgetPlugin {
  constructor(options = {}) {
    this.isOfficeJs = options.isOfficeJs || (() => false);
    this.budgets = { ...BUDGETS, ...(options.budgets || {}) };
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('BundleBudgetPlugin', (compilation) => {
      const { Compilation } = compiler.webpack;
      compilation.hooks.processAssets.tap({ name: 'BundleBudgetPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        const rows = Object.keys(assets)
          .filter((name) => /\.(js|css|html)$/.test(name) && !this.isOfficeJs(name))
          .sort()
          .map((name) => {
            const source = compilation.getAsset(name).source.buffer();
            return { name, raw: source.length, gzip: zlib.gzipSync(source, { level: 9 }).length };
          });
        const lines = ['', 'Bundle sizes (gzipped) / 包大小（gzip 压缩后）:'];
        const over = [];
        for (const r of rows) {
          const budget = this.budgets[r.name] ?? this.budgets.file;
          lines.push(`  ${r.name.padEnd(28)} ${kb(r.gzip).padStart(10)}  (${kb(r.raw)} raw, budget ${kb(budget)})`);
          if (r.gzip > budget) over.push(`${r.name}: ${kb(r.gzip)} > ${kb(budget)}`);
        }
        const first = rows.filter((r) => FIRST_LOAD.includes(r.name)).reduce((n, r) => n + r.gzip, 0);
        lines.push(`  ${'first load of the pane'.padEnd(28)} ${kb(first).padStart(10)}  (budget ${kb(this.budgets.firstLoad)})`, '');
        if (first > this.budgets.firstLoad) over.push(`first load: ${kb(first)} > ${kb(this.budgets.firstLoad)}`);
        console.log(lines.join('\n'));
        for (const o of over) {
          compilation.errors.push(new compiler.webpack.WebpackError(`包大小超出预算 / bundle over budget: ${o}. Load it on demand or trim it.`));
        }
      });
    });
  }
}

module.exports = { BundleBudgetPlugin, BUDGETS, FIRST_LOAD };
