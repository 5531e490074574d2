import { SEVERITY_LABEL, type Finding, type Severity } from '../../core/rules/types';
import { OP_BYTES, opBytes } from './batches';
import { COMPLEX_FILL, NO_FILL, type FillState, type MarkRecord } from './record';

/**
 * What a run of the marks does to one cell, decided from what was read: mark it (fill, and a
 * comment where the cell has none of the clerk's), put it back (only what is still as the mark
 * wrote it), or leave it. Queues the writes on its sheet's tally; writes nothing itself.
 */

export const MARK_FILL: Record<Severity, string> = { error: '#F8CBAD', warning: '#FFE699' };

/** The comment text a cell's findings give: one line each, `【错误】message`. */
export function markText(findings: readonly Finding[]): string {
  return findings.map((f) => `【${SEVERITY_LABEL[f.severity]}】${f.message}`).join('\n');
}

export interface Target {
  sheet: string;
  cell: string;
  severity: Severity;
  findings: Finding[];
}

export interface LiveSheet {
  ws: Excel.Worksheet;
  id: string;
  name: string;
}

/** One cell the run looks at: marked before, to mark now, or both. */
export interface Work {
  sheet: LiveSheet;
  cell: string;
  rec?: MarkRecord;
  target?: Target;
  fill?: Excel.RangeFill;
  /** the comment on the cell now, if any */
  comment?: Excel.Comment;
  /** loaded when the record says the mark added a comment and there is one */
  replies?: OfficeExtension.ClientResult<number>;
}

/** A queued write and its estimated size. */
export interface Op {
  size: number;
  run: () => void;
  /** a comment added to this cell (A1): `refused` is told when Excel refuses it */
  cell?: string;
  refused?: () => void;
}

/** What one sheet's writes come to, counted only once they are done. */
export interface SheetTally {
  marked: number;
  restored: number;
  fillOnly: number;
  unmarked: number;
  leftAsIs: number;
  ops: Op[];
  /** the sheet's records after the run */
  records: MarkRecord[];
  /** its records before the run: kept when the sheet is skipped */
  before: MarkRecord[];
}

/** A fill as the record keeps it: `none`, `#RRGGBB`, or `complex` (a pattern, a gradient, a tint). */
export function fillState(fill: Excel.RangeFill, withPattern: boolean): FillState {
  if (withPattern) {
    if (fill.pattern === 'None') return NO_FILL;
    if (fill.pattern !== 'Solid' || !fill.color || (fill.tintAndShade ?? 0) !== 0) return COMPLEX_FILL;
    return fill.color.toUpperCase();
  }
  // Without RangeFill.pattern, no fill reads as white: white is put back as no fill.
  return !fill.color || fill.color.toUpperCase() === '#FFFFFF' ? NO_FILL : fill.color.toUpperCase();
}

export interface CellFacts {
  /** the cell's fill now */
  now: FillState;
  /** the comment on the cell is the mark's, as it wrote it, with no reply */
  ourComment: boolean;
  hasNote: boolean;
  comments: Excel.CommentCollection | null;
  tally: SheetTally;
}

/** Queues one cell's writes on its sheet's tally and the record it leaves. */
export function planCell(w: Work, f: CellFacts): void {
  const { rec, target, sheet, cell } = w;
  const { tally } = f;
  const range = () => sheet.ws.getRange(cell);
  const fillIsOurs = rec?.markFill != null && f.now === rec.markFill.toUpperCase();

  if (target) {
    // The fill before the first mark, unless the clerk has filled the cell since.
    const original = fillIsOurs ? rec!.fill : f.now;
    const markFill = original === COMPLEX_FILL ? null : MARK_FILL[target.severity];
    if (markFill) tally.ops.push({ size: opBytes(markFill) + OP_BYTES, run: () => (range().format.fill.color = markFill) });
    const text = markText(target.findings);
    if (f.ourComment && rec!.comment !== text) tally.ops.push({ size: opBytes(text), run: () => (w.comment!.content = text) });
    const addComment = !f.ourComment && f.comments !== null && !w.comment && !f.hasNote;
    if (!markFill && !f.ourComment && !addComment) {
      tally.unmarked++;
      return;
    }
    const record: MarkRecord = { sheetId: sheet.id, sheetName: sheet.name, cell, fill: original, markFill, comment: f.ourComment || addComment ? text : null };
    if (addComment) {
      const comments = f.comments!;
      tally.ops.push({
        size: opBytes(text) + OP_BYTES,
        run: () => void comments.add(range(), text),
        cell,
        // A note the host could not show us is there: the cell keeps its fill mark only, or none.
        refused: () => {
          record.comment = null;
          if (markFill) tally.fillOnly++;
          else {
            tally.marked--;
            tally.unmarked++;
            tally.records.splice(tally.records.indexOf(record), 1);
          }
        },
      });
    }
    tally.marked++;
    if (f.comments && record.comment === null) tally.fillOnly++;
    tally.records.push(record);
    return;
  }

  // Marked before, not now: put back what is still as the mark left it.
  let restored = false;
  let left = false;
  if (rec!.markFill !== null) {
    if (fillIsOurs) {
      const fill = rec!.fill;
      tally.ops.push({ size: opBytes(fill) + OP_BYTES, run: () => (fill === NO_FILL ? range().format.fill.clear() : (range().format.fill.color = fill)) });
      restored = true;
    } else left = true;
  }
  if (rec!.comment !== null && w.comment) {
    if (f.ourComment) {
      tally.ops.push({ size: OP_BYTES, run: () => w.comment!.delete() });
      restored = true;
    } else left = true;
  }
  if (restored) tally.restored++;
  if (left) tally.leftAsIs++;
}

