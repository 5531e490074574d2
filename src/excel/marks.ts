import { RULES } from '../core/rules/catalog-of-rules';
import { SEVERITY_LABEL, type Finding, type Severity } from '../core/rules/types';
import { MARKS_SHEET_NAME } from './validate';
import { officeSupport, type SupportCheck } from './writer';

/**
 * 校验标记: each finding's cell gets a fill (错误 red, 提示 yellow) and, where the host has
 * comments (ExcelApi 1.10), a comment `【错误】…`. What a marked cell had before — its fill
 * (or no fill) and its comment — is kept in the very hidden sheet `_BT_MARKS`, so that
 * marking again, or `clearMarks`, puts it back exactly. Values and formulas are never written.
 *
 * Office.js traffic, fixed whatever the number of sheets, cells or findings:
 * 1. the sheet names, the `_BT_MARKS` record, the comments;
 * 2. where each comment is, each touched sheet's protection, the fill of each cell to mark;
 * 3. the writes: per touched sheet unprotect, fills and comments, protect again with the
 *    options it had; the record sheet replaced (or deleted when nothing stays marked).
 * With no record and nothing to mark it stops after 1.
 */

export const MARK_FILL: Record<Severity, string> = { error: '#F8CBAD', warning: '#FFE699' };

/** What `_BT_MARKS` says for a cell with no fill. */
const NO_FILL = 'none';
const HEADER = ['sheet', 'cell', 'originalFill', 'hadComment', 'commentText'];

/** Findings that name no cell of their own (a whole sheet not recognised) are not marked. */
const UNMARKED_RULES = new Set<string>([RULES.notRecognised.id]);

export interface MarkRecord {
  sheet: string;
  /** A1 */
  cell: string;
  /** `#RRGGBB`, or `none` */
  fill: string;
  hadComment: boolean;
  comment: string;
}

export interface MarkResult {
  /** cells marked now */
  marked: number;
  /** cells put back as they were (marked before and not now) */
  restored: number;
  /** the host has comments: marks carry one */
  comments: boolean;
}

/** The comment text a cell's findings give: one line each, `【错误】message`. */
export function markText(findings: readonly Finding[]): string {
  return findings.map((f) => `【${SEVERITY_LABEL[f.severity]}】${f.message}`).join('\n');
}

/** A comment the marks made. */
export function isMarkComment(content: string): boolean {
  return Object.values(SEVERITY_LABEL).some((label) => content.startsWith(`【${label}】`));
}

const key = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;

function normalCell(cell: string): string | null {
  const c = cell.replace(/\$/g, '').toUpperCase();
  return /^[A-Z]{1,3}[1-9]\d*$/.test(c) ? c : null;
}

/** `'单位 收入'!$B$7` → sheet and A1. */
export function splitAddress(address: string): { sheet: string; cell: string } {
  const bang = address.lastIndexOf('!');
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, cell: address.slice(bang + 1).replace(/\$/g, '').toUpperCase() };
}

/** The rows of `_BT_MARKS` (after its header). */
export function parseMarkRecords(values: unknown[][]): MarkRecord[] {
  const out: MarkRecord[] = [];
  for (const row of values.slice(1)) {
    const sheet = String(row[0] ?? '');
    const cell = normalCell(String(row[1] ?? ''));
    if (sheet === '' || !cell) continue;
    const fill = String(row[2] ?? '') || NO_FILL;
    out.push({ sheet, cell, fill, hadComment: String(row[3]).toUpperCase() === 'TRUE', comment: String(row[4] ?? '') });
  }
  return out;
}

interface Target {
  sheet: string;
  cell: string;
  severity: Severity;
  findings: Finding[];
}

/** The cells to mark, one per cell: the worse severity, all its findings. */
export function markTargets(findings: readonly Finding[]): Target[] {
  const byCell = new Map<string, Target>();
  for (const f of findings) {
    if (UNMARKED_RULES.has(f.rule) || f.sheet === MARKS_SHEET_NAME) continue;
    const cell = normalCell(f.cell);
    if (!cell) continue;
    const k = key(f.sheet, cell);
    const t = byCell.get(k) ?? { sheet: f.sheet, cell, severity: f.severity, findings: [] };
    t.findings.push(f);
    if (f.severity === 'error') t.severity = 'error';
    byCell.set(k, t);
  }
  return [...byCell.values()];
}

/** Marks the findings' cells, first putting back what earlier marks covered. Three syncs. */
export function applyMarks(context: Excel.RequestContext, findings: readonly Finding[], support: SupportCheck = officeSupport): Promise<MarkResult> {
  return update(context, markTargets(findings), support);
}

/** Puts back every marked cell's fill and comment and deletes `_BT_MARKS`. Three syncs; one when nothing is marked. */
export function clearMarks(context: Excel.RequestContext, support: SupportCheck = officeSupport): Promise<MarkResult> {
  return update(context, [], support);
}

