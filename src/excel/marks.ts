import { RULES } from '../core/rules/catalog-of-rules';
import type { Finding } from '../core/rules/types';
import { OP_BYTES, opBytes } from './marks/batches';
import { PAYLOAD_BUDGET_BYTES, SyncBudget } from './payload';
import { fillState, planCell, type LiveSheet, type Op, type SheetTally, type Target, type Work } from './marks/cells';
import { decodePart, encodeRecords, MARKS_NAMESPACE, mergeParts, PART_BYTES, type MarkRecord } from './marks/record';
import { count, isRefusal, locate, MAX_REFUSALS, writeSheet } from './marks/write';
import { officeSupport, type SupportCheck } from './writer';

/**
 * 校验标记: each finding's cell gets a fill (错误 red, 提示 yellow) and, where the host has
 * comments (ExcelApi 1.10) and the cell has neither a comment nor a note of the clerk's, a
 * comment `【错误】…`. Values, formulas, and the clerk's own comments and notes are never
 * written: a cell that has one is marked by its fill alone, and the pane says how many.
 *
 * What a mark covered (the fill before) and what it wrote (its fill, its comment) is kept in
 * custom XML parts of our own namespace (see marks/record.ts), keyed by the sheet's id, which a
 * rename keeps. Marking again or `clearMarks` puts a cell back only where the mark is still as it
 * was written: a fill the clerk has changed since, or a mark comment the clerk has replied to or
 * edited, is the clerk's now and stays.
 *
 * Office.js traffic: a first sync for the sheets, the record's parts and how many comments and
 * notes there are; then reads and writes in batches under a payload budget (marks/batches.ts).
 * A protected sheet is unprotected, written and protected again within each of its batches; one
 * protected with a password the add-in does not have is skipped and named in the result; when a
 * batch fails, the sheet it left unprotected is protected again before the error goes on.
 */

export { MARK_FILL, markText } from './marks/cells';

/** Findings that name no cell of their own (a whole sheet not recognised) are not marked. */
const UNMARKED_RULES = new Set<string>([RULES.notRecognised.id]);

export interface MarkResult {
  /** cells marked now */
  marked: number;
  /** cells put back as they were (marked before and not now) */
  restored: number;
  /** the host has comments: marks carry one */
  comments: boolean;
  /** cells marked by their fill alone: the clerk's comment or note on them stays as it is */
  fillOnly: number;
  /** cells not marked at all: a patterned fill the marks could not put back, and a comment or note */
  unmarked: number;
  /** cells marked before that the clerk has changed since (fill, or a reply to the mark's comment): left as they are */
  leftAsIs: number;
  /** sheets protected with a password the add-in does not have: neither marked nor cleared */
  skippedSheets: string[];
  /** the host can keep what the marks cover (custom XML parts, ExcelApi 1.5); without it nothing is marked */
  recorded: boolean;
}

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

/** The cells to mark, one per cell: the worse severity, all its findings. */
export function markTargets(findings: readonly Finding[]): Target[] {
  const byCell = new Map<string, Target>();
  for (const f of findings) {
    if (UNMARKED_RULES.has(f.rule)) continue;
    const cell = normalCell(f.cell);
    if (!cell) continue;
    const k = `${f.sheet}\u0000${cell}`;
    const t = byCell.get(k) ?? { sheet: f.sheet, cell, severity: f.severity, findings: [] };
    t.findings.push(f);
    if (f.severity === 'error') t.severity = 'error';
    byCell.set(k, t);
  }
  return [...byCell.values()];
}

/** Marks the findings' cells, first putting back what earlier marks covered and no finding names now. */
export function applyMarks(
  context: Excel.RequestContext,
  findings: readonly Finding[],
  support: SupportCheck = officeSupport,
  budget = PAYLOAD_BUDGET_BYTES,
): Promise<MarkResult> {
  return update(context, markTargets(findings), support, budget);
}

/** Puts back every marked cell's fill and takes away the marks' comments. One sync when nothing is marked. */
export function clearMarks(context: Excel.RequestContext, support: SupportCheck = officeSupport, budget = PAYLOAD_BUDGET_BYTES): Promise<MarkResult> {
  return update(context, [], support, budget);
}

