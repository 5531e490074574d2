import { RULES } from '../core/rules/catalog-of-rules';
import type { Finding, RuleSpec, Severity } from '../core/rules/types';
import type { MarkResult } from '../excel/marks';
import { joinList, t, type Lang, type Message } from './i18n';
import { errorDetail } from './result';

/**
 * The 校验 section as plain data: the status line, and the findings grouped by sheet and
 * rule for the list. Pure: no DOM and no Office, so it is unit tested; taskpane.ts renders it.
 */

export interface RuleGroup {
  rule: string;
  /** the rule's description from RULES in the pane's language, or its id when it has none */
  description: string;
  /** the worst severity among its findings */
  severity: Severity;
  findings: Finding[];
}

export interface SheetGroup {
  sheet: string;
  count: number;
  rules: RuleGroup[];
}

const DESCRIPTIONS: ReadonlyMap<string, RuleSpec> = new Map(Object.values(RULES).map((r) => [r.id, r]));

export function ruleDescription(rule: string, lang: Lang): string {
  const spec = DESCRIPTIONS.get(rule);
  if (!spec) return rule;
  return lang === 'en-US' ? spec.descriptionEn : spec.description;
}

/**
 * Sheets in the order they first appear; in each, rules with errors first, then as they first
 * appear. The headings are in `lang`; the findings' messages stay as the core wrote them (Chinese).
 */
export function groupFindings(findings: readonly Finding[], lang: Lang): SheetGroup[] {
  const sheets = new Map<string, Map<string, RuleGroup>>();
  for (const f of findings) {
    const rules = sheets.get(f.sheet) ?? new Map<string, RuleGroup>();
    sheets.set(f.sheet, rules);
    const g = rules.get(f.rule) ?? { rule: f.rule, description: ruleDescription(f.rule, lang), severity: f.severity, findings: [] };
    if (f.severity === 'error') g.severity = 'error';
    g.findings.push(f);
    rules.set(f.rule, g);
  }
  return [...sheets].map(([sheet, rules]) => {
    const list = [...rules.values()];
    const ordered = [...list.filter((g) => g.severity === 'error'), ...list.filter((g) => g.severity !== 'error')];
    return { sheet, count: ordered.reduce((n, g) => n + g.findings.length, 0), rules: ordered };
  });
}

export interface CheckSummary {
  ready: boolean;
  counts: { error: number; warning: number };
}

/** 可以报送 / 不能报送 with the counts. */
export function statusMessage(s: CheckSummary): Message {
  return s.ready
    ? { key: 'check.ready', params: { warnings: s.counts.warning } }
    : { key: 'check.notReady', params: { errors: s.counts.error, warnings: s.counts.warning } };
}

export function severityLabel(lang: Lang, severity: Severity): string {
  return t(lang, severity === 'error' ? 'check.severity.error' : 'check.severity.warning');
}

export function explainCheckError(err: unknown): Message {
  const detail = errorDetail(err);
  if (err instanceof ReferenceError && /\b(Excel|Office)\b/.test(detail)) return { key: 'check.needsExcel' };
  return detail ? { key: 'check.error.generic', params: { detail } } : { key: 'check.error.genericNoDetail' };
}

/**
 * What the marks could not do as asked, for the notes under the status: cells marked by fill
 * alone (the clerk's comment or note stays), cells left unmarked, sheets skipped for a password,
 * cells changed since they were marked and left as they are.
 */
export function markNotes(marks: MarkResult, lang: Lang): Message[] {
  const notes: Message[] = [];
  if (!marks.recorded) notes.push({ key: 'check.marks.noRecord' });
  if (!marks.comments && marks.marked > 0) notes.push({ key: 'check.noComments' });
  if (marks.fillOnly > 0) notes.push({ key: 'check.marks.fillOnly', params: { n: marks.fillOnly } });
  if (marks.unmarked > 0) notes.push({ key: 'check.marks.unmarked', params: { n: marks.unmarked } });
  if (marks.skippedSheets.length > 0) notes.push({ key: 'check.marks.skipped', params: { sheets: joinList(lang, marks.skippedSheets) } });
  if (marks.leftAsIs > 0) notes.push({ key: 'check.marks.leftAsIs', params: { n: marks.leftAsIs } });
  return notes;
}
