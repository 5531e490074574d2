import { planWorkbook, specsForLevel } from '../../src/core/plan/workbook';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import { PACK_SPECS } from '../../src/core/specs/pack';
import { TABLE_SPECS } from '../../src/core/specs/tables';
import { TEXT_SPECS } from '../../src/core/specs/texts';
import {
  buildRequest,
  checklistSpecs,
  defaultYear,
  errorFields,
  FormState,
  initialState,
  isTier,
  normalizeYear,
  TIERS,
  prepareInsert,
  projectStatement,
  sampleLabel,
  sampleRequest,
  selectedSpecs,
  specTitle,
  validateForm,
  validateOrg,
  validateProjectName,
  validateYear,
} from '../../src/taskpane/form';
import { LANGS, MESSAGES, MessageKey, pickLanguage, say, specText, t } from '../../src/taskpane/i18n';
import { errorDetail, explainExcelError, explainPlanError, outcomeNotes, sheetOutcomes } from '../../src/taskpane/result';
import type { SheetPlan } from '../../src/core/plan/types';

const NOW = new Date(2026, 5, 1); // June 2026: the default budget year is 2027

function state(over: Partial<FormState> = {}): FormState {
  return { ...initialState('unit', NOW), org: '上海市社会保障卡服务中心', ...over };
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  const zhKeys = Object.keys(MESSAGES['zh-CN']).sort();

  test('both languages have every key, none empty', () => {
    for (const lang of LANGS) {
      expect(Object.keys(MESSAGES[lang]).sort()).toEqual(zhKeys);
      for (const key of zhKeys) expect(MESSAGES[lang][key as MessageKey].trim()).not.toBe('');
    }
  });

  test('both languages use the same placeholders per key', () => {
    for (const key of zhKeys as MessageKey[]) {
      expect(placeholders(MESSAGES['en-US'][key])).toEqual(placeholders(MESSAGES['zh-CN'][key]));
    }
  });

  test('the English strings are English and the Chinese ones Chinese', () => {
    const cjk = /[\u4e00-\u9fff]/;
    for (const key of zhKeys as MessageKey[]) {
      if (key === 'lang.toggle') continue; // the toggle names the other language
      // a string of placeholders and punctuation only, such as {sheet}（{n}）, has no words to be in either language
      if (!/[A-Za-z\u4e00-\u9fff]/.test(MESSAGES['zh-CN'][key].replace(/\{\w+\}/g, ''))) continue;
      expect(MESSAGES['zh-CN'][key]).toMatch(cjk);
    }
    expect(MESSAGES['en-US']['button.insert']).toBe('Insert');
    expect(MESSAGES['en-US']['lang.toggle']).toBe('中文');
    expect(MESSAGES['zh-CN']['lang.toggle']).toBe('English');
  });

  test('t fills placeholders and leaves unknown ones as written', () => {
    expect(t('zh-CN', 'status.done', { n: 3 })).toBe('已插入 3 张工作表：');
    expect(t('en-US', 'status.done', { n: 3 })).toBe('Inserted 3 sheets:');
    expect(t('en-US', 'status.done')).toBe('Inserted {n} sheets:');
  });

  test('picks Chinese for any Chinese display language, English otherwise, Chinese when unknown', () => {
    expect(pickLanguage('zh-CN')).toBe('zh-CN');
    expect(pickLanguage('zh-TW')).toBe('zh-CN');
    expect(pickLanguage('ZH-cn')).toBe('zh-CN');
    expect(pickLanguage('en-US')).toBe('en-US');
    expect(pickLanguage('ja-JP')).toBe('en-US');
    expect(pickLanguage(undefined)).toBe('zh-CN');
    expect(pickLanguage('')).toBe('zh-CN');
  });

  test('every spec has a name and description in both languages, the Chinese description the spec’s own', () => {
    for (const spec of [...PACK_SPECS, ...TABLE_SPECS, ...TEXT_SPECS]) {
      const en = specText('en-US', spec.id);
      expect(en.title).not.toMatch(/^spec\./);
      expect(en.description).not.toMatch(/^spec\./);
      expect(en.title).not.toMatch(/[\u4e00-\u9fff]/);
      expect(specText('zh-CN', spec.id).description).toBe(spec.description);
    }
  });
});

