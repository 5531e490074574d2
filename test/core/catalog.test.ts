import * as path from 'path';
import ExcelJS from 'exceljs';
import { Catalog } from '../../src/core/catalog/catalog';
import { parseCatalogSheet } from '../../src/core/catalog/catalog-sheet';
import { normalizeCode } from '../../src/core/codes';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';

const catalog = Catalog.builtIn();
const REFERENCE = path.join(__dirname, '..', '..', '..', 'shared', 'reference');

describe('built-in catalog', () => {
  it('has every functional 类 and the economic 类', () => {
    const lei = catalog.codes('functional', '类');
    for (const c of ['201', '203', '204', '205', '206', '207', '208', '210', '211', '212', '213', '214', '215', '216', '220', '221', '222', '224', '227', '229', '230', '231', '232', '233']) {
      expect(lei).toContain(c);
    }
    for (const c of ['301', '302', '303', '307', '309', '310', '399']) expect(catalog.has(c)).toBe(true);
    expect(catalog.codes('functional', '款').length).toBeGreaterThan(100);
    expect(catalog.codes('functional', '项').length).toBeGreaterThan(400);
  });

  it('names codes by the edition of the budget year', () => {
    expect(catalog.nameOf('210', 2018)).toBe('医疗卫生与计划生育支出');
    expect(catalog.nameOf('210', 2020)).toBe('卫生健康支出');
    expect(catalog.nameOf('20805', 2018)).toBe('行政事业单位离退休');
    expect(catalog.nameOf('20805', 2021)).toBe('行政事业单位养老支出');
    expect(catalog.nameOf('2080501', 2018)).toBe('归口管理的行政单位离退休');
    expect(catalog.nameOf('2080501', 2020)).toBe('行政单位离退休');
    expect(catalog.nameOf('2040201')).toBe('行政运行');
    expect(catalog.nameOf('30101')).toBe('基本工资');
    expect(catalog.namesOf('210')).toEqual(expect.arrayContaining(['卫生健康支出', '医疗卫生与计划生育支出']));
  });

  it('looks up any typed form and knows level and parent', () => {
    const e = catalog.lookup('204-02-01', 2021);
    expect(e).toMatchObject({ code: '2040201', name: '行政运行', level: '项', classification: 'functional' });
    expect(catalog.lookup(['301', 2], 2021)).toMatchObject({ code: '30102', name: '津贴补贴', level: '款', classification: 'economic' });
    expect(catalog.parent('2040201')).toBe('20402');
    expect(catalog.children('20402')).toContain('2040201');
    expect(catalog.lookup('2999999')).toBeUndefined();
  });

  it('covers every code in the seed budgets, under the name printed there or a known edition name', () => {
    const unknown: string[] = [];
    for (const seed of SEED_BUDGETS) {
      for (const id of ['T2', 'T3', 'T5', 'T6', 'T7', 'T8', 'U1'] as const) {
        for (const row of seed.tables[id]?.rows ?? []) {
          if (!catalog.has(row.code) || catalog.nameOf(row.code, seed.year) === undefined || !catalog.isKnown(row.code, seed.year)) unknown.push(`${seed.year} ${id} ${row.code}`);
        }
      }
      for (const g of seed.tables.U2?.rows ?? []) if (!catalog.has(g.code)) unknown.push(`${seed.year} U2 ${g.code}`);
    }
    expect(unknown).toEqual([]);
  });

  it('covers every code of the 2026 reference templates', async () => {
    const missing: string[] = [];
    let seen = 0;
    for (const file of ['district-2026-unit-budget-template.xlsx', 'district-2026-department-budget-template.xlsx']) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(REFERENCE, file));
      wb.eachSheet((ws) => {
        ws.eachRow((row) => {
          const text = (c: number) => {
            const v = row.getCell(c).value as ExcelJS.CellValue;
            if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
            return v === null || v === undefined ? '' : String(v);
          };
          if (!/^\d{3}$/.test(text(1).trim())) return;
          const n = normalizeCode([text(1), text(2), ws.getRow(8).getCell(3).value === '项' ? text(3) : '']);
          if (!n.ok) return;
          seen++;
          if (catalog.nameOf(n.code, 2026) === undefined || !catalog.nameConfirmed(n.code, 2026)) missing.push(`${ws.name} ${n.code}`);
        });
      });
    }
    expect(seen).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });
});

