import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BYTES_PER_THREAD, checkOnWorkers, planThreads } from '../../src/cli/run-check';

/**
 * The pool of `check`: each worker has a bounded heap, and a file that exhausts it (or kills
 * its worker otherwise) is reported as that file's failure while the other files go on. The
 * worker here is a stand-in script that answers like check-worker.js.
 */
jest.setTimeout(120_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-tables-pool-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const script = path.join(dir, 'worker.js');
fs.writeFileSync(
  script,
  `const { parentPort } = require('worker_threads');
parentPort.on('message', ({ index, file }) => {
  if (file === 'hog') { const keep = []; for (;;) keep.push(new Array(1e6).fill(index)); }
  if (file === 'crash') throw new Error('boom');
  parentPort.postMessage({ index, unreadable: file + '：ok ' + require('v8').getHeapStatistics().heap_size_limit });
});`,
);

it('reports a worker out of heap or crashed against its file, and checks the rest', async () => {
  const files = ['a', 'hog', 'b', 'crash', 'c', 'd', 'e', 'f'];
  const got: string[] = [];
  // Three threads: two workers (fed two files each before this thread takes any) and this one.
  const here = async (file: string) => ({ file, unreadable: `${file}：main` });
  // A small cap, so the hog meets it in a moment even on a loaded machine (at 1 GB, V8's last
  // collections before giving up took over a minute when several test processes ran at once).
  const heapMb = 64;
  await checkOnWorkers(files, 3, script, (i, o) => void (got[i] = o.unreadable!), here, false, heapMb);
  expect(got[1]).toBe(`hog：校验所需内存超过每个线程 ${heapMb} MB 的上限`);
  expect(got[3]).toBe('crash：校验时出错（boom）');
  expect(got.filter((g) => g.endsWith('：main')).length).toBeGreaterThan(0);
  for (const i of [0, 2]) {
    const [name, limit] = got[i].split('：ok ');
    expect(name).toBe(files[i]);
    // V8's limit is the old generation asked for plus the young generation's share
    expect(Number(limit)).toBeLessThan((heapMb + 128) * 1024 * 1024);
  }
  files.forEach((f, i) => expect(got[i].startsWith(`${f}：`)).toBe(true));
});

it('uses fewer threads than asked when the files are too small to pay for a worker', () => {
  const small = path.join(dir, 'small.xlsx');
  fs.writeFileSync(small, Buffer.alloc(1024));
  const big = path.join(dir, 'big.xlsx');
  fs.writeFileSync(big, Buffer.alloc(BYTES_PER_THREAD));
  expect(planThreads(Array(200).fill(small), 2)).toBe(1);
  expect(planThreads([big, big, big], 2)).toBe(2);
  expect(planThreads([big, big, big], 8)).toBe(3);
  expect(planThreads([big], 8)).toBe(1);
});
