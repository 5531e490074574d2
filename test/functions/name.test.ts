import * as path from 'path';
import { Catalog } from '../../src/core/catalog/catalog';
import { codeName, isProblem, useCatalog } from '../../src/functions/logic';

describe('BUDGET.NAME logic', () => {
  afterEach(() => useCatalog(Catalog.builtIn()));

  it('names a code in every form a clerk types', () => {
    expect(codeName('2040201')).toBe('行政运行');
    expect(codeName([['204 02 01']])).toBe('行政运行');
    expect(codeName([['204', '02', '01']])).toBe('行政运行');
    expect(codeName([['204', 2, 1]])).toBe('行政运行');
    expect(codeName(30217)).toBe('公务接待费');
  });

  it('follows the edition of the budget year', () => {
    expect(codeName('210', 2018)).toBe('医疗卫生与计划生育支出');
    expect(codeName('210', [[2021]])).toBe('卫生健康支出');
  });

  it('says what is wrong with a bad code, an unknown code or a bad year', () => {
    const bad = codeName('20402011');
    expect(isProblem(bad) && bad.problem === 'invalid' && bad.message).toContain('位数不对');
    const unknown = codeName('2999999');
    expect(isProblem(unknown) && unknown.problem === 'notFound' && unknown.message).toContain('2999999');
    const year = codeName('204', 'abc');
    expect(isProblem(year) && year.message).toContain('四位年份');
  });

  it('uses the workbook catalog sheet when one is loaded', () => {
    useCatalog(Catalog.builtIn().withOverrides([{ code: '2040201', name: '行政运行（自定义）' }]));
    expect(codeName('2040201')).toBe('行政运行（自定义）');
  });
});

describe('generated functions.json', () => {
  it('declares BUDGET.NAME with its parameters and English help (Chinese comes from functions.zh-CN.json)', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');
    const result = await generateCustomFunctionsMetadata(path.join(__dirname, '..', '..', 'src', 'functions', 'functions.ts'), true);
    expect(result.errors).toEqual([]);
    const meta = JSON.parse(result.metadataJson);
    const fn = meta.functions.find((f: { id: string }) => f.id === 'NAME');
    expect(fn).toBeDefined();
    expect(fn.name).toBe('NAME');
    expect(fn.description).toMatch(/^Returns the official name/);
    expect(fn.parameters.map((p: { name: string }) => p.name)).toEqual(['code', 'year']);
    expect(fn.parameters[0].dimensionality).toBe('matrix');
    expect(fn.parameters[1].optional).toBe(true);
    expect(fn.result.type).toBe('string');
  });
});
