import { Catalog } from '../../src/core/catalog/catalog';
import { FUNCTIONAL_SPANS, FUNCTIONAL_UNCONFIRMED } from '../../src/core/catalog/functional-editions';
import { parentOf } from '../../src/core/codes';

const catalog = Catalog.builtIn();
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];

describe('catalog editions: the years a code exists in', () => {
  it('knows the codes of the 2019 reorganisation from 2019 on, their 款 and 项 with them', () => {
    for (const code of ['20138', '2013801', '20828', '2082801', '21015', '2101501', '224', '22401', '2240101']) {
      expect([code, catalog.isKnown(code, 2018)]).toEqual([code, false]);
      expect([code, catalog.nameOf(code, 2018)]).toEqual([code, undefined]);
      for (const y of YEARS) expect([code, y, catalog.isKnown(code, y)]).toEqual([code, y, true]);
    }
    expect(catalog.nameOf('20138', 2020)).toBe('市场监督管理事务');
    expect(catalog.nameOf('224', 2026)).toBe('灾害防治及应急管理支出');
  });

  it('knows codes withdrawn in 2019 only up to 2018', () => {
    for (const code of ['2040204', '20115', '21010']) {
      expect(catalog.isKnown(code, 2018)).toBe(true);
      expect(catalog.isKnown(code, 2019)).toBe(false);
      expect(catalog.isKnown(code, 2026)).toBe(false);
    }
  });

  it('names 类 and 款 by the edition of the budget year', () => {
    expect(catalog.nameOf('210', 2018)).toBe('医疗卫生与计划生育支出');
    for (const y of YEARS) expect(catalog.nameOf('210', y)).toBe('卫生健康支出');
    expect(catalog.nameOf('207', 2018)).toBe('文化体育与传媒支出');
    expect(catalog.nameOf('207', 2019)).toBe('文化旅游体育与传媒支出');
    expect(catalog.nameOf('21301', 2018)).toBe('农业');
    expect(catalog.nameOf('21301', 2021)).toBe('农业农村');
  });

  it('keeps every dated built-in datum consistent: a 项 exists only in years its 款 and 类 exist', () => {
    const orphans: string[] = [];
    for (const y of [2018, ...YEARS]) {
      for (const code of catalog.codesIn(y, 'functional')) {
        const p = parentOf(code);
        if (p && !catalog.isKnown(p, y)) orphans.push(`${y} ${code}`);
      }
    }
    expect(orphans).toEqual([]);
  });
});

describe('catalog editions: codes known with an unconfirmed name', () => {
  it('are known and have no name to compare, in the years they exist', () => {
    expect(FUNCTIONAL_UNCONFIRMED.length).toBeGreaterThan(30);
    for (const { code, from } of FUNCTIONAL_UNCONFIRMED) {
      expect([code, catalog.isKnown(code, 2026)]).toEqual([code, true]);
      expect([code, catalog.nameConfirmed(code, 2026)]).toEqual([code, false]);
      expect(catalog.nameOf(code, 2026)).toBeUndefined();
      if (from === 2019) expect([code, catalog.isKnown(code, 2018)]).toEqual([code, false]);
    }
    // a confirmed code is both
    expect(catalog.isKnown('2013801', 2021)).toBe(true);
    expect(catalog.nameConfirmed('2013801', 2021)).toBe(true);
    // a code in no edition is neither
    expect(catalog.isKnown('2999999', 2021)).toBe(false);
    expect(catalog.nameConfirmed('2999999', 2021)).toBe(false);
  });

  it('take the name a pasted catalog sheet gives them, which then is compared', () => {
    const c = catalog.withOverrides([
      { code: '2013899', name: '其他市场监督管理事务' },
      { code: '22402', name: '消防救援事务', from: 2024 },
    ]);
    expect(c.nameConfirmed('2013899', 2021)).toBe(true);
    expect(c.nameOf('2013899', 2021)).toBe('其他市场监督管理事务');
    expect(c.nameConfirmed('22402', 2024)).toBe(true);
    expect(c.nameConfirmed('22402', 2023)).toBe(false);
    expect(c.isKnown('22402', 2023)).toBe(true);
    // a dated sheet name wins over the built-in span too: the clerk knows the edition better
    expect(catalog.withOverrides([{ code: '2040204', name: '治安管理', from: 2020, to: 2020 }]).nameOf('2040204', 2020)).toBe('治安管理');
    // so does a sheet row without years, even under a 款 the 2018 edition did not have
    const undated = catalog.withOverrides([{ code: '2013801', name: '行政运行' }]);
    expect(undated.nameOf('2013801', 2018)).toBe('行政运行');
    expect(undated.isKnown('2013802', 2018)).toBe(false);
    expect(catalog.isKnown('2013899', 2021)).toBe(true);
    expect(catalog.nameConfirmed('2013899', 2021)).toBe(false);
  });
});

describe('catalog editions 2019–2026: every …99 其他 款 and 项', () => {
  // 款 whose 项 the editions close without a …99 其他 项: single-项 款, the 99 款 whose only 项 is
  // …01, the four 生活救助 款, 住房改革支出 (three fixed 项) and the two 彩票 款 of 229.
  const NO_99: Record<string, string> = {
    '20819': '最低生活保障', '20820': '临时救助', '20821': '特困人员救助供养', '20825': '其他生活救助',
    '20899': '其他社会保障和就业支出', '21099': '其他卫生健康支出', '21199': '其他节能环保支出',
    '21202': '城乡社区规划与管理', '21205': '城乡社区环境卫生', '21206': '建设市场管理与监督',
    '21299': '其他城乡社区支出', '22099': '其他自然资源海洋气象等支出', '22102': '住房改革支出',
    '22303': '国有企业政策性补贴', '22399': '其他国有资本经营预算支出',
    '22908': '彩票发行销售机构业务费安排的支出', '22960': '彩票公益金安排的支出',
  };
  // 类 without a …99 款: 住房保障 and 粮油物资储备 have none; the debt 类 are split by kind of debt.
  const LEI_NO_99 = ['221', '222', '231', '232', '233'];

  it.each(YEARS)('%i: each 款 with 项 has its …99 项, each 类 with 款 its …99 款', (year) => {
    const missing: string[] = [];
    for (const kuan of catalog.codesIn(year, 'functional', '款')) {
      const items = catalog.children(kuan).filter((c) => catalog.isKnown(c, year));
      if (items.length && !items.includes(`${kuan}99`) && !(kuan in NO_99)) missing.push(kuan);
    }
    for (const lei of catalog.codesIn(year, 'functional', '类')) {
      const kuans = catalog.children(lei).filter((c) => catalog.isKnown(c, year));
      if (kuans.length && !catalog.isKnown(`${lei}99`, year) && !LEI_NO_99.includes(lei)) missing.push(lei);
    }
    expect(missing).toEqual([]);
    for (const [code, name] of Object.entries(NO_99)) expect([code, catalog.nameOf(code, year)]).toEqual([code, name]);
  });

  it('names every confirmed …99 code with “其他” (其他…支出, or 财政对其他…的补助)', () => {
    const odd: string[] = [];
    for (const year of YEARS) {
      for (const code of catalog.codesIn(year, 'functional')) {
        const name = catalog.nameOf(code, year);
        if (code.length > 3 && code.endsWith('99') && name !== undefined && !name.includes('其他')) odd.push(`${year} ${code} ${name}`);
      }
    }
    expect(odd).toEqual([]);
  });

  it('spans only codes the catalog holds', () => {
    for (const { code } of FUNCTIONAL_SPANS) expect(catalog.has(code)).toBe(true);
  });
});
