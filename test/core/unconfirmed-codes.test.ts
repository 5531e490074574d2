import { Catalog } from '../../src/core/catalog/catalog';
import type { CodedTableData, ModelSheet } from '../../src/core/model';
import { Money } from '../../src/core/money';
import { checkCodedTable } from '../../src/core/rules/checks';

/**
 * A code the catalog knows without a confirmed name (functional-editions.ts) is neither unknown
 * nor misnamed: the rule has no official name to hold the table's name against. A code the
 * catalog does not know in that year still is unknown.
 */
function table(rows: Array<[string, string]>): { sheet: ModelSheet; data: CodedTableData } {
  const data: CodedTableData = {
    kind: 'coded',
    rows: rows.map(([code, name], i) => ({ code, name, amounts: { total: new Money(0) }, row: 7 + i })),
    total: { total: new Money(0) },
  } as unknown as CodedTableData;
  return { sheet: { sheetName: 'T5', specId: 'T5', context: { year: 2021, level: 'unit' }, data }, data };
}

describe('codes known with an unconfirmed name', () => {
  const catalog = Catalog.builtIn();

  it('raise no unknown-code and no name-mismatch finding', () => {
    expect(catalog.isKnown('20208', 2021)).toBe(true);
    expect(catalog.nameConfirmed('20208', 2021)).toBe(false);
    const { sheet, data } = table([['202', '外交支出'], ['20208', '随便写的名称']]);
    const rules = checkCodedTable(sheet, data, { sheets: [sheet], catalog, year: 2021 }).map((f) => f.rule);
    expect(rules).not.toContain('unknown-code');
    expect(rules).not.toContain('name-mismatch');
  });

  it('a code outside the year it exists in is still unknown', () => {
    expect(catalog.isKnown('20208', 2018)).toBe(false);
    const { sheet, data } = table([['202', '外交支出'], ['20208', '国际发展合作']]);
    sheet.context.year = 2018;
    const found = checkCodedTable(sheet, data, { sheets: [sheet], catalog, year: 2018 }).filter((f) => f.rule === 'unknown-code');
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining('20208')]);
  });
});
