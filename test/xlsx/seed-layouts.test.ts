import type ExcelJS from 'exceljs';
import { sum } from '../../src/core/money';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import { tableSpec } from '../../src/core/specs/tables';
import type { AmountKey } from '../../src/core/seed-types';
import type { CodedTableSpec } from '../../src/core/specs/types';
import { readWorkbook, workbookCatalog } from '../../src/xlsx/reader';
import { checkBook, dropMarkers, leadingSpacer, seedBook, splitTables, toOneCodeColumn, toWan } from './layout-variants';

/**
 * Issue 11 point 7, the property: each seed budget, published in another layout, gives exactly
 * the findings it gives as our own 元 workbook (none for 2020 and 2021; 2018's empty T6 and
 * the sentences its source lost their figures in). Rounded per cell to 万元, its tables no
 * longer add up to the 分 — the checks must see that as rounding, not as mistakes.
 */
type Variant = [name: string, make: (wb: ExcelJS.Workbook) => void, key: 'cell' | 'row' | 'rule'];

const VARIANTS: Variant[] = [
  ['no marker', () => undefined, 'cell'],
  ['万元 per cell', (wb) => toWan(wb), 'cell'],
  ['one code column, 款/项 columns left blank', (wb) => toOneCodeColumn(wb), 'cell'],
  ['one code column, 款/项 columns removed', (wb) => toOneCodeColumn(wb, true), 'row'],
  ['万元 and one code column', (wb) => (toWan(wb), toOneCodeColumn(wb, true)), 'row'],
  ['a blank column in front of every table', (wb) => leadingSpacer(wb), 'row'],
  ['tables over two sheets', (wb) => void splitTables(wb), 'rule'],
  ['万元, one code column, over two sheets', (wb) => (toWan(wb), toOneCodeColumn(wb, true), splitTables(wb)), 'rule'],
  ['万元, one code column, a blank column in front', (wb) => (toWan(wb), toOneCodeColumn(wb, true), leadingSpacer(wb)), 'row'],
];

const keyOf = (key: Variant[2]) => (f: { rule: string; sheet: string; cell: string }) =>
  key === 'cell' ? `${f.rule} ${f.sheet}!${f.cell}` : key === 'row' ? `${f.rule} ${f.sheet}!${f.cell.replace(/^[A-Z]+/, '')}` : f.rule;

describe.each(SEED_BUDGETS.map((s) => s.id))('%s in every layout', (id) => {
  let original: ReturnType<typeof checkBook>;
  beforeAll(async () => {
    original = checkBook(await seedBook(id));
  });

  it('the 元 original: no 错误; no finding at all for 2020 and 2021', () => {
    expect(original.counts.error).toBe(0);
    if (!id.startsWith('2018')) expect(original.findings).toEqual([]);
  });

  it.each(VARIANTS)('%s: the same findings, the same coded rows', async (_name, make, key) => {
    const wb = await seedBook(id);
    dropMarkers(wb);
    make(wb);
    const v = checkBook(wb);
    expect(v.findings.map(keyOf(key)).sort()).toEqual(original.findings.map(keyOf(key)).sort());
    expect(v.codedRows).toBe(original.codedRows);
  });

  it('in 万元 some 合计 really differs from its printed parts: the property is not vacuous', async () => {
    const wb = await seedBook(id);
    toWan(wb);
    const catalog = workbookCatalog(wb);
    const gaps = readWorkbook(wb, catalog).sheets.flatMap((s) => {
      if (s.data.kind !== 'coded') return [];
      const parts = (tableSpec(s.specId) as CodedTableSpec).partsOfTotal;
      const { rows } = s.data;
      const rowGaps = rows.filter((r) => !sum(parts.map((k) => r.amounts[k])).eq(sum([r.amounts.total])));
      // a 类 or 款 against its children, column by column
      const subtotalGaps = rows.filter((p) =>
        Object.keys(p.amounts).some((k) => {
          const kids = rows.filter((c) => c.code.length === p.code.length + 2 && c.code.startsWith(p.code));
          return kids.length > 0 && !sum(kids.map((c) => c.amounts[k as AmountKey])).eq(sum([p.amounts[k as AmountKey]]));
        }),
      );
      return [...rowGaps, ...subtotalGaps];
    });
    expect(gaps.length).toBeGreaterThan(0);
  });
});

describe('U2 over two sheets (the 2021 unit)', () => {
  it('a page starting with projects continues the 项 before; a changed project is found at that 项 and at the 合计', async () => {
    const wb = await seedBook('2021-shanghai-social-security-card-unit');
    expect(splitTables(wb)).toContain('单位财政拨款项目支出表（续）');
    expect(checkBook(wb).findings).toEqual([]);
    wb.getWorksheet('单位财政拨款项目支出表（续）')!.getCell('G16').value = 1; // 制卡设备更新及维护费, under 2040202 on page 1
    const f = checkBook(wb).findings.filter((x) => x.rule === 'projects');
    expect(f.map((x) => `${x.sheet}!${x.cell}`)).toEqual([
      '单位财政拨款项目支出表!G5',
      '单位财政拨款项目支出表!G6',
      '单位财政拨款项目支出表!G7',
      '单位财政拨款项目支出表（续）!G23',
    ]);
  });
});
