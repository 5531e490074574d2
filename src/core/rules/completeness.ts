import type { CodedTableData, ModelSheet } from '../model';
import { specShortName } from '../specs/id-names';
import { TABLE_SPECS } from '../specs/tables';
import type { TableId } from '../specs/types';
import { finding } from './checks';
import type { Finding } from './types';

/**
 * Tables every submission carries (domain.md §4), and the statement an empty one needs.
 * T7 is required from budget year 2026: the first year the evidence here shows it (the 2026
 * district templates); the 2018–2021 disclosures have none.
 */
export const T7_REQUIRED_FROM = 2026;

export function requiredTables(year: number | undefined): TableId[] {
  const base: TableId[] = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T8', 'T9'];
  return year !== undefined && year >= T7_REQUIRED_FROM ? [...base.slice(0, 6), 'T7', ...base.slice(6)] : base;
}

const FUND_WORDS: Partial<Record<TableId, string>> = { T6: '政府性基金', T7: '国有资本经营' };

const SAYS_NONE = new Map<string, RegExp>();

/** “本单位无政府性基金…”, “政府性基金拨款支出预算0万元”: made once per fund's words. */
function saysNone(words: string): RegExp {
  let re = SAYS_NONE.get(words);
  if (!re) SAYS_NONE.set(words, (re = new RegExp(`无${words}|${words}[^。；\\n]*?(预算)?(为)?0(\\.0+)?万元`)));
  return re;
}

export function checkCompleteness(sheets: ModelSheet[], year: number | undefined): Finding[] {
  const tables = sheets.filter((s) => s.data.kind !== 'text');
  if (tables.length === 0) return [];
  const out: Finding[] = [];
  // A department's workbook speaks as 本部门, a unit's as 本单位 (issue 11 point 6).
  const level = sheets.find((s) => s.context.level)?.context.level;
  // Unknown level (no sheet says it): the statement without the body's word, never 本单位（部门）.
  const self = level === 'department' ? '本部门' : level === 'unit' ? '本单位' : '';
  const present = new Set(tables.map((s) => s.specId));
  for (const id of requiredTables(year)) {
    if (present.has(id)) continue;
    const spec = TABLE_SPECS.find((s) => s.id === id)!;
    out.push(
      finding('missingTable', tables[0].sheetName, 'A1', `工作簿缺少${id}“${specShortName(spec)}”；没有数据也应附上该表，并注明“${self}无…”`),
    );
  }
  let prose: string | null = null;
  for (const s of tables) {
    const words = FUND_WORDS[s.specId as TableId];
    if (!words || s.data.kind !== 'coded') continue;
    const d = s.data as CodedTableData;
    const empty = d.rows.length === 0 && Object.values(d.total).every((v) => !v || v.isZero());
    if (!empty || (d.statement && d.statement.trim())) continue;
    // The narrative may say it instead: “本单位无政府性基金…”, “政府性基金拨款支出预算0万元”.
    prose ??= sheets.flatMap((s) => (s.data.kind === 'text' ? s.data.paragraphs : [])).join('\n');
    const said = saysNone(words).test(prose);
    if (said) continue;
    const cell = d.at?.totalRow ? `B${d.at.totalRow + 1}` : 'A1';
    out.push(finding('emptyTable', s.sheetName, cell, `${cell}：本表没有数据，也没有说明；请在“说明”行写明“${self}无${words}预算支出”`));
  }
  return out;
}
