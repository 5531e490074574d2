import { parentPort } from 'worker_threads';
import { checkFile } from './check';
import { UnreadableFile } from './inputs';
import { readUnitFile } from './read-unit';
import { packUnit, type PackedUnit } from './unit-transfer';

/**
 * One worker thread of `check` and `consolidate`: checks the files it is sent (or, for
 * `consolidate`, reads them as units), one at a time, and answers each with the report (the
 * unit) or the one-line reason it could not be read.
 */
export type CheckAnswer =
  | { index: number; report: Awaited<ReturnType<typeof checkFile>> }
  | { index: number; unit: PackedUnit }
  | { index: number; unreadable: string };

/** What a worker is sent: a file to check, or (`unit`) to read as a unit workbook. */
export interface CheckJob {
  index: number;
  file: string;
  unit?: boolean;
}

parentPort?.on('message', async (job: CheckJob) => {
  let answer: CheckAnswer;
  try {
    answer = job.unit ? { index: job.index, unit: packUnit(await readUnitFile(job.file)) } : { index: job.index, report: await checkFile(job.file) };
  } catch (e) {
    if (!(e instanceof UnreadableFile)) throw e;
    answer = { index: job.index, unreadable: e.message };
  }
  parentPort!.postMessage(answer);
});
