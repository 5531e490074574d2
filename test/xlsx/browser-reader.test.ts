import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { planWorkbook } from '../../src/core/plan/workbook';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import type { SpecId } from '../../src/core/specs/types';
import { jsDecode, jsInflate, readWorkbookBytes, strictUtf8 } from '../../src/xlsx/browser-reader';
import { readWorkbookFile } from '../../src/xlsx/reader';
import { LIMITS } from '../../src/xlsx/stream/limits';
import { readXlsxBuffer } from '../../src/xlsx/stream/workbook';
import { InflateTooLarge } from '../../src/xlsx/stream/zip';
import { workbookFromPlans } from '../../src/xlsx/writer';
import { deflateRawSync } from 'zlib';
import { SHEET_HEAD, SHEET_TAIL, workbookParts, zipParts } from './hostile/zip-writer';

/**
 * The reader the task pane uses on the workbooks a clerk picks: the streaming reader with
 * fflate and TextDecoder in place of Node's zlib and buffer, reading every seed exactly as the
 * CLI's does, under the same caps.
 */

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'browser-reader-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the reader in a web view', () => {
  it.each(SEED_BUDGETS.map((s) => [s.id, s] as const))('reads %s as the CLI reads it', async (_id, seed) => {
    const sample = sampleFromSeed(seed);
    const specs = [...(Object.keys(sample.data) as SpecId[]), ...(sample.projects.length ? (['project'] as SpecId[]) : [])];
    const wb = await workbookFromPlans(planWorkbook({ ctx: sample.ctx, data: sample.data, projects: sample.projects, specs, options: { subtotals: 'values' } }));
    const file = path.join(dir, `${seed.id}.xlsx`);
    await wb.xlsx.writeFile(file);
    const node = await readWorkbookFile(file);
    const web = readWorkbookBytes(new Uint8Array(fs.readFileSync(file)));
    expect(web.grids).toEqual(node.grids);
    expect(JSON.stringify(web.sheets)).toBe(JSON.stringify(node.sheets));
    expect(web.sheets.length).toBeGreaterThan(5);
  });

  it('inflates what zlib deflated, and stops past the cap', () => {
    const data = Buffer.from('预算'.repeat(100000), 'utf8');
    const packed = deflateRawSync(data);
    expect(Buffer.from(jsInflate(packed, data.length + 1)).equals(data)).toBe(true);
    expect(() => jsInflate(packed, 1000)).toThrow(InflateTooLarge);
    expect(jsInflate(deflateRawSync(Buffer.alloc(0)), 1).length).toBe(0);
  });

  it('refuses invalid UTF-8 and keeps a byte-order mark, as Node does; so does the decoder for a web view without TextDecoder', () => {
    for (const decode of [jsDecode, strictUtf8]) {
      expect(decode(new Uint8Array([0xe9, 0x80]))).toBeNull();
      expect(decode(new Uint8Array([0xff, 0x41]))).toBeNull();
      expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('\ufeffA');
      expect(decode(Buffer.from('预算编制 𠀀 ok', 'utf8'))).toBe('预算编制 𠀀 ok');
      expect(decode(new Uint8Array([0xc0, 0x80]))).toBeNull(); // overlong
      expect(decode(new Uint8Array([0xed, 0xa0, 0x80]))).toBeNull(); // a surrogate
      expect(decode(new Uint8Array([0xe9, 0xa2]))).toBeNull(); // cut short
    }
    const long = '表'.repeat(20000) + 'x';
    expect(strictUtf8(Buffer.from(long, 'utf8'))).toBe(long);
  });

  it('a part past the size cap is refused with the CLI’s words', () => {
    const big = zipParts(workbookParts([{ name: 'S', xml: [{ data: Buffer.from(SHEET_HEAD) }, { data: Buffer.alloc(1 << 20, 0x20), times: 8 }, { data: Buffer.from(SHEET_TAIL) }] }]));
    expect(() => readWorkbookBytes(new Uint8Array(big), undefined, { ...LIMITS, partBytes: 4 << 20 })).toThrow(/sheet1\.xml 解压后超过 4 MB/);
    // and the Node path still reads after a browser read (the decoder in use is put back)
    expect(() => readXlsxBuffer(big, { ...LIMITS, partBytes: 4 << 20 })).toThrow(/sheet1\.xml 解压后超过 4 MB/);
  });
});
