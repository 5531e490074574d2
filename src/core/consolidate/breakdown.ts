import type { Money } from '../money';
import { figureId, figuresOf } from './figures';
import type { Breakdown, BreakdownLine, UnitWorkbook } from './types';

/**
 * 分单位明细: each unit's amount of every department figure, in the units' order, with the
 * sum. Lines where no unit has an amount are left out.
 */
export function breakdownOf(units: { name: string; sheets: UnitWorkbook['sheets'] }[]): Breakdown {
  const lines = new Map<string, BreakdownLine>();
  units.forEach((u, i) => {
    for (const f of figuresOf(u.sheets, 'department')) {
      if (f.amount === null) continue;
      const id = figureId(f);
      let line = lines.get(id);
      if (!line) {
        line = { table: f.table, kind: f.kind, code: f.code, name: f.name, key: f.key, shares: new Array<Money | null>(units.length).fill(null), total: null };
        lines.set(id, line);
      }
      line.shares[i] = line.shares[i] ? line.shares[i]!.plus(f.amount) : f.amount;
      line.total = line.total ? line.total.plus(f.amount) : f.amount;
    }
  });
  return { units: units.map((u) => u.name), lines: [...lines.values()] };
}