describe('form validation', () => {
  test('the default form is valid once a name is entered', () => {
    expect(validateForm(state(), NOW)).toEqual({});
    expect(initialState('unit', NOW).year).toBe('2027');
    expect(defaultYear(NOW)).toBe(2027);
  });

  test('an empty name asks for the unit or the department, with an example', () => {
    const unit = validateForm(state({ org: '   ' }), NOW);
    expect(errorFields(unit)).toEqual(['org']);
    expect(say('zh-CN', unit.org!)).toBe('请填写编制单位名称，例如“上海市社会保障卡服务中心”。');
    expect(say('en-US', unit.org!)).toMatch(/^Enter the unit’s name/);

    const dept = validateOrg('department', '');
    expect(say('zh-CN', dept!)).toBe('请填写部门名称，例如“上海市人力资源和社会保障局”。');
  });

  test('a name that is too long says how long it is and the limit', () => {
    const m = validateOrg('unit', '局'.repeat(61));
    expect(say('zh-CN', m!)).toBe('名称太长（61 个字），请不要超过 60 个字。');
  });

  test('year: empty, not four digits, out of range', () => {
    expect(say('zh-CN', validateYear('', NOW)!)).toBe('请填写预算年度，例如 2027。');
    expect(say('zh-CN', validateYear('2027年', NOW)!)).toBe('预算年度要写四位数字，例如 2027，不要加“年”字或空格。');
    expect(validateYear('27', NOW)?.key).toBe('error.year.notNumber');
    expect(validateYear('20.7', NOW)?.key).toBe('error.year.notNumber');
    expect(validateYear('abcd', NOW)?.key).toBe('error.year.notNumber');
    expect(say('zh-CN', validateYear('1999', NOW)!)).toBe('预算年度应在 2000 到 2100 之间，请检查是否输错。');
    expect(validateYear('2101', NOW)?.key).toBe('error.year.range');
    expect(say('en-US', validateYear('x', NOW)!)).toBe('Write the budget year as four digits, e.g. 2027, without 年 or spaces.');
  });

  test('year: spaces and full-width digits from a Chinese IME are accepted', () => {
    expect(validateYear(' 2027 ', NOW)).toBeUndefined();
    expect(normalizeYear('２０２７')).toBe('2027');
    expect(validateYear('２０２７', NOW)).toBeUndefined();
    expect(buildRequest(state({ year: '２０２８' })).ctx.year).toBe(2028);
  });

  test('nothing ticked asks for at least one table; the project statement alone is enough', () => {
    const none = validateForm(state({ specs: [], project: false }), NOW);
    expect(errorFields(none)).toEqual(['tables']);
    expect(say('zh-CN', none.tables!)).toBe('请至少勾选一张表，或勾选“项目经费情况说明”。');
    expect(validateForm(state({ specs: [], project: true }), NOW)).toEqual({});
  });

  test('tables of another level do not count as ticked', () => {
    const s = state({ level: 'department', specs: ['U1', 'U2'], project: false });
    expect(selectedSpecs(s)).toEqual([]);
    expect(errorFields(validateForm(s, NOW))).toEqual(['tables']);
  });

  test('project name: optional, but no characters Excel refuses in sheet names', () => {
    expect(validateProjectName('')).toBeUndefined();
    expect(validateProjectName('社保卡制发')).toBeUndefined();
    const bad = validateProjectName('社保卡/制发[2027]');
    expect(say('zh-CN', bad!)).toBe('项目名称不能含有这些符号：/ [ ]。请删去后再插入。');
    expect(validateProjectName('项'.repeat(61))?.key).toBe('error.projectName.tooLong');
    // not checked when the statement is not ticked
    expect(validateForm(state({ project: false, projectName: 'a/b' }), NOW)).toEqual({});
    expect(errorFields(validateForm(state({ project: true, projectName: 'a/b' }), NOW))).toEqual(['projectName']);
  });

  test('errors come in the order of the fields, so the first is the one to focus', () => {
    const errors = validateForm(state({ org: '', year: 'x', specs: [], project: false }), NOW);
    expect(errorFields(errors)).toEqual(['org', 'year', 'tables']);
  });

  test('every validation message reads without leftover placeholders in both languages', () => {
    const errors = [
      validateOrg('unit', ''),
      validateOrg('department', ''),
      validateOrg('unit', 'x'.repeat(100)),
      validateYear('', NOW),
      validateYear('x', NOW),
      validateYear('1900', NOW),
      validateProjectName('?'),
      validateProjectName('x'.repeat(100)),
      validateForm(state({ specs: [], project: false }), NOW).tables,
    ];
    for (const m of errors) for (const lang of LANGS) expect(say(lang, m!)).not.toMatch(/\{\w+\}/);
  });
});

