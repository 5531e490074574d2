import ExcelJS from 'exceljs';
import { SEED_LONG_TARGET_FORM, SEED_SELF_EVALUATIONS, SEED_TARGET_FORMS, seedLongTargetPlans, seedSelfEvaluationPlans, seedTargetPlans, withBudgetValues } from '../../src/cli/forms';
import { Catalog } from '../../src/core/catalog/catalog';
import { checkLongTargetForm, checkSelfEvaluation, checkTargetForm } from '../../src/core/performance/rules';
import { planTargetForm } from '../../src/core/plan/forms';
import { planLongTargetForm } from '../../src/core/plan/long-form';
import { planProjectForms } from '../../src/core/plan/prefill';
import type { SheetPlan } from '../../src/core/plan/types';
import { planWorkbook } from '../../src/core/plan/workbook';
import type { Finding } from '../../src/core/rules/types';
import { validateSheets } from '../../src/core/rules/validate';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import type { SpecId } from '../../src/core/specs/types';
import { readWorkbook } from '../../src/xlsx/reader';
import { workbookFromPlans } from '../../src/xlsx/writer';

/**
 * Performance forms through the .xlsx round trip: plan → ExcelJS → file → readWorkbook →
 * validate, as `budget-tables check` runs it. The sample forms give exactly the problems the
 * seed rules find (test/core/performance/rules.test.ts), now each at its sheet!cell; one fault
 * injected per rule, as a clerk would type it into the file, is caught at its cell.
 */

const catalog = Catalog.builtIn();

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back;
}

function validate(wb: ExcelJS.Workbook): Finding[] {
  const read = readWorkbook(wb, catalog);
  return validateSheets(read.sheets, read.issues, catalog).findings;
}

const brief = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`);
const short = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.severity} ${f.cell}`);

const TARGET_SAMPLE = () => seedTargetPlans().map(withBudgetValues);
const SELF_SAMPLE = () => seedSelfEvaluationPlans().map(withBudgetValues);
const LONG_SAMPLE = () => seedLongTargetPlans().map(withBudgetValues);

describe('the sample forms through .xlsx', () => {
  it('2026 target forms: exactly the seed rules’ problems, each at its cell', async () => {
    const findings = validate(await reload(await workbookFromPlans(TARGET_SAMPLE())));
    expect(brief(findings)).toEqual([
      'form-target error 绩效目标-申领、补换卡网点运行费!E15',
      'form-target error 绩效目标-信息化运维项目!E15',
      'form-suspicious warning 绩效目标-交换平台运行费!E22',
    ]);
    // the same problems, in the same order, as the seed rules give for the forms themselves
    const seed = SEED_TARGET_FORMS.flatMap(checkTargetForm);
    expect(findings.map((f) => `${f.rule} ${f.sheet.replace(/^绩效目标-/, '')}`)).toEqual(seed.map((f) => `${f.rule} ${f.form}`));
    expect(findings[0].message).toBe('三级指标“维护工作完成数”没有指标值；每个三级指标都应有指标值，如“≥90.00(%)”或“健全”');
    expect(findings[2].message).toBe('满意度指标“市民满意度”的目标为=0.00(%)，满意度目标为0%不合常理，通常应为如“≥90.00(%)”');
  });

  it('2021 self-evaluations: exactly the seed rules’ problems, each at its cell, with BUDGET formulas or their values', async () => {
    const expected = [
      'self-met-deducted warning 绩效自评-2021年(社保卡中心)公务车辆购置费!G25',
      'self-rate error 绩效自评-上海市社会保障卡服务中心信息系统(2021升级改造)!G6',
      'self-rate error 绩效自评-2021年(社保卡中心)敬老卡制作费!G6',
    ];
    const findings = validate(await reload(await workbookFromPlans(SELF_SAMPLE())));
    expect(brief(findings)).toEqual(expected);
    const seed = SEED_SELF_EVALUATIONS.flatMap(checkSelfEvaluation);
    expect(findings.map((f) => `${f.rule} ${f.sheet.replace(/^绩效自评-/, '')}`)).toEqual(seed.map((f) => `${f.rule} ${f.form}`));
    expect(findings[1].message).toBe('执行率填为96.97%，应为96.96%（全年执行数1,410,000.00元 ÷ 全年预算数1,454,161.00元）');
    expect(findings[0].message).toBe('“管理人员责任制度”目标完善、完成完善，已达成却只得2分（分值4）');
    // With the BUDGET.EXECRATE formulas kept, the cached (published) rate is read the same.
    expect(brief(validate(await reload(await workbookFromPlans(seedSelfEvaluationPlans()))))).toEqual(expected);
  });
});

