import type { ModelSheet } from '../model';
import type { TableId } from '../specs/types';
import { SUMMED_TABLES } from './figures';
import type { UnitWorkbook } from './types';

export const isUnitTable = (s: ModelSheet) => SUMMED_TABLES.includes(s.specId as TableId) || s.specId === 'U1' || s.specId === 'U2';

/** The unit's name as its tables give it (编制单位：…), else the file's name. */
export function unitName(u: UnitWorkbook): string {
  const named = u.sheets.find((s) => isUnitTable(s) && s.context.org)?.context.org;
  return named ?? (u.source.split(/[\\/]/).pop() ?? u.source).replace(/\.xlsx$/i, '');
}

/** Whether the unit's own tables name it (a file name is no name for 机构设置). */
export function unitNamed(u: UnitWorkbook): boolean {
  return u.sheets.some((s) => isUnitTable(s) && !!s.context.org);
}