describe('building the plan request', () => {
  test('context from the form, trimmed; specs in the official order; project last', () => {
    const s = state({ org: '  上海市社会保障卡服务中心 ', year: '2027', specs: ['T3', 'T1', 'glossary'], projectName: '' });
    const req = buildRequest(s);
    expect(req.ctx).toEqual({ level: 'unit', org: '上海市社会保障卡服务中心', year: 2027, tier: '市级' });
    expect(req.specs).toEqual(['glossary', 'T1', 'T3', 'project']);
    expect(req.projects).toHaveLength(1);
    expect(req.projects![0].subject).toBe('XX');
  });

  test('all tables ticked by default, for each level', () => {
    for (const level of ['unit', 'department'] as const) {
      const s = initialState(level, NOW);
      expect(s.specs).toEqual(specsForLevel(level).map((x) => x.id));
      expect(s.project).toBe(true);
      expect(checklistSpecs(level).some((x) => x.id === 'project')).toBe(false);
    }
    expect(initialState('unit', NOW).specs).toContain('U1');
    expect(initialState('department', NOW).specs).not.toContain('U1');
  });

  test('without the project statement, no project sheet', () => {
    const req = buildRequest(state({ project: false, specs: ['T1'] }));
    expect(req.specs).toEqual(['T1']);
    expect(req.projects).toBeUndefined();
    const plans = planWorkbook(req);
    expect(plans.map((p) => p.specId)).toEqual(['T1']);
  });

  test('the plans: one sheet per ticked table, the named project statement with the official outline', () => {
    const s = state({ level: 'department', org: '上海市人力资源和社会保障局', year: '2027', projectName: '就业补贴' });
    s.specs = initialState('department', NOW).specs;
    const plans = planWorkbook(buildRequest(s));
    expect(plans).toHaveLength(specsForLevel('department').length + 1);
    const project = plans[plans.length - 1];
    expect(project.specId).toBe('project');
    expect(project.name).toBe('项目经费情况说明-就业补贴');
    expect(project.cells[0][0]).toEqual({ text: '就业补贴项目经费情况说明' });
    expect(project.cells.map((r) => r[0])).toContainEqual({ text: ' 一、项目概述' });
    const t1 = plans.find((p) => p.specId === 'T1')!;
    expect(t1.cells[0][0]).toEqual({ text: '2027年部门财务收支预算总表' });
    expect(JSON.stringify(t1.cells)).toContain('上海市人力资源和社会保障局');
  });

  test('the blank project statement matches the one planWorkbook makes without a name', () => {
    const ctx = { level: 'unit' as const, org: '某单位', year: 2027 };
    const viaForm = planWorkbook({ ctx, specs: ['project'], projects: [projectStatement(ctx, '')] });
    const builtIn = planWorkbook({ ctx, specs: ['project'] });
    expect(viaForm).toEqual(builtIn);
  });

  test('prepareInsert refuses an invalid form and returns the errors', () => {
    const bad = prepareInsert(state({ org: '' }), NOW);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(errorFields(bad.errors)).toEqual(['org']);
    const good = prepareInsert(state(), NOW);
    expect(good.ok).toBe(true);
    if (good.ok) expect(good.request.ctx.year).toBe(2027);
  });

  test('titles in the checklist follow the year and the name', () => {
    const t1 = specsForLevel('unit').find((x) => x.id === 'T1')!;
    expect(specTitle(t1, state({ year: '2030' }), NOW)).toBe('2030年预算单位财务收支预算总表');
    expect(specTitle(t1, state({ year: 'x' }), NOW)).toBe('2027年预算单位财务收支预算总表');
    const fn = specsForLevel('unit').find((x) => x.id === 'functions')!;
    expect(specTitle(fn, state({ org: '' }), NOW)).toBe('主要职能');
    expect(specTitle(fn, state(), NOW)).toBe('上海市社会保障卡服务中心主要职能');
  });

  test('each seed budget makes its sample sheets', () => {
    for (const seed of SEED_BUDGETS) {
      const sample = sampleFromSeed(seed);
      const req = sampleRequest(sample);
      expect(req.ctx).toEqual(sample.ctx);
      const plans = planWorkbook(req);
      expect(plans.length).toBe(Object.keys(sample.data).length + sample.projects.length);
      expect(plans.length).toBeGreaterThan(5);
    }
  });

  test('sample labels in both languages', () => {
    const seed = { year: 2021, org: '上海市社会保障卡服务中心', level: 'unit' as const };
    expect(sampleLabel('zh-CN', seed)).toBe('2021年 上海市社会保障卡服务中心（单位）');
    expect(sampleLabel('en-US', seed)).toBe('2021 上海市社会保障卡服务中心 (Unit)');
  });
});

