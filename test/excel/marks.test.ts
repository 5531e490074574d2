import { RULES } from '../../src/core/rules/catalog-of-rules';
import type { Finding, Severity } from '../../src/core/rules/types';
import { applyMarks, clearMarks, MARK_FILL } from '../../src/excel/marks';
import { MARKS_NAMESPACE } from '../../src/excel/marks/record';
import { validateWorkbook } from '../../src/excel/validate';
import {
  createFakeExcel,
  DEFAULT_PROTECTION,
  FakeCommentCollection,
  FakeCustomXmlPart,
  FakeRequestContext,
  MODERN_HOST,
  noteAt,
  supportUpTo,
  threadAt,
  type ExistingSheet,
} from './fake-excel';

const NOTES_HOST = supportUpTo({ ExcelApi: '1.18' });

function finding(sheet: string, cell: string, severity: Severity = 'error', message = `${cell}：合计不等于各项之和`): Finding {
  return { rule: RULES.rowParts.id, severity, sheet, cell, message };
}

/** Everything a clerk could see of the workbook: cells, fills, protection, comment threads, notes, sheets. */
function seen(fake: FakeRequestContext): string {
  const sorted = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
  return JSON.stringify({
    sheets: fake.sheets.map((s) => [
      s.name,
      s.id,
      s.visibility,
      s.protection,
      sorted([...s.cells.entries()].filter(([, c]) => c.value !== null || c.formula !== null || c.fill !== null).map(([a, c]) => [a, c.value, c.formula, c.fill])),
    ]),
    comments: sorted(fake.comments.map((c) => [c.sheet.name, c.address, c.content, c.author, c.resolved, c.replies])),
    notes: sorted(fake.notes.map((n) => [n.sheet.name, n.address, n.content, n.author])),
  });
}

const TABLE: ExistingSheet = {
  name: '单位收入总表',
  cells: { A1: '单位收入总表', B5: 100, B6: 200, B7: 300, C5: 1 },
  fills: { B6: '#92D050' },
  comments: { B6: '请核对' },
};

