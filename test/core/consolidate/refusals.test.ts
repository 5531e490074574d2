import { Catalog } from '../../../src/core/catalog/catalog';
import { consolidate, ConsolidationRefused, refusalLines } from '../../../src/core/consolidate/consolidate';
import { errorNotice } from '../../../src/core/consolidate/plans';
import type { UnitProblem, UnitWorkbook } from '../../../src/core/consolidate/types';
import type { CodedTableData } from '../../../src/core/model';
import { Money } from '../../../src/core/money';
import { cleanUnit } from './fixtures';
import { unitWorkbook } from './split';

const catalog = Catalog.builtIn();
const YEAR = 2021;
const opts = { department: '上海市某局', year: YEAR, catalog };

function refusal(units: UnitWorkbook[]): UnitProblem[] {
  try {
    consolidate(units, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(ConsolidationRefused);
    return (e as ConsolidationRefused).problems;
  }
  throw new Error('consolidation was not refused');
}

describe('nothing is summed blindly (issue 17 point 2)', () => {
  let a: UnitWorkbook;
  let b: UnitWorkbook;
  beforeAll(async () => {
    a = await unitWorkbook('甲单位', YEAR, cleanUnit({ personnel: 1000, public: 200, project: 300 }));
    b = await unitWorkbook('乙单位', YEAR, cleanUnit({ personnel: 5000.5, public: 700.25, project: 0 }));
  });

  it('sums two clean units without complaint', () => {
    const c = consolidate([a, b], opts);
    expect(c.problems).toEqual([]);
    const t3 = c.data.T3 as CodedTableData;
    expect(t3.rows.find((r) => r.code === '2040201')!.amounts.total!.toFixed(2)).toBe('7200.75');
    expect(c.data.organization).toEqual({ kind: 'text', paragraphs: [expect.stringContaining('2 家预算单位'), '    1. 甲单位', '    2. 乙单位'] });
  });

  it('refuses a unit with 错误, naming the unit and the cell, and sums it when told to', async () => {
    const data = cleanUnit({ personnel: 1000, public: 200, project: 300 });
    (data.T2 as CodedTableData).rows[2].amounts.total = new Money(1499);
    const bad = await unitWorkbook('丙单位', YEAR, data);
    const problems = refusal([a, bad]);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.unit === '丙单位' && p.kind === 'unit-errors')).toBe(true);
    expect(problems.map((p) => `${p.sheet}!${p.cell}`)).toContain('单位收入总表!E8');
    const c = consolidate([a, bad], { ...opts, allowErrors: true });
    expect(c.unitsWithErrors).toEqual(['丙单位']);
    expect(errorNotice(c)[0]).toContain('丙单位');
  });

  it('refuses a unit of another year', async () => {
    const old = await unitWorkbook('丁单位', 2020, cleanUnit({ personnel: 1, public: 2, project: 3 }));
    const problems = refusal([a, old]);
    expect(problems.filter((p) => p.kind === 'other-year').map((p) => p.unit)).toEqual(Array(11).fill('丁单位'));
    expect(problems.find((p) => p.kind === 'other-year')!.message).toContain('2020年');
  });

  it('refuses the same unit twice, and sums it once when told to go on', async () => {
    const again = await unitWorkbook('甲单位', YEAR, cleanUnit({ personnel: 1000, public: 200, project: 300 }), '甲单位-副本.xlsx');
    const problems = refusal([a, b, again]);
    expect(problems).toEqual([expect.objectContaining({ kind: 'duplicate-unit', unit: '甲单位', source: '甲单位-副本.xlsx' })]);
    const c = consolidate([a, b, again], { ...opts, allowErrors: true });
    expect(c.units).toEqual(['甲单位', '乙单位']);
  });

  it('refuses two units filing the same 科目 name under different codes', async () => {
    const other = await unitWorkbook('戊单位', YEAR, cleanUnit({ personnel: 10, public: 20, project: 30, leaf: '2040202' }));
    const problems = refusal([a, other]);
    const conflict = problems.filter((p) => p.kind === 'code-conflict');
    expect(conflict.length).toBeGreaterThan(0);
    expect(conflict[0]).toMatchObject({ unit: '戊单位', sheet: '单位收入总表', cell: 'A8' });
    expect(conflict[0].message).toContain('2040201');
  });

  it('refuses a code the year’s catalog does not know', async () => {
    const odd = await unitWorkbook('己单位', YEAR, cleanUnit({ personnel: 10, public: 20, project: 30, leaf: '2040277', leafName: '自编科目' }));
    const problems = refusal([a, odd]);
    const unknown = problems.filter((p) => p.kind === 'unknown-code');
    expect(unknown.map((p) => p.sheet)).toEqual(expect.arrayContaining(['单位收入总表', '单位支出总表']));
    expect(unknown[0]).toMatchObject({ unit: '己单位', cell: 'A8' });
    expect(unknown[0].message).toContain('2040277');
  });

  it('lists at most 20 problems a unit and counts the rest', () => {
    const many: UnitProblem[] = Array.from({ length: 25 }, (_, i) => ({ unit: '庚单位', source: '庚.xlsx', kind: 'unknown-code', sheet: 'T2', cell: `A${i + 6}`, message: `问题${i + 1}` }));
    const lines = refusalLines([...many, { ...many[0], unit: '辛单位', source: '辛.xlsx', message: '辛的问题' }]);
    expect(lines).toHaveLength(22);
    expect(lines[19]).toBe('  问题20');
    expect(lines[20]).toBe('  单位“庚单位”另有 5 处问题未列出');
    expect(lines[21]).toBe('  辛的问题');
  });
});