describe('the 2020 long target form (seed 003) through .xlsx', () => {
  it('exactly the seed rules’ one problem, at its cell, whether read by marker or by title', async () => {
    const wb = await reload(await workbookFromPlans(LONG_SAMPLE()));
    const findings = validate(wb);
    expect(brief(findings)).toEqual(['form-level3 error 绩效目标2020-社会保险服务费!C64']);
    expect(findings.map((f) => `${f.rule} ${f.message.replace(/^C64：/, '')}`)).toEqual(
      checkLongTargetForm(SEED_LONG_TARGET_FORM).map((f) => `${f.rule} ${f.message.replace(/^社会保险服务费：/, '')}`),
    );
    expect(readWorkbook(wb, catalog).sheets.map((s) => s.specId)).toEqual(['target-form-2020']);
    // without the plans' marker (G1), the title and the 子项目 list still make it the 2020 form
    wb.worksheets[0].getCell('G1').value = null;
    const byTitle = await reload(wb);
    expect(readWorkbook(byTitle, catalog).sheets.map((s) => s.specId)).toEqual(['target-form-2020']);
    expect(brief(validate(byTitle))).toEqual(['form-level3 error 绩效目标2020-社会保险服务费!C64']);
  });
});

type Fault = [rule: string, mutate: (ws: ExcelJS.Worksheet) => void, expected: string[]];

/** Clean forms to inject into: 制卡设备更新及维护费 (2026 target) and 交换平台运行费 (2021 self-evaluation). */
async function injected(plan: SheetPlan, mutate: (ws: ExcelJS.Worksheet) => void): Promise<Finding[]> {
  const wb = await reload(await workbookFromPlans([plan]));
  mutate(wb.worksheets[0]);
  return validate(await reload(wb));
}