describe('catalog sheet', () => {
  it('reads a pasted list with headers, years and split codes, and overrides the built-in names', () => {
    const { entries, problems } = parseCatalogSheet([
      ['2026年政府收支分类科目（节选）'],
      ['科目编码', '科目名称', '起始年度', '截止年度'],
      ['204 02 01', '行政运行（新）', '', ''],
      ['2299999', '其他支出', '2026', ''],
      ['210', '医疗卫生支出', '2030', '2031'],
      ['', '', '', ''],
      ['20402011', '坏编码', '', ''],
      ['2040202', '', '', ''],
      ['2040299', '其他公安支出', '二〇二六', ''],
    ]);
    expect(entries).toEqual([
      { code: '2040201', name: '行政运行（新）' },
      { code: '2299999', name: '其他支出', from: 2026 },
      { code: '210', name: '医疗卫生支出', from: 2030, to: 2031 },
      { code: '2040299', name: '其他公安支出' },
    ]);
    expect(problems.map((p) => p.row)).toEqual([7, 8, 9]);
    expect(problems[0].message).toContain('位数不对');
    expect(problems[1].message).toContain('缺少科目名称');

    const c = catalog.withOverrides(entries);
    expect(c.nameOf('2040201', 2021)).toBe('行政运行（新）');
    expect(c.lookup('2040201')?.origin).toBe('sheet');
    expect(c.nameOf('210', 2030)).toBe('医疗卫生支出');
    expect(c.nameOf('210', 2021)).toBe('卫生健康支出');
    expect(c.nameOf('2299999', 2025)).toBe(catalog.nameOf('2299999', 2025));
    expect(catalog.nameOf('2040201')).toBe('行政运行');
  });

  it('takes one code named by the sheet both for every year and for some years, in either order', () => {
    const undatedFirst = catalog.withOverrides([
      { code: '2040201', name: '行政运行（全年）' },
      { code: '2040201', name: '行政运行（2026）', from: 2026, to: 2026 },
    ]);
    expect(undatedFirst.nameOf('2040201', 2026)).toBe('行政运行（2026）');
    expect(undatedFirst.nameOf('2040201', 2025)).toBe('行政运行（全年）');
    const datedFirst = catalog.withOverrides([
      { code: '2040201', name: '行政运行（2026）', from: 2026, to: 2026 },
      { code: '2040201', name: '行政运行（全年）' },
    ]);
    expect(datedFirst.nameOf('2040201', 2026)).toBe('行政运行（全年）');
    // two dated names for one code, and a later catalog over this one: the built-in stays as it was
    const twice = catalog.withOverrides([
      { code: '2040202', name: '甲', from: 2025, to: 2025 },
      { code: '2040202', name: '乙', from: 2026 },
    ]);
    expect([twice.nameOf('2040202', 2025), twice.nameOf('2040202', 2027)]).toEqual(['甲', '乙']);
    expect(twice.withOverrides([{ code: '2040202', name: '丙', from: 2027 }]).nameOf('2040202', 2027)).toBe('丙');
    expect(twice.nameOf('2040202', 2027)).toBe('乙');
    expect(catalog.nameOf('2040202', 2027)).toBe(catalog.nameOf('2040202'));
  });

  it('lists codes sorted, a fresh list on each call', () => {
    const lei = catalog.codes('functional', '类');
    expect(lei).toEqual([...lei].sort());
    lei.length = 0;
    expect(catalog.codes('functional', '类').length).toBeGreaterThan(20);
  });

  it('reads a headerless list of “code name” cells and 类|款|项 columns', () => {
    expect(parseCatalogSheet([['2040201 行政运行'], ['204-02-02：一般行政管理事务'], ['垃圾']])).toEqual({
      entries: [
        { code: '2040201', name: '行政运行' },
        { code: '2040202', name: '一般行政管理事务' },
      ],
      problems: [{ row: 3, message: expect.stringContaining('应为“编码 名称”') }],
    });
    expect(parseCatalogSheet([['类', '款', '项', '科目名称'], ['204', 2, 1, '行政运行']]).entries).toEqual([{ code: '2040201', name: '行政运行' }]);
  });
});
