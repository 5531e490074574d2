import type { UnitWorkbook } from '../core/consolidate/types';
import { readWorkbookBytes } from '../xlsx/browser-reader';
import type { UnreadFile } from './consolidate';
import { errorDetail } from './result';

/**
 * Workbooks the clerk picks with <input type=file>, read in the pane into the neutral model
 * (the CLI's streaming reader, with a JavaScript inflater). Part of the on-demand chunk: the
 * pane's first load does not carry the reader. 汇总所属单位 reads the units' workbooks through
 * it; a 上年对比 button reads last year's workbook the same way (one file, then its `sheets`).
 */

export interface PickedProgress {
  done: number;
  total: number;
  file: string;
}

export interface PickedWorkbooks {
  /** every file read, in the order picked: source (the file name), sheets and read issues */
  workbooks: UnitWorkbook[];
  /** files that are no workbook, are damaged or pass the reader's caps */
  unread: UnreadFile[];
}

/** A file's bytes; through FileReader where Blob.arrayBuffer is missing (Office's EdgeHTML 18). */
function bytesOf(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** Lets the pane paint its progress line between two files. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function readPickedWorkbooks(files: readonly File[], onProgress?: (p: PickedProgress) => void): Promise<PickedWorkbooks> {
  const workbooks: UnitWorkbook[] = [];
  const unread: UnreadFile[] = [];
  const seen = new Map<string, number>();
  for (const [i, file] of files.entries()) {
    // A browser gives names without folders: two files of one name stay two sources (the
    // consolidation tells units apart by source), the second named `单位.xlsx (2)`.
    const n = (seen.get(file.name) ?? 0) + 1;
    seen.set(file.name, n);
    const source = n === 1 ? file.name : `${file.name} (${n})`;
    onProgress?.({ done: i, total: files.length, file: source });
    await nextFrame();
    try {
      const read = readWorkbookBytes(await bytesOf(file));
      workbooks.push({ source, sheets: read.sheets, issues: read.issues });
    } catch (err) {
      console.error(err);
      unread.push({ file: source, detail: errorDetail(err) });
    }
  }
  onProgress?.({ done: files.length, total: files.length, file: '' });
  return { workbooks, unread };
}
