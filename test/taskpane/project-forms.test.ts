import type { ModelSheet, ProjectTableData } from '../../src/core/model';
import { Money } from '../../src/core/money';
import { formText, SELF_CELLS, TARGET_CELLS } from '../../src/core/plan/forms';
import { parseRange } from '../../src/core/plan/a1';
import type { SheetPlan } from '../../src/core/plan/types';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import { say } from '../../src/taskpane/i18n';
import {
  DEFAULT_KINDS,
  explainFormsError,
  formsContext,
  formsErrorFields,
  formsOutcomes,
  planForms,
  projectItems,
  parseTypedProjects,
  projectLabel,
  typedProjectsSheet,
  validateFormsRequest,
  type FormsRequest,
} from '../../src/taskpane/project-forms';

const seed = SEED_BUDGETS.find((s) => s.id === '2021-shanghai-social-security-card-unit')!;
const sample = sampleFromSeed(seed);
const SHEETS: ModelSheet[] = [{ sheetName: '单位财政拨款项目支出表', specId: 'U2', context: sample.ctx, data: sample.data.U2 as ProjectTableData }];
const NOW = new Date('2026-12-01T00:00:00Z');

/** A cell of a plan by its A1 address: text as it will show, numbers as they are. */
function cell(plan: SheetPlan, a1: string): unknown {
  const { r1, c1 } = parseRange(a1);
  const v = plan.cells[r1 - 1]?.[c1 - 1];
  return typeof v === 'number' ? v : formText(v);
}

const request = (over: Partial<FormsRequest> = {}): FormsRequest => ({
  projects: ['正式居住证制作费'],
  kinds: { ...DEFAULT_KINDS },
  department: '',
  ...over,
});

describe('the 绩效表 section: project list', () => {
  test('one item per U2 project, with its 预算数 in 元', () => {
    const items = projectItems(SHEETS);
    expect(items).toHaveLength(14);
    expect(items[0]).toEqual({ name: '上海市社会保障卡服务中心信息系统(运维)', amount: '4,104,326.00' });
    expect(items[1]).toEqual({ name: '正式居住证制作费', amount: '7,958,000.00' });
  });

  test('a project under two 项 is one item with the amounts added; a blank amount says so', () => {
    const sheet: ModelSheet = {
      sheetName: 'U2',
      specId: 'U2',
      context: { org: '某单位', year: 2026 },
      data: {
        kind: 'projects',
        total: null,
        rows: [
          { code: '2040202', name: '一般行政管理事务', amount: null, projects: [{ name: '信息化运维', amount: new Money(100) }] },
          { code: '2040219', name: '信息化建设', amount: null, projects: [{ name: '信息化运维', amount: new Money('250.5') }, { name: '新项目', amount: null }] },
        ],
      } as ProjectTableData,
    };
    const items = projectItems([sheet]);
    expect(items).toEqual([
      { name: '信息化运维', amount: '350.50' },
      { name: '新项目', amount: null },
    ]);
    expect(projectLabel('zh-CN', items[0])).toBe('信息化运维（350.50 元）');
    expect(projectLabel('en-US', items[0])).toBe('信息化运维 (350.50 yuan)');
    expect(projectLabel('zh-CN', items[1])).toBe('新项目（未填金额）');
  });

  test('no U2 table: no items', () => {
    expect(projectItems([])).toEqual([]);
  });
});

describe('the 绩效表 section: what is asked for', () => {
  test('the list must be read, a project and a kind ticked, the department not too long', () => {
    expect(validateFormsRequest(request(), true)).toEqual({});
    expect(validateFormsRequest(request(), false)).toEqual({ projects: { key: 'forms.error.notLoaded' } });
    expect(validateFormsRequest(request({ projects: [] }), true)).toEqual({ projects: { key: 'forms.error.noProject' } });
    const none = { target: false, self: false, statement: false, summary: false };
    expect(validateFormsRequest(request({ kinds: none }), true)).toEqual({ kinds: { key: 'forms.error.noKind' } });
    const long = '很'.repeat(61);
    const errors = validateFormsRequest(request({ projects: [], kinds: none, department: long }), true);
    expect(formsErrorFields(errors)).toEqual(['projects', 'kinds', 'department']);
    expect(say('zh-CN', errors.department!)).toBe('主管部门名称太长（61 个字），请不要超过 60 个字。');
    expect(validateFormsRequest(request({ department: ` ${'很'.repeat(60)} ` }), true)).toEqual({});
  });

  test('the forms are for the U2 sheet’s unit and year; next year when it does not say', () => {
    expect(formsContext(SHEETS, ['正式居住证制作费'], NOW)).toEqual({ level: 'unit', org: '上海市社会保障卡服务中心', year: 2021 });
    const bare: ModelSheet[] = [{ ...SHEETS[0], context: {} }];
    expect(formsContext(bare, ['正式居住证制作费'], NOW)).toEqual({ level: 'unit', org: '', year: 2027 });
  });
});

