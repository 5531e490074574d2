import ExcelJS from 'exceljs';
import type { BudgetContext, ModelSheet, ProjectTableData } from '../../../src/core/model';
import { Money } from '../../../src/core/money';
import { formText, SELF_CELLS, SELF_FUND_COLUMNS, TARGET_CELLS } from '../../../src/core/plan/forms';
import { plainCell } from '../../../src/core/plan/text-cells';
import { address } from '../../../src/core/plan/a1';
import { parseMarker } from '../../../src/core/plan/marker';
import { chooseProjects, planProjectForms, projectChoices, projectKey } from '../../../src/core/plan/prefill';
import { planWorkbook } from '../../../src/core/plan/workbook';
import { sampleFromSeed } from '../../../src/core/sample';
import { SEED_BUDGETS } from '../../../src/core/sample-seeds';
import { readWorkbook } from '../../../src/xlsx/reader';
import { workbookFromPlans } from '../../../src/xlsx/writer';
import { planLongTargetForm } from '../../../src/core/plan/long-form';
import { insertPlans } from '../../../src/excel/writer';
import { createFakeExcel, MODERN_HOST, supportUpTo } from '../../excel/fake-excel';

const seed = SEED_BUDGETS.find((s) => s.id === '2021-shanghai-social-security-card-unit');
if (!seed) throw new Error('seed 2021 card unit missing');
const sample = sampleFromSeed(seed);
const ctx: BudgetContext = sample.ctx;
const U2 = sample.data.U2 as ProjectTableData;
const seedSheets: ModelSheet[] = [{ sheetName: '单位财政拨款项目支出表', specId: 'U2', context: ctx, data: U2 }];

/** The seed budget written as its sample workbook and read back, as the CLI will. */
async function readBackSample(): Promise<ModelSheet[]> {
  const wb = await workbookFromPlans(planWorkbook({ ctx, data: sample.data, specs: ['U1', 'U2'] }));
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return readWorkbook(back).sheets;
}

async function roundTrip(plans: ReturnType<typeof planProjectForms>): Promise<ExcelJS.Workbook> {
  const wb = await workbookFromPlans(plans);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back;
}

const u2Sheet = (rows: ProjectTableData['rows']): ModelSheet => ({
  sheetName: 'U2',
  specId: 'U2',
  context: { org: '某单位', year: 2026 },
  data: { kind: 'projects', rows, total: null },
});

describe('projectChoices', () => {
  it('lists the 14 projects of the 2021 seed U2 in order, with group, amount and context', () => {
    const choices = projectChoices(seedSheets);
    expect(choices).toHaveLength(14);
    expect(choices.map((c) => c.name).slice(0, 3)).toEqual(['上海市社会保障卡服务中心信息系统(运维)', '正式居住证制作费', '交换平台运行费']);
    expect(choices[0]).toMatchObject({ groupCode: '2040202', groupName: '一般行政管理事务', org: '上海市社会保障卡服务中心', year: 2021 });
    expect(choices[0].amount?.toFixed(2)).toBe('4104326.00');
    expect(choices[13]).toMatchObject({ name: '居住证一网通办业务受理与AI即审即批接入平台', groupCode: '2040219', groupName: '信息化建设' });
    // Exactly the published 合计 of the table.
    const total = choices.reduce((s, c) => s.plus(c.amount ?? 0), new Money(0));
    expect(total.toFixed(2)).toBe(new Money(seed.tables.U2!.total as string).toFixed(2));
  });

  it('gives the sheet and row of each project when read from a workbook', async () => {
    const sheets = await readBackSample();
    const choices = projectChoices(sheets);
    expect(choices).toHaveLength(14);
    const u2 = sheets.find((s) => s.specId === 'U2');
    expect(choices[0].sheetName).toBe(u2?.sheetName);
    // Rows 5–7 are the 类, 款 and 项 rows; the first project is on row 8, the 13th after the second 项 row.
    expect(choices[0].row).toBe(8);
    expect(choices[11].row).toBe(19);
    expect(choices[12].row).toBe(21);
    expect(choices[12].amount?.toFixed(2)).toBe('1454161.00');
  });

  it('ignores sheets that are not U2 and returns nothing without one', () => {
    expect(projectChoices([{ sheetName: 'T2', specId: 'T2', context: {}, data: { kind: 'coded', rows: [], total: {} } }])).toEqual([]);
  });
});

