import type { BudgetContext } from '../model';
import { CONTENTS_HEADINGS, COVER_BODY } from '../specs/pack';
import { TABLE_SPECS } from '../specs/tables';
import { TEXT_SPECS } from '../specs/texts';
import type { PackSheetSpec, SpecId, Wording } from '../specs/types';
import { rangeAddress } from './a1';
import { PlanBuilder } from './builder';
import { fill } from './fill';
import { formatMarker } from './marker';
import { safeSheetName } from './names';
import { isPlanText, textCell } from './text-cells';
import type { SheetPlan } from './types';

/**
 * 封面 and 目录 as sheet plans (specs/pack.ts). Both print on one A4 landscape page wide at
 * 100 %, as the district templates' do. Protected like every sheet, with their words unlocked:
 * the clerk may reword a line or fill in the date: the columns below add up to less than the printable
 * width (about 146 of Excel's width units between the writers' margins), so fitting to the
 * page never shrinks the text.
 */

/** One line of the 目录: a sheet of the pack with its title. */
export interface ContentsEntry {
  specId: SpecId;
  /** the sheet's title as printed in its first row */
  title: string;
  /** the sheet's tab name */
  sheet: string;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const numeral = (n: number): string => (n <= 10 ? NUMERALS[n - 1] : n < 20 ? `十${NUMERALS[n - 11]}` : String(n));

const word = (w: Wording, ctx: BudgetContext): string => fill(w[ctx.level], ctx);

function identity(spec: PackSheetSpec, ctx: BudgetContext, width: number) {
  const markerCol = width + 1;
  return {
    specId: spec.id,
    name: safeSheetName(word(spec.sheetName, ctx)),
    marker: formatMarker({ specId: spec.id, level: ctx.level, year: ctx.year }),
    markerCell: rangeAddress(1, markerCol, 1, markerCol),
    markerCol,
  };
}

const COVER_WIDTH = 110;

export function planCover(spec: PackSheetSpec, ctx: BudgetContext): SheetPlan {
  const b = new PlanBuilder();
  const id = identity(spec, ctx, 1);
  // Rows as the district cover spaces them: title a third of the way down, the body below, the date near the foot.
  const lines: [number, string, number, boolean][] = [
    [4, word(spec.title, ctx), 28, true],
    [7, word(COVER_BODY, ctx), 18, false],
    [10, '编制日期：      年    月    日', 16, false],
  ];
  const heights: Record<number, number> = { 1: 40, 2: 40, 3: 40, 4: 50, 5: 30, 6: 30, 7: 30, 8: 60, 9: 60, 10: 30 };
  for (const [row, text, size, bold] of lines) {
    b.set(row, 1, textCell(text));
    b.style(row, 1, row, 1, { fontSize: size, bold, hAlign: 'center', vAlign: 'center', wrap: true, locked: false, numberFormat: '@' });
  }
  Object.assign(b.rowHeights, heights);
  b.set(1, id.markerCol, id.marker);
  return b.finish(
    {
      specId: spec.id,
      name: id.name,
      marker: id.marker,
      markerCell: id.markerCell,
      columnWidths: [COVER_WIDTH, 4],
      hiddenColumns: [id.markerCol],
      freeze: { rows: 0, columns: 0 },
      print: { orientation: 'landscape', titleRows: null, fitToWidth: true },
      protect: true,
      layout: { headerRows: [1, 1], dataRows: [2, 1], totalRow: null, amountColumns: {}, codeColumns: 0, nameColumn: null },
    },
    id.markerCol,
  );
}

/** The sheets a full pack of the level holds, as `template` makes it: the 目录 of a plan made alone. */
export function defaultContents(ctx: BudgetContext): ContentsEntry[] {
  return [...TEXT_SPECS.filter((s) => s.id !== 'project'), ...TABLE_SPECS]
    .filter((s) => s.levels.includes(ctx.level))
    .sort((a, b) => a.order - b.order)
    .map((s) => ({ specId: s.id, title: word(s.title, ctx), sheet: safeSheetName(word(s.sheetName, ctx)) }));
}

/**
 * The lines of the 目录, numbered as the district templates number them: the sections 一、二、…,
 * the tables 1. 2. … under one `单位预算表` section, each 项目经费情况说明 under one heading.
 */
export function contentsLines(ctx: BudgetContext, entries: readonly ContentsEntry[]): { text: string; sheet: string | null; sub: boolean }[] {
  const lines: { text: string; sheet: string | null; sub: boolean }[] = [];
  let section = 0;
  let group: 'tables' | 'project' | null = null;
  let n = 0;
  const heading = (key: string) => `${numeral(++section)}、${word(CONTENTS_HEADINGS[key], ctx)}`;
  for (const e of entries) {
    if (e.specId === 'cover' || e.specId === 'contents') continue;
    const isTable = TABLE_SPECS.some((s) => s.id === e.specId);
    const kind = isTable ? 'tables' : e.specId === 'project' ? 'project' : null;
    if (kind === null) {
      group = null;
      const key = CONTENTS_HEADINGS[e.specId] ? e.specId : null;
      lines.push({ text: key ? heading(key) : `${numeral(++section)}、${e.title}`, sheet: e.sheet, sub: false });
      continue;
    }
    if (group !== kind) {
      group = kind;
      n = 0;
      lines.push({ text: heading(kind), sheet: null, sub: false });
    }
    lines.push({ text: `${++n}. ${e.title}`, sheet: e.sheet, sub: true });
  }
  return lines;
}

export function planContents(spec: PackSheetSpec, ctx: BudgetContext, entries: readonly ContentsEntry[] = defaultContents(ctx)): SheetPlan {
  const width = 2;
  const b = new PlanBuilder();
  const id = identity(spec, ctx, width);
  b.set(1, 1, textCell(word(spec.title, ctx)));
  b.merge(1, 1, 1, width);
  b.style(1, 1, 1, width, { bold: true, fontSize: 18, hAlign: 'center', vAlign: 'center' });
  b.rowHeights[1] = 32;
  b.set(3, 1, '内容');
  b.set(3, 2, '工作表');
  b.style(3, 1, 3, width, { bold: true, fontSize: 12, hAlign: 'center', vAlign: 'center', border: true, fill: '#F2F2F2' });
  b.rowHeights[3] = 22;
  const first = 4;
  const lines = contentsLines(ctx, entries);
  lines.forEach((line, i) => {
    const row = first + i;
    b.set(row, 1, textCell(line.text));
    if (line.sheet !== null) b.set(row, 2, textCell(line.sheet));
    b.style(row, 1, row, width, { fontSize: 12, vAlign: 'center', border: true, wrap: true, locked: false, numberFormat: '@' });
    if (line.sub) b.style(row, 1, row, 1, { hAlign: 'left', indent: 2 });
    else b.style(row, 1, row, 1, { bold: line.sheet === null });
    b.rowHeights[row] = 22;
  });
  const last = first + lines.length - 1;
  b.set(1, id.markerCol, id.marker);
  return b.finish(
    {
      specId: spec.id,
      name: id.name,
      marker: id.marker,
      markerCell: id.markerCell,
      columnWidths: [68, 44, 4],
      hiddenColumns: [id.markerCol],
      freeze: { rows: 0, columns: 0 },
      print: { orientation: 'landscape', titleRows: '1:3', fitToWidth: true },
      protect: true,
      layout: { headerRows: [3, 3], dataRows: [first, last], totalRow: null, amountColumns: {}, codeColumns: 0, nameColumn: null },
    },
    id.markerCol,
  );
}

/**
 * The 目录 with the sheet names a workbook really gave: inserting into a workbook where a name
 * is taken makes `单位收入总表 (2)`, and the contents must name that sheet, not the planned one.
 * `renames` maps planned names to the names made; other plans pass through unchanged.
 */
export function withMadeNames(plan: SheetPlan, renames: ReadonlyMap<string, string>): SheetPlan {
  if (plan.specId !== 'contents' || renames.size === 0) return plan;
  const cells = plan.cells.map((row) =>
    row.map((v, c) => {
      if (c !== 1 || !isPlanText(v)) return v;
      const made = renames.get(v.text);
      return made === undefined ? v : textCell(made);
    }),
  );
  return { ...plan, cells };
}
