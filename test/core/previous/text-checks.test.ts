import type ExcelJS from 'exceljs';
import { Catalog } from '../../../src/core/catalog/catalog';
import { previousOf } from '../../../src/core/draft/changes';
import { draftText } from '../../../src/core/draft/text';
import type { ModelSheet } from '../../../src/core/model';
import { planComparison } from '../../../src/core/plan/comparison';
import { compareBudgets } from '../../../src/core/previous/compare';
import { RULES } from '../../../src/core/rules/catalog-of-rules';
import { validateSheets } from '../../../src/core/rules/validate';
import { SEED_BUDGETS } from '../../../src/core/sample-seeds';
import { addPlannedSheet } from '../../../src/xlsx/writer';
import { checkBook, seedBook } from '../../xlsx/layout-variants';
import { CARD_2020, HRSS_2019, seedSheets } from './fixtures';

/** Issue 16.5: the text checks, each clean on the seeds and on the draft, and each fault found at its cell. */

const NEW_RULES = ['change-reason', 'change-vs-comparison', 'text-year', 'doubled'];
const UNIT = '2021-shanghai-social-security-card-unit';
const OTHER = '其他相关情况说明';
const EXPLANATION = '单位编制说明';

let wb: ExcelJS.Workbook;
beforeEach(async () => {
  wb = await seedBook(UNIT);
});
const at = (rule: string) => checkBook(wb).findings.filter((f) => f.rule === rule);

/** The row of the text sheet whose column A holds `part`. */
function rowOf(sheet: string, part: string): number {
  const ws = wb.getWorksheet(sheet)!;
  for (let r = 1; r <= ws.rowCount; r++) if (String(ws.getCell(`A${r}`).value ?? '').includes(part)) return r;
  throw new Error(`no row with ${part}`);
}
function edit(sheet: string, part: string, to: (s: string) => string): string {
  const r = rowOf(sheet, part);
  const c = wb.getWorksheet(sheet)!.getCell(`A${r}`);
  c.value = to(String(c.value));
  return `A${r}`;
}

it('the rules are in the catalog, each with its Chinese and English description', () => {
  for (const id of NEW_RULES) {
    const r = Object.values(RULES).find((x) => x.id === id);
    expect(r?.description).toMatch(/[\u4e00-\u9fff]/);
    expect(r?.descriptionEn).toMatch(/[a-z]/);
  }
});

describe('none fires on the seeds’ published text', () => {
  it.each(SEED_BUDGETS.map((s) => s.id))('%s', async (id) => {
    const book = await seedBook(id);
    expect(checkBook(book).findings.filter((f) => NEW_RULES.includes(f.rule))).toEqual([]);
  });
});

describe('none fires on the draft’s own output (only its 【请填写…】 are found)', () => {
  const withDraft = (sheets: ModelSheet[], previous?: ModelSheet[]): ModelSheet[] => {
    const draft = draftText(sheets, previous ? { previous: previousOf(previous) } : {});
    return sheets.map((s) => {
      const d = draft.sections.find((x) => x.id === s.specId);
      return d ? { ...s, data: { kind: 'text', title: d.title, paragraphs: d.paragraphs } } : s;
    });
  };
  const fresh = (before: ModelSheet[], after: ModelSheet[]) => {
    const seen = new Set(validateSheets(before, [], Catalog.builtIn()).findings.map((f) => `${f.rule} ${f.sheet} ${f.cell}`));
    return validateSheets(after, [], Catalog.builtIn()).findings.filter((f) => !seen.has(`${f.rule} ${f.sheet} ${f.cell}`));
  };
  it.each(SEED_BUDGETS.map((s) => s.id))('%s without last year', (id) => {
    const sheets = seedSheets(id);
    expect(fresh(sheets, withDraft(sheets)).filter((f) => f.rule !== 'blank-figure')).toEqual([]);
  });
  it.each([
    [UNIT, CARD_2020],
    ['2020-shanghai-hrss-department', HRSS_2019],
  ])('%s with last year and its 上年对比 sheet', (id, last) => {
    const sheets = seedSheets(id);
    const cmp = compareBudgets(last(), sheets);
    const sheet: ModelSheet = { sheetName: '上年对比', specId: 'comparison', context: {}, data: { kind: 'comparison', threshold: cmp.threshold, rows: cmp.rows.map((r, i) => ({ ...r, row: 6 + i, reason: r.reasonRequired ? '（已填写）' : null })) } };
    expect(fresh(sheets, [...withDraft(sheets, last()), sheet]).filter((f) => f.rule !== 'blank-figure')).toEqual([]);
  });
});

describe('doubled punctuation and words', () => {
  it('`，，` and `的的`: 提示 at the paragraph', () => {
    const cell = edit(OTHER, '公务接待费', (s) => s.replace('主要原因是', '主要原因是，，压缩的的'));
    const f = at('doubled');
    expect(f.map((x) => [x.sheet, x.cell, x.severity])).toEqual([[OTHER, cell, 'warning']]);
    expect(f[0].message).toContain('“，，”、“的的”重复');
  });

  it('two words that meet are no doubling: 目的的, 不了了之, 存在在, 但是是否, 针对对方', () => {
    edit(OTHER, '公务接待费', (s) => s.replace('主要原因是', '为达到目的的要求，不了了之的问题存在在所难免，但是是否针对对方，主要原因是'));
    expect(at('doubled')).toEqual([]);
  });
});

