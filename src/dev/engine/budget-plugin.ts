import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import { codeLevel, codeName, codeParent, diff, execRate, gradeOf, isProblem, rollup, score, wan } from '../../functions/logic';

/**
 * The `BUDGET.*` custom functions as a HyperFormula plugin, each calling the add-in's own
 * logic (src/functions/logic.ts), so a preview or a test evaluates what Excel would.
 * HyperFormula is GPL-3 (licence key `gpl-v3`): this file is for the preview and the tests
 * only; scripts/check-dist.js fails the production build if it reaches dist/.
 */

const plain = (v: unknown): unknown => (typeof v === 'symbol' || v === undefined ? null : v);
/** A range as the rows of values Excel passes a custom function; a scalar as itself. */
const arg = (v: unknown): unknown => (v instanceof SimpleRangeValue ? v.data.map((r) => r.map(plain)) : plain(v));
const matrix = (v: unknown): unknown[][] => (v instanceof SimpleRangeValue ? v.data.map((r) => r.map(plain)) : [[plain(v)]]);

type Result = string | number | ReturnType<typeof rollup>;

function answer(r: Result): unknown {
  if (isProblem(r)) return new CellError(r.problem === 'notFound' ? ErrorType.NA : ErrorType.VALUE, r.message);
  // HyperFormula needs an array's size before evaluating it: a list formula on its own is
  // spilled by workbook-engine.ts; a list inside another formula cannot be here.
  if (Array.isArray(r)) return new CellError(ErrorType.VALUE, '预览中只有单独的 BUDGET.ROLLUP 列表公式才能展开 (the preview spills a ROLLUP list only as a formula of its own)');
  return r;
}

interface PluginSelf {
  runFunction: (args: unknown, state: unknown, meta: unknown, fn: (...a: unknown[]) => unknown) => unknown;
  metadata: (name: string) => unknown;
}

const FUNCTIONS: Record<string, { params: { argumentType: FunctionArgumentType; optionalArg?: boolean }[]; run: (...a: unknown[]) => Result }> = {
  'BUDGET.NAME': { params: [{ argumentType: FunctionArgumentType.ANY }, { argumentType: FunctionArgumentType.ANY, optionalArg: true }], run: (c, y) => codeName(arg(c), arg(y)) },
  'BUDGET.ROLLUP': {
    params: [{ argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.ANY, optionalArg: true }],
    run: (codes, amounts, code) => rollup(matrix(codes), matrix(amounts), code === undefined ? undefined : matrix(code)),
  },
  'BUDGET.LEVEL': { params: [{ argumentType: FunctionArgumentType.ANY }], run: (c) => codeLevel(arg(c)) },
  'BUDGET.PARENT': { params: [{ argumentType: FunctionArgumentType.ANY }], run: (c) => codeParent(arg(c)) },
  'BUDGET.WAN': { params: [{ argumentType: FunctionArgumentType.ANY }, { argumentType: FunctionArgumentType.ANY, optionalArg: true }], run: (y, d) => wan(arg(y), arg(d)) },
  'BUDGET.DIFF': { params: [{ argumentType: FunctionArgumentType.ANY }, { argumentType: FunctionArgumentType.ANY }], run: (e, a) => diff(arg(e), arg(a)) },
  'BUDGET.EXECRATE': { params: [{ argumentType: FunctionArgumentType.ANY }, { argumentType: FunctionArgumentType.ANY }], run: (b, a) => execRate(arg(b), arg(a)) },
  'BUDGET.SCORE': {
    params: [{ argumentType: FunctionArgumentType.ANY }, { argumentType: FunctionArgumentType.ANY }, { argumentType: FunctionArgumentType.ANY }],
    run: (t, a, w) => score(arg(t), arg(a), arg(w)),
  },
  'BUDGET.GRADE': { params: [{ argumentType: FunctionArgumentType.ANY }], run: (t) => gradeOf(arg(t)) },
};

class BudgetPlugin extends FunctionPlugin {}

const methods = BudgetPlugin.prototype as unknown as Record<string, (this: PluginSelf, ast: { args: unknown }, state: unknown) => unknown>;
const implemented: Record<string, { method: string; parameters: unknown[] }> = {};
for (const [name, f] of Object.entries(FUNCTIONS)) {
  const method = name.replace('BUDGET.', 'budget').toLowerCase();
  methods[method] = function (ast, state) {
    return this.runFunction(ast.args, state, this.metadata(name), (...a: unknown[]) => answer(f.run(...a)));
  };
  implemented[name] = { method, parameters: f.params };
}
(BudgetPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;

export const BUDGET_FUNCTION_NAMES = Object.keys(FUNCTIONS);

let registered = false;

/** Registers the BUDGET.* functions with HyperFormula once per process or page. */
export function registerBudgetFunctions(): void {
  if (registered) return;
  registered = true;
  const names = Object.fromEntries(BUDGET_FUNCTION_NAMES.map((n) => [n, n]));
  HyperFormula.registerFunctionPlugin(BudgetPlugin, { enGB: names });
}

/** HyperFormula's licence for GPL-3 use; the preview and the tests are not distributed with the add-in. */
export const HF_CONFIG = { licenseKey: 'gpl-v3' } as const;