describe('planProjectForms', () => {
  it('prefills each chosen target form from U2: name, 当年财政拨款, 主管部门, 实施单位, 年度资金申请总额 as a formula', async () => {
    const plans = planProjectForms(ctx, seedSheets, ['正式居住证制作费', '制卡设备更新及维护费'], { department: '上海市人力资源和社会保障局' });
    expect(plans.map((p) => p.name)).toEqual(['绩效目标-正式居住证制作费', '绩效目标-制卡设备更新及维护费']);
    const wb = await roundTrip(plans);
    const ws = wb.getWorksheet('绩效目标-正式居住证制作费')!;
    expect(ws.getCell(TARGET_CELLS.projectName).value).toBe('正式居住证制作费');
    expect(ws.getCell(TARGET_CELLS.department).value).toBe('上海市人力资源和社会保障局');
    expect(ws.getCell(TARGET_CELLS.unit).value).toBe('上海市社会保障卡服务中心');
    expect(ws.getCell(TARGET_CELLS.annualFiscal).value).toBe(7958000);
    expect(ws.getCell(TARGET_CELLS.annualTotal).formula).toBe('SUM(E8:E10)');
    expect(ws.getCell(TARGET_CELLS.annualTotal).result).toBe(7958000);
    for (const key of ['total', 'fiscal', 'other', 'carryOver', 'annualOther', 'nature', 'category', 'startDate', 'overallGoal', 'annualGoal'] as const) {
      expect([key, ws.getCell(TARGET_CELLS[key]).value]).toEqual([key, null]);
    }
    expect(parseMarker(ws.getCell(plans[0].markerCell).value)).toEqual({ specId: 'target-form', level: 'unit', year: 2021 });
    expect(wb.getWorksheet('绩效目标-制卡设备更新及维护费')!.getCell(TARGET_CELLS.annualTotal).result).toBe(1480000);
  });

  it('keeps the U2 order whatever the order of the names, and makes each kind asked for', () => {
    const plans = planProjectForms(ctx, seedSheets, ['制卡设备更新及维护费', '正式居住证制作费'], { selfEvaluation: true, statement: true });
    expect(plans.map((p) => p.name)).toEqual([
      '绩效目标-正式居住证制作费',
      '绩效目标-制卡设备更新及维护费',
      '绩效自评-正式居住证制作费',
      '绩效自评-制卡设备更新及维护费',
      '项目经费情况说明-正式居住证制作费',
      '项目经费情况说明-制卡设备更新及维护费',
    ]);
    expect(plans.map((p) => p.specId)).toEqual(['target-form', 'target-form', 'self-evaluation', 'self-evaluation', 'project', 'project']);
    const selfEval = plans[2];
    const fiscalRow = SELF_CELLS.fundsFirstRow + 1;
    expect(selfEval.cells[fiscalRow - 1][SELF_FUND_COLUMNS.initial - 1]).toBe(7958000);
    expect(selfEval.cells[2][1]).toEqual({ text: '正式居住证制作费' });
    expect(selfEval.cells[3][5]).toEqual({ text: '上海市社会保障卡服务中心' });
    // Without --department the 主管部门 is left for the clerk.
    expect(selfEval.cells[3][1]).toBeNull();
    const statement = plans[4];
    expect(statement.cells[0][0]).toEqual({ text: '正式居住证制作费项目经费情况说明' });
    const lines = statement.cells.map((r) => plainCell(r[0]));
    expect(lines[lines.indexOf(' 六、年度预算安排') + 1]).toContain('7,958,000.00 元（795.80 万元）');
    expect(planProjectForms(ctx, seedSheets, ['正式居住证制作费'], { targetForm: false })).toEqual([]);
  });

  it('names unknown projects in one Chinese message', () => {
    expect(() => planProjectForms(ctx, seedSheets, ['正式居住证制作费', '不存在的项目', '另一个'])).toThrow(
      /找不到以下项目：“不存在的项目”、“另一个”/,
    );
    expect(() => planProjectForms(ctx, [], ['某项目'])).toThrow(/没有找到财政拨款项目支出预算表/);
  });

  it('matches a name typed with full-width brackets or spaces', () => {
    expect(projectKey(' 上海市社会保障卡服务中心信息系统（运维） ')).toBe(projectKey('上海市社会保障卡服务中心信息系统(运维)'));
    const [p] = chooseProjects(seedSheets, ['上海市社会保障卡服务中心信息系统（运维）']);
    expect(p.name).toBe('上海市社会保障卡服务中心信息系统(运维)');
  });

  it('never reuses an existing sheet name, keeps names unique, within 31 characters and free of forbidden characters', () => {
    const long = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十';
    const sheets = [
      u2Sheet([
        {
          code: '2010101',
          name: '行政运行',
          amount: null,
          projects: [
            { no: 1, name: `${long}甲`, amount: new Money('100.10') },
            { no: 2, name: `${long}乙`, amount: new Money('200.20') },
            { no: 3, name: '设备[更新]/维护:费?', amount: new Money('1') },
          ],
        },
      ]),
    ];
    const plans = planProjectForms({ level: 'unit', org: '某单位', year: 2026 }, sheets, [`${long}甲`, `${long}乙`, '设备[更新]/维护:费?'], {
      existingSheetNames: ['绩效目标-设备更新维护费', `绩效目标-${long}`.slice(0, 31).toUpperCase()],
      selfEvaluation: true,
    });
    const names = plans.map((p) => p.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[:\\/?*[\]]/);
    }
    expect(names).not.toContain('绩效目标-设备更新维护费');
    expect(names).toContain('绩效目标-设备更新维护费 (2)');
    expect(names[0]).toBe(`绩效目标-${long}`.slice(0, 27) + ' (2)');
    expect(names[1]).toBe(`绩效目标-${long}`.slice(0, 27) + ' (3)');
    // The full project name is in the form even when the sheet name is cut.
    expect(plans[0].cells[2][1]).toEqual({ text: `${long}甲` });
  });

  it('adds the amounts of a project listed under two 功能分类 项 into one form', () => {
    const sheets = [
      u2Sheet([
        { code: '2010101', name: '行政运行', amount: null, projects: [{ no: 1, name: '信息化运维', amount: new Money('549.30') }] },
        { code: '2010150', name: '事业运行', amount: null, projects: [{ no: 2, name: '信息化运维', amount: new Money('173.90') }] },
      ]),
    ];
    expect(projectChoices(sheets)).toHaveLength(2);
    const plans = planProjectForms({ level: 'unit', org: '某单位', year: 2026 }, sheets, ['信息化运维']);
    expect(plans).toHaveLength(1);
    expect(plans[0].cells[7][4]).toBe(723.2);
    expect(plans[0].results.E7).toBe(723.2);
    expect(formText(plans[0].cells[2][1])).toBe('信息化运维');
    expect(address(8, 5)).toBe(TARGET_CELLS.annualFiscal);
  });
});