describe('marks keep what the clerk had', () => {
  it("never touches a clerk's own sheet named _BT_MARKS (nor _BT_LISTS), and adds no sheet", async () => {
    const clerkMarks: ExistingSheet = { name: '_BT_MARKS', cells: { A1: 'sheet', B1: 'cell', A2: '单位收入总表', B2: 'B5', C2: '#FF0000' }, fills: { B2: '#FFFF00' }, comments: { B2: '【提示】我自己的' } };
    const clerkLists: ExistingSheet = { name: '_BT_LISTS', cells: { A1: '我的清单', A2: '甲' } };
    const { fake, context } = createFakeExcel({ sheets: [TABLE, clerkMarks, clerkLists] });
    const mine = [fake.snapshotSheet('_BT_MARKS'), fake.snapshotSheet('_BT_LISTS'), threadAt(fake, '_BT_MARKS', 'B2')];
    const before = seen(fake);

    const marked = await applyMarks(context, [finding('单位收入总表', 'B5'), finding('_BT_MARKS', 'A2', 'warning')], MODERN_HOST);
    expect(marked.marked).toBe(2);
    expect(fake.sheets.map((s) => s.name)).toEqual(['单位收入总表', '_BT_MARKS', '_BT_LISTS']);
    expect(fake.cell('_BT_MARKS', 'A2').fill).toBe(MARK_FILL.warning);

    const cleared = await clearMarks(context, MODERN_HOST);
    expect(cleared.restored).toBe(2);
    expect([fake.snapshotSheet('_BT_MARKS'), fake.snapshotSheet('_BT_LISTS'), threadAt(fake, '_BT_MARKS', 'B2')]).toEqual(mine);
    expect(seen(fake)).toBe(before);
    expect(fake.customXmlParts).toEqual([]);
  });

  it("checks a clerk's own sheet named _BT_LISTS like any other: the forms' lists sheet is known by the marker in its A1", async () => {
    const { context } = createFakeExcel({ sheets: [{ name: '_BT_LISTS', cells: { A1: '我的清单', A2: '甲' } }] });
    const v = await validateWorkbook(context);
    // read as a sheet of the clerk's: not a table, and the workbook then holds nothing to submit
    expect(v.findings).toEqual([
      expect.objectContaining({ sheet: '_BT_LISTS', rule: RULES.notRecognised.id }),
      expect.objectContaining({ sheet: '_BT_LISTS', rule: RULES.nothingRecognised.id }),
    ]);
  });

  it('puts back the fill and comment of a sheet renamed between 校验 and 清除标记, and takes its marks away', async () => {
    const { fake, context } = createFakeExcel({ sheets: [TABLE] });
    const id = fake.sheet('单位收入总表').id;
    await applyMarks(context, [finding('单位收入总表', 'B5'), finding('单位收入总表', 'B6', 'warning')], MODERN_HOST);
    expect(fake.cell('单位收入总表', 'B5').fill).toBe(MARK_FILL.error);
    expect(fake.comment('单位收入总表', 'B5')).toMatch(/^【错误】B5：/);
    expect(fake.cell('单位收入总表', 'B6').fill).toBe(MARK_FILL.warning);

    // the clerk renames the sheet in Excel: its id stays
    fake.sheet('单位收入总表').name = '2026年收入';
    expect(fake.sheet('2026年收入').id).toBe(id);

    const cleared = await clearMarks(context, MODERN_HOST);
    expect(cleared.restored).toBe(2);
    expect(fake.cell('2026年收入', 'B5').fill).toBeNull();
    expect(fake.comment('2026年收入', 'B5')).toBeNull();
    expect(fake.cell('2026年收入', 'B6').fill).toBe('#92D050');
    expect(threadAt(fake, '2026年收入', 'B6')).toEqual({ content: '请核对', author: '某科员', resolved: false, replies: [] });
    expect(fake.customXmlParts).toEqual([]);
  });

  it('keeps a clerk comment that starts with 【提示】, on a cell marked or not', async () => {
    const sheet: ExistingSheet = { name: '表', cells: { A1: 1, A2: 2 }, comments: { A1: '【提示】这是我写给自己的', A2: '【错误】也是我写的' } };
    const { fake, context } = createFakeExcel({ sheets: [sheet] });
    const before = seen(fake);
    const marked = await applyMarks(context, [finding('表', 'A2'), finding('表', 'A3')], MODERN_HOST);
    expect(marked).toMatchObject({ marked: 2, fillOnly: 1 });
    expect(fake.comment('表', 'A1')).toBe('【提示】这是我写给自己的');
    expect(fake.comment('表', 'A2')).toBe('【错误】也是我写的');
    expect(fake.comment('表', 'A3')).toMatch(/^【错误】A3/);
    // marking again with A1 found: its comment still stays
    await applyMarks(context, [finding('表', 'A1', 'warning')], MODERN_HOST);
    expect(fake.comment('表', 'A1')).toBe('【提示】这是我写给自己的');
    expect(fake.comment('表', 'A3')).toBeNull();
    await clearMarks(context, MODERN_HOST);
    expect(seen(fake)).toBe(before);
  });

  it('leaves a thread with replies, author and resolved state exactly as it was, and says the cell is marked by fill alone', async () => {
    const thread = { content: '这个数对吗？', author: '李科长', resolved: true, replies: [{ content: '对的，按文件', author: '王会计' }] };
    const sheet: ExistingSheet = { name: '表', cells: { B2: 5 }, fills: { B2: '#00B0F0' }, comments: { B2: thread } };
    const { fake, context } = createFakeExcel({ sheets: [sheet] });
    const before = seen(fake);
    const marked = await applyMarks(context, [finding('表', 'B2')], MODERN_HOST);
    expect(marked).toMatchObject({ marked: 1, fillOnly: 1, unmarked: 0 });
    expect(fake.cell('表', 'B2').fill).toBe(MARK_FILL.error);
    expect(threadAt(fake, '表', 'B2')).toEqual(thread);
    const cleared = await clearMarks(context, MODERN_HOST);
    expect(cleared.restored).toBe(1);
    expect(seen(fake)).toBe(before);
  });

  it('leaves a note as it was (ExcelApi 1.18): the cell is marked by fill alone, and a comment is never put beside a note', async () => {
    const sheet: ExistingSheet = { name: '表', cells: { B2: 5, B3: 6 }, notes: { B2: '上年结转 3 万' } };
    const { fake, context } = createFakeExcel({ sheets: [sheet], support: NOTES_HOST });
    const before = seen(fake);
    const marked = await applyMarks(context, [finding('表', 'B2'), finding('表', 'B3')], NOTES_HOST);
    expect(marked).toMatchObject({ marked: 2, fillOnly: 1 });
    expect(noteAt(fake, '表', 'B2')).toBe('上年结转 3 万');
    expect(fake.comment('表', 'B2')).toBeNull();
    expect(fake.comment('表', 'B3')).toMatch(/^【错误】/);
    await clearMarks(context, NOTES_HOST);
    expect(seen(fake)).toBe(before);
  });

  it('on a host that cannot see notes (before ExcelApi 1.18), a comment Excel refuses beside a note leaves that cell marked by fill alone', async () => {
    const sheets: ExistingSheet[] = [
      { name: '甲', cells: { A1: 1, A2: 2, A3: 3 }, notes: { A2: '甲的备注' }, protected: true },
      { name: '乙', cells: { A1: 1, A2: 2 }, notes: { A1: '乙的备注' } },
    ];
    const { fake, context } = createFakeExcel({ sheets });
    const before = seen(fake);
    const marked = await applyMarks(context, ['A1', 'A2', 'A3'].map((c) => finding('甲', c)).concat([finding('乙', 'A1'), finding('乙', 'A2')]), MODERN_HOST);
    expect(marked).toMatchObject({ marked: 5, fillOnly: 2, unmarked: 0 });
    expect([noteAt(fake, '甲', 'A2'), noteAt(fake, '乙', 'A1')]).toEqual(['甲的备注', '乙的备注']);
    expect(['甲!A1', '甲!A2', '甲!A3', '乙!A1', '乙!A2'].map((at) => fake.comment(at.split('!')[0], at.split('!')[1]) !== null)).toEqual([true, false, true, false, true]);
    expect(['A1', 'A2', 'A3'].map((c) => fake.cell('甲', c).fill)).toEqual([MARK_FILL.error, MARK_FILL.error, MARK_FILL.error]);
    expect(fake.sheet('甲').protection.protected).toBe(true);
    await clearMarks(context, MODERN_HOST);
    expect(seen(fake)).toBe(before);
  });

  it('does not change a patterned fill it could not put back: such a cell with a comment is left unmarked and counted', async () => {
    const { fake, context } = createFakeExcel({ sheets: [{ name: '表', cells: { A1: 1 }, comments: { A1: '我的' } }] });
    const spy = jest.spyOn(Object.getPrototypeOf(context.workbook.worksheets.getItem('表').getRange('A1').format.fill), 'pattern', 'get').mockReturnValue('Gray50');
    try {
      const before = seen(fake);
      const marked = await applyMarks(context, [finding('表', 'A1')], MODERN_HOST);
      expect(marked).toMatchObject({ marked: 0, unmarked: 1 });
      expect(seen(fake)).toBe(before);
    } finally {
      spy.mockRestore();
    }
  });

  it('leaves a cell the clerk changed after marking: a new fill, a reply to the mark comment', async () => {
    const { fake, context } = createFakeExcel({ sheets: [{ name: '表', cells: { A1: 1, A2: 2 } }] });
    await applyMarks(context, [finding('表', 'A1'), finding('表', 'A2')], MODERN_HOST);
    fake.sheet('表').cells.get('A1')!.fill = '#00FF00';
    const a2 = fake.comments.find((c) => c.address === 'A2')!;
    a2.replies!.push({ content: '已改', author: '某科员' });
    const cleared = await clearMarks(context, MODERN_HOST);
    expect(cleared).toMatchObject({ restored: 2, leftAsIs: 2 });
    expect(fake.cell('表', 'A1').fill).toBe('#00FF00');
    expect(fake.comment('表', 'A1')).toBeNull();
    expect(fake.cell('表', 'A2').fill).toBeNull();
    expect(threadAt(fake, '表', 'A2')?.replies).toEqual([{ content: '已改', author: '某科员' }]);
  });

  it('marking again rewrites the mark comment in place and keeps the first original fill', async () => {
    const { fake, context } = createFakeExcel({ sheets: [{ name: '表', cells: { A1: 1 }, fills: { A1: '#123456' } }] });
    await applyMarks(context, [finding('表', 'A1', 'warning', 'A1：第一次')], MODERN_HOST);
    const id = fake.comments[0].id;
    await applyMarks(context, [finding('表', 'A1', 'error', 'A1：第二次')], MODERN_HOST);
    expect(fake.comments.map((c) => [c.id, c.content])).toEqual([[id, '【错误】A1：第二次']]);
    expect(fake.cell('表', 'A1').fill).toBe(MARK_FILL.error);
    await clearMarks(context, MODERN_HOST);
    expect(fake.cell('表', 'A1').fill).toBe('#123456');
    expect(fake.comments).toEqual([]);
  });

  it('ignores parts of other namespaces and reads only its own', async () => {
    const { fake, context } = createFakeExcel({ sheets: [{ name: '表', cells: { A1: 1 } }] });
    fake.customXmlParts.push({ id: '{other}', namespaceUri: 'urn:someone-else', xml: '<x xmlns="urn:someone-else">1</x>' });
    await applyMarks(context, [finding('表', 'A1')], MODERN_HOST);
    expect(fake.customXmlParts.filter((p) => p.namespaceUri === MARKS_NAMESPACE)).toHaveLength(1);
    await clearMarks(context, MODERN_HOST);
    expect(fake.customXmlParts.map((p) => p.id)).toEqual(['{other}']);
  });
});