describe('a year that is neither the budget year nor the year before', () => {
  it('in a sentence, in a comparison and in the title', () => {
    const a = edit(EXPLANATION, '预算支出总额为', (s) => s.replace('2021年，', '2019年，'));
    const b = edit(OTHER, '公务接待费', (s) => s.replace('比2020年', '比2019年'));
    wb.getWorksheet(OTHER)!.getCell('A1').value = '2022年其他相关情况说明';
    const f = at('text-year');
    expect(f.map((x) => `${x.sheet}!${x.cell}`).sort()).toEqual([`${EXPLANATION}!${a}`, `${OTHER}!A1`, `${OTHER}!${b}`].sort());
    expect(f.find((x) => x.cell === b)!.message).toContain('应与上年（2020年）比较');
    expect(f.find((x) => x.cell === 'A1')!.message).toContain('写作2022年');
  });

  it('a year told as history is no finding; a 截至 date of another year is', () => {
    edit(OTHER, '公务接待费', (s) => `${s}本单位1998年成立。`);
    expect(at('text-year')).toEqual([]);
    const cell = edit(OTHER, '公务接待费', (s) => `${s}截至2018年8月31日，本单位共有车辆2辆。`);
    expect(at('text-year').map((x) => x.cell)).toEqual([cell]);
  });
});

describe('the 编制说明 title of the other level', () => {
  it('a unit’s workbook titled 部门预算编制说明: 提示 at A1 (level-wording)', () => {
    expect(at('level-wording')).toEqual([]);
    wb.getWorksheet(EXPLANATION)!.getCell('A1').value = '2021年部门预算编制说明';
    const f = at('level-wording');
    expect(f.map((x) => [x.sheet, x.cell])).toEqual([[EXPLANATION, 'A1']]);
    expect(f[0].message).toContain('应称“单位预算编制说明”');
  });
});

describe('a change stated without its reason', () => {
  it('the seed’s 接待费 −13 % without 主要原因是…: 提示 at its paragraph', () => {
    const cell = edit(OTHER, '公务接待费', (s) => s.replace('，主要原因是压缩开支', ''));
    const f = at('change-reason');
    expect(f.map((x) => [x.sheet, x.cell])).toEqual([[OTHER, cell]]);
    expect(f[0].message).toContain('增减率-13.04%');
  });

  it('`比上年预算增加…` without a year is read too', () => {
    const cell = edit(OTHER, '公务接待费', (s) => s.replace('比2020年预算减少0.06万元，主要原因是压缩开支', '比上年预算减少0.06万元'));
    expect(at('change-reason').map((x) => x.cell)).toEqual([cell]);
  });

  it('a change under the threshold needs none; a total whose items follow (其中：) needs none', () => {
    edit(OTHER, '公务接待费', (s) => s.replace('0.40万元。比2020年预算减少0.06万元，主要原因是压缩开支', '0.40万元，比2020年预算减少0.01万元'));
    expect(at('change-reason')).toEqual([]);
    edit(OTHER, '“三公”经费预算数为', (s) => s.replace('其中：', ''));
    expect(at('change-reason').map((x) => x.message).join()).toContain('增减率343.44%');
  });
});

describe('a stated change against the 上年对比 sheet', () => {
  beforeEach(async () => {
    const { readWorkbook } = await import('../../../src/xlsx/reader');
    const cmp = compareBudgets(CARD_2020(), readWorkbook(wb).sheets);
    await addPlannedSheet(wb, planComparison({ level: 'unit', org: '上海市社会保障卡服务中心', year: 2021 }, cmp));
  });

  it('the seed’s text agrees with it; the 原因 it asks for are found at their cells', () => {
    expect(at('change-vs-comparison')).toEqual([]);
    const reasons = at('change-reason');
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.every((f) => f.sheet === '上年对比' && /^I\d+$/.test(f.cell))).toBe(true);
    expect(reasons.map((f) => f.message).join('\n')).toContain('公务接待费”比上年减少0.06万元（-13.04%）');
  });

  it('a wrong amount and a wrong 持平: 错误 at each paragraph, naming the sheet’s figure', () => {
    const a = edit(OTHER, '公务接待费', (s) => s.replace('减少0.06万元', '减少0.16万元'));
    const b = edit(OTHER, '因公出国', (s) => s.replace('与2020年预算持平', '比2020年预算增加1.00万元，主要原因是出访'));
    const f = at('change-vs-comparison');
    expect(f.map((x) => [x.sheet, x.cell, x.severity]).sort()).toEqual([[OTHER, a, 'error'], [OTHER, b, 'error']].sort());
    expect(f.find((x) => x.cell === a)!.message).toMatch(/“公务接待费”增减额为-0\.06万元（按2位小数应为减少0\.06万元）/);
    expect(f.find((x) => x.cell === b)!.message).toContain('应为持平');
  });

  it('the threshold typed in the sheet is the one the text is held to', () => {
    edit(OTHER, '公务接待费', (s) => s.replace('，主要原因是压缩开支', ''));
    expect(at('change-reason').filter((f) => f.sheet === OTHER)).toHaveLength(1);
    wb.getWorksheet('上年对比')!.getCell('C3').value = 20;
    expect(at('change-reason').filter((f) => f.sheet === OTHER)).toEqual([]);
  });
});