describe('the prefilled plans in Office.js', () => {
  it('insert into a workbook in two syncs on current Excel and on the manifest minimum, every sheet as planned', async () => {
    for (const support of [MODERN_HOST, supportUpTo({ ExcelApi: '1.7' })]) {
      const { fake, context } = createFakeExcel({ support, sheets: [{ name: '绩效目标-正式居住证制作费' }] });
      const plans = planProjectForms(ctx, seedSheets, projectChoices(seedSheets).map((c) => c.name), {
        selfEvaluation: true,
        statement: true,
        summary: true,
        department: '上海市人力资源和社会保障局',
        existingSheetNames: ['绩效目标-正式居住证制作费'],
      });
      plans.push(planLongTargetForm({ ...ctx, year: 2020 }));
      const result = await insertPlans(context, plans, support);
      expect(result.sheets).toEqual(plans.map((p) => p.name));
      expect(fake.syncCount).toBe(2);
      expect(fake.sheets.map((s) => s.name)).toEqual(['绩效目标-正式居住证制作费', ...plans.map((p) => p.name), '_BT_LISTS']);
      expect(fake.content('绩效目标-正式居住证制作费 (2)', TARGET_CELLS.annualFiscal)).toBe(7958000);
      expect(fake.content('绩效目标汇总表', 'C4')).toBe("='绩效目标-上海市社会保障卡服务中心信息系统(运维)'!E7");
    }
  });
});