async function update(context: Excel.RequestContext, targets: Target[], support: SupportCheck, budget: number): Promise<MarkResult> {
  const has = (version: string) => support('ExcelApi', version);
  const withComments = has('1.10');
  const withNotes = has('1.18');
  const withPattern = has('1.9');
  const result: MarkResult = { marked: 0, restored: 0, comments: withComments, fillOnly: 0, unmarked: 0, leftAsIs: 0, skippedSheets: [], recorded: has('1.5') };
  // Without a place for the originals a mark could not be taken back: mark nothing.
  if (!result.recorded) return result;

  // Sync 1: the sheets, the record's parts, how many comments and notes.
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,id');
  const parts = context.workbook.customXmlParts.getByNamespace(MARKS_NAMESPACE);
  parts.load('items/id');
  const comments = withComments ? context.workbook.comments : null;
  const commentCount = comments?.getCount() ?? null;
  const notes = withNotes ? context.workbook.notes : null;
  const noteCount = notes?.getCount() ?? null;
  await context.sync();

  const oldParts = parts.items;
  if (oldParts.length === 0 && targets.length === 0) return result;
  const batch = new SyncBudget(context, budget);

  // Reads, batched: the record, where every comment and note is.
  const xmls: OfficeExtension.ClientResult<string>[] = [];
  for (const p of oldParts) {
    await batch.room(OP_BYTES + PART_BYTES);
    xmls.push(p.getXml());
  }
  const commentAt = comments ? await locate(batch, comments, commentCount!.value) : [];
  const noteAt = notes ? await locate(batch, notes, noteCount!.value) : [];
  await batch.flush();

  const { records, generation } = mergeParts(xmls.map((x) => decodePart(x.value)).filter((p) => p !== null));
  const sheets: LiveSheet[] = worksheets.items.map((ws) => ({ ws, id: ws.id, name: ws.name }));
  const byId = new Map(sheets.map((s) => [s.id, s] as const));
  const byName = new Map(sheets.map((s) => [s.name, s] as const));
  const recordedIds = new Set(records.map((r) => r.sheetId));
  // A host that gave the sheets new ids (an old Excel opening the file) still finds a sheet by
  // the name it had, unless that name is now another recorded sheet's; each cell is checked anyway.
  const sheetOf = (r: MarkRecord): LiveSheet | undefined => {
    const named = byName.get(r.sheetName);
    return byId.get(r.sheetId) ?? (named && !recordedIds.has(named.id) ? named : undefined);
  };
  const keyOf = (s: LiveSheet, cell: string) => `${s.id}\u0000${cell}`;

  const work = new Map<string, Work>();
  for (const rec of records) {
    const sheet = sheetOf(rec);
    if (sheet) work.set(keyOf(sheet, rec.cell), { sheet, cell: rec.cell, rec });
  }
  for (const t of targets) {
    const sheet = byName.get(t.sheet);
    if (!sheet) continue;
    const k = keyOf(sheet, t.cell);
    const w = work.get(k) ?? { sheet, cell: t.cell };
    w.target = t;
    work.set(k, w);
  }
  const located = (address: string): string | null => {
    const { sheet, cell } = splitAddress(address);
    const s = byName.get(sheet);
    return s ? keyOf(s, cell) : null;
  };
  const commentByKey = new Map<string, Excel.Comment>();
  for (const { item, where } of commentAt) {
    const k = located(where.address);
    if (k) commentByKey.set(k, item);
  }
  const noteKeys = new Set(noteAt.map(({ where }) => located(where.address)));

  // Reads, batched: each cell's fill, the mark comments' text and replies, each touched sheet's protection.
  const fillProps = withPattern ? 'color,pattern,tintAndShade' : 'color';
  const contents = new Map<string, Excel.Comment>();
  for (const [k, w] of work) {
    await batch.room(2 * OP_BYTES);
    w.fill = w.sheet.ws.getRange(w.cell).format.fill;
    w.fill.load(fillProps);
    w.comment = commentByKey.get(k);
    if (w.comment && w.rec?.comment != null) {
      await batch.room(opBytes(w.rec.comment) + OP_BYTES);
      w.comment.load('content');
      contents.set(k, w.comment);
      w.replies = w.comment.replies.getCount();
    }
  }
  const workSheets = new Set([...work.values()].map((w) => w.sheet));
  const touched = sheets.filter((s) => workSheets.has(s));
  const protections = new Map<LiveSheet, Excel.WorksheetProtection>();
  for (const s of touched) {
    await batch.room(OP_BYTES + 2 * OP_BYTES);
    const p = s.ws.protection;
    p.load('protected,options');
    protections.set(s, p);
  }
  await batch.flush();

  // What to write, sheet by sheet.
  const tallies = new Map<LiveSheet, SheetTally>(touched.map((s) => [s, { marked: 0, restored: 0, fillOnly: 0, unmarked: 0, leftAsIs: 0, ops: [], records: [], before: [] }]));
  for (const [k, w] of work) {
    const tally = tallies.get(w.sheet)!;
    if (w.rec) tally.before.push(w.rec);
    planCell(w, {
      now: fillState(w.fill!, withPattern),
      ourComment: w.rec?.comment != null && w.comment !== undefined && contents.get(k)?.content === w.rec.comment && w.replies?.value === 0,
      hasNote: noteKeys.has(k),
      comments,
      tally,
    });
  }

  // Writes. First the record with every original known (old and new), so a run that stops
  // part-way leaves each cell it changed recorded.
  const made: Excel.CustomXmlPart[] = [];
  if (targets.length > 0) {
    const all = new Map<string, MarkRecord>();
    // A cell's new record wins over its old one: it names the fill the cell will be put back to.
    for (const r of [...tallies.values()].flatMap((t) => [...t.before, ...t.records])) all.set(`${r.sheetId}\u0000${r.cell}`, r);
    for (const xml of encodeRecords([...all.values()], generation + 1)) {
      await batch.room(opBytes(xml));
      made.push(context.workbook.customXmlParts.add(xml));
    }
  }
  // A host with comments but without ExcelApi 1.18 cannot see notes, and Excel refuses a
  // comment on a cell that has one: there each sheet goes in batches of its own, and when one
  // fails, the first comment it did not add is taken as refused (Excel runs a batch in order and
  // stops at the failing action), that cell keeps its fill mark only, and the rest is sent again.
  const noteBlind = withComments && !withNotes;
  for (const s of touched) {
    const tally = tallies.get(s)!;
    if (tally.ops.length === 0) continue;
    // As read before any write: reading it again after a failed batch would say what the failure left.
    const protection = { protected: protections.get(s)!.protected, options: protections.get(s)!.options };
    let pending: readonly Op[] = tally.ops;
    let done = true;
    for (let refusals = 0; ; refusals++) {
      try {
        done = await writeSheet(context, batch, s, protection, pending, noteBlind);
        break;
      } catch (err) {
        if (!noteBlind || !isRefusal(err) || refusals >= MAX_REFUSALS) throw err;
        const present = new Set(
          (await locate(batch, comments!, await count(context, comments!)))
            .map(({ where }) => splitAddress(where.address))
            .filter((at) => at.sheet === s.name)
            .map((at) => at.cell),
        );
        const i = pending.findIndex((op) => op.refused && !present.has(op.cell!));
        if (i < 0) throw err;
        pending[i].refused!();
        pending = pending.slice(i + 1);
      }
    }
    if (!done) {
      result.skippedSheets.push(s.name);
      // Nothing of it was written: it keeps its records as they were.
      tally.records = tally.before;
      tally.marked = tally.restored = tally.fillOnly = tally.unmarked = tally.leftAsIs = 0;
    }
  }

  // The record of what is marked now; the earlier parts go.
  const kept = [...tallies.values()].flatMap((t) => t.records);
  for (const xml of encodeRecords(kept, generation + 2)) {
    await batch.room(opBytes(xml));
    context.workbook.customXmlParts.add(xml);
  }
  for (const p of [...oldParts, ...made]) {
    await batch.room(OP_BYTES);
    p.delete();
  }
  await batch.flush();

  for (const t of tallies.values()) {
    result.marked += t.marked;
    result.restored += t.restored;
    result.fillOnly += t.fillOnly;
    result.unmarked += t.unmarked;
    result.leftAsIs += t.leftAsIs;
  }
  return result;
}

