import { isTier, TIERS, type Tier } from '../core/tier';
import { UsageError } from './args';

/** `--tier 市级|区级|县级`: the 财政级次 of the wording; undefined when not given. */
export function parseTier(value: string | undefined): Tier | undefined {
  if (value === undefined) return undefined;
  const tier = value.trim();
  if (!isTier(tier)) throw new UsageError(`--tier 应为 ${TIERS.join('、')} 之一（收到“${value}”）`);
  return tier;
}
