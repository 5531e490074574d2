import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkOnWorkers, WORKER_HEAP_MB } from '../../src/cli/run-check';

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
  const files = ['a', 'hog', 'b', 'crash', 'c', 'd'];
  const got: string[] = [];
  await checkOnWorkers(files, 2, script, (i, o) => void (got[i] = o.unreadable!));
  expect(got[1]).toBe(`hog：校验所需内存超过每个线程 ${WORKER_HEAP_MB} MB 的上限`);
  expect(got[3]).toBe('crash：校验时出错（boom）');
  for (const i of [0, 2, 4, 5]) {
    const [name, limit] = got[i].split('：ok ');
    expect(name).toBe(files[i]);
    // V8's limit is the old generation asked for plus the young generation's share
    expect(Number(limit)).toBeLessThan((WORKER_HEAP_MB + 128) * 1024 * 1024);
  }
});
