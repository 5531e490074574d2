import { Catalog } from '../core/catalog/catalog';
import { loadWorkbookCatalog } from './catalog-sheet';

/**
 * The catalog in force for the open workbook, one for the whole shared runtime: the task
 * pane's 校验 and the `BUDGET.*` functions read the same 科目目录 sheet. Webpack builds the
 * pane, the commands and the functions with one runtime (`runtimeChunk: 'single'`), so this
 * module is instantiated once for the page and its state is shared by all three.
 *
 * 校验 sets it whenever it reads the workbook; the functions load it themselves when it is
 * older than `MAX_AGE_MS` (a 科目目录 sheet the clerk has just pasted is seen on the next
 * recalculation), every function evaluated meanwhile sharing one load.
 */
export const MAX_AGE_MS = 10_000;

let inForce: Catalog = Catalog.builtIn();
let loadedAt = Number.NEGATIVE_INFINITY;
let loading: Promise<Catalog> | null = null;

/** The catalog as last read (the built-in one before any read). */
export function catalogInForce(): Catalog {
  return inForce;
}

/** What 校验 (or a test) read: in force from now on, for the functions too. */
export function setCatalogInForce(c: Catalog, now: number = Date.now()): void {
  inForce = c;
  loadedAt = now;
}

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * The catalog for a function being evaluated: the workbook's, read again when the last read is
 * older than `MAX_AGE_MS`. Where there is no Excel (tests of the logic, a plain page), or the
 * read fails, the catalog in force.
 */
export async function catalogForFunctions(run: Run | undefined = currentExcelRun(), now: number = Date.now()): Promise<Catalog> {
  if (now - loadedAt < MAX_AGE_MS) return inForce;
  if (!run) return inForce;
  loading ??= run((context) => loadWorkbookCatalog(context))
    .then(({ catalog }) => {
      setCatalogInForce(catalog, Date.now());
      return catalog;
    })
    .catch(() => inForce)
    .finally(() => (loading = null));
  return loading;
}

/** `Excel.run` where office.js (or the stand-in) has set `Excel`. */
function currentExcelRun(): Run | undefined {
  return typeof Excel !== 'undefined' ? (batch) => Excel.run(batch) : undefined;
}
