import type { Catalog } from '../catalog/catalog';
import type { ModelSheet } from '../model';
import { joinContinuations } from '../read/join';
import type { ReadIssue } from '../read/parse';
import { checkBalance, checkCodedTable, checkProjects, checkThreePublic, issueFindings } from './checks';
import { checkCompleteness } from './completeness';
import { checkCrossTables } from './cross';
import { checkDepartmentAgainstUnits, type DepartmentUnits } from './department-units';
import { checkForm, checkFormsAgainstProjects, isForm } from './forms';
import { checkNarrative } from './narrative';
import { checkBlankFigures, checkLevelWording, checkThreePublicStatement } from './statements';
import { checkSummaryAgainstForms, checkSummaryTotal, isSummary } from './summary';
import { checkUnrecognised } from './unrecognised';
import { checkChangeReasons, checkChangesAgainstComparison, checkDoubled, checkTextYears, checkTitleLevel } from './text-checks';
import type { Finding, RuleContext } from './types';

export interface Validation {
  findings: Finding[];
  counts: { error: number; warning: number };
  /** 可以报送: no 错误 */
  ready: boolean;
}

/** Runs every rule on the sheets read from one workbook. Reads nothing, changes nothing. */
export function validateSheets(read: ModelSheet[], issues: ReadIssue[], catalog: Catalog, units?: DepartmentUnits): Validation {
  const sheets = joinContinuations(read);
  // The budget year is the tables': a workbook may carry the year before's self-evaluations.
  // The summary belongs with the forms: its year is theirs, and it is no budget table.
  const performance = (s: ModelSheet) => isForm(s) || isSummary(s);
  const years = sheets.filter((s) => !performance(s)).map((s) => s.context.year).filter((y): y is number => y !== undefined);
  const ctx: RuleContext = { sheets, catalog, year: years[0] };
  const findings: Finding[] = [...issueFindings(issues)];
  for (const s of sheets) {
    const d = s.data;
    if (d.kind === 'coded') findings.push(...checkCodedTable(s, d, ctx));
    else if (d.kind === 'balance') findings.push(...checkBalance(s, d));
    else if (d.kind === 'three-public') findings.push(...checkThreePublic(s, d));
    else if (d.kind === 'projects') findings.push(...checkProjects(s, d));
    else if (d.kind === 'target-form' || d.kind === 'self-evaluation') findings.push(...checkForm(s, d));
    else if (isSummary(s)) findings.push(...checkSummaryTotal(s));
  }
  findings.push(...checkCrossTables(sheets));
  findings.push(...checkFormsAgainstProjects(sheets));
  findings.push(...checkSummaryAgainstForms(sheets));
  // A workbook of performance forms only is not a budget missing its tables.
  findings.push(...checkCompleteness(sheets.filter((s) => !performance(s)), ctx.year));
  findings.push(...checkNarrative(sheets));
  findings.push(...checkThreePublicStatement(sheets));
  findings.push(...checkBlankFigures(sheets));
  findings.push(...checkLevelWording(sheets.filter((s) => !performance(s))));
  findings.push(...checkChangeReasons(sheets));
  findings.push(...checkChangesAgainstComparison(sheets));
  findings.push(...checkTextYears(sheets, ctx.year));
  findings.push(...checkDoubled(sheets));
  findings.push(...checkTitleLevel(sheets.filter((s) => !performance(s))));
  if (units) findings.push(...checkDepartmentAgainstUnits(sheets, units));
  findings.push(...checkUnrecognised(sheets, issues));
  const counts = { error: findings.filter((f) => f.severity === 'error').length, warning: findings.filter((f) => f.severity === 'warning').length };
  return { findings, counts, ready: counts.error === 0 };
}