describe('one injected fault per form rule, caught at its cell', () => {
  const clean = async (plan: SheetPlan) => expect(await injected(plan, () => undefined)).toEqual([]);

  // Rows 14–20: 成本 (14), 产出 数量/质量/时效 (15–17), 效益 (18–19), 满意度 (20).
  const TARGET_FAULTS: Fault[] = [
    ['form-funds', (ws) => void (ws.getCell('E9').value = 100), ['form-funds error E7']],
    ['form-level1', (ws) => ['A20', 'B20', 'C20', 'E20'].forEach((a) => (ws.getCell(a).value = null)), ['form-level1 error A13']],
    ['form-level2', (ws) => void (ws.getCell('B15').value = '社会效益指标'), ['form-level2 error B15']],
    ['form-level3', (ws) => void (ws.getCell('C16').value = null), ['form-level3 error C16']],
    ['form-target', (ws) => void (ws.getCell('E17').value = '≥'), ['form-target error E17']],
    ['form-suspicious', (ws) => void (ws.getCell('E15').value = { formula: '"=95.00(%)"' } as ExcelJS.CellFormulaValue), ['form-suspicious warning E15']],
    ['form-unit', (ws) => void (ws.getCell('E16').value = '≥95次'), ['form-unit warning E16']],
    ['text-amount', (ws) => void (ws.getCell('E8').value = '955,500.00'), ['text-amount warning E8']],
  ];
  it.each(TARGET_FAULTS)('target form: %s', async (_rule, mutate, expected) => {
    await clean(TARGET_SAMPLE()[0]);
    expect(short(await injected(TARGET_SAMPLE()[0], mutate))).toEqual(expected);
  });

  // Rows 13–19, 总分 on row 20 (分值 100, 得分 97.5); row 14 报销审核准确率 =100% 15 分,
  // row 15 电力保障及时率, row 16 系统运行正常率.
  const SELF_FAULTS: Fault[] = [
    ['self-rate (执行率)', (ws) => void (ws.getCell('G6').value = 0.99), ['self-rate error G6']],
    [
      'self-rate (执行率得分)',
      (ws) => {
        ws.getCell('H6').value = 9;
        ws.getCell('G20').value = 96.5;
      },
      ['self-rate error H6'],
    ],
    [
      'self-score',
      (ws) => {
        ws.getCell('G13').value = 25;
        ws.getCell('G20').value = 102.5;
      },
      // above its weight, and so off the scoring rules (20)
      ['self-score error G13', 'self-score-rules warning G13'],
    ],
    [
      'self-deviation',
      (ws) => {
        ws.getCell('E14').value = { formula: '"=80%"' } as ExcelJS.CellFormulaValue;
        ws.getCell('G14').value = 12;
        ws.getCell('G20').value = 94.5;
      },
      ['self-deviation error H14'],
    ],
    [
      'self-met-deducted',
      (ws) => {
        ws.getCell('G15').value = 14;
        ws.getCell('H15').value = '其他原因';
        ws.getCell('G20').value = 96.5;
      },
      ['self-met-deducted warning G15'],
    ],
    [
      'self-score-rules',
      (ws) => {
        ws.getCell('E16').value = { formula: '"=90%"' } as ExcelJS.CellFormulaValue;
        ws.getCell('G16').value = 14;
        ws.getCell('H16').value = '部分时段系统维护';
        ws.getCell('G20').value = 96.5;
      },
      ['self-score-rules warning G16'],
    ],
    ['self-weights', (ws) => void (ws.getCell('F6').value = 12), ['self-weights error F20']],
    ['self-total', (ws) => void (ws.getCell('G20').value = 99), ['self-total error G20']],
    // 总分 97.5 is 优; the grade typed over BUDGET.GRADE's value says 良
    ['self-grade', (ws) => void (ws.getCell('H20').value = '自评等级：良'), ['self-grade error H20']],
    ['unreadable', (ws) => void (ws.getCell('D6').value = '四十四万'), ['unreadable error D6']],
  ];
  it.each(SELF_FAULTS)('self-evaluation: %s', async (_rule, mutate, expected) => {
    await clean(SELF_SAMPLE()[0]);
    expect(short(await injected(SELF_SAMPLE()[0], mutate))).toEqual(expected);
  });

  // The long form with its one real problem mended (the 其它 row cleared): 子项目 19–25, 合计 E26
  // (a SUM, its cached result set as Excel would recompute it), indicators 29–64: 数量 38–41,
  // 质量 42–46, 满意度 55–56, 长效管理 57 (its own 二级 row).
  const longClean = () => {
    const plan = LONG_SAMPLE()[0];
    return { ...plan, cells: plan.cells.map((row, r) => (r === 63 ? row.map((v, c) => (c === 2 || c === 4 ? null : v)) : row)) };
  };
  const sum = (result: number) => ({ formula: 'SUM(E19:E25)', result }) as ExcelJS.CellFormulaValue;
  const LONG_FAULTS: Fault[] = [
    [
      'form-subprojects (子项目 against 项目当年预算)',
      (ws) => {
        ws.getCell('E22').value = 3729500;
        ws.getCell('E26').value = sum(17088021);
      },
      ['form-subprojects error E26'],
    ],
    ['form-subprojects (合计 typed over its SUM)', (ws) => void (ws.getCell('E26').value = 17000000), ['form-subprojects error E26']],
    ['form-funds (当年预算 above 总预算)', (ws) => void (ws.getCell('B14').value = 17000000), ['form-funds error E14']],
    ['form-level1', (ws) => ['C55', 'E55', 'C56', 'E56'].forEach((a) => (ws.getCell(a).value = null)), ['form-level1 error A28']],
    ['form-level2', (ws) => void (ws.getCell('B57').value = '数量'), ['form-level2 error B57']],
    ['form-level3', (ws) => void (ws.getCell('C39').value = null), ['form-level3 error C39']],
    ['form-level3 (placeholder)', (ws) => void (ws.getCell('C63').value = '其他'), ['form-level3 error C63']],
    ['form-target', (ws) => void (ws.getCell('E57').value = null), ['form-target error E57']],
    ['form-suspicious', (ws) => void (ws.getCell('E46').value = { formula: '"=95%"' } as ExcelJS.CellFormulaValue), ['form-suspicious warning E46']],
    ['form-unit', (ws) => void (ws.getCell('E41').value = '≥300次'), ['form-unit warning E41']],
    ['text-amount', (ws) => void (ws.getCell('B16').value = '18,372,648.00'), ['text-amount warning B16']],
    [
      'unreadable',
      (ws) => {
        ws.getCell('E24').value = '四百万';
        ws.getCell('E26').value = sum(13088121); // Excel's SUM passes over the words
      },
      // the 4,000,000 it stands for is missing from the 子项目 as well
      ['unreadable error E24', 'form-subprojects error E26'],
    ],
  ];
  it.each(LONG_FAULTS)('2020 long target form: %s', async (_rule, mutate, expected) => {
    await clean(longClean());
    expect(short(await injected(longClean(), mutate))).toEqual(expected);
  });

  it('the long form’s funds messages give both figures, the difference and both cells', async () => {
    const [subs] = await injected(longClean(), (ws) => {
      ws.getCell('E22').value = 3729500;
      ws.getCell('E26').value = sum(17088021);
    });
    expect(subs).toMatchObject({ sheet: '绩效目标2020-社会保险服务费', cell: 'E26', severity: 'error' });
    expect(subs.message).toBe('7个子项目的预算金额之和为17,088,021.00元，项目当年预算（E14）为17,088,121.00元，相差100.00元；子项目之和应等于项目当年预算');
    const [typed] = await injected(longClean(), (ws) => void (ws.getCell('E26').value = 17000000));
    expect(typed.message).toBe('子项目合计填为17,000,000.00元，7个子项目的预算金额之和为17,088,121.00元，相差88,121.00元；合计应为各子项目之和');
    const [over] = await injected(longClean(), (ws) => void (ws.getCell('B14').value = 17000000));
    expect(over.message).toBe('项目当年预算为17,088,121.00元，项目总预算（B14）为17,000,000.00元，当年预算多出88,121.00元；当年预算不应超过总预算');
  });

  it('the messages say where, what is wrong and what was expected', async () => {
    const [funds] = await injected(TARGET_SAMPLE()[0], (ws) => void (ws.getCell('E9').value = 100));
    expect(funds).toMatchObject({ sheet: '绩效目标-制卡设备更新及维护费', cell: 'E7', severity: 'error' });
    expect(funds.message).toBe('年度资金申请总额为955,500.00元，当年财政拨款、上年结转资金与其他资金之和为955,600.00元，相差100.00元');
    const [l1] = await injected(TARGET_SAMPLE()[0], (ws) => ['A20', 'B20', 'C20', 'E20'].forEach((a) => (ws.getCell(a).value = null)));
    expect(l1.message).toBe('缺少一级指标“满意度指标”或其下没有三级指标；本年度版本的一级指标为成本指标、产出指标、效益指标、满意度指标');
    const [total] = await injected(SELF_SAMPLE()[0], (ws) => void (ws.getCell('G20').value = 99));
    expect(total.message).toBe('总分填为99，执行率得分与各项得分之和为97.5');
  });
});