async function update(context: Excel.RequestContext, targets: Target[], support: SupportCheck): Promise<MarkResult> {
  const withComments = support('ExcelApi', '1.10');
  const withPattern = support('ExcelApi', '1.9');

  // Sync 1: names, the record, the comments.
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  const marksSheet = worksheets.getItemOrNullObject(MARKS_SHEET_NAME);
  const marksUsed = marksSheet.getUsedRangeOrNullObject(true);
  marksUsed.load('values');
  const comments = withComments ? context.workbook.comments : null;
  comments?.load('items/content');
  await context.sync();

  const sheets = new Map(worksheets.items.filter((ws) => ws.name !== MARKS_SHEET_NAME).map((ws) => [ws.name, ws] as const));
  const records = new Map<string, MarkRecord>();
  if (!marksUsed.isNullObject) {
    for (const r of parseMarkRecords(marksUsed.values)) if (sheets.has(r.sheet)) records.set(key(r.sheet, r.cell), r);
  }
  const marks = new Map(targets.filter((t) => sheets.has(t.sheet)).map((t) => [key(t.sheet, t.cell), t] as const));
  const recordExists = !marksSheet.isNullObject;
  if (!recordExists && marks.size === 0) return { marked: 0, restored: 0, comments: withComments };

  // Sync 2: where the comments are, the protection of each touched sheet, the fills to keep.
  const located = (comments?.items ?? []).map((c) => {
    const where = c.getLocation();
    where.load('address');
    return { comment: c, where };
  });
  const touched = new Set([...records.values(), ...marks.values()].map((x) => x.sheet));
  const protections = new Map(
    [...touched].map((name) => {
      const p = sheets.get(name)!.protection;
      p.load('protected,options');
      return [name, p] as const;
    }),
  );
  const fills = new Map<string, Excel.RangeFill>();
  for (const [k, t] of marks) {
    if (records.has(k)) continue;
    const fill = sheets.get(t.sheet)!.getRange(t.cell).format.fill;
    fill.load(withPattern ? 'color,pattern' : 'color');
    fills.set(k, fill);
  }
  await context.sync();

  const commentAt = new Map<string, Excel.Comment>();
  for (const { comment, where } of located) {
    const { sheet, cell } = splitAddress(where.address);
    commentAt.set(key(sheet, cell), comment);
  }
  const fillNow = (fill: Excel.RangeFill): string => {
    if (withPattern) return fill.pattern === 'None' ? NO_FILL : fill.color;
    // Without RangeFill.pattern, no fill reads as white: white is put back as no fill.
    return !fill.color || fill.color.toUpperCase() === '#FFFFFF' ? NO_FILL : fill.color;
  };

  // Sync 3: the writes.
  const protectedSheets = [...touched].filter((name) => protections.get(name)!.protected);
  for (const name of protectedSheets) sheets.get(name)!.protection.unprotect();

  const kept: MarkRecord[] = [];
  let restored = 0;
  for (const k of new Set([...records.keys(), ...marks.keys()])) {
    const rec = records.get(k);
    const mark = marks.get(k);
    const sheet = (mark ?? rec)!.sheet;
    const cell = (mark ?? rec)!.cell;
    const range = sheets.get(sheet)!.getRange(cell);
    const existing = commentAt.get(k);
    const existingIsOurs = existing !== undefined && isMarkComment(existing.content);
    // The cell's own comment: one there now that is not ours (the clerk's), else the one kept.
    const ownComment = existing && !existingIsOurs ? existing.content : rec?.hadComment ? rec.comment : null;
    if (mark) {
      const fill = rec ? rec.fill : fillNow(fills.get(k)!);
      range.format.fill.color = MARK_FILL[mark.severity];
      if (comments) {
        existing?.delete();
        comments.add(range, markText(mark.findings));
      }
      kept.push({ sheet, cell, fill, hadComment: ownComment !== null, comment: ownComment ?? '' });
    } else if (rec) {
      if (rec.fill === NO_FILL) range.format.fill.clear();
      else range.format.fill.color = rec.fill;
      if (comments && existingIsOurs) {
        existing!.delete();
        if (ownComment !== null) comments.add(range, ownComment);
      }
      restored++;
    }
  }

  if (recordExists) {
    // Hidden first: some hosts refuse to delete a very hidden sheet.
    marksSheet.visibility = 'Hidden';
    marksSheet.delete();
  }
  if (kept.length > 0) {
    const ws = worksheets.add(MARKS_SHEET_NAME);
    const rows = [HEADER, ...kept.map((r) => [r.sheet, r.cell, r.fill, r.hadComment ? 'TRUE' : 'FALSE', r.comment])];
    const block = ws.getRange(`A1:E${rows.length}`);
    // Text cells: a comment `=…` or a sheet named `2024` is kept as written.
    block.numberFormat = rows.map((row) => row.map(() => '@'));
    block.values = rows;
    ws.visibility = 'VeryHidden';
  }
  for (const name of protectedSheets) sheets.get(name)!.protection.protect(protections.get(name)!.options);
  await context.sync();
  return { marked: kept.length, restored, comments: withComments };
}
