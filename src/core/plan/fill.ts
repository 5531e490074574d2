import type { BudgetContext } from '../model';
import { tierWords } from '../tier';

/**
 * A spec's words for one body: `{year}`, `{prevYear}`, `{org}`, `{tier}` (市级, 区级, 县级) and
 * `{local}` (本市, 本区, 本县); `extra` adds more (`{project}`). An unknown slot stays as written.
 */
export function fill(template: string, ctx: BudgetContext, extra: Record<string, string> = {}): string {
  const values: Record<string, string> = {
    year: String(ctx.year),
    prevYear: String(ctx.year - 1),
    org: ctx.org,
    ...tierWords(ctx.tier),
    ...extra,
  };
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}
