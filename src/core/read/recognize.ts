import { parseMarker, type Marker } from '../plan/marker';
import { TABLE_SPECS } from '../specs/tables';
import { TEXT_SPECS } from '../specs/texts';
import type { BudgetLevel, Spec } from '../specs/types';
import { cellAt, compactText, SheetGrid } from './grid';

export interface Recognition {
  spec: Spec;
  level?: BudgetLevel;
  year?: number;
  org?: string;
  /** how it was recognised */
  by: 'marker' | 'title';
}

/** The distinctive part of a title: `{year}年预算单位收入预算总表` → `收入预算总表`. */
function titleCore(template: string): string {
  return template.replace(/\{year\}年/, '').replace(/^(预算单位|部门|单位)/, '').replace(/\{\w+\}/g, '');
}

// Longer cores first, so 财政拨款收支预算总表 wins over 收支预算总表 and 财政拨款项目支出预算表 over 财政拨款支出预算表.
const TITLE_CORES: { core: string; spec: Spec }[] = [...TABLE_SPECS, ...TEXT_SPECS]
  .map((spec) => ({ core: titleCore(spec.title.unit), spec }))
  .filter((t) => t.core.length >= 4)
  .sort((a, b) => b.core.length - a.core.length);

const ALL_SPECS: Spec[] = [...TABLE_SPECS, ...TEXT_SPECS];

const SCAN_ROWS = 6;
const SCAN_COLS = 40;

/**
 * Which table a sheet holds: by the add-in's marker in row 1, else by a title in the official
 * wording in the first rows. Returns null when neither is found: the caller reports the sheet
 * as not recognised rather than guessing.
 */
export function recognizeSheet(grid: SheetGrid): Recognition | null {
  const row1 = grid.values[0] ?? [];
  for (const v of row1) {
    const m = parseMarker(v);
    if (m) {
      const spec = ALL_SPECS.find((s) => s.id === m.specId);
      if (spec) return { spec, level: m.level, year: m.year, org: findOrg(grid), by: 'marker' };
    }
  }
  for (let r = 1; r <= SCAN_ROWS; r++) {
    for (let c = 1; c <= SCAN_COLS; c++) {
      const text = compactText(cellAt(grid, r, c));
      if (text.length < 4) continue;
      const hit = TITLE_CORES.find((t) => text.includes(t.core));
      if (!hit) continue;
      const year = /(\d{4})年/.exec(text);
      const level: BudgetLevel | undefined = /部门/.test(text.replace(hit.core, '')) ? 'department' : /单位/.test(text) ? 'unit' : undefined;
      return { spec: hit.spec, level, year: year ? Number(year[1]) : undefined, org: findOrg(grid), by: 'title' };
    }
  }
  return null;
}

/**
 * The add-in's marker of a sheet: the first one in row 1. Found once by the reader and handed
 * to each recognizer in turn (each used to scan row 1 again).
 */
export function rowOneMarker(grid: SheetGrid): Marker | null {
  for (const v of grid.values[0] ?? []) {
    const m = parseMarker(v);
    if (m) return m;
  }
  return null;
}

const COVER_TITLE = /^\S{0,20}?\d{4}年(市级|区级|县级)?(部门|单位)预算$/;
const COVER_ROWS = 12;

/**
 * A 封面 or 目录 (specs/pack.ts) by the add-in's marker, or a 目录 titled `目 录` in A1 as the
 * district templates title it. Nothing in them is checked, so the reader passes over them
 * without a `not-recognised` (before recognizing by title: a 目录 lists the tables' titles).
 */
export function isPackSheet(grid: SheetGrid, marker: Marker | null = rowOneMarker(grid)): boolean {
  if (marker) return marker.specId === 'cover' || marker.specId === 'contents';
  return compactText(cellAt(grid, 1, 1)) === '目录';
}

/**
 * The district templates' 封面 without a marker: `上海市普陀区2026年区级部门预算` alone in a cell
 * of its first rows. Asked only of a sheet that is no table, so a table is never passed over.
 */
export function isCoverSheet(grid: SheetGrid): boolean {
  for (let r = 1; r <= COVER_ROWS; r++) {
    for (let c = 1; c <= SCAN_COLS; c++) if (COVER_TITLE.test(compactText(cellAt(grid, r, c)))) return true;
  }
  return false;
}

const ORG_LINE = /^编制(单位|部门)[:：](.*)$/;

function findOrg(grid: SheetGrid): string | undefined {
  for (let r = 1; r <= SCAN_ROWS; r++) {
    const cells = grid.values[r - 1];
    if (!cells) continue;
    const width = Math.min(cells.length, SCAN_COLS);
    for (let c = 0; c < width; c++) {
      const v = cells[c];
      // only text can say 编制单位 (asked of every table: most cells are passed over untouched)
      if (typeof v !== 'string' || !v.includes('编')) continue;
      const m = ORG_LINE.exec(compactText(v));
      if (m) return m[2] || undefined;
    }
  }
  return undefined;
}
