import { RULES } from '../../src/core/rules/catalog-of-rules';
import { applyMarks, clearMarks, MARK_FILL } from '../../src/excel/marks';
import { opBytes, OP_BYTES } from '../../src/excel/marks/batches';
import { SyncBudget, utf8Bytes } from '../../src/excel/payload';
import { decodePart, encodeRecords, MARKS_NAMESPACE, mergeParts, type MarkRecord } from '../../src/excel/marks/record';
import { createFakeExcel, MODERN_HOST } from './fake-excel';

const rec = (cell: string, comment: string | null, over: Partial<MarkRecord> = {}): MarkRecord => ({
  sheetId: '{S1}',
  sheetName: '单位收入总表',
  cell,
  fill: 'none',
  markFill: MARK_FILL.error,
  comment,
  ...over,
});

describe('the marks record in custom XML parts', () => {
  it('round-trips any comment text, however hostile to XML, as ASCII within each part', () => {
    const hostile = ['<b>&amp;</b>]]>', '="=1+1"', '\u0001\u0008\u000b', '\uFFFE\uFFFF', '\uD800 lone', '😀 表\n第二行', "O'Brien \"q\"", 'x'.repeat(40_000)];
    const records = hostile.map((c, i) => rec(`A${i + 1}`, c, { sheetName: `名'称 ${i}` }));
    const parts = encodeRecords(records, 7, 20_000);
    expect(parts.length).toBeGreaterThan(1);
    for (const xml of parts) {
      expect(xml).toMatch(/^[\u0020-\u007e]+$/);
      expect(xml.startsWith(`<marks xmlns="${MARKS_NAMESPACE}" generation="7">`)).toBe(true);
    }
    // a part over the limit only when one record alone is larger than it
    expect(parts.filter((p) => p.length > 20_000)).toHaveLength(1);
    const back = mergeParts(parts.map((p) => decodePart(p)!));
    expect(back.generation).toBe(7);
    expect(back.records).toEqual(records);
  });

  it('reads nothing from a part that is not ours or is damaged, and lets a newer generation win per cell', () => {
    expect(decodePart('<marks xmlns="urn:other" generation="1">[]</marks>')).toBeNull();
    expect(decodePart(`<marks xmlns="${MARKS_NAMESPACE}" generation="1">[[</marks>`)).toBeNull();
    expect(decodePart(`<marks xmlns="${MARKS_NAMESPACE}" generation="1">[["{S}","s","not a cell","none",null,null]]</marks>`)!.records).toEqual([]);
    const old = decodePart(encodeRecords([rec('A1', 'old'), rec('A2', 'kept')], 1)[0])!;
    const young = decodePart(encodeRecords([rec('A1', 'new')], 2)[0])!;
    expect(mergeParts([young, old]).records.map((r) => [r.cell, r.comment])).toEqual([
      ['A1', 'new'],
      ['A2', 'kept'],
    ]);
    expect(encodeRecords([], 3)).toEqual([]);
  });

  it('estimates UTF-8 sizes and syncs only when the next action would pass the budget', async () => {
    expect(utf8Bytes('aé表😀')).toBe(1 + 2 + 3 + 4);
    expect(opBytes('表', null)).toBe(OP_BYTES + 3);
    let syncs = 0;
    const context = { sync: () => Promise.resolve(void syncs++) } as unknown as Excel.RequestContext;
    const batch = new SyncBudget(context, 1000);
    for (let i = 0; i < 10; i++) await batch.room(300);
    await batch.flush();
    // three actions of 300 per batch of 1000: four batches for ten
    expect(syncs).toBe(4);
    await batch.flush();
    expect(syncs).toBe(4);
  });
});

describe('marks and sheets that change', () => {
  const finding = (sheet: string, cell: string) => ({ rule: RULES.rowParts.id, severity: 'error' as const, sheet, cell, message: `${cell}：不平` });

  it('finds a sheet by the name it had when a host gave it a new id, and checks each cell before putting it back', async () => {
    const { fake, context } = createFakeExcel({ sheets: [{ name: '表', cells: { A1: 1, A2: 2 }, fills: { A1: '#0000FF' } }] });
    await applyMarks(context, [finding('表', 'A1'), finding('表', 'A2')], MODERN_HOST);
    // an older Excel opened the file: new ids; and the clerk filled A2 meanwhile
    fake.sheet('表').id = '{00000000-0001-0000-0000-000000000000}';
    fake.sheet('表').cells.get('A2')!.fill = '#FF00FF';
    const cleared = await clearMarks(context, MODERN_HOST);
    expect(cleared).toMatchObject({ restored: 2, leftAsIs: 1 });
    expect(fake.cell('表', 'A1').fill).toBe('#0000FF');
    expect(fake.cell('表', 'A2').fill).toBe('#FF00FF');
    expect(fake.comments).toEqual([]);
  });

  it('drops the records of a sheet deleted since, and touches nothing else', async () => {
    const { fake, context } = createFakeExcel({ sheets: [{ name: '甲', cells: { A1: 1 } }, { name: '乙', cells: { A1: 1 } }] });
    await applyMarks(context, [finding('甲', 'A1'), finding('乙', 'A1')], MODERN_HOST);
    context.workbook.worksheets.getItem('乙').delete();
    await context.sync();
    const cleared = await clearMarks(context, MODERN_HOST);
    expect(cleared.restored).toBe(1);
    expect(fake.cell('甲', 'A1').fill).toBeNull();
    expect(fake.customXmlParts).toEqual([]);
  });
});