describe('marks on protected sheets', () => {
  const OPTIONS = { allowFormatColumns: true, allowInsertRows: true };
  const sheets = (): ExistingSheet[] => [
    { name: '甲', cells: { A1: 1 }, protected: true, protectionOptions: OPTIONS },
    { name: '乙', cells: { A1: 1 }, password: '别人的密码' },
    { name: '丙', cells: { A1: 1 }, protected: true },
  ];

  it('skips a sheet protected with a password it does not have, names it, and marks and protects the others again', async () => {
    const { fake, context } = createFakeExcel({ sheets: sheets() });
    const other = fake.snapshotSheet('乙');
    const marked = await applyMarks(context, ['甲', '乙', '丙'].map((s) => finding(s, 'A1')), MODERN_HOST);
    expect(marked).toMatchObject({ marked: 2, skippedSheets: ['乙'] });
    expect(fake.snapshotSheet('乙')).toBe(other);
    expect(fake.comment('乙', 'A1')).toBeNull();
    for (const s of ['甲', '丙']) {
      expect(fake.cell(s, 'A1').fill).toBe(MARK_FILL.error);
      expect(fake.sheet(s).protection.protected).toBe(true);
    }
    expect(fake.sheet('甲').protection.options).toEqual({ ...DEFAULT_PROTECTION, ...OPTIONS });

    const cleared = await clearMarks(context, MODERN_HOST);
    expect(cleared).toMatchObject({ restored: 2, skippedSheets: [] });
    for (const s of ['甲', '乙', '丙']) expect(fake.cell(s, 'A1').fill).toBeNull();
    expect(fake.sheets.every((s) => s.protection.protected)).toBe(true);
    expect(fake.customXmlParts).toEqual([]);
  });

  for (const [host, support] of [
    ['ExcelApi 1.18', NOTES_HOST],
    ['ExcelApi 1.17 (notes unseen)', MODERN_HOST],
  ] as const) {
    it(`a failure part-way leaves no sheet unprotected, and the record lets 清除标记 put back what was done, on ${host}`, async () => {
      const { fake, context } = createFakeExcel({ support, sheets: [...sheets().filter((s) => s.name !== '乙'), { name: '丁', cells: { A1: 1, B1: 2 }, protected: true }] });
      const before = seen(fake);
      const add = FakeCommentCollection.prototype.add;
      let calls = 0;
      const spy = jest.spyOn(FakeCommentCollection.prototype, 'add').mockImplementation(function (this: FakeCommentCollection, ...args) {
        // the second comment of 丁 fails, after its first was written: the host went away
        if (++calls === 4) throw Object.assign(new Error('ServiceNotAvailable: 出错了'), { code: 'ServiceNotAvailable' });
        return add.apply(this, args);
      });
      try {
        await expect(applyMarks(context, [finding('甲', 'A1'), finding('丙', 'A1'), finding('丁', 'A1'), finding('丁', 'B1')], support)).rejects.toThrow('出错了');
      } finally {
        spy.mockRestore();
      }
      expect(fake.sheets.map((s) => [s.name, s.protection.protected])).toEqual([
        ['甲', true],
        ['丙', true],
        ['丁', true],
      ]);
      expect(fake.cell('丁', 'A1').fill).toBe(MARK_FILL.error);
      await clearMarks(context, support);
      expect(seen(fake)).toBe(before);
    });
  }
});

