import { planWorkbook } from '../../src/core/plan/workbook';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import type { SpecId } from '../../src/core/specs/types';
import { LIMITS, type ReadLimits } from '../../src/xlsx/stream/limits';
import { readXlsxBuffer, readXlsxBufferAhead } from '../../src/xlsx/stream/workbook';
import { workbookFromPlans } from '../../src/xlsx/writer';
import { SHEET_HEAD, SHEET_TAIL, text, workbookParts, zipParts } from './hostile/zip-writer';

/**
 * `check` reads with each sheet inflated on Node's thread pool while the one before is scanned
 * (readXlsxBufferAhead). It must read exactly what the one-by-one reader reads, and refuse
 * exactly what it refuses, with the same words: the caps count parts in the same order.
 */

async function outcome(read: () => unknown): Promise<unknown> {
  try {
    return { sheets: await read() };
  } catch (e) {
    return { refused: (e as Error).message };
  }
}

/** One by one, and ahead with every sheet on the thread pool (however small: these sheets are). */
async function both(buf: Buffer, limits: ReadLimits = LIMITS): Promise<[unknown, unknown]> {
  const one = await outcome(() => readXlsxBuffer(buf, limits).sheets);
  const ahead = await outcome(async () => (await readXlsxBufferAhead(buf, limits, 0)).sheets);
  // and as check reads it: small sheets in their turn, big ones ahead
  expect(await outcome(async () => (await readXlsxBufferAhead(buf, limits)).sheets)).toEqual(one);
  return [one, ahead];
}

const rows = (n: number, from = 1) => Array.from({ length: n }, (_v, r) => `<row r="${r + from}"><c r="A${r + from}"><v>${r}</v></c><c r="B${r + from}" t="inlineStr"><is><t>行${r}</t></is></c></row>`).join('');
const sheetXml = (body: string) => text(`${SHEET_HEAD}${body}${SHEET_TAIL}`);

describe('reading sheets ahead', () => {
  it('gives the same grids as reading them one by one, on every seed sample', async () => {
    for (const seed of SEED_BUDGETS) {
      const sample = sampleFromSeed(seed);
      const plans = planWorkbook({ ctx: sample.ctx, data: sample.data, projects: sample.projects, specs: Object.keys(sample.data) as SpecId[], options: { subtotals: 'formulas' } });
      const buf = Buffer.from(await (await workbookFromPlans(plans)).xlsx.writeBuffer());
      const [one, ahead] = await both(buf);
      expect((one as { sheets: unknown[] }).sheets.length).toBeGreaterThan(5);
      expect(ahead).toEqual(one);
    }
  }, 60000);

  it('refuses as the one-by-one reader does: the total cap reached in a later sheet, a cell cap, a missing part', async () => {
    const three = zipParts(workbookParts([1, 2, 3].map((k) => ({ name: `S${k}`, xml: sheetXml(rows(400)) }))));
    const [plain] = await both(three);
    expect(plain).toHaveProperty('sheets');
    const size = Buffer.byteLength(`${SHEET_HEAD}${rows(400)}${SHEET_TAIL}`);
    const seen = new Set<string>();
    for (const limits of [
      { ...LIMITS, totalBytes: Math.floor(size * 2.5) },
      { ...LIMITS, totalBytes: Math.floor(size * 1.5) },
      { ...LIMITS, cellsTotal: 1000 },
      { ...LIMITS, cellsPerSheet: 500 },
      { ...LIMITS, partBytes: 1000 },
    ]) {
      const [one, ahead] = await both(three, limits);
      expect(one).toHaveProperty('refused');
      expect(ahead).toEqual(one);
      seen.add((one as { refused: string }).refused);
    }
    // the caps fall in different places, so different refusals were compared
    expect(seen.size).toBeGreaterThanOrEqual(4);
    const parts = workbookParts([1, 2, 3].map((k) => ({ name: `S${k}`, xml: sheetXml(rows(10)) })));
    const missing = zipParts(parts.filter((p) => !p.name.endsWith('sheet2.xml')));
    const [one, ahead] = await both(missing);
    expect(one).toEqual({ refused: expect.stringContaining('S2') });
    expect(ahead).toEqual(one);
  });

  it('counts the shared strings before the first sheet, which inflates while they are scanned', async () => {
    const strings = Array.from({ length: 300 }, (_v, k) => `<si><t>科目名称${k}</t></si>`).join('');
    const sst = text(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="300" uniqueCount="300">${strings}</sst>`);
    const body = Array.from({ length: 300 }, (_v, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="s"><v>${r}</v></c></row>`).join('');
    const file = zipParts(workbookParts([{ name: 'S1', xml: sheetXml(body) }, { name: 'S2', xml: sheetXml(body) }], sst));
    const [plain, aheadPlain] = await both(file);
    expect(aheadPlain).toEqual(plain);
    expect(JSON.stringify(plain)).toContain('科目名称299');
    const sstBytes = Buffer.byteLength(sst[0].data);
    // the total cap just past the shared strings, then just inside them: refused the same way
    for (const totalBytes of [sstBytes + 100, sstBytes - 100]) {
      const [one, ahead] = await both(file, { ...LIMITS, totalBytes });
      expect(one).toHaveProperty('refused');
      expect(ahead).toEqual(one);
    }
    // a shared strings cap: the sheet inflating meanwhile is dropped without a stray rejection
    const [one, ahead] = await both(file, { ...LIMITS, sharedStrings: 10 });
    expect(one).toHaveProperty('refused');
    expect(ahead).toEqual(one);
  });

  it('refuses a broken part in its turn, after the sheets before it are read', async () => {
    const good = zipParts(workbookParts([1, 2].map((k) => ({ name: `S${k}`, xml: sheetXml(rows(50)) }))));
    const broken = Buffer.from(good);
    // flip bytes in the middle of the file: some part no longer inflates, or its XML breaks
    for (let i = Math.floor(broken.length / 3); i < Math.floor(broken.length / 3) + 40; i++) broken[i] ^= 0x5a;
    const [one, ahead] = await both(broken);
    expect(ahead).toEqual(one);
  });
});