describe('target forms beside the budget’s 项目支出预算表 (U2)', () => {
  it('当年财政拨款 against the project in U2 (错误, both sides and the difference); U2 projects without a form (提示)', async () => {
    const sample = sampleFromSeed(SEED_BUDGETS[2]); // 2021 上海市社会保障卡服务中心, U2 with 14 projects
    const budget = planWorkbook({ ctx: sample.ctx, data: sample.data, projects: sample.projects, specs: Object.keys(sample.data) as SpecId[] });
    const ctx = { level: 'unit' as const, org: sample.ctx.org, year: 2021 };
    // 制卡设备更新及维护费 asks 955,500 where U2 has 1,480,000; 交换平台运行费 asks 446,048 as U2 has.
    const forms = [SEED_TARGET_FORMS[0], SEED_TARGET_FORMS[8]].map((f) => planTargetForm(ctx, { ...f, year: 2021 }));
    const wb = await reload(await workbookFromPlans([...budget, ...forms]));
    const findings = validate(wb);
    const u2 = '单位财政拨款项目支出表';
    const rows = wb.getWorksheet(u2)!;
    const projectRow = (name: string) => {
      let found = 0;
      rows.eachRow((row, r) => row.eachCell((c) => void (c.value === name && (found = r))));
      return found;
    };
    const others = ['上海市社会保障卡服务中心信息系统(运维)', '正式居住证制作费', '机关事业单位退休人员活动经费', '声讯系统运行费', '社会保障卡制作费', '缴纳残疾人就业保障金', '离退休专项经费', '敬老卡制作费', '申领、补换卡网点运行费', '公务车辆购置费', '上海市社会保障卡服务中心信息系统(2021升级改造)', '居住证一网通办业务受理与AI即审即批接入平台'];
    expect(brief(findings)).toEqual([
      'form-suspicious warning 绩效目标-交换平台运行费!E22',
      'form-vs-projects error 绩效目标-制卡设备更新及维护费!E8',
      ...others.map((n) => `form-missing warning ${u2}!F${projectRow(n)}`),
    ]);
    const cross = findings.find((f) => f.rule === 'form-vs-projects')!;
    expect(cross.message).toBe(`项目“制卡设备更新及维护费”的当年财政拨款为955,500元，${u2}!G${projectRow('制卡设备更新及维护费')}中该项目为1,480,000元，相差524,500元；两者应一致`);
    expect(findings.find((f) => f.rule === 'form-missing')!.message).toBe(`项目“${others[0]}”（4,104,326元）没有绩效目标申报表；工作簿中已有其他项目的申报表，每个项目都应填报一张`);
    // the budget alone, and forms without a U2, have nothing to compare
    expect(validate(await reload(await workbookFromPlans(budget)))).toEqual([]);
  });

  it('a 2020 long form is held to U2 by its 项目当年预算, the money it asks of the budget', async () => {
    const sample = sampleFromSeed(SEED_BUDGETS[2]);
    const budget = planWorkbook({ ctx: sample.ctx, data: sample.data, projects: sample.projects, specs: Object.keys(sample.data) as SpecId[] });
    // seed 003's form under the name of a U2 project (交换平台运行费, 446,048 元 in U2)
    const long = planLongTargetForm(sample.ctx, { ...SEED_LONG_TARGET_FORM, projectName: '交换平台运行费' });
    const findings = validate(await reload(await workbookFromPlans([...budget, long])));
    const cross = findings.filter((f) => f.rule === 'form-vs-projects');
    expect(cross.map((f) => `${f.sheet}!${f.cell}`)).toEqual([`${long.name}!E14`]);
    expect(cross[0].message).toMatch(/^项目“交换平台运行费”的项目当年预算为17,088,121元，单位财政拨款项目支出表!G\d+中该项目为446,048元，相差16,642,073元；两者应一致$/);
  });

  it('forms prefilled from U2 agree with it; until their indicators are typed, each lacks every 一级', async () => {
    const sample = sampleFromSeed(SEED_BUDGETS[2]);
    const budget = planWorkbook({ ctx: sample.ctx, data: sample.data, projects: sample.projects, specs: Object.keys(sample.data) as SpecId[] });
    const first = await reload(await workbookFromPlans(budget));
    const read = readWorkbook(first, catalog);
    // a name typed with full-width brackets is the U2 project all the same
    const chosen = ['上海市社会保障卡服务中心信息系统（运维）', '交换平台运行费'];
    const forms = planProjectForms(sample.ctx, read.sheets, chosen, { selfEvaluation: true });
    const wb = await reload(await workbookFromPlans([...budget, ...forms]));
    const findings = validate(wb);
    expect(findings.filter((f) => f.rule === 'form-vs-projects' || f.rule === 'self-vs-projects')).toEqual([]);
    expect(findings.filter((f) => f.rule === 'form-missing')).toHaveLength(12);
    const onForms = findings.filter((f) => f.sheet.startsWith('绩效目标-'));
    // the empty skeleton rows (一级/二级 merged, no 三级) are no indicators: each 一级 of the 2021 edition is missing
    expect(onForms.map((f) => `${f.rule} ${f.cell}`)).toEqual(Array(8).fill('form-level1 A13'));
    // a self-evaluation's 年初预算数 of 当年财政拨款 (C7) is held to the same year's U2 as well
    const self = forms.find((p) => p.specId === 'self-evaluation' && p.name.endsWith('交换平台运行费'))!;
    wb.getWorksheet(self.name)!.getCell('C7').value = 440000;
    const selfWrong = validate(await reload(wb)).filter((f) => f.rule === 'self-vs-projects');
    expect(selfWrong.map((f) => `${f.severity} ${f.sheet}!${f.cell}`)).toEqual([`error ${self.name}!C7`]);
    expect(selfWrong[0].message).toMatch(/^项目“交换平台运行费”当年财政拨款的年初预算数为440,000元，单位财政拨款项目支出表!G\d+中该项目为446,048元，相差6,048元/);
    wb.getWorksheet(self.name)!.getCell('C7').value = 446048;
    // typing the 当年财政拨款 wrong is caught against U2
    wb.getWorksheet(forms[1].name)!.getCell('E8').value = 446000;
    const wrong = validate(await reload(wb)).filter((f) => f.rule === 'form-vs-projects');
    expect(wrong.map((f) => `${f.sheet}!${f.cell} ${f.message}`)).toEqual([
      `${forms[1].name}!E8 项目“交换平台运行费”的当年财政拨款为446,000元，单位财政拨款项目支出表!G${wb.getWorksheet('单位财政拨款项目支出表')!.getColumn(6).values.indexOf('交换平台运行费')}中该项目为446,048元，相差48元；两者应一致`,
    ]);
  });
});