describe('the 绩效表 section: plans', () => {
  test('each kind ticked, per project, prefilled with name, amount, 主管部门 and 实施单位', () => {
    const { plans, notes } = planForms(
      SHEETS,
      request({ projects: ['制卡设备更新及维护费', '正式居住证制作费'], kinds: { target: true, self: true, statement: true, summary: false }, department: ' 上海市人力资源和社会保障局 ' }),
      [],
      NOW,
    );
    expect(notes).toEqual([]);
    expect(plans.map((p) => p.name)).toEqual([
      '绩效目标-正式居住证制作费',
      '绩效目标-制卡设备更新及维护费',
      '绩效自评-正式居住证制作费',
      '绩效自评-制卡设备更新及维护费',
      '项目经费情况说明-正式居住证制作费',
      '项目经费情况说明-制卡设备更新及维护费',
    ]);
    expect(cell(plans[0], TARGET_CELLS.projectName)).toBe('正式居住证制作费');
    expect(cell(plans[0], TARGET_CELLS.department)).toBe('上海市人力资源和社会保障局');
    expect(cell(plans[0], TARGET_CELLS.unit)).toBe('上海市社会保障卡服务中心');
    expect(cell(plans[0], TARGET_CELLS.annualFiscal)).toBe(7958000);
    expect(cell(plans[2], SELF_CELLS.projectName)).toBe('正式居住证制作费');
  });

  test('a name the workbook already has is never planned', () => {
    const { plans, wanted } = planForms(SHEETS, request(), ['绩效目标-正式居住证制作费'], NOW);
    expect(plans).toHaveLength(1);
    expect(plans[0].name).not.toBe('绩效目标-正式居住证制作费');
    expect(plans[0].name.startsWith('绩效目标-正式居住证制作费')).toBe(true);
    // the result names the sheet it would have been, so the pane can say it took another name
    expect(wanted).toEqual(['绩效目标-正式居住证制作费']);
    expect(formsOutcomes(wanted, [plans[0].name])).toEqual([{ wanted: '绩效目标-正式居住证制作费', name: plans[0].name, renamed: true }]);
    expect(formsOutcomes(['甲'], ['甲'])).toEqual([{ wanted: '甲', name: '甲', renamed: false }]);
  });

  test('the summary comes first and links to the target forms; it cannot come without them', () => {
    const { plans, wanted, notes } = planForms(SHEETS, request({ projects: ['正式居住证制作费', '交换平台运行费'], kinds: { ...DEFAULT_KINDS, summary: true } }), [], NOW);
    expect(plans.map((p) => p.name)).toEqual(['绩效目标汇总表', '绩效目标-正式居住证制作费', '绩效目标-交换平台运行费']);
    expect(wanted).toEqual(plans.map((p) => p.name));
    expect(notes).toEqual([]);
    expect(JSON.stringify(plans[0].cells)).toContain("'绩效目标-正式居住证制作费'!B3");
    const onlySummary = { target: false, self: false, statement: false, summary: true };
    expect(validateFormsRequest(request({ kinds: onlySummary }), true)).toEqual({ kinds: { key: 'forms.error.summaryNeedsTarget' } });
  });

  test('the summary links to the target forms under the names they were given', () => {
    const { plans } = planForms(SHEETS, request({ kinds: { ...DEFAULT_KINDS, summary: true } }), ['绩效目标-正式居住证制作费'], NOW);
    expect(plans[1].name).not.toBe('绩效目标-正式居住证制作费');
    expect(JSON.stringify(plans[0].cells)).toContain(`'${plans[1].name}'!B3`);
  });
});

