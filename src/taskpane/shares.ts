import { figureId, figuresOf } from '../core/consolidate/figures';
import type { Breakdown } from '../core/consolidate/types';
import type { ModelSheet } from '../core/model';
import { formatAmount, type Money } from '../core/money';
import { columnLabel } from '../core/plan/unit-breakdown';
import type { Message } from './i18n';
import { errorDetail } from './result';

/**
 * 所属单位构成 (issue 17 point 3, in the pane): the units' shares of the department figure in
 * the selected cell, taken from the workbook's 分单位明细. Pure: no DOM, no Office.
 */

export interface SharesView {
  sheet: string;
  cell: string;
  /** the 科目 or line name and the column, as 分单位明细 names them */
  name: string;
  column: string;
  /** 元 (`yuan`), or 万元 (`wan`) for the “三公” table */
  unit: 'yuan' | 'wan';
  total: string | null;
  /** biggest first; units with nothing in this figure left out */
  shares: { unit: string; amount: string }[];
}

/** `'部门收入总表'!E7` → the sheet and the cell (the first cell of a range). */
export function splitAddress(address: string): { sheet: string; cell: string } {
  const at = address.lastIndexOf('!');
  const sheet = address.slice(0, at).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  const cell = address.slice(at + 1).split(':')[0].replace(/\$/g, '');
  return { sheet, cell };
}

export function sharesAt(sheets: ModelSheet[], breakdown: Breakdown | null | undefined, address: string): SharesView | Message {
  if (!breakdown) return { key: 'shares.noBreakdown' };
  const { sheet, cell } = splitAddress(address);
  const figure = figuresOf(sheets, 'department').find((f) => f.sheet === sheet && f.cell === cell);
  if (!figure) return { key: 'shares.notAFigure', params: { sheet, cell } };
  const line = breakdown.lines.find((l) => figureId(l) === figureId(figure));
  if (!line) return { key: 'shares.notListed', params: { sheet, cell } };
  const shares = line.shares
    .map((m, i) => ({ unit: breakdown.units[i], m }))
    .filter((x): x is { unit: string; m: Money } => x.m !== null && !x.m.isZero())
    .sort((a, b) => b.m.abs().comparedTo(a.m.abs()))
    .map((x) => ({ unit: x.unit, amount: formatAmount(x.m, 2) }));
  return {
    sheet,
    cell,
    name: line.name || line.code,
    column: columnLabel(line),
    unit: line.table === 'T9' ? 'wan' : 'yuan',
    total: line.total ? formatAmount(line.total, 2) : null,
    shares,
  };
}

export function explainSharesError(err: unknown): Message {
  const detail = errorDetail(err);
  return detail ? { key: 'shares.error.generic', params: { detail } } : { key: 'shares.error.genericNoDetail' };
}
