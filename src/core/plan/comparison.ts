import { fitRowHeights } from './text-height';
import type { BudgetContext } from '../model';
import type { Comparison, ComparisonRow, ComparisonSection } from '../previous/compare';
import { address } from './a1';
import { PlanBuilder } from './builder';
import { fill, safeSheetName } from './build';
import { formatMarker } from './marker';
import { textCell } from './text-cells';
import type { CellStyle, SheetPlan } from './types';

/**
 * The 上年对比 sheet (issue 16.2): one row per compared figure, 增减额 and 增减率 as formulas,
 * and 需说明原因 following the threshold typed in C3, so a clerk who changes the threshold or
 * a figure sees at once which 原因 are needed. The 原因 cells are inputs; those the plan's own
 * threshold requires are filled in the input colour. Each row's key sits in the hidden marker
 * column, so the sheet reads back whatever a clerk does to its labels.
 */
export { COMPARISON, COMPARISON_COLUMNS, COMPARISON_HEADER_ROW, COMPARISON_THRESHOLD_CELL } from './comparison-layout';
import { COMPARISON, COMPARISON_COLUMNS, COMPARISON_HEADER_ROW, COMPARISON_THRESHOLD_CELL } from './comparison-layout';
const WIDTH = 10;

export const SECTION_TITLES: Record<ComparisonSection, string> = {
  functional: '一、支出预算（按支出功能分类科目，支出预算总表）　单位：元',
  'three-public': '二、“三公”经费和机关运行经费　单位：万元',
  balance: '三、财务收支预算总表（收入、支出及人员经费、公用经费、项目支出）　单位：元',
};

const HEADER: CellStyle = { bold: true, hAlign: 'center', vAlign: 'center', wrap: true, border: true, fill: '#F2F2F2' };
const INPUT_FILL = '#FFF2CC';
const FORMAT: Record<string, string> = { 元: '#,##0.00', 万元: '#,##0.00' };

export function planComparison(ctx: BudgetContext, comparison: Comparison): SheetPlan {
  const C = COMPARISON_COLUMNS;
  const b = new PlanBuilder();
  const prevYear = comparison.previousYear ?? ctx.year - 1;
  b.title(textCell(fill(COMPARISON.title, ctx)), WIDTH);
  b.set(2, 1, textCell(`${ctx.level === 'unit' ? '编制单位' : '编制部门'}：${ctx.org}`));
  b.merge(2, 1, 2, 5);
  b.set(2, 6, textCell(`上年：${prevYear}年预算；本年：${ctx.year}年预算`));
  b.merge(2, 6, 2, WIDTH);
  b.style(2, 6, 2, WIDTH, { hAlign: 'right' });
  b.set(3, 1, '须说明原因的增减率阈值（%）');
  b.merge(3, 1, 3, 2);
  b.style(3, 1, 3, 2, { bold: true, hAlign: 'right', vAlign: 'center', wrap: true });
  b.set(3, 3, comparison.threshold.toNumber());
  b.style(3, 3, 3, 3, { numberFormat: '0.00', hAlign: 'center', locked: false, border: true, fill: INPUT_FILL });
  b.validations.push({ range: COMPARISON_THRESHOLD_CELL, kind: 'decimal', min: 0, max: 1000, strict: true, error: { title: '阈值', text: '请输入 0–1000 之间的百分数，如 10' } });
  b.set(3, 4, '增减率的绝对值达到此数，或上年为 0 而本年不为 0 时，“需说明原因”显示“是”，请在“原因”栏填写。');
  b.merge(3, 4, 3, WIDTH);
  b.style(3, 4, 3, WIDTH, { wrap: true, color: '#595959' });
  b.rowHeights[3] = 30;
  b.header(COMPARISON_HEADER_ROW, 1, [['科目编码', '项目', '栏目', '上年预算数', '本年预算数', '增减额', '增减率', '需说明原因', '原因', '上年科目（编码变动时）']]);
  b.style(COMPARISON_HEADER_ROW, 1, COMPARISON_HEADER_ROW, WIDTH, HEADER);

  let row = COMPARISON_HEADER_ROW + 1;
  let section: ComparisonSection | null = null;
  const t = `$${COMPARISON_THRESHOLD_CELL[0]}$${COMPARISON_THRESHOLD_CELL.slice(1)}`;
  for (const r of comparison.rows) {
    if (r.section !== section) {
      section = r.section;
      b.set(row, 1, SECTION_TITLES[section]);
      b.merge(row, 1, row, WIDTH);
      b.style(row, 1, row, WIDTH, { bold: true, border: true, fill: '#DDEBF7' });
      row++;
    }
    writeRow(b, row, r, t);
    row++;
  }
  const first = COMPARISON_HEADER_ROW + 1;
  const last = row - 1;
  const marker = formatMarker({ specId: COMPARISON.id, level: ctx.level, year: ctx.year });
  b.set(1, C.key, marker);
  return fitRowHeights(b.finish(
    {
      specId: COMPARISON.id,
      name: safeSheetName(COMPARISON.sheetName),
      marker,
      markerCell: address(1, C.key),
      // 118 units: the widest that prints its 10.5-pt body at 10 pt on A4 landscape (print.ts);
      // amounts keep 16 for a department's 元 totals (2,587,850,000.00), the words wrap instead
      columnWidths: [9, 18, 9, 16, 16, 16, 8, 6, 13, 7, 4],
      hiddenColumns: [C.key],
      freeze: { rows: COMPARISON_HEADER_ROW, columns: 3 },
      print: { orientation: 'landscape', titleRows: `${COMPARISON_HEADER_ROW}:${COMPARISON_HEADER_ROW}`, fitToWidth: true },
      // the figures and formulas are locked; the threshold and every 原因 are typed
      protect: true,
      layout: {
        headerRows: [COMPARISON_HEADER_ROW, COMPARISON_HEADER_ROW],
        dataRows: [first, last],
        totalRow: null,
        amountColumns: { previous: C.previous, current: C.current, change: C.change },
        codeColumns: 1,
        nameColumn: C.label,
      },
    },
    C.key,
  ));
}

