import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { previousOf, reasonsIn } from '../core/draft/changes';
import { draftText, type Draft } from '../core/draft/text';
import type { BudgetContext, ModelSheet, TextData } from '../core/model';
import type { Money } from '../core/money';
import { fill, planSheet } from '../core/plan/build';
import { planComparison } from '../core/plan/comparison';
import { planProcurement } from '../core/plan/procurement';
import type { Comparison } from '../core/previous/compare';
import { EXPLANATION, OTHER } from '../core/specs/texts';
import type { TextSectionSpec } from '../core/specs/types';
import { addPlannedSheet } from '../xlsx/writer';
import { DEFAULT_TIER, tierOfSheets, type Tier } from '../core/tier';
import { UsageError } from './args';
import { checkYears, comparisonWithReasons, parseThreshold, readSheets, thresholdFor } from './previous';
import { parseTier } from './tier-option';
import { guardOutput } from './outputs';
import { plain, safeMessage } from './terminal';

/**
 * `budget-tables draft FILE.xlsx [--previous LAST.xlsx] [--threshold 10] [--format text]
 * [--out OUT.xlsx] [--force]`: the 预算编制说明 and 其他相关情况说明 drafted from the workbook's
 * tables (and last year's, for the changes). Printed, or written into a copy of the workbook:
 * the clerk's own text is never replaced, only a sheet still holding the blank outline; the copy
 * also gets the 上年对比 sheet (with --previous) and the 政府采购 inputs when it has none.
 */
export interface DraftOptions {
  file: string;
  text: boolean;
  out: string | null;
  force: boolean;
  previous: string | null;
  /** null: the workbook's 上年对比 threshold, else 10 */
  threshold: Money | null;
  /** --tier; else the workbook's own 名词解释 says it, else 市级 */
  tier?: Tier;
}

export function draftOptions(flags: Record<string, string>, files: string[]): DraftOptions {
  if (files.length !== 1) throw new UsageError(`draft 需要一个预算工作簿，如 budget-tables draft 2026预算.xlsx（收到 ${files.length} 个）`);
  const format = flags.format;
  if (format !== undefined && format !== 'text') throw new UsageError(`--format 只能是 text（收到“${plain(format)}”）`);
  const out = flags.out ?? null;
  if (out !== null && !out.toLowerCase().endsWith('.xlsx')) throw new UsageError('--out 应为 .xlsx 文件路径，如 --out 2026预算-说明草稿.xlsx');
  // Without --out there is nowhere else for the draft to go: it is printed.
  const previous = flags.previous ?? null;
  if (previous !== null && !/\.xlsx$/i.test(previous)) throw new UsageError('--previous 应为上年预算工作簿（.xlsx），如 --previous 2025预算.xlsx');
  if (flags.threshold !== undefined && previous === null) throw new UsageError('--threshold 只与 --previous 一起使用');
  const tier = parseTier(flags.tier);
  return { file: files[0], text: format === 'text' || out === null, out, force: flags.force === 'true', previous, threshold: parseThreshold(flags.threshold), ...(tier ? { tier } : {}) };
}

interface ReadDraft {
  draft: Draft;
  sheets: ModelSheet[];
  comparison: Comparison | null;
  tier: Tier;
}

async function readDraft(o: DraftOptions): Promise<ReadDraft> {
  const sheets = await readSheets(o.file, '文件');
  const tier = o.tier ?? tierOfSheets(sheets) ?? DEFAULT_TIER;
  if (o.previous === null) return { draft: draftText(sheets, { tier }), sheets, comparison: null, tier };
  const previous = await readSheets(o.previous, '上年工作簿');
  checkYears(previous, sheets, o.previous);
  const threshold = thresholdFor(o.threshold, sheets);
  return { draft: draftText(sheets, { tier, previous: previousOf(previous, threshold, reasonsIn(sheets)) }), sheets, comparison: comparisonWithReasons(previous, sheets, threshold), tier };
}

/** Lines compared as a person sees them: indentation and empty lines are layout. */
function lines(paragraphs: readonly string[]): string[] {
  return paragraphs.map((p) => p.trim()).filter(Boolean);
}

/**
 * The workbook's sheet of a section when it still holds the blank official outline (as
 * `template` wrote it): nothing of the clerk's is there, so the draft takes its place.
 */
