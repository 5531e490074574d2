import type { Amounts, ModelSheet } from '../model';
import type { Money } from '../money';
import { address } from '../plan/a1';
import type { ReadIssue } from '../read/parse';
import { finding } from './checks';
import type { Finding } from './types';

/**
 * Nothing unrecognised or untouched is ready to submit. A workbook in which no budget table
 * and no performance form is recognised is not a budget with nothing wrong in it; a table
 * in which not one figure was typed is not a table that adds up. Each says so once, as a
 * 错误: the workbook once, a table once (not once per row or per 一级).
 *
 * T6 and T7 are often empty by right; whether such an empty table says so is `emptyTable`'s.
 * A form with nothing typed is `formEmpty`'s, an 错误 as well.
 */

const EMPTY_BY_RIGHT = new Set(['T6', 'T7']);

const blank = (m: Money | null | undefined): boolean => m === null || m === undefined;
/** A total or subtotal the template computes: 0 or blank until something is typed. */
const nothing = (m: Money | null | undefined): boolean => blank(m) || m!.isZero();
const allBlank = (a: Amounts): boolean => Object.values(a).every(blank);
const allNothing = (a: Amounts): boolean => Object.values(a).every(nothing);

/** True when not one amount of the table was typed (a computed 0 is not typed). */
export function nothingTyped(sheet: ModelSheet): boolean {
  const d = sheet.data;
  switch (d.kind) {
    case 'coded':
      return d.rows.every((r) => allBlank(r.amounts)) && allNothing(d.total);
    case 'balance':
      return d.income.every((i) => blank(i.amount)) && d.expenditure.every((e) => allBlank(e.amounts)) && nothing(d.incomeTotal) && allNothing(d.expenditureTotal);
    case 'three-public': {
      const { total, vehicleTotal, ...typed } = d.amounts;
      return Object.values(typed).every(blank) && nothing(total) && nothing(vehicleTotal);
    }
    case 'projects':
      return d.rows.every((g) => blank(g.amount) && g.projects.every((p) => blank(p.amount))) && nothing(d.total);
    default:
      return false;
  }
}

/** A table that says why it is empty (`本单位无“三公”经费预算`) has been filled in: with that statement. */
function statesEmpty(sheet: ModelSheet): boolean {
  const d = sheet.data;
  return (d.kind === 'coded' || d.kind === 'three-public') && !!d.statement;
}

/** Where a clerk starts typing: the first amount cell under the header, else A1. */
function firstAmountCell(sheet: ModelSheet): string {
  const d = sheet.data;
  if (d.kind === 'balance') {
    const row = d.income[0]?.row;
    const col = d.at?.columns.income;
    if (row && col) return address(row, col);
  }
  if (d.kind === 'three-public' && d.at?.totalRow && d.at.columns.abroad) return address(d.at.totalRow, d.at.columns.abroad);
  return 'A1';
}

export function checkUnrecognised(sheets: ModelSheet[], issues: ReadIssue[]): Finding[] {
  if (!sheets.some((s) => s.data.kind !== 'text')) {
    const where = issues[0]?.sheet ?? sheets[0]?.sheetName ?? '';
    return [
      finding(
        'nothingRecognised',
        where,
        'A1',
        'A1：工作簿中没有识别出任何预算表或绩效表，不能报送；请确认打开的是要报送的工作簿，且各表的标题和表头与模板一致（可在任务窗格重新插入模板）',
      ),
    ];
  }
  const out: Finding[] = [];
  for (const s of sheets) {
    if (EMPTY_BY_RIGHT.has(s.specId) || !nothingTyped(s) || statesEmpty(s)) continue;
    const cell = firstAmountCell(s);
    const self = s.context.level === 'department' ? '本部门' : s.context.level === 'unit' ? '本单位' : '';
    out.push(finding('notFilled', s.sheetName, cell, `本表尚未填写（没有输入任何金额）；请填写${self ? `${self}的` : ''}预算数，没有的填0`));
  }
  return out;
}
