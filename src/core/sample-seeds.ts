import police2018 from '../../seeds/budgets/2018-shanghai-police-department.json';
import hrss2020 from '../../seeds/budgets/2020-shanghai-hrss-department.json';
import card2021 from '../../seeds/budgets/2021-shanghai-social-security-card-unit.json';
import type { SeedBudget } from './seed-types';

/**
 * The three seed budgets, bundled so the CLI and the task pane can both make the sample
 * workbooks without reading files. JSON imports widen literal types, so each is checked
 * at load for the fields the types narrow.
 */
function asSeedBudget(json: unknown): SeedBudget {
  const s = json as SeedBudget;
  if ((s.level !== 'unit' && s.level !== 'department') || typeof s.year !== 'number' || !s.tables || !s.org) {
    throw new Error(`seed ${String((json as { id?: unknown }).id)} is not a budget transcription`);
  }
  return s;
}

export const SEED_BUDGETS: readonly SeedBudget[] = [police2018, hrss2020, card2021].map(asSeedBudget);
