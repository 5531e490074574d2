// Fails the production build when dist/ holds anything of the development preview:
// HyperFormula (GPL-3, a dev dependency: shipping it would put the add-in under the GPL),
// code from src/dev (the stand-in host, the grid, the engine) or the host shim that stands
// in for office.js. Source maps are read too: a module that got in names its source there.
const fs = require('fs');
const path = require('path');

const FORBIDDEN = [
  { what: 'HyperFormula (GPL-3)', test: /hyperformula/i },
  { what: 'development code from src/dev', test: /(^|[^\w])src[\\/]dev[\\/]/ },
  { what: 'the stand-in Office host (office-shim)', test: /__budgetDevHost|office-shim/ },
];

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Every forbidden thing found in `dir`, as `file: what`. */
function checkDist(dir) {
  if (!fs.existsSync(dir)) return [`${dir}: no such folder (build first)`];
  const problems = [];
  for (const file of files(dir)) {
    if (!/\.(js|mjs|map|html|json|css|txt)$/.test(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const f of FORBIDDEN) if (f.test.test(text)) problems.push(`${path.relative(dir, file)}: ${f.what}`);
  }
  return problems;
}

module.exports = { checkDist };

if (require.main === module) {
  const dir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'dist'));
  const problems = checkDist(dir);
  if (problems.length) {
    console.error(['生产包中混入了仅供开发使用的内容 / the production bundle holds development-only code:', ...problems.map((p) => `  ${p}`)].join('\n'));
    process.exit(1);
  }
  console.log(`check-dist: ${path.relative(process.cwd(), dir) || dir} is clean (no HyperFormula, no src/dev, no host shim)`);
}