function writeRow(b: PlanBuilder, row: number, r: ComparisonRow, threshold: string): void {
  const C = COMPARISON_COLUMNS;
  const a = (col: number) => address(row, col);
  const [D, E, G] = [a(C.previous), a(C.current), a(C.rate)];
  b.set(row, C.code, textCell(r.code));
  b.set(row, C.label, textCell(r.label));
  b.set(row, C.column, r.column);
  b.set(row, C.previous, r.previous.toNumber());
  b.set(row, C.current, r.current.toNumber());
  b.set(row, C.change, `=${E}-${D}`);
  b.results[a(C.change)] = r.change.toNumber();
  b.set(row, C.rate, `=IF(${D}=0,"",ROUND((${E}-${D})/ABS(${D}),4))`);
  if (r.rate) b.results[a(C.rate)] = r.rate.div(100).toNumber();
  else b.textResults[a(C.rate)] = '';
  // the rate as the sheet shows it (two decimals of a percent) against the threshold cell; IF,
  // not OR, so the blank rate of a row without last year is never evaluated (#VALUE!)
  b.set(row, C.flag, `=IF(${D}=0,IF(${E}<>0,"是",""),IF(ROUND(ABS(${G})*100,2)>=${threshold},"是",""))`);
  b.textResults[a(C.flag)] = r.reasonRequired ? '是' : '';
  b.set(row, C.reason, textCell(r.reason));
  b.set(row, C.previousCodes, textCell(r.previousCodes?.join('、') ?? null));
  b.set(row, C.key, r.key);
  b.style(row, 1, row, WIDTH, { border: true });
  b.style(row, C.code, row, C.code, { numberFormat: '@', hAlign: 'center' });
  b.style(row, C.column, row, C.column, { hAlign: 'center' });
  b.style(row, C.label, row, C.label, { wrap: true });
  b.style(row, C.previousCodes, row, C.previousCodes, { wrap: true });
  b.style(row, C.previous, row, C.change, { numberFormat: FORMAT[r.unit], hAlign: 'right' });
  b.style(row, C.rate, row, C.rate, { numberFormat: '0.00%', hAlign: 'right' });
  b.style(row, C.flag, row, C.flag, { hAlign: 'center', color: '#C00000', bold: true });
  b.style(row, C.reason, row, C.reason, { numberFormat: '@', wrap: true, locked: false, ...(r.reasonRequired ? { fill: INPUT_FILL } : {}) });
  if (r.section === 'functional' && r.column !== '合计') b.style(row, C.label, row, C.label, { color: '#595959' });
}

