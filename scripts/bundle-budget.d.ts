// Types for scripts/bundle-budget.js, required by webpack.config.js and imported by its test.
import type { Compiler } from 'webpack';

export const BUDGETS: { firstLoad: number; file: number; [file: string]: number };
export const FIRST_LOAD: string[];
export class BundleBudgetPlugin {
  constructor(options?: { isOfficeJs?: (name: string) => boolean; budgets?: Record<string, number> });
  apply(compiler: Compiler): void;
}
