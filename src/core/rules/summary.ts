import type { ModelSheet, TargetFormData, TargetSummaryData } from '../model';
import { ZERO } from '../money';
import { address } from '../plan/a1';
import { projectKey } from '../plan/project-key';
import { isEmptyForm } from '../read/forms';
import { summaryTotalCell } from '../read/summary';
import { finding, v, yuan } from './checks';
import type { Finding } from './types';

/**
 * The 绩效目标汇总表 (domain.md §6): its 合计 is the sum of its lines, and each line is a target
 * form of the same workbook with the same money. Lines and forms are matched by project name
 * as U2 and the forms are (`projectKey`), since a clerk may rename the form sheets but the
 * project keeps its name.
 */

type Summary = ModelSheet & { data: TargetSummaryData };
type TargetForm = ModelSheet & { data: TargetFormData };

export const isSummary = (s: ModelSheet): s is Summary => s.data.kind === 'target-summary';

const nameCell = (d: TargetSummaryData, row: number | undefined) => (row && d.at ? address(row, d.at.columns.name) : 'A1');
const amountCell = (d: TargetSummaryData, row: number | undefined) => (row && d.at ? address(row, d.at.columns.amount) : 'A1');

/** The lines' range in one column as the clerk sees it, for a message (`C4:C6`); null when there is none. */
function linesRange(d: TargetSummaryData, cellIn: (d: TargetSummaryData, row: number) => string): string | null {
  const rows = d.rows.map((r) => r.row).filter((r): r is number => r !== undefined);
  if (rows.length === 0 || !d.at) return null;
  const first = cellIn(d, Math.min(...rows));
  const last = cellIn(d, Math.max(...rows));
  return first === last ? first : `${first}:${last}`;
}

export function checkSummaryTotal(sheet: Summary): Finding[] {
  const d = sheet.data;
  const sum = d.rows.reduce((s, r) => s.plus(v(r.amount)), ZERO);
  const total = v(d.total);
  if (total.eq(sum)) return [];
  const cell = summaryTotalCell(d);
  return [finding('summaryTotal', sheet.sheetName, cell, `${cell}：合计为${yuan(total)}，各项目金额之和（${linesRange(d, amountCell) ?? '没有项目行'}）为${yuan(sum)}，相差${yuan(total.minus(sum).abs())}；合计应等于各项目金额之和`)];
}

/** What the summary shows of a form: its 年度资金申请总额, or 项目当年预算 on the 2020 form. */
function formAmount(f: TargetForm) {
  return { amount: v(f.data.funds.annualTotal), label: f.data.long ? '项目当年预算' : '年度资金申请总额', cell: f.data.at?.cells.annualTotal ?? 'A1' };
}

export function checkSummaryAgainstForms(sheets: ModelSheet[]): Finding[] {
  const summaries = sheets.filter(isSummary);
  if (summaries.length === 0) return [];
  // A template nobody has filled in yet names no project: it is reported as 尚未填写 already.
  const forms = sheets.filter((s): s is TargetForm => s.data.kind === 'target-form' && !isEmptyForm(s.data) && projectKey(s.data.projectName) !== '');
  const out: Finding[] = [];
  for (const s of summaries) {
    const d = s.data;
    const listed = new Set<string>();
    for (const line of d.rows) {
      const key = projectKey(line.name);
      if (!key) continue;
      listed.add(key);
      const form = forms.find((f) => projectKey(f.data.projectName) === key);
      if (!form) {
        const cell = nameCell(d, line.row);
        out.push(finding('summaryNoForm', s.sheetName, cell, `${cell}：汇总表列有项目“${line.name}”，但工作簿中没有该项目的绩效目标申报表；应补上申报表，或从汇总表删去这一行`));
        continue;
      }
      const want = formAmount(form);
      const have = v(line.amount);
      if (have.eq(want.amount)) continue;
      const cell = amountCell(d, line.row);
      out.push(
        finding(
          'summaryVsForm',
          s.sheetName,
          cell,
          `${cell}：项目“${line.name}”的金额为${yuan(have)}，${form.sheetName}!${want.cell}的${want.label}为${yuan(want.amount)}，相差${yuan(have.minus(want.amount).abs())}；汇总表的金额应等于申报表的${want.label}`,
        ),
      );
    }
    for (const f of forms) {
      const key = projectKey(f.data.projectName);
      if (listed.has(key)) continue;
      listed.add(key);
      const want = formAmount(f);
      const names = linesRange(d, nameCell);
      const where = names ? `${s.sheetName}!${names}` : s.sheetName;
      const cell = f.data.at?.cells.projectName ?? 'A1';
      out.push(
        finding(
          'summaryMissing',
          f.sheetName,
          cell,
          `${cell}：项目“${f.data.projectName}”（${want.label}${yuan(want.amount)}）有绩效目标申报表，但${where}中没有该项目；汇总表应每个项目一行，请加上`,
        ),
      );
    }
  }
  return out;
}
