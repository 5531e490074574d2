import { parentPort } from 'worker_threads';
import { checkFile } from './check';
import { UnreadableFile } from './inputs';

/**
 * One worker thread of `check`: checks the files it is sent, one at a time, and answers each
 * with the report or the one-line reason it could not be read.
 */
export type CheckAnswer = { index: number; report: Awaited<ReturnType<typeof checkFile>> } | { index: number; unreadable: string };

parentPort?.on('message', async (job: { index: number; file: string }) => {
  let answer: CheckAnswer;
  try {
    answer = { index: job.index, report: await checkFile(job.file) };
  } catch (e) {
    if (!(e instanceof UnreadableFile)) throw e;
    answer = { index: job.index, unreadable: e.message };
  }
  parentPort!.postMessage(answer);
});
