import { Catalog } from '../../../src/core/catalog/catalog';
import { draftText } from '../../../src/core/draft/text';
import type { BudgetContext } from '../../../src/core/model';
import { address } from '../../../src/core/plan/a1';
import { fill, planSheet } from '../../../src/core/plan/build';
import { planLongTargetForm } from '../../../src/core/plan/long-form';
import { contentsLines } from '../../../src/core/plan/pack';
import { SEED_LONG_TARGET_FORM } from '../../../src/cli/forms';
import { isPlanText } from '../../../src/core/plan/text-cells';
import type { CellValue, SheetPlan } from '../../../src/core/plan/types';
import { planWorkbook, specsForLevel } from '../../../src/core/plan/workbook';
import type { SheetGrid } from '../../../src/core/read/grid';
import { readSheet } from '../../../src/core/read/parse';
import { validateSheets } from '../../../src/core/rules/validate';
import { sampleFromSeed } from '../../../src/core/sample';
import { SEED_BUDGETS } from '../../../src/core/sample-seeds';
import { COVER, CONTENTS } from '../../../src/core/specs/pack';
import { GLOSSARY, OTHER } from '../../../src/core/specs/texts';
import type { SpecId } from '../../../src/core/specs/types';
import { tierOfSheets, TIERS, type Tier } from '../../../src/core/tier';

/** Issue 15.2 (the level of government in the wording) and 15.3 (封面 and 目录 in the pack). */

const text = (v: CellValue): string => (v === null ? '' : isPlanText(v) ? v.text : String(v));
const lines = (plan: SheetPlan): string[] => plan.cells.map((r) => r.map(text).join(' | '));
const ctx = (tier?: Tier, level: BudgetContext['level'] = 'department'): BudgetContext => ({ level, org: '上海市普陀区XX局', year: 2026, ...(tier ? { tier } : {}) });
const grid = (plan: SheetPlan): SheetGrid => ({
  name: plan.name,
  values: plan.cells.map((r, i) => r.map((v, j) => (isPlanText(v) ? v.text : typeof v === 'string' && v.startsWith('=') ? (plan.results[address(i + 1, j + 1)] ?? null) : v))),
});

