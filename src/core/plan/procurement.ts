import { fitRowHeights } from './text-height';
import type { BudgetContext } from '../model';
import { PROCUREMENT, PROCUREMENT_FIELDS, type ProcurementInputs } from '../previous/procurement';
import { address } from './a1';
import { PlanBuilder } from './builder';
import { fill, safeSheetName } from './build';
import { amountValidation } from './build';
import { formatMarker } from './marker';
import { textCell } from './text-cells';
import type { SheetPlan } from './types';

/** Where the figures sit: label in A, figure in B, from this row down. */
export const PROCUREMENT_FIRST_ROW = 4;
const INPUT: import('./types').CellStyle = { numberFormat: '#,##0.00', hAlign: 'right', locked: false, border: true, fill: '#FFF2CC' };

/**
 * The 政府采购 input block: a few labelled cells the draft reads (issue 16.3). Blank cells stay
 * blank (the draft then asks for them); typed figures may be given to prefill.
 */
export function planProcurement(ctx: BudgetContext, values: ProcurementInputs = {}): SheetPlan {
  const width = 2;
  const markerCol = 3;
  const b = new PlanBuilder();
  b.set(1, 1, textCell(fill(PROCUREMENT.title, ctx)));
  b.merge(1, 1, 1, width);
  b.style(1, 1, 1, width, { bold: true, fontSize: 14, hAlign: 'center' });
  b.set(2, 1, textCell(`${ctx.level === 'unit' ? '编制单位' : '编制部门'}：${ctx.org}`));
  b.set(2, 2, '单位：万元');
  b.style(2, 2, 2, 2, { hAlign: 'right' });
  b.set(3, 1, '项目');
  b.set(3, 2, '金额');
  b.style(3, 1, 3, 2, { bold: true, hAlign: 'center', border: true, fill: '#F2F2F2' });
  PROCUREMENT_FIELDS.forEach((f, i) => {
    const row = PROCUREMENT_FIRST_ROW + i;
    b.set(row, 1, f.label);
    const v = values[f.key];
    b.set(row, 2, v ? v.toNumber() : null);
  });
  const last = PROCUREMENT_FIRST_ROW + PROCUREMENT_FIELDS.length - 1;
  b.style(PROCUREMENT_FIRST_ROW, 1, last, 1, { border: true, wrap: true });
  b.style(PROCUREMENT_FIRST_ROW, 2, last, 2, INPUT);
  b.validations.push(amountValidation(`B${PROCUREMENT_FIRST_ROW}:B${last}`));
  b.set(last + 2, 1, '填写后运行“起草说明”（budget-tables draft），“三、政府采购预算情况”即按此填入；留空处起草为【请填写金额】。');
  b.merge(last + 2, 1, last + 2, width);
  b.style(last + 2, 1, last + 2, width, { wrap: true, color: '#595959' });
  b.rowHeights[last + 2] = 30;
  const marker = formatMarker({ specId: PROCUREMENT.id, level: ctx.level, year: ctx.year });
  b.set(1, markerCol, marker);
  return fitRowHeights(b.finish(
    {
      specId: PROCUREMENT.id,
      name: safeSheetName(PROCUREMENT.sheetName),
      marker,
      markerCell: address(1, markerCol),
      columnWidths: [48, 18, 4],
      hiddenColumns: [markerCol],
      freeze: { rows: 3, columns: 0 },
      print: { orientation: 'portrait', titleRows: '3:3', fitToWidth: true },
      protect: true,
      layout: { headerRows: [3, 3], dataRows: [PROCUREMENT_FIRST_ROW, last], totalRow: null, amountColumns: { amount: 2 }, codeColumns: 0, nameColumn: 1 },
    },
    markerCol,
  ));
}
