/**
 * 财政级次: the level of government whose wording the glossary and definitions use
 * (`{tier}` in specs/texts.ts, issue 15 point 2). 市级 as in the seeds unless chosen.
 */
export const TIERS = ['市级', '区级', '县级'] as const;
export type Tier = (typeof TIERS)[number];

export function isTier(v: unknown): v is Tier {
  return (TIERS as readonly unknown[]).includes(v);
}