describe('财政级次 (tier)', () => {
  test('市级 is the default and the seeds’ wording: 市级预算主管部门, 与市级财政, 本市', () => {
    const glossary = fill(GLOSSARY.outline.department, ctx());
    expect(glossary).toContain('是市级预算主管部门及所属预算单位本年度从本级财政部门取得的财政拨款');
    expect(glossary).toContain('是与市级财政有经费领拨关系的部门及其下属预算单位使用市级财政拨款安排的');
    expect(fill(OTHER.outline.department, ctx())).toContain('按照本市预算绩效管理工作的总体要求');
    expect(fill(GLOSSARY.outline.department, ctx('市级'))).toBe(glossary);
  });

  test.each([
    ['区级', '本区'],
    ['县级', '本县'],
  ] as const)('%s as the district templates word it, with %s', (tier, local) => {
    for (const level of ['unit', 'department'] as const) {
      const glossary = fill(GLOSSARY.outline[level], ctx(tier, level));
      expect(glossary).toContain(`是${tier}预算主管部门及所属预算单位本年度从本级财政部门取得的财政拨款`);
      expect(glossary).toContain(`（五）基本支出预算：是${tier}预算主管部门`);
      expect(glossary).toContain(`（六）项目支出预算：是${tier}预算主管部门`);
      expect(glossary).toContain(`是与${tier}财政有经费领拨关系的部门及其下属预算单位使用${tier}财政拨款安排的`);
      expect(glossary).not.toMatch(/市级|\{tier\}/);
      const other = fill(OTHER.outline[level], ctx(tier, level));
      expect(other).toContain(`按照${local}预算绩效管理工作的总体要求`);
      expect(other).not.toMatch(/本市|\{local\}/);
    }
  });

  test('a template’s sheets say their tier, and the workbook’s text tells it back', () => {
    for (const tier of TIERS) {
      const plans = planWorkbook({ ctx: ctx(tier), specs: ['cover', 'glossary', 'other', 'T1'] });
      const glossary = plans.find((p) => p.specId === 'glossary')!;
      expect(lines(glossary).join('\n')).toContain(`${tier}预算主管部门`);
      const cover = plans.find((p) => p.specId === 'cover')!;
      expect(lines(cover).join('\n')).toContain(`2026年${tier}部门预算`);
      const read = plans.map((p) => readSheet(grid(p)).sheet).filter((s) => s !== null);
      expect(tierOfSheets(read)).toBe(tier);
    }
    expect(tierOfSheets([])).toBeUndefined();
  });

  test('the 2020 target form’s section on last year’s money names the tier', () => {
    const heading = (tier?: Tier) =>
      lines(planLongTargetForm({ ...ctx(tier, 'unit'), year: 2020 }, SEED_LONG_TARGET_FORM)).find((l) => l.includes('上年度') && l.includes('资金使用情况'));
    expect(heading()).toContain('本项目上年度市级财政资金使用情况');
    expect(heading('区级')).toContain('本项目上年度区级财政资金使用情况');
  });

  test('the draft says 本区 for a district, 本市 by default', () => {
    const seed = SEED_BUDGETS.find((s) => s.id === '2021-shanghai-social-security-card-unit')!;
    const sample = sampleFromSeed(seed);
    const plans = planWorkbook({ ctx: sample.ctx, data: sample.data, specs: Object.keys(sample.data) as SpecId[], options: { subtotals: 'values' } });
    const sheets = plans.map((p) => readSheet(grid(p)).sheet).filter((s) => s !== null);
    const paragraph = (tier?: Tier) =>
      draftText(sheets, tier ? { tier } : {})
        .sections.flatMap((s) => s.paragraphs)
        .find((p) => p.includes('预算绩效管理工作的总体要求'));
    expect(paragraph()).toMatch(/^按照本市预算绩效管理工作的总体要求/);
    expect(paragraph('区级')).toMatch(/^按照本区预算绩效管理工作的总体要求/);
    expect(paragraph('县级')).toMatch(/^按照本县预算绩效管理工作的总体要求/);
  });
});

