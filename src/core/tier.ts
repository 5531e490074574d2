import type { ModelSheet } from './model';

/**
 * 财政级次: which government's budget the body belongs to. The official wording names it
 * (名词解释: `市级预算主管部门`, `与市级财政有经费领拨关系`; 其他相关情况说明: `按照本市预算绩效
 * 管理工作的总体要求`); the 2026 district templates say 区级 and 本区 where the seeds say 市级 and
 * 本市. 市级 is the default because every seed is a Shanghai municipal body.
 */
export const TIERS = ['市级', '区级', '县级'] as const;
export type Tier = (typeof TIERS)[number];
export const DEFAULT_TIER: Tier = '市级';

export function isTier(v: unknown): v is Tier {
  return typeof v === 'string' && (TIERS as readonly string[]).includes(v);
}

/** The words the templates fill in: `{tier}` 市级, `{local}` 本市 (本区, 本县). */
export function tierWords(tier: Tier = DEFAULT_TIER): { tier: Tier; local: string } {
  return { tier, local: `本${tier.charAt(0)}` };
}

const GLOSSARY_TIER = /(市级|区级|县级)(预算主管部门|财政)/;

/**
 * The tier a workbook's own text states: its 名词解释 says `区级预算主管部门` or `区级财政`.
 * Undefined when no text section says it (a workbook of tables only).
 */
export function tierOfSheets(sheets: readonly ModelSheet[]): Tier | undefined {
  for (const s of sheets) {
    if (s.data.kind !== 'text') continue;
    for (const p of s.data.paragraphs) {
      const m = GLOSSARY_TIER.exec(p);
      if (m && isTier(m[1])) return m[1];
    }
  }
  return undefined;
}