function untouchedOutline(sheets: readonly ModelSheet[], spec: TextSectionSpec, ctx: BudgetContext): ModelSheet | undefined {
  const outline = lines(fill(spec.outline[ctx.level], ctx).split('\n'));
  return sheets.find((s) => s.specId === spec.id && s.data.kind === 'text' && JSON.stringify(lines(s.data.paragraphs)) === JSON.stringify(outline));
}

/** ExcelJS orders the tabs by this field, which its typings leave out. */
type Ordered = ExcelJS.Worksheet & { orderNo: number };

export interface WrittenSection {
  sheet: string;
  /** it took the place of a sheet holding only the blank outline */
  replaced: boolean;
}

/**
 * The copy: each drafted section takes the place of its sheet when that holds only the blank
 * outline, else is added as a new sheet beside the clerk's own text (`单位编制说明 (2)`).
 */
async function writeCopy(o: DraftOptions & { out: string }, { draft, sheets, comparison, tier }: ReadDraft): Promise<WrittenSection[]> {
  const f = draft.figures;
  if (f.org === null || f.year === null) throw new UsageError(`${o.file} 中读不到${f.org === null ? '编制单位' : '预算年度'}，无法写入说明工作表；可先用 --format text 查看草稿`);
  const ctx = { level: f.level, org: f.org, year: f.year, tier };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(o.file);
  const written: WrittenSection[] = [];
  for (const section of draft.sections) {
    const spec = section.id === 'explanation' ? EXPLANATION : OTHER;
    const data: TextData = { kind: 'text', paragraphs: section.paragraphs };
    const outline = untouchedOutline(sheets, spec, ctx);
    const old = outline ? wb.getWorksheet(outline.sheetName) : undefined;
    const orderNo = old ? (old as Ordered).orderNo : undefined;
    if (old) wb.removeWorksheet(old.id);
    const sheet = await addPlannedSheet(wb, planSheet(spec, ctx, data));
    // in the outline's place in the tab order, not at the end
    const added = wb.getWorksheet(sheet);
    if (added && orderNo !== undefined) (added as Ordered).orderNo = orderNo;
    written.push({ sheet, replaced: old !== undefined });
  }
  // beside an older 上年对比, never over it: its reasons are carried into the new one
  if (comparison) written.push({ sheet: await addPlannedSheet(wb, planComparison(ctx, comparison)), replaced: false });
  if (!sheets.some((s) => s.data.kind === 'procurement')) written.push({ sheet: await addPlannedSheet(wb, planProcurement(ctx)), replaced: false });
  fs.mkdirSync(path.dirname(path.resolve(o.out)), { recursive: true });
  await wb.xlsx.writeFile(o.out);
  return written;
}

export async function runDraft(o: DraftOptions, log: (s: string) => void): Promise<number> {
  if (o.out !== null) guardOutput(o.out, o.force, [o.file, ...(o.previous ? [o.previous] : [])]);
  const read = await readDraft(o);
  const { draft } = read;
  if (o.text) {
    for (const s of draft.sections) {
      log(safeMessage(s.title));
      for (const p of s.paragraphs) log(safeMessage(p));
      log('');
    }
  }
  if (o.out !== null) {
    const written = await writeCopy({ ...o, out: o.out }, read);
    const added = written.filter((w) => !w.replaced).map((w) => plain(w.sheet));
    const replaced = written.filter((w) => w.replaced).map((w) => plain(w.sheet));
    const parts = [
      ...(replaced.length ? [`${replaced.join('、')} 原为空白提纲，已写入草稿`] : []),
      ...(added.length ? [`新增 ${added.join('、')}（原有说明未改动）`] : []),
    ];
    const reasons = read.comparison ? read.comparison.rows.filter((r) => r.reasonRequired && !r.reason).length : 0;
    log(`已生成 ${plain(o.out)}：${parts.join('；')}；【请填写…】处待人工补充${reasons ? `；上年对比中 ${reasons} 处增减须填写原因` : ''}`);
  }
  return 0;
}

export async function draftCommand(flags: Record<string, string>, files: string[], log: (s: string) => void): Promise<number> {
  return runDraft(draftOptions(flags, files), log);
}
