import { Catalog } from '../core/catalog/catalog';
import { CATALOG_SHEET_NAME, CatalogSheetProblem, parseCatalogSheet } from '../core/catalog/catalog-sheet';

export interface WorkbookCatalog {
  catalog: Catalog;
  /** entries read from the 科目目录 sheet; 0 when there is none */
  entries: number;
  problems: CatalogSheetProblem[];
}

/**
 * The catalog in force for the open workbook: the built-in one, extended or overridden by a
 * `科目目录` sheet when the clerk has pasted one. One sync.
 */
export async function loadWorkbookCatalog(context: Excel.RequestContext): Promise<WorkbookCatalog> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(CATALOG_SHEET_NAME);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('values');
  await context.sync();
  if (sheet.isNullObject || used.isNullObject) return { catalog: Catalog.builtIn(), entries: 0, problems: [] };
  const { entries, problems } = parseCatalogSheet(used.values);
  return { catalog: Catalog.builtIn().withOverrides(entries), entries: entries.length, problems };
}
