import { indicatorSkeleton, level2Names, LONG_FORM_2020_LEVELS } from '../specs/forms';
import { columnLetter, sheetRef } from './a1';
import type { CellValue, HelperSheetPlan } from './types';

/**
 * The drop-down lists of the performance forms, kept the way Excel users keep dependent
 * lists: in a helper sheet, `_BT_LISTS` (very hidden), one column per list, found by a key in
 * row 1. A form's 二级 cell takes the list whose key is its edition and the 一级 chosen on its
 * row, through a list validation whose source is a formula (OFFSET over the key's column, as
 * long as the count in row 2 says).
 *
 * Looking the column up by key, not by position, is what lets one `_BT_LISTS` serve every
 * form in a workbook, and a later version add lists without breaking older forms.
 */

export const LISTS_SHEET = '_BT_LISTS';
/** Row 1 holds the keys, row 2 how many items each list has, the items start on row 3. */
export const LISTS_LAYOUT = { keyRow: 1, countRow: 2, firstItemRow: 3 } as const;
/** What A1 of `_BT_LISTS` says: it is the add-in's own sheet. */
export const LISTS_MARKER = 'budget-tables/1 lists';

/** Which set of lists a form uses: the indicator edition (成本 a 一级 from 2021), or the 2020 long form's own words. */
export type ListSet = 'E2021' | 'E2020' | 'L2020';

export function editionListSet(edition: number): ListSet {
  return edition >= 2021 ? 'E2021' : 'E2020';
}

/** The levels of a set: each 一级 with its 二级. */
export function listSetLevels(set: ListSet): { level1: string; level2: string[] }[] {
  if (set === 'L2020') return LONG_FORM_2020_LEVELS;
  return indicatorSkeleton(set === 'E2021' ? 2021 : 2020);
}

/**
 * Every list, in column order. Per set: `E2021` the 一级 names, `E2021|` every 二级 (for a row
 * whose 一级 is still blank: `"E2021|"&""` finds it), `E2021|产出指标` the 二级 under one 一级.
 */
export function listColumns(): { key: string; items: string[] }[] {
  const out: { key: string; items: string[] }[] = [];
  for (const set of ['E2021', 'E2020', 'L2020'] as const) {
    const levels = listSetLevels(set);
    out.push({ key: set, items: levels.map((l) => l.level1) });
    const all = set === 'L2020' ? levels.flatMap((l) => l.level2) : level2Names(set === 'E2021' ? 2021 : 2020);
    out.push({ key: `${set}|`, items: all });
    for (const l of levels) out.push({ key: `${set}|${l.level1}`, items: l.level2 });
  }
  return out;
}

/** The `_BT_LISTS` sheet: always the same cells, whichever forms ask for it. */
export function planListsSheet(): HelperSheetPlan {
  const columns = listColumns();
  const height = LISTS_LAYOUT.firstItemRow - 1 + Math.max(...columns.map((c) => c.items.length));
  const cells: CellValue[][] = Array.from({ length: height }, () => Array<CellValue>(columns.length + 1).fill(null));
  cells[LISTS_LAYOUT.keyRow - 1][0] = LISTS_MARKER;
  cells[LISTS_LAYOUT.countRow - 1][0] = '个数';
  cells[LISTS_LAYOUT.firstItemRow - 1][0] = '预算编制助手的下拉列表，请勿修改';
  columns.forEach((c, j) => {
    cells[LISTS_LAYOUT.keyRow - 1][j + 1] = c.key;
    cells[LISTS_LAYOUT.countRow - 1][j + 1] = c.items.length;
    c.items.forEach((item, i) => (cells[LISTS_LAYOUT.firstItemRow - 1 + i][j + 1] = item));
  });
  return { name: LISTS_SHEET, cells, visibility: 'veryHidden' };
}

/**
 * The list source of a 二级 cell: the column of `_BT_LISTS` keyed by the set and the 一级 in
 * `level1Cell` (an absolute A1 address on the form, the anchor of the merged 一级 cell).
 */
export function level2ListFormula(set: ListSet, level1Cell: string): string {
  const key = `"${set}|"&${level1Cell}`;
  const keys = sheetRef(LISTS_SHEET, `$${LISTS_LAYOUT.keyRow}:$${LISTS_LAYOUT.keyRow}`);
  const counts = sheetRef(LISTS_SHEET, `$${LISTS_LAYOUT.countRow}:$${LISTS_LAYOUT.countRow}`);
  const anchor = sheetRef(LISTS_SHEET, `$A$${LISTS_LAYOUT.firstItemRow}`);
  const column = `MATCH(${key},${keys},0)`;
  return `=OFFSET(${anchor},0,${column}-1,INDEX(${counts},${column}),1)`;
}

/** `$A$14` for row 14, column 1. */
export function absolute(row: number, col: number): string {
  return `$${columnLetter(col)}$${row}`;
}
