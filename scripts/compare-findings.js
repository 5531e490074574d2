#!/usr/bin/env node
'use strict';
/**
 * Guards a speed change against changing a finding: `save DIR OUT` runs the built CLI's
 * `check --format json` on every .xlsx under DIR and keeps each output (stdout, stderr and exit
 * code) in OUT; `compare DIR OUT` runs them again and names every file whose output is not
 * byte for byte the same. Run `npm run build:cli` first.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const cli = path.join(__dirname, '..', 'bin', 'budget-tables.js');

function workbooks(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? workbooks(path.join(dir, e.name)) : e.name.endsWith('.xlsx') ? [path.join(dir, e.name)] : []))
    .sort();
}

function run(file) {
  const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

const [mode, dir, out] = process.argv.slice(2);
if (!['save', 'compare'].includes(mode) || !dir || !out) {
  console.error('usage: compare-findings.js save|compare DIR OUT');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });
let differ = 0;
for (const file of workbooks(dir)) {
  const key = path.join(out, `${path.relative(dir, file).replace(/[\\/]/g, '__')}.txt`);
  const now = run(file);
  if (mode === 'save') fs.writeFileSync(key, now);
  else if (!fs.existsSync(key) || fs.readFileSync(key, 'utf8') !== now) {
    differ++;
    console.log(`DIFFERS: ${path.relative(dir, file)}`);
  }
}
console.log(mode === 'save' ? `saved ${workbooks(dir).length} outputs in ${out}` : `${differ} of ${workbooks(dir).length} differ`);
process.exit(differ ? 1 : 0);