describe('封面 and 目录', () => {
  test('come first in every level’s pack, ticked by default like the tables', () => {
    for (const level of ['unit', 'department'] as const) {
      expect(specsForLevel(level).slice(0, 3).map((s) => s.id)).toEqual(['cover', 'contents', 'functions']);
    }
  });

  test('the cover names the year, the tier, the level and the body, with a date line', () => {
    const unit = lines(planSheet(COVER, ctx('区级', 'unit'))).join('\n');
    expect(unit).toContain('2026年区级单位预算');
    expect(unit).toContain('预算单位：上海市普陀区XX局');
    expect(unit).toMatch(/编制日期：\s+年\s+月\s+日/);
    const dept = lines(planSheet(COVER, ctx())).join('\n');
    expect(dept).toContain('2026年市级部门预算');
    expect(dept).toContain('预算主管部门：上海市普陀区XX局');
  });

  test('the contents list the sheets made, in order, numbered as the district templates number them', () => {
    const plans = planWorkbook({ ctx: ctx('区级'), specs: specsForLevel('department').map((s) => s.id) });
    const contents = plans.find((p) => p.specId === 'contents')!;
    expect(contents.name).toBe('目录');
    const body = contents.cells.slice(3).map((r) => [text(r[0]), text(r[1])]);
    expect(body).toEqual([
      ['一、部门主要职能', '部门主要职能'],
      ['二、部门机构设置', '部门机构设置'],
      ['三、名词解释', '名词解释'],
      ['四、部门预算编制说明', '部门编制说明'],
      ['五、部门预算表', ''],
      ['1. 2026年部门财务收支预算总表', '部门收支总表'],
      ['2. 2026年部门收入预算总表', '部门收入总表'],
      ['3. 2026年部门支出预算总表', '部门支出总表'],
      ['4. 2026年部门财政拨款收支预算总表', '部门财政拨款收支总表'],
      ['5. 2026年部门一般公共预算支出功能分类预算表', '部门一般公共预算拨款表'],
      ['6. 2026年部门政府性基金预算支出功能分类预算表', '部门政府性基金拨款表'],
      ['7. 2026年部门国有资本经营预算支出功能分类预算表', '部门国有资本经营预算拨款表'],
      ['8. 2026年部门一般公共预算基本支出部门预算经济分类预算表', '部门一般公共预算拨款基本支出明细表'],
      ['9. 2026年部门“三公”经费和机关运行经费预算表', '部门“三公”经费和机关运行费预算表'],
      ['六、其他相关情况说明', '其他相关情况说明'],
    ]);
    // every sheet named in the 目录 is a sheet of the pack
    const names = new Set(plans.map((p) => p.name));
    for (const [, sheet] of body) if (sheet) expect(names.has(sheet)).toBe(true);
  });

  test('only the sheets asked for, renumbered, with each project statement under one heading', () => {
    const plans = planWorkbook({
      ctx: ctx(undefined, 'unit'),
      specs: ['contents', 'glossary', 'T2', 'U2', 'project'],
      projects: [
        { kind: 'text', subject: '社保卡服务', paragraphs: ['一、项目概述'] },
        { kind: 'text', subject: '网点运行', paragraphs: ['一、项目概述'] },
      ],
    });
    const contents = plans.find((p) => p.specId === 'contents')!;
    expect(contents.cells.slice(3).map((r) => text(r[0]))).toEqual([
      '一、名词解释',
      '二、单位预算表',
      '1. 2026年预算单位收入预算总表',
      '2. 2026年预算单位财政拨款项目支出预算表',
      '三、项目经费情况说明',
      '1. 社保卡服务项目经费情况说明',
      '2. 网点运行项目经费情况说明',
    ]);
    expect(contentsLines(ctx(), []).length).toBe(0);
  });

  test('print on A4 landscape at 100 %: narrower than the page, text of 12 pt and more', () => {
    for (const spec of [COVER, CONTENTS]) {
      const plan = planSheet(spec, ctx());
      expect(plan.print).toMatchObject({ orientation: 'landscape', fitToWidth: true });
      const visible = plan.columnWidths.filter((_, i) => !plan.hiddenColumns.includes(i + 1));
      // A4 landscape between the writers' 0.5-inch margins: 770 pt, about 113 width units of 宋体
      // as LibreOffice prints them (a 目录 of 130 units printed at 84 %).
      expect(visible.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(113);
      const sizes = plan.styles.map((s) => s.style.fontSize).filter((n): n is number => n !== undefined);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    }
  });

  test('a template with them is checked exactly as one without: same findings, nothing reported of them', () => {
    const catalog = Catalog.builtIn();
    for (const level of ['unit', 'department'] as const) {
      const all = specsForLevel(level).map((s) => s.id);
      const findings = (specs: SpecId[]) => {
        const results = planWorkbook({ ctx: ctx('区级', level), specs }).map((p) => readSheet(grid(p), catalog));
        return validateSheets(
          results.flatMap((r) => (r.sheet ? [r.sheet] : [])),
          results.flatMap((r) => r.issues),
          catalog,
        ).findings;
      };
      const withPack = findings(all);
      expect(withPack.length).toBeGreaterThan(0); // an empty template has its not-filled findings
      expect(withPack).toEqual(findings(all.filter((id) => id !== 'cover' && id !== 'contents')));
      expect(withPack.some((f) => f.sheet === '封面' || f.sheet === '目录')).toBe(false);
    }
    // Only a cover and a contents: nothing recognised, as for any workbook without a table.
    const bare = planWorkbook({ ctx: ctx(), specs: ['cover', 'contents'] }).map((p) => readSheet(grid(p), catalog));
    expect(bare.every((r) => r.sheet === null && r.issues.length === 0)).toBe(true);
    expect(validateSheets([], [], catalog).findings.map((f) => f.rule)).toEqual(['nothing-recognised']);
  });
});
