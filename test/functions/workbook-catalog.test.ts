import { Catalog } from '../../src/core/catalog/catalog';
import { CATALOG_SHEET_HEADERS, CATALOG_SHEET_NAME } from '../../src/core/catalog/catalog-sheet';
import { validateWorkbook } from '../../src/excel/validate';
import { catalogForFunctions, catalogInForce, MAX_AGE_MS, setCatalogInForce } from '../../src/excel/workbook-catalog';
import { createFakeExcel, type ExistingSheet } from '../excel/fake-excel';

// CustomFunctions as office.js defines it, for functions.ts to throw its errors with
class CustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}
Object.assign(globalThis, { CustomFunctions: { Error: CustomFunctionError, ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' } } });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { codeNameFunction, rollupFunction } = require('../../src/functions/functions') as typeof import('../../src/functions/functions');

/**
 * BUDGET.NAME and BUDGET.ROLLUP read the workbook's 科目目录 sheet as 校验 does: a code the
 * clerk added there is named, and a name changed there is the one shown.
 */
const CATALOG: ExistingSheet = {
  name: CATALOG_SHEET_NAME,
  cells: { A1: CATALOG_SHEET_HEADERS[0], B1: CATALOG_SHEET_HEADERS[1], A2: '2040288', B2: '网格化管理支出（本部门）', A3: '2040201', B3: '行政运行（本部门口径）' },
};

function withExcel(sheets: ExistingSheet[]) {
  const { fake, context } = createFakeExcel({ sheets });
  let runs = 0;
  Object.assign(globalThis, {
    Excel: {
      run: <T>(batch: (c: Excel.RequestContext) => Promise<T>) => {
        runs++;
        return batch(context);
      },
    },
  });
  return { fake, context, runs: () => runs };
}

describe('the catalog the functions use', () => {
  afterEach(() => {
    setCatalogInForce(Catalog.builtIn(), Number.NEGATIVE_INFINITY);
    delete (globalThis as Record<string, unknown>).Excel;
  });

  it('BUDGET.NAME names a code from the workbook’s 科目目录 sheet, read once for many calls', async () => {
    const { runs } = withExcel([CATALOG]);
    const names = await Promise.all([codeNameFunction([['2040288']]), codeNameFunction([['2040201']]), codeNameFunction([['204']])]);
    expect(names).toEqual(['网格化管理支出（本部门）', '行政运行（本部门口径）', '公共安全支出']);
    expect(runs()).toBe(1);
    // within MAX_AGE_MS, no read again
    await codeNameFunction([['2040201']]);
    expect(runs()).toBe(1);
  });

  it('BUDGET.ROLLUP lists the workbook’s names', async () => {
    withExcel([CATALOG]);
    const listing = await rollupFunction([['2040288'], ['2040201']], [[5], [7]]);
    expect(listing).toEqual([
      ['204', '公共安全支出', 12],
      ['20402', '公安', 12],
      ['合计', '', 12],
    ]);
    await expect(codeNameFunction([['2040288']])).resolves.toBe('网格化管理支出（本部门）');
  });

  it('a workbook without the sheet: the built-in catalog, and an unknown code is #N/A with its message', async () => {
    withExcel([{ name: 'Sheet1' }]);
    await expect(codeNameFunction([['2040288']])).rejects.toMatchObject({ code: '#N/A', message: expect.stringContaining('2040288') });
  });

  it('校验 sets the catalog the functions use, and a sheet pasted later is read once the last read is old', async () => {
    const { context, runs } = withExcel([CATALOG]);
    await validateWorkbook(context);
    expect(catalogInForce().nameOf('2040288')).toBe('网格化管理支出（本部门）');
    expect(await catalogForFunctions()).toBe(catalogInForce());
    expect(runs()).toBe(0);
    withExcel([{ name: 'Sheet1' }]);
    const later = await catalogForFunctions(undefined, Date.now() + MAX_AGE_MS + 1);
    expect(later.nameOf('2040288')).toBeUndefined();
  });
});
