import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SEVERITY_LABEL, messageAfterCell, type Finding } from '../core/rules/types';
import { UsageError } from './args';
import type { FileReport } from './check';
import { expandInputs, UnreadableFile } from './inputs';
import type { UnitWorkbook } from '../core/consolidate/types';
import type { CheckAnswer, CheckJob } from './check-worker';
import { unpackUnit } from './unit-transfer';
import { cut, plain, safeJson, safeMessage } from './terminal';

/**
 * `budget-tables check`: files spread over worker threads, results printed in input order as
 * soon as every earlier file is done.
 */

export interface CheckOptions {
  format: 'text' | 'json';
  /** threads; 1 checks in this thread alone */
  jobs: number;
  /**
   * `--jobs` was given: that many threads (no more than the files). Without it, the number of
   * CPUs is the most, and fewer are used when the files are too small to pay for a worker.
   */
  jobsGiven?: boolean;
  /** only the summary line */
  quiet: boolean;
  /** `--units`: the unit workbooks a department is checked against */
  units?: string;
}

/** Heap of each worker: a hostile or huge file stops its own worker, not the machine. */
export const WORKER_HEAP_MB = 1024;

/** A file's answer: its report (check), its model (a unit for consolidate), or why it cannot be read. */
export type Outcome = { file: string; report?: FileReport; unit?: UnitWorkbook; unreadable?: string };

export function parseJobs(value: string | undefined): number {
  if (value === undefined) return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 256) throw new UsageError(`--jobs 应为 1 到 256 之间的整数（收到“${value}”）`);
  return Number(value);
}

export function formatReport(r: FileReport, full: boolean): string {
  const lines: string[] = [];
  const status = r.ready ? '可以报送' : '不能报送';
  lines.push(`${plain(r.file)}：${status}（错误${r.counts.error}个，提示${r.counts.warning}个）`);
  if (!full) return lines[0];
  const bySheet = new Map<string, Finding[]>();
  for (const f of r.findings) bySheet.set(f.sheet, [...(bySheet.get(f.sheet) ?? []), f]);
  for (const [sheet, list] of bySheet) {
    lines.push(`  【${cut(plain(sheet))}】`);
    for (const f of list) lines.push(`    ${SEVERITY_LABEL[f.severity]} ${plain(f.cell).padEnd(6)} ${safeMessage(messageAfterCell(f))}`);
  }
  return lines.join('\n');
}

function jsonOf(o: Outcome): unknown {
  if (o.unreadable !== undefined) return { file: o.file, error: o.unreadable.slice(o.file.length + 1) };
  const r = o.report!;
  return { file: r.file, ready: r.ready, findings: r.findings, counts: r.counts };
}

/** The compiled worker beside this module; absent when running from the TypeScript sources (tests). */
export function workerScript(): string | null {
  const js = path.join(__dirname, 'check-worker.js');
  return __filename.endsWith('.js') && fs.existsSync(js) ? js : null;
}

async function checkHere(file: string, units?: UnitWorkbook[]): Promise<Outcome> {
  try {
    const { checkFile } = await import('./check');
    return { file, report: await checkFile(file, units) };
  } catch (e) {
    if (!(e instanceof UnreadableFile)) throw e;
    return { file, unreadable: e.message };
  }
}

/**
 * What a worker thread must be given to pay for itself: it loads its own copy of the engine
 * (about 0.3 s of one core) and warms its own JIT, so a share of about 1 s of checking on one
 * thread (8 MB of workbooks at the ~7 MB/s measured) is the least worth one. Measured on a
 * 2-vCPU VM (scripts/bench-threads.js): 200 small unit workbooks (6.6 MB) were slower on two
 * threads than on one; twelve 100-unit workbooks (23 MB) slightly faster.
 */
export const BYTES_PER_THREAD = 8 * 1024 * 1024;

/**
 * Threads for `files` when `requested` are allowed: no more than the files, and no more than
 * their bytes keep busy (BYTES_PER_THREAD each); the main thread counts as one.
 */
export function planThreads(files: string[], requested: number): number {
  let bytes = 0;
  for (const f of files) {
    try {
      bytes += fs.statSync(f).size;
    } catch {
      // a missing file is reported when it is checked
    }
  }
  return Math.max(1, Math.min(requested, files.length, Math.floor(bytes / BYTES_PER_THREAD)));
}

/** Files handed to a worker ahead of its answers, so it never waits on a busy main thread. */
const AHEAD = 2;

/**
 * `files` over `threads` threads: `threads - 1` workers running `script`, and this thread,
 * which checks too (one engine fewer to load). A worker that dies (out of heap, a bug) costs
 * the file it was on; the others it held go back to the queue.
 */
