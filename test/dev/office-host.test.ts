import { planWorkbook } from '../../src/core/plan/workbook';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import { a1 } from '../../src/dev/host/excel/fake-excel';
import { DevHost } from '../../src/dev/host/office-host';
import { VALIDATE_COMMAND, registerCommands } from '../../src/commands/commands';
import { insertPlans } from '../../src/excel/writer';
import { MARK_FILL } from '../../src/excel/marks';

/**
 * The stand-in host the preview runs on: Excel.run over the fake workbook, recalculated by
 * the formula engine after each batch; typing as Excel allows it; ribbon commands.
 */
const seed = SEED_BUDGETS.find((s) => s.id === '2021-shanghai-social-security-card-unit')!;
const sample = sampleFromSeed(seed);
const plans = planWorkbook({ ctx: sample.ctx, data: sample.data, specs: ['T3'] });
const t3 = plans[0];
const total = t3.layout.amountColumns.total;
const [first] = t3.layout.dataRows;
const cell = (row: number) => a1(row, total);

function installed(host: DevHost): Record<string, unknown> {
  const win: Record<string, unknown> = {};
  host.install(win as unknown as Window);
  return win;
}

describe('DevHost', () => {
  let saved: Record<string, unknown>;
  beforeEach(() => {
    saved = { Office: (globalThis as Record<string, unknown>).Office, Excel: (globalThis as Record<string, unknown>).Excel };
  });
  afterEach(() => Object.assign(globalThis, saved));

  it('answers Office.onReady as Excel, with the display language and the requirement sets', async () => {
    const host = new DevHost({ displayLanguage: 'en-US' });
    const Office = installed(host).Office as typeof globalThis.Office;
    const info = await Office.onReady();
    expect(info.host).toBe(Office.HostType.Excel);
    expect(Office.context.displayLanguage).toBe('en-US');
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.10')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.99')).toBe(false);
  });

  it('runs the writer in Excel.run and calculates the sample’s BUDGET.ROLLUP formulas to the published figures', async () => {
    const host = new DevHost();
    const Excel = installed(host).Excel as typeof globalThis.Excel;
    const result = await Excel.run((context) => insertPlans(context, plans, host.support));
    const name = result.sheets[0];
    expect(host.workbook.cell(name, cell(first)).formula).toMatch(/^=IF\(ROW\(.*BUDGET\.ROLLUP\(INDEX\(/);
    expect(host.workbook.shown(name, cell(first))).toBe(44119958); // 204 公共安全支出
    expect(host.workbook.shown(name, cell(first + 1))).toBe(44119958); // 20402 公安
    expect(host.workbook.shown(name, cell(t3.layout.totalRow!))).toBe(47061988);
  });

  it('moves 款, 类 and 合计 when an amount is typed into a 项 row, and refuses a locked cell', async () => {
    const host = new DevHost();
    let changes = 0;
    host.onChange(() => changes++);
    const { sheets } = await host.run((context: Excel.RequestContext) => insertPlans(context, plans, host.support));
    const name = sheets[0];
    expect(host.type(name, cell(first + 2), '30,518,606')).toEqual({ ok: true }); // 2040202 29,518,606 + 1,000,000
    expect(host.workbook.shown(name, cell(first + 1))).toBe(45119958);
    expect(host.workbook.shown(name, cell(first))).toBe(45119958);
    expect(host.workbook.shown(name, cell(t3.layout.totalRow!))).toBe(48061988);
    const before = host.workbook.snapshotSheet(name);
    const refused = host.type(name, cell(first), '1');
    expect(refused).toMatchObject({ ok: false, reason: 'protected' });
    expect(host.workbook.snapshotSheet(name)).toBe(before);
    expect(changes).toBeGreaterThanOrEqual(2);
  });

  it('runs the ribbon 校验 command through Office.actions and marks what it finds', async () => {
    const host = new DevHost();
    Object.assign(globalThis, installed(host));
    registerCommands();
    expect([...host.actions.keys()]).toEqual([VALIDATE_COMMAND]);
    const { sheets } = await host.run((context: Excel.RequestContext) => insertPlans(context, plans, host.support));
    host.type(sheets[0], a1(first + 2, t3.layout.amountColumns.basic), '1'); // a 项's 基本 no longer adds up to its 合计
    await host.runCommand(VALIDATE_COMMAND);
    const fills = [...host.workbook.sheet(sheets[0]).cells.values()].filter((c) => c.fill === MARK_FILL.error || c.fill === MARK_FILL.warning);
    expect(fills.length).toBeGreaterThan(0);
    // what the marks covered is kept in the workbook's own XML parts, not in a sheet
    expect(host.workbook.findSheet('_BT_MARKS')).toBeUndefined();
    expect(host.workbook.customXmlParts.length).toBeGreaterThan(0);
  });

  it('shows an engine error where Excel would: a bad code gives #VALUE! with the message', () => {
    const host = new DevHost({ sheets: [{ name: 'S', cells: { A1: 'x9', B1: 5, C1: '=BUDGET.ROLLUP(A1:A1,B1:B1,"合计")', D1: '=BUDGET.WAN(12345)' } }] });
    expect(host.workbook.shown('S', 'C1')).toBe('#VALUE!');
    expect(host.workbook.cell('S', 'C1').resultMessage).toMatch(/x9/);
    expect(host.workbook.shown('S', 'D1')).toBe(1.23);
  });
});
