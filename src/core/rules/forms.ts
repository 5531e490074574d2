import type { FormData, FormPositions, ModelSheet, ProjectTableData, TargetFormData } from '../model';
import { Money, ZERO } from '../money';
import { placeCells, selfEvaluationProblems, targetFormProblems, type FormProblem } from '../performance/rules';
import { address } from '../plan/a1';
import { projectKey } from '../plan/project-key';
import { isEmptyForm } from '../read/forms';
import { finding, v, yuan } from './checks';
import type { Finding } from './types';

/**
 * The performance-form rules (`performance/rules.ts`) on forms read from sheets, as the
 * validator's findings: the same ids and severities, each at the cell it is about, the
 * message starting with that cell. Plus the two rules between a form and the workbook's
 * 项目支出预算表 (U2).
 */

function cellOf(p: FormProblem, at: FormPositions | undefined): string {
  if (!at) return 'A1';
  if (p.indicator?.row && p.column) {
    const col = at.indicatorColumns[p.column] ?? at.indicatorColumns.level3;
    if (col) return address(p.indicator.row, col);
  }
  return (p.field && at.cells[p.field]) || at.cells.indicatorHeader || 'A1';
}

export function isForm(sheet: ModelSheet): sheet is ModelSheet & { data: FormData } {
  return sheet.data.kind === 'target-form' || sheet.data.kind === 'self-evaluation';
}

export function checkForm(sheet: ModelSheet, data: FormData): Finding[] {
  if (isEmptyForm(data)) {
    const cell = data.at?.cells.projectName ?? 'A1';
    const what = data.kind === 'target-form' ? '绩效目标申报表' : '绩效自评表';
    return [finding('formEmpty', sheet.sheetName, cell, `${cell}：${what}尚未填写（没有项目名称、金额和指标）；请填写，或删去这张表`)];
  }
  const problems = data.kind === 'target-form' ? targetFormProblems(data) : selfEvaluationProblems(data);
  return problems.map((p) => {
    const cell = cellOf(p, data.at);
    return finding(p.rule, sheet.sheetName, cell, `${cell}：${placeCells(p.text, data.at?.cells)}`);
  });
}

/**
 * The forms beside the budget's U2: a target form's 当年财政拨款 and a self-evaluation's
 * 年初预算数 are the project's money there. Forms and projects are matched by project name as
 * the prefill matches them (`projectKey`: full-width brackets and spaces do not count).
 */
export function checkFormsAgainstProjects(sheets: ModelSheet[]): Finding[] {
  const u2 = sheets.find((s) => s.specId === 'U2' && s.data.kind === 'projects');
  if (!u2) return [];
  return [...targetFormsAgainstProjects(u2, sheets), ...selfEvaluationsAgainstProjects(u2, sheets)];
}

/**
 * A project's money in U2 and the U2 cell that shows it; null when U2 does not list it. A
 * project listed under several 项 is one project: its money is the sum of its lines.
 */
function inU2(table: ProjectTableData, projectName: string): { amount: Money; cell: string | null } | null {
  const name = projectKey(projectName);
  if (!name) return null;
  const same = table.rows.flatMap((g) => g.projects).filter((p) => projectKey(p.name) === name);
  if (same.length === 0) return null;
  return {
    amount: same.reduce((sum, p) => sum.plus(v(p.amount)), ZERO),
    cell: same[0].row ? address(same[0].row, table.at?.columns.amount ?? 7) : null,
  };
}

/**
 * A target form's 当年财政拨款 is the project's money in U2 (错误 when they differ), and when a
 * workbook carries target forms, each U2 project should have one (提示).
 */
function targetFormsAgainstProjects(u2: ModelSheet, sheets: ModelSheet[]): Finding[] {
  const forms = sheets.filter((s): s is ModelSheet & { data: TargetFormData } => s.data.kind === 'target-form');
  if (forms.length === 0) return [];
  const table = u2.data as ProjectTableData;
  const out: Finding[] = [];
  const matched = new Set<string>();
  for (const f of forms) {
    const project = inU2(table, f.data.projectName);
    if (!project) continue;
    matched.add(projectKey(f.data.projectName));
    // The 2020 long form has no 当年财政拨款: its 项目当年预算 is the money asked of the budget.
    const key = f.data.long ? 'annualTotal' : 'annualFiscal';
    const fiscal = v(f.data.funds[key]);
    if (fiscal.eq(project.amount)) continue;
    const cell = f.data.at?.cells[key] ?? 'A1';
    out.push(
      finding(
        'formVsProjects',
        f.sheetName,
        cell,
        `${cell}：项目“${f.data.projectName}”的${f.data.long ? '项目当年预算' : '当年财政拨款'}为${yuan(fiscal)}，${u2.sheetName}${project.cell ? `!${project.cell}` : ''}中该项目为${yuan(project.amount)}，相差${yuan(fiscal.minus(project.amount).abs())}；两者应一致`,
      ),
    );
  }
  for (const p of table.rows.flatMap((g) => g.projects)) {
    if (!p.name || matched.has(projectKey(p.name))) continue;
    matched.add(projectKey(p.name));
    const cell = p.row ? address(p.row, table.at?.nameColumn ?? 6) : 'A1';
    out.push(finding('formMissing', u2.sheetName, cell, `${cell}：项目“${p.name}”（${yuan(v(p.amount))}）没有绩效目标申报表；工作簿中已有其他项目的申报表，每个项目都应填报一张`));
  }
  return out;
}

/**
 * A self-evaluation's 年初预算数 of 当年财政拨款 is what that year's budget gave the project, so
 * beside a U2 of the same year it must be the project's U2 amount (错误 when not). Years that
 * are not both known, or differ, say nothing: a 2021 evaluation is not held to a 2022 budget.
 */
function selfEvaluationsAgainstProjects(u2: ModelSheet, sheets: ModelSheet[]): Finding[] {
  const table = u2.data as ProjectTableData;
  const year = u2.context.year;
  const out: Finding[] = [];
  for (const s of sheets) {
    if (s.data.kind !== 'self-evaluation') continue;
    const f = s.data;
    const initial = f.funds.initialFiscal;
    if (!initial || year === undefined || f.year !== year) continue;
    const project = inU2(table, f.projectName);
    if (!project || initial.eq(project.amount)) continue;
    const cell = f.at?.cells.initialFiscal ?? 'A1';
    out.push(
      finding(
        'selfVsProjects',
        s.sheetName,
        cell,
        `${cell}：项目“${f.projectName}”当年财政拨款的年初预算数为${yuan(initial)}，${u2.sheetName}${project.cell ? `!${project.cell}` : ''}中该项目为${yuan(project.amount)}，相差${yuan(initial.minus(project.amount).abs())}；年初预算数应为当年预算中的金额`,
      ),
    );
  }
  return out;
}
