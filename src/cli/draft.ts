import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { draftText, type Draft } from '../core/draft/text';
import type { TextData } from '../core/model';
import { planSheet } from '../core/plan/build';
import { EXPLANATION, OTHER } from '../core/specs/texts';
import { readWorkbookFile, WorkbookReadError } from '../xlsx/reader';
import { addPlannedSheet } from '../xlsx/writer';
import { UsageError } from './args';
import { guardOutput } from './outputs';
import { plain, safeMessage } from './terminal';

/**
 * `budget-tables draft FILE.xlsx [--format text] [--out OUT.xlsx] [--force]`: the 预算编制说明
 * and 其他相关情况说明 drafted from the workbook's tables. Printed, or added to a copy of the
 * workbook as new sheets: the clerk's own text sheets are never replaced.
 */
export interface DraftOptions {
  file: string;
  text: boolean;
  out: string | null;
  force: boolean;
}

export function draftOptions(flags: Record<string, string>, files: string[]): DraftOptions {
  if (files.length !== 1) throw new UsageError(`draft 需要一个预算工作簿，如 budget-tables draft 2026预算.xlsx（收到 ${files.length} 个）`);
  const format = flags.format;
  if (format !== undefined && format !== 'text') throw new UsageError(`--format 只能是 text（收到“${plain(format)}”）`);
  const out = flags.out ?? null;
  if (out !== null && !out.toLowerCase().endsWith('.xlsx')) throw new UsageError('--out 应为 .xlsx 文件路径，如 --out 2026预算-说明草稿.xlsx');
  // Without --out there is nowhere else for the draft to go: it is printed.
  return { file: files[0], text: format === 'text' || out === null, out, force: flags.force === 'true' };
}

async function readDraft(file: string): Promise<Draft> {
  try {
    return draftText((await readWorkbookFile(file)).sheets);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new UsageError(`${file}：${e.message}`);
    const err = e as NodeJS.ErrnoException;
    if (err?.code === 'ENOENT') throw new UsageError(`找不到文件 ${file}`);
    throw e;
  }
}

/** Adds the drafted sections as new sheets of a copy; returns the sheet names used. */
async function writeCopy(o: DraftOptions & { out: string }, draft: Draft): Promise<string[]> {
  const f = draft.figures;
  if (f.org === null || f.year === null) throw new UsageError(`${o.file} 中读不到${f.org === null ? '编制单位' : '预算年度'}，无法写入说明工作表；可先用 --format text 查看草稿`);
  const ctx = { level: f.level, org: f.org, year: f.year };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(o.file);
  const names: string[] = [];
  for (const section of draft.sections) {
    const spec = section.id === 'explanation' ? EXPLANATION : OTHER;
    const data: TextData = { kind: 'text', paragraphs: section.paragraphs };
    names.push(await addPlannedSheet(wb, planSheet(spec, ctx, data)));
  }
  fs.mkdirSync(path.dirname(path.resolve(o.out)), { recursive: true });
  await wb.xlsx.writeFile(o.out);
  return names;
}

export async function runDraft(o: DraftOptions, log: (s: string) => void): Promise<number> {
  if (o.out !== null) guardOutput(o.out, o.force, [o.file]);
  const draft = await readDraft(o.file);
  if (o.text) {
    for (const s of draft.sections) {
      log(safeMessage(s.title));
      for (const p of s.paragraphs) log(safeMessage(p));
      log('');
    }
  }
  if (o.out !== null) {
    const names = await writeCopy({ ...o, out: o.out }, draft);
    log(`已生成 ${plain(o.out)}：在副本中新增 ${names.map(plain).join('、')}（原有说明未改动；【请填写…】处待人工补充）`);
  }
  return 0;
}

export async function draftCommand(flags: Record<string, string>, files: string[], log: (s: string) => void): Promise<number> {
  return runDraft(draftOptions(flags, files), log);
}
