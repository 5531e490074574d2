import * as fs from 'fs';
import * as path from 'path';

/* eslint-disable @typescript-eslint/no-require-imports */
const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');
const { localizeMetadata, TABLE } = require('../../scripts/localize-functions.js') as {
  localizeMetadata: (english: Metadata, table: unknown) => Metadata;
  TABLE: string;
};
/* eslint-enable @typescript-eslint/no-require-imports */

interface Metadata {
  functions: { id: string; name: string; description: string; parameters: { name: string; description: string }[] }[];
}

/**
 * The functions described in Chinese for Chinese Excel and in English for every other locale,
 * as the custom-functions naming and localization docs describe: functions.json and
 * functions.zh-CN.json with the same ids, the manifest overriding the metadata URL for zh-CN.
 */
const ROOT = path.join(__dirname, '..', '..');
const CJK = /[\u4e00-\u9fff]/;
/** the Chinese words the English text keeps, as the tables say them (类|款|项, 万元, 合计, grades) */
const DOMAIN_WORDS = /类|款|项|万元|元|合计|基本|三级|一级|优|良|中|差/g;

let english: Metadata;
let zh: Metadata;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(path.join(ROOT, 'src', 'functions', 'functions.ts'), true);
  expect(result.errors).toEqual([]);
  english = JSON.parse(result.metadataJson);
  zh = localizeMetadata(english, JSON.parse(fs.readFileSync(TABLE, 'utf8')));
});

describe('Chinese function metadata', () => {
  it('describes every function and parameter in Chinese, with Chinese parameter names', () => {
    expect(zh.functions.map((f) => f.id)).toEqual(english.functions.map((f) => f.id));
    for (const f of zh.functions) {
      expect(f.description).toMatch(CJK);
      for (const p of f.parameters) {
        expect(`${f.id} ${p.name}`).toMatch(new RegExp(`^${f.id} [\\p{L}_.]+$`, 'u'));
        expect(p.name).toMatch(CJK);
        expect(p.description).toMatch(CJK);
      }
    }
  });

  it('keeps the ids and the function names, which the formulas written by the templates use', () => {
    expect(zh.functions.map((f) => [f.id, f.name])).toEqual(english.functions.map((f) => [f.id, f.name]));
    expect(zh.functions.find((f) => f.id === 'ROLLUP')!.parameters.map((p) => p.name)).toEqual(['科目编码区域', '金额区域', '汇总科目']);
  });

  it('is English for every other locale: no Chinese prose in functions.json', () => {
    for (const f of english.functions) {
      for (const text of [f.description, ...f.parameters.flatMap((p) => [p.name, p.description])]) {
        expect(text.replace(DOMAIN_WORDS, '')).not.toMatch(CJK);
      }
    }
  });

  it('fails the build when a function or a parameter has no Chinese text', () => {
    const table = JSON.parse(fs.readFileSync(TABLE, 'utf8'));
    delete table.WAN.parameters.digits;
    delete table.GRADE;
    expect(() => localizeMetadata(english, table)).toThrow(/WAN\(digits\).*GRADE|GRADE.*WAN\(digits\)/);
  });

  it('the manifest gives zh-CN Excel the Chinese file', () => {
    const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
    expect(xml).toMatch(/<bt:Url id="Functions.Metadata.Url" DefaultValue="https:\/\/localhost:3000\/functions.json">\s*<bt:Override Locale="zh-CN" Value="https:\/\/localhost:3000\/functions.zh-CN.json"\/>/);
  });
});