describe('the 绩效表 section: errors in plain words', () => {
  test('a project gone since the list was read asks for a refresh', () => {
    let err: unknown;
    try {
      planForms(SHEETS, request({ projects: ['早已删除的项目'] }), [], NOW);
    } catch (e) {
      err = e;
    }
    const m = explainFormsError(err, 'insert');
    expect(m.key).toBe('forms.error.projectsGone');
    expect(say('zh-CN', m)).toBe('U2 表中已没有这些项目：早已删除的项目。工作簿在读取项目后有改动，请点“刷新项目”后重新勾选。');
    expect(say('en-US', m)).toBe('The U2 table no longer has these projects: 早已删除的项目. The workbook changed after the projects were read; choose Refresh projects and tick them again.');
  });

  test('Excel’s refusals are explained as for any insert; a failed read says to read again', () => {
    const cellEdit = Object.assign(new Error('busy editing'), { code: 'InvalidOperationInCellEditMode' });
    expect(explainFormsError(cellEdit, 'insert')).toEqual({ key: 'excel.cellEdit' });
    expect(explainFormsError(cellEdit, 'read')).toEqual({ key: 'excel.cellEdit' });
    expect(explainFormsError(new Error('socket closed'), 'read')).toEqual({ key: 'forms.error.read', params: { detail: 'socket closed' } });
    expect(explainFormsError(new Error('socket closed'), 'insert')).toEqual({ key: 'excel.generic', params: { detail: 'socket closed' } });
    expect(explainFormsError({}, 'read')).toEqual({ key: 'forms.error.readNoDetail' });
    expect(explainFormsError(new ReferenceError('Excel is not defined'), 'read')).toEqual({ key: 'forms.needsExcel' });
  });
});

describe('the 绩效表 section in a department workbook: units’ U2 tables and typed projects', () => {
  const unitU2 = (org: string, names: [string, number][]): ModelSheet => ({
    sheetName: `${org} U2`,
    specId: 'U2',
    context: { org, year: 2021 },
    data: { kind: 'projects', total: null, rows: [{ code: '2040202', name: '一般行政管理事务', amount: null, projects: names.map(([name, a]) => ({ no: null, name, amount: new Money(a) })) }] } as ProjectTableData,
  });

  test('each project’s form names its own unit as 实施单位, and the department as 主管部门', () => {
    const sheets = [unitU2('甲单位', [['甲项目', 100]]), unitU2('乙单位', [['乙项目', 200]])];
    const { plans } = planForms(sheets, request({ projects: ['甲项目', '乙项目'], department: '某局' }), [], NOW);
    expect(plans.map((p) => cell(p, TARGET_CELLS.unit))).toEqual(['甲单位', '乙单位']);
    expect(plans.map((p) => cell(p, TARGET_CELLS.department))).toEqual(['某局', '某局']);
  });

  test('typed projects: a name a line, an amount after a space; a wrong amount is named by its line', () => {
    const typed = parseTypedProjects('信息系统运维 1,200,000\n\n  培训费\t３５０．５０元\n信息系统运维 5\n宣传费 12.3.4');
    expect(typed.projects.map((p) => [p.name, p.amount?.toFixed(2) ?? null])).toEqual([
      ['信息系统运维', '1200000.00'],
      ['培训费', '350.50'],
      ['宣传费 12.3.4', null],
    ]);
    expect(typed.badLines).toEqual([5]);
    const errors = validateFormsRequest(request(), true, typed.badLines);
    expect(formsErrorFields(errors)).toEqual(['typed']);
    expect(say('zh-CN', errors.typed!)).toContain('第 5 行的金额不是数字');
    expect(parseTypedProjects(' \n').projects).toEqual([]);
  });

  test('typed projects make forms without a U2 in the workbook, their 实施单位 left blank for the clerk', () => {
    const typed = parseTypedProjects('培训费 350.5');
    const sheet = typedProjectsSheet(typed.projects, 2027)!;
    expect(typedProjectsSheet([], 2027)).toBeNull();
    // with another unit's U2 listed first, the typed project still does not take that unit
    const sheets = [unitU2('甲单位', [['甲项目', 100]]), sheet];
    const { plans } = planForms(sheets, request({ projects: ['甲项目', '培训费'] }), [], NOW);
    expect(plans.map((p) => cell(p, TARGET_CELLS.projectName))).toEqual(['甲项目', '培训费']);
    expect(plans.map((p) => cell(p, TARGET_CELLS.unit))).toEqual(['甲单位', null]);
    expect(cell(plans[1], TARGET_CELLS.annualFiscal)).toBe(350.5);
  });
});

