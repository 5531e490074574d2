import type { UnitWorkbook } from '../core/consolidate/types';
import { readWorkbookFile } from '../xlsx/reader';
import { UnreadableFile } from './inputs';

/** One unit workbook through the streaming reader, as check reads it (each with its own 科目目录). */
export async function readUnitFile(file: string): Promise<UnitWorkbook> {
  try {
    const read = await readWorkbookFile(file);
    return { source: file, sheets: read.sheets, issues: read.issues };
  } catch (e) {
    throw new UnreadableFile(`无法读取单位工作簿 ${file}（${String((e as Error).message).split('\n')[0]}）`);
  }
}