describe('results and errors', () => {
  const plan = (name: string): SheetPlan => ({ name }) as SheetPlan;

  test('a sheet made under another name is reported with both names', () => {
    const outcomes = sheetOutcomes([plan('单位收支总表'), plan('单位收入总表')], ['单位收支总表 (2)', '单位收入总表']);
    expect(outcomes).toEqual([
      { wanted: '单位收支总表', name: '单位收支总表 (2)', renamed: true },
      { wanted: '单位收入总表', name: '单位收入总表', renamed: false },
    ]);
    const notes = outcomeNotes(outcomes, 2);
    expect(notes.map((n) => say('zh-CN', n))).toEqual([
      '工作簿里已有“单位收支总表”，新表改名为“单位收支总表 (2)”，原表没有改动。',
      '示例原文缺失 2 处金额，对应单元格留空。',
    ]);
    expect(outcomeNotes(outcomes.slice(1))).toEqual([]);
  });

  test('Excel error codes become plain advice', () => {
    expect(explainExcelError({ code: 'InvalidOperationInCellEditMode', message: 'x' }).key).toBe('excel.cellEdit');
    expect(explainExcelError({ code: 'AccessDenied', message: 'x' }).key).toBe('excel.protected');
    expect(explainExcelError({ code: 'RequestPayloadSizeLimitExceeded', message: 'x' }).key).toBe('excel.tooLarge');
    expect(explainExcelError({ code: 'ApiNotFound', message: 'x' }).key).toBe('excel.apiMissing');
    expect(explainExcelError({ code: 'GeneralException', message: 'The workbook is protected.' }).key).toBe('excel.protected');
    expect(explainExcelError(new ReferenceError('Excel is not defined')).key).toBe('excel.needsExcel');
  });

  test('other errors keep only the first line of the message, never the stack', () => {
    const err = new Error('Something odd happened\n    at foo (taskpane.js:1:2)');
    const m = explainExcelError(err);
    expect(m).toEqual({ key: 'excel.generic', params: { detail: 'Something odd happened' } });
    expect(say('zh-CN', m)).toBe('Excel 没能完成插入（Something odd happened）。请保存工作簿后再试一次；仍不行时请关闭并重新打开任务窗格。');
    expect(say('zh-CN', m)).not.toMatch(/ at |\.js/);
    expect(explainExcelError({}).key).toBe('excel.genericNoDetail');
    expect(explainExcelError(undefined).key).toBe('excel.genericNoDetail');
    expect(errorDetail('TypeError: x is undefined')).toBe('x is undefined');
    expect(errorDetail({ message: 'y'.repeat(500) }).length).toBe(160);
    expect(explainPlanError(new Error('bad spec')).params).toEqual({ detail: 'bad spec' });
  });
});

describe('polyfills for the older Windows web view', () => {
  test('flatMap and Object.fromEntries are supplied when missing, and behave like the built-ins', async () => {
    const flatMap = Array.prototype.flatMap;
    const fromEntries = Object.fromEntries;
    try {
      delete (Array.prototype as { flatMap?: unknown }).flatMap;
      delete (Object as { fromEntries?: unknown }).fromEntries;
      await jest.isolateModulesAsync(async () => {
        await import('../../src/taskpane/polyfills');
      });
      expect(Array.prototype.flatMap).not.toBe(flatMap);
      expect([1, 2].flatMap((x) => [x, x * 10])).toEqual([1, 10, 2, 20]);
      expect(['a'].flatMap((x) => x)).toEqual(['a']);
      expect(Object.fromEntries([['a', 1], ['b', 2]])).toEqual({ a: 1, b: 2 });
    } finally {
      Object.defineProperty(Array.prototype, 'flatMap', { value: flatMap, configurable: true, writable: true });
      Object.defineProperty(Object, 'fromEntries', { value: fromEntries, configurable: true, writable: true });
    }
  });
});

describe('财政级次', () => {
  test('市级 unless chosen; the choice reaches the plan request and the glossary’s wording', () => {
    expect(initialState('unit', NOW).tier).toBe('市级');
    expect(TIERS).toEqual(['市级', '区级', '县级']);
    expect(isTier('区级')).toBe(true);
    expect(isTier('省级')).toBe(false);
    const req = buildRequest(state({ tier: '区级', specs: ['glossary'], project: false }));
    expect(req.ctx.tier).toBe('区级');
    const glossary = planWorkbook(req)[0];
    const text = JSON.stringify(glossary.cells);
    expect(text).toContain('区级预算主管部门');
    expect(text).not.toContain('市级预算主管部门');
  });
});

