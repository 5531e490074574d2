import type { ModelSheet, TargetFormData, TargetSummaryData } from '../../src/core/model';
import { Money } from '../../src/core/money';
import { checkSummaryAgainstForms, checkSummaryTotal } from '../../src/core/rules/summary';

/**
 * The summary rules on the model itself, for what the .xlsx tests do not plan: the 2020 long
 * form (its 项目当年预算 is what the summary shows), a template nobody has filled in, and an
 * empty summary.
 */

const none = { total: null, fiscal: null, other: null, annualTotal: null, annualFiscal: null, carryOver: null, annualOther: null };

function longForm(name: string, annual: string): ModelSheet & { data: TargetFormData } {
  return {
    sheetName: `绩效目标2020-${name}`,
    specId: 'target-form-2020',
    context: { year: 2020 },
    data: {
      kind: 'target-form',
      projectName: name,
      year: 2020,
      funds: { ...none, total: new Money(annual), annualTotal: new Money(annual) },
      indicators: [],
      long: { subProjects: [], subProjectTotal: null, previousBudget: null, previousExecuted: null },
      at: { cells: { projectName: 'B3', annualTotal: 'F5' }, indicatorColumns: {}, headerRow: 20 },
    },
  };
}

function summary(rows: [string, string | null][], total: string | null): ModelSheet & { data: TargetSummaryData } {
  return {
    sheetName: '汇总',
    specId: 'target-summary',
    context: {},
    data: {
      kind: 'target-summary',
      rows: rows.map(([name, amount], i) => ({ name, amount: amount === null ? null : new Money(amount), row: 4 + i })),
      total: total === null ? null : new Money(total),
      at: { columns: { name: 2, amount: 3 }, headerRow: 3, totalRow: 4 + rows.length },
    },
  };
}

describe('the summary rules on the model', () => {
  it('a 2020 long form: the line is held to its 项目当年预算, and the message says so', () => {
    const s = summary([['社会保险服务费', '1200000.50']], '1200000.50');
    const fs = checkSummaryAgainstForms([s, longForm('社会保险服务费', '1200000.00')]);
    expect(fs.map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`)).toEqual(['summary-vs-form error 汇总!C4']);
    expect(fs[0].message).toBe('项目“社会保险服务费”的金额为1,200,000.5元，绩效目标2020-社会保险服务费!F5的项目当年预算为1,200,000元，相差0.5元；汇总表的金额应等于申报表的项目当年预算');
    expect(checkSummaryAgainstForms([summary([['社会保险服务费', '1200000']], '1200000'), longForm('社会保险服务费', '1200000')])).toEqual([]);
  });

  it('a blank target form (no project name) asks for no line; a line with no name asks for no form', () => {
    const blank = longForm('', '0');
    expect(checkSummaryAgainstForms([summary([['', '5']], '5'), blank])).toEqual([]);
  });

  it('合计 of an empty summary is 0 or blank; a blank 合计 over lines is caught', () => {
    expect(checkSummaryTotal(summary([], '0'))).toEqual([]);
    expect(checkSummaryTotal(summary([], null))).toEqual([]);
    const fs = checkSummaryTotal(summary([['甲', '0.10'], ['乙', '0.20']], null));
    expect(fs.map((f) => `${f.rule} ${f.cell}`)).toEqual(['summary-total C6']);
    expect(fs[0].message).toBe('合计为0元，各项目金额之和（C4:C5）为0.3元，相差0.3元；合计应等于各项目金额之和');
  });

  it('a workbook without a summary gets no summary finding, whatever its forms', () => {
    expect(checkSummaryAgainstForms([longForm('社会保险服务费', '1')])).toEqual([]);
  });
});