export async function checkOnWorkers(
  files: string[],
  threads: number,
  script: string,
  done: (index: number, o: Outcome) => void,
  here: (file: string) => Promise<Outcome> = checkHere,
  /** read the files as units for consolidate, not check them */
  units = false,
  /** each worker's old-generation cap */
  heapMb = WORKER_HEAP_MB,
): Promise<void> {
  const { Worker } = await import('worker_threads');
  const queue = files.map((_f, i) => i);
  const answered = new Set<number>();
  let running = 0;
  let finish: () => void = () => {};
  let fail: (e: unknown) => void = () => {};
  const allDone = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const settle = () => {
    if (answered.size === files.length) finish();
  };
  const answer = (index: number, o: Outcome) => {
    if (answered.has(index)) return;
    answered.add(index);
    done(index, o);
    settle();
  };
  const start = () => {
    const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    running++;
    const held: number[] = [];
    const feed = () => {
      while (held.length < AHEAD && queue.length) {
        const index = queue.shift()!;
        held.push(index);
        const job: CheckJob = { index, file: files[index], ...(units ? { unit: true } : {}) };
        worker.postMessage(job);
      }
      if (held.length === 0) void worker.terminate();
    };
    // Why the worker failed, told to the file it was on once it has exited: an 'error' may come
    // before the answers the worker posted just before it, so the file is known only at 'exit'.
    let failure: string | null = null;
    worker.on('message', (a: CheckAnswer) => {
      const at = held.indexOf(a.index);
      if (at >= 0) held.splice(at, 1);
      const file = files[a.index];
      answer(a.index, 'report' in a ? { file, report: a.report } : 'unit' in a ? { file, unit: unpackUnit(a.unit) } : { file, unreadable: a.unreadable });
      feed();
    });
    worker.on('error', (e: Error & { code?: string }) => {
      failure = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `校验所需内存超过每个线程 ${heapMb} MB 的上限` : `校验时出错（${String(e.message).split('\n')[0]}）`;
    });
    worker.on('exit', () => {
      running--;
      // the first file it held and did not answer is the one it failed on
      const current = failure === null ? undefined : held.shift();
      if (current !== undefined) answer(current, { file: files[current], unreadable: `${files[current]}：${failure}` });
      // the files it held but had not begun go back; a worker is started again while files wait
      queue.unshift(...held.splice(0));
      if (queue.length && running < threads - 1) start();
      else if (running === 0 && queue.length) mainThread().catch(fail);
      settle();
    });
    feed();
  };
  let mainBusy = false;
  const mainThread = async () => {
    if (mainBusy) return;
    mainBusy = true;
    // Between files, the workers' answers are taken in (and the workers fed) before the next.
    while (queue.length) {
      await new Promise((resolve) => setImmediate(resolve));
      const index = queue.shift();
      if (index === undefined) break;
      answer(index, await here(files[index]));
    }
    mainBusy = false;
    settle();
  };
  for (let i = 0; i < Math.min(threads - 1, files.length); i++) start();
  mainThread().catch(fail);
  await allDone;
}

async function readUnits(arg: string): Promise<UnitWorkbook[] | undefined> {
  const { ConsolidateInputError, unitsForCheck } = await import('./consolidate');
  try {
    return await unitsForCheck(arg);
  } catch (e) {
    throw e instanceof ConsolidateInputError ? new UsageError(e.message) : e;
  }
}

export async function runCheck(inputs: string[], opts: CheckOptions, log: (s: string) => void, logError: (s: string) => void = console.error): Promise<number> {
  if (inputs.length === 0) throw new UsageError('check 需要至少一个 .xlsx 文件或文件夹，如 budget-tables check 2026预算.xlsx');
  const files = expandInputs(inputs);
  if (files.length === 0) throw new UsageError(`${inputs.join('、')} 中没有 .xlsx 文件`);
  const several = files.length > 1;
  const outcomes: (Outcome | undefined)[] = new Array(files.length);
  let printed = 0;
  let worst = 0;
  const tally = { ready: 0, notReady: 0, unreadable: 0 };
  const print = (o: Outcome) => {
    if (o.unreadable !== undefined) {
      worst = 2;
      tally.unreadable++;
    } else if (o.report!.ready) tally.ready++;
    else {
      worst = Math.max(worst, 1);
      tally.notReady++;
    }
    if (opts.quiet) return;
    if (opts.format === 'json') log(several ? safeJson(jsonOf(o)) : safeJson(jsonOf(o), 2));
    else if (o.unreadable !== undefined) logError(`无法读取 ${plain(o.unreadable)}`);
    else log(formatReport(o.report!, !several));
  };
  const done = (index: number, o: Outcome) => {
    outcomes[index] = o;
    while (printed < files.length && outcomes[printed]) print(outcomes[printed++]!);
  };
  // The units are read once here and compared in this thread: a department is one file, or a few.
  const units = opts.units === undefined ? undefined : await readUnits(opts.units);
  const jobs = units ? 1 : opts.jobsGiven ? Math.min(opts.jobs, files.length) : planThreads(files, opts.jobs);
  const script = jobs > 1 ? workerScript() : null;
  if (script) await checkOnWorkers(files, jobs, script, done);
  else for (let i = 0; i < files.length; i++) done(i, await checkHere(files[i], units));

  if (opts.quiet && opts.format === 'json') log(safeJson({ files: files.length, ...tally }));
  else if (opts.format === 'text' && (several || opts.quiet)) {
    if (!several && outcomes[0]?.report) log(formatReport(outcomes[0].report, false));
    else log(`共 ${files.length} 个文件：可以报送 ${tally.ready} 个，不能报送 ${tally.notReady} 个，无法读取 ${tally.unreadable} 个`);
  }
  return worst;
}
