#!/usr/bin/env node
'use strict';
/**
 * Runs `check` on every file of a folder (the hostile corpus: see test/xlsx/hostile/generate.ts)
 * in its own process under /usr/bin/time, and prints per file: exit code, lines printed, peak
 * RSS, wall seconds and CPU seconds. `node scripts/hostile-measure.js DIR [BIN] [HEAP_MB] [TIMEOUT_S]`; BIN
 * defaults to this checkout's bin/budget-tables.js, so the same script measures another
 * checkout's CLI for a before/after table.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const [dir, bin = path.join(__dirname, '..', 'bin', 'budget-tables.js'), heap = '1024', timeout = '120'] = process.argv.slice(2);
console.log('file                          exit  lines  peak RSS   seconds  CPU s  first line');
for (const name of fs.readdirSync(dir).sort()) {
  const file = path.join(dir, name);
  const t0 = Date.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', 'timeout', timeout, process.execPath, `--max-old-space-size=${heap}`, bin, 'check', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (Date.now() - t0) / 1000;
  const errLines = r.stderr.trimEnd().split('\n').filter((l) => !l.startsWith('Command exited with non-zero status'));
  const [peakKb, user, sys] = (errLines.pop() ?? '').split(' ').map(Number);
  const out = (r.stdout + errLines.join('\n')).trim();
  const lines = out === '' ? 0 : out.split('\n').length;
  const exit = r.status === 124 ? 'timeout' : r.status;
  const first = (out.split('\n').find((l) => l.trim()) ?? '').replace(file, name).slice(0, 70);
  console.log(`${name.padEnd(30)}${String(exit).padEnd(6)}${String(lines).padEnd(7)}${(peakKb / 1024).toFixed(0).padStart(5)} MB  ${seconds.toFixed(1).padStart(7)}  ${(user + sys).toFixed(1).padStart(5)}  ${first}`);
}
