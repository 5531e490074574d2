#!/usr/bin/env node
'use strict';
/**
 * `npm run bench` (issue 14 point 3): `check` over many files on one thread and on worker
 * threads, against what this machine can give at best: the same files split between
 * independent processes started together, one per core, none sharing anything (the ceiling
 * for any in-process pool). Two workloads: 200 small unit workbooks (the 2021 sample) and
 * twelve 100-unit department workbooks when BENCH_BIG=FILE names one. Wall medians of RUNS.
 * Figures, not assertions; run `npm run build:cli` first.
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const RUNS = Number(process.env.BENCH_RUNS || 5);
const root = path.join(__dirname, '..');
const cli = path.join(root, 'bin', 'budget-tables.js');
const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function run(args) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [cli, ...args], { stdio: 'ignore' });
    p.on('exit', (code) => (code === 0 || code === 1 ? resolve() : reject(new Error(`check exited ${code}`))));
  });
}

async function wall(make) {
  const ms = [];
  for (let k = 0; k < RUNS; k++) {
    const t0 = process.hrtime.bigint();
    await make();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(ms);
}

/** `count` copies of `file` in a new folder, and the same split into `cores` folders. */
function copies(dir, file, count) {
  const all = path.join(dir, 'all');
  fs.mkdirSync(all);
  const parts = Array.from({ length: cores }, (_v, k) => path.join(dir, `part${k}`));
  parts.forEach((p) => fs.mkdirSync(p));
  for (let i = 0; i < count; i++) {
    const name = `u${String(i).padStart(4, '0')}.xlsx`;
    fs.copyFileSync(file, path.join(all, name));
    fs.copyFileSync(file, path.join(parts[i % cores], name));
  }
  return { all, parts };
}

async function workload(label, file, count) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-threads-'));
  try {
    const { all, parts } = copies(dir, file, count);
    const one = await wall(() => run(['check', all, '--quiet', '--jobs', '1']));
    const threads = await wall(() => run(['check', all, '--quiet', '--jobs', String(cores)]));
    const chosen = await wall(() => run(['check', all, '--quiet']));
    const ceiling = await wall(() => Promise.all(parts.map((p) => run(['check', p, '--quiet', '--jobs', '1']))));
    const mb = (fs.statSync(file).size * count) / 1048576;
    console.log(`\n${label}: ${count} files, ${mb.toFixed(1)} MB; ${cores} CPUs; wall ms, medians of ${RUNS}`);
    console.log(`  one thread (--jobs 1)                        ${one.toFixed(0).padStart(6)}`);
    console.log(`  ${cores} threads (--jobs ${cores})                       ${threads.toFixed(0).padStart(6)}   ${(one / threads).toFixed(2)}× one thread`);
    console.log(`  default (threads chosen by size)             ${chosen.toFixed(0).padStart(6)}   ${(one / chosen).toFixed(2)}×`);
    console.log(`  ceiling: ${cores} separate processes, 1/${cores} each     ${ceiling.toFixed(0).padStart(6)}   ${(one / ceiling).toFixed(2)}×   (ideal total ÷ cores: ${(one / cores).toFixed(0)})`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-sample-'));
  try {
    const made = spawnSync(process.execPath, [cli, 'sample', '--out', dir, '--force'], { stdio: 'ignore' });
    if (made.status !== 0) throw new Error('budget-tables sample failed: run npm run build:cli first');
    const small = fs.readdirSync(dir).find((f) => /2021-.*-unit\.xlsx$/.test(f));
    await workload('small unit workbooks (2021 sample)', path.join(dir, small), 200);
    if (process.env.BENCH_BIG) await workload('100-unit department workbooks', process.env.BENCH_BIG, 12);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench failed: ${e.message}`);
  process.exit(1);
});