describe('marks in batches under a payload budget', () => {
  const BUDGET = 1_000_000;

  /**
   * The payload of each sync, estimated apart from the code under test: 200 bytes per queued
   * action (the fake counts writes and loads) plus the UTF-8 bytes of every string written
   * (fills, comments, record parts) or read back (record parts, addresses, comment texts).
   */
  function measure(fake: FakeRequestContext): { perSync: number[]; restore: () => void } {
    const perSync: number[] = [];
    let strings = 0;
    const bytes = (s: unknown) => (typeof s === 'string' ? Buffer.byteLength(s, 'utf8') : 0);
    const undo: (() => void)[] = [];
    /** Wraps a method or setter of a prototype so it counts the bytes `count` finds in its call. */
    const wrap = (proto: object, name: string, kind: 'value' | 'set', count: (self: never, args: never[]) => number) => {
      const d = Object.getOwnPropertyDescriptor(proto, name)!;
      const original = d[kind] as (...a: unknown[]) => unknown;
      Object.defineProperty(proto, name, {
        ...d,
        [kind]: function (this: never, ...args: never[]) {
          strings += count(this, args);
          return original.apply(this, args);
        },
      });
      undo.push(() => Object.defineProperty(proto, name, d));
    };
    const range = fake.workbook.worksheets.getItem(fake.sheets[0].name).getRange('A1');
    wrap(Object.getPrototypeOf(range.format.fill) as object, 'color', 'set', (_s, [v]) => bytes(v));
    wrap(FakeCommentCollection.prototype, 'add', 'value', (_s, [, content]) => bytes(content));
    wrap(Object.getPrototypeOf(fake.workbook.customXmlParts) as object, 'add', 'value', (_s, [xml]) => bytes(xml));
    wrap(FakeCustomXmlPart.prototype, 'getXml', 'value', (self: FakeCustomXmlPart) => bytes(self.state.xml));
    wrap(Object.getPrototypeOf(range) as object, 'load', 'value', (self: { sheetState: { name: string } }, [p]) =>
      String(p).includes('address') ? bytes(self.sheetState.name) + 12 : 0,
    );
    const sync = fake.sync.bind(fake);
    fake.sync = () => {
      perSync.push(fake.pendingOps * 200 + strings);
      strings = 0;
      return sync();
    };
    return { perSync, restore: () => undo.forEach((f) => f()) };
  }

  it('marks and clears 20,000 cells in a bounded number of syncs, each under 1 MB', async () => {
    const rows = 2000;
    const cols = 10;
    const cells: Record<string, number> = {};
    const findings: Finding[] = [];
    const names = ['项目支出表', '基本支出表'];
    for (const [k, name] of names.entries()) {
      for (let r = 1; r <= rows / names.length; r++) {
        for (let c = 1; c <= cols; c++) {
          const cell = `${String.fromCharCode(64 + c)}${r}`;
          cells[cell] = r * c;
          findings.push(finding(name, cell, (r + c) % 3 === 0 ? 'warning' : 'error', `${cell}：第 ${r} 行的合计 ${r * c} 不等于各项之和 ${r * c + 1}，差 1 万元`));
        }
      }
      void k;
    }
    const { fake, context } = createFakeExcel({
      sheets: [
        { name: names[0], cells, protected: true },
        { name: names[1], cells, fills: { A1: '#00B0F0' }, comments: { B1: '我的批注' } },
      ],
    });
    const before = seen(fake);
    const { perSync, restore } = measure(fake);
    try {

      const started = Date.now();
      const marked = await applyMarks(context, findings, MODERN_HOST, BUDGET);
      const markSeconds = (Date.now() - started) / 1000;
      const markSyncs = perSync.length;
      expect(marked).toMatchObject({ marked: 20000, fillOnly: 1, skippedSheets: [] });
      expect(fake.comments).toHaveLength(20000);
      expect(fake.cell(names[0], 'J1000').fill).toBe(MARK_FILL.error);
      expect(fake.sheet(names[0]).protection.protected).toBe(true);

      const s2 = Date.now();
      const cleared = await clearMarks(context, MODERN_HOST, BUDGET);
      const clearSeconds = (Date.now() - s2) / 1000;
      expect(cleared).toMatchObject({ restored: 20000, leftAsIs: 0 });
      expect(seen(fake)).toBe(before);

      // the number of syncs grows with the data (about one per MB), never with each cell
      expect(markSyncs).toBeGreaterThan(5);
      expect(markSyncs).toBeLessThan(60);
      expect(perSync.length - markSyncs).toBeLessThan(60);
      expect(Math.max(...perSync)).toBeLessThan(BUDGET);
      console.log(`20,000 cells: mark ${markSyncs} syncs, clear ${perSync.length - markSyncs} syncs, largest ${Math.max(...perSync)} bytes; ${markSeconds} s and ${clearSeconds} s on the fake`);
    } finally {
      restore();
    }
  });
});
