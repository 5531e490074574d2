import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SEVERITY_LABEL, messageAfterCell, type Finding } from '../core/rules/types';
import { UsageError } from './args';
import type { FileReport } from './check';
import { expandInputs, UnreadableFile } from './inputs';
import type { UnitWorkbook } from '../core/consolidate/types';
import type { CheckAnswer } from './check-worker';
import { cut, plain, safeJson, safeMessage } from './terminal';

/**
 * `budget-tables check`: files spread over worker threads, results printed in input order as
 * soon as every earlier file is done.
 */

export interface CheckOptions {
  format: 'text' | 'json';
  /** worker threads; 1 checks in this thread */
  jobs: number;
  /** only the summary line */
  quiet: boolean;
  /** `--units`: the unit workbooks a department is checked against */
  units?: string;
}

/** Heap of each worker: a hostile or huge file stops its own worker, not the machine. */
export const WORKER_HEAP_MB = 1024;

type Outcome = { file: string; report?: FileReport; unreadable?: string };

export function parseJobs(value: string | undefined): number {
  if (value === undefined) return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 256) throw new UsageError(`--jobs 应为 1 到 256 之间的整数（收到“${value}”）`);
  return Number(value);
}

export function formatReport(r: FileReport, full: boolean): string {
  const lines: string[] = [];
  const status = r.ready ? '可以报送' : '不能报送';
  lines.push(`${plain(r.file)}：${status}（错误 ${r.counts.error} 个，提示 ${r.counts.warning} 个）`);
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
function workerScript(): string | null {
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

/** `files` over `jobs` workers running `script`; a worker that dies (out of heap, a bug) costs its file only. */
export async function checkOnWorkers(files: string[], jobs: number, script: string, done: (index: number, o: Outcome) => void): Promise<void> {
  const { Worker } = await import('worker_threads');
  let next = 0;
  let running = 0;
  const answered = new Set<number>();
  await new Promise<void>((resolve) => {
    const start = () => {
      const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      running++;
      let current = -1;
      const feed = () => {
        if (next >= files.length) return void worker.terminate();
        current = next++;
        worker.postMessage({ index: current, file: files[current] });
      };
      worker.on('message', (a: CheckAnswer) => {
        answered.add(a.index);
        done(a.index, 'report' in a ? { file: files[a.index], report: a.report } : { file: files[a.index], unreadable: a.unreadable });
        feed();
      });
      worker.on('error', (e: Error & { code?: string }) => {
        if (current < 0 || answered.has(current)) return;
        answered.add(current);
        const why = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `校验所需内存超过每个线程 ${WORKER_HEAP_MB} MB 的上限` : `校验时出错（${String(e.message).split('\n')[0]}）`;
        done(current, { file: files[current], unreadable: `${files[current]}：${why}` });
      });
      worker.on('exit', () => {
        running--;
        // a worker that died on a file is replaced while files remain
        if (next < files.length) start();
        else if (running === 0) resolve();
      });
      feed();
    };
    for (let i = 0; i < Math.min(jobs, files.length); i++) start();
  });
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
  const jobs = units ? 1 : Math.min(opts.jobs, files.length);
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
