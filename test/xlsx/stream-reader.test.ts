import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { seedFormPlans } from '../../src/cli/forms';
import type { SheetGrid } from '../../src/core/read/grid';
import { planWorkbook } from '../../src/core/plan/workbook';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import type { SpecId } from '../../src/core/specs/types';
import { gridFromWorksheet, readWorkbook, readWorkbookFile } from '../../src/xlsx/reader';
import { LIMITS, WorkbookReadError } from '../../src/xlsx/stream/limits';
import { readXlsxBuffer, readXlsxFile } from '../../src/xlsx/stream/workbook';
import { workbookFromPlans } from '../../src/xlsx/writer';
import { SHEET_HEAD, SHEET_TAIL, text, workbookParts, zipParts } from './hostile/zip-writer';

/**
 * The streaming reader against ExcelJS, the reader it replaces for `check` and `forms --from`:
 * on every sample workbook both give the same grid cell for cell (holes read as empty) and
 * the same model and issues.
 */

/** A grid as a list of its non-empty cells, so a sparse and a dense grid compare. */
function cells(grid: SheetGrid): string[] {
  const out: string[] = [];
  grid.values.forEach((row, r) => row?.forEach((v, c) => v !== null && v !== undefined && out.push(`${r},${c}=${JSON.stringify(v)}`)));
  grid.formulas?.forEach((row, r) => row?.forEach((f, c) => f !== null && f !== undefined && out.push(`${r},${c}:${f}`)));
  return out.sort();
}

let dir: string;
const samples: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stream-reader-'));
  for (const subtotals of ['values', 'formulas'] as const) {
    for (const seed of SEED_BUDGETS) {
      const sample = sampleFromSeed(seed);
      const specs = [...(Object.keys(sample.data) as SpecId[]), ...(sample.projects.length ? (['project'] as SpecId[]) : [])];
      const wb = await workbookFromPlans(planWorkbook({ ctx: sample.ctx, data: sample.data, projects: sample.projects, specs, options: { subtotals } }));
      const file = path.join(dir, `${seed.id}-${subtotals}.xlsx`);
      await wb.xlsx.writeFile(file);
      samples.push(file);
    }
  }
  const forms = await workbookFromPlans(seedFormPlans());
  samples.push(path.join(dir, 'forms.xlsx'));
  await forms.xlsx.writeFile(samples[samples.length - 1]);
}, 120000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the streaming reader reads what ExcelJS reads', () => {
  it('gives the same grids, sheet names and order for every sample workbook', async () => {
    expect(samples.length).toBeGreaterThan(4);
    for (const file of samples) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ours = readXlsxFile(file).sheets;
      expect(ours.map((s) => s.name)).toEqual(wb.worksheets.map((w) => w.name));
      wb.worksheets.forEach((ws, i) => expect(cells(ours[i].grid)).toEqual(cells(gridFromWorksheet(ws))));
    }
  });

  it('gives the same model and issues through readWorkbookFile as through ExcelJS', async () => {
    for (const file of samples) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const viaExcelJS = readWorkbook(wb);
      const streamed = await readWorkbookFile(file);
      expect(streamed.sheets.length).toBeGreaterThan(0);
      expect(JSON.stringify(streamed.sheets)).toEqual(JSON.stringify(viaExcelJS.sheets));
      expect(streamed.issues).toEqual(viaExcelJS.issues);
    }
  });

  it('reads shared formulas, merges, dates, booleans, errors and rich and inline text as ExcelJS does', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('样表');
    ws.getCell('A1').value = 2;
    ws.getCell('A2').value = 3;
    ws.getCell('B1').value = { formula: 'A1*2', result: 4, shareType: 'shared', ref: 'B1:B2' } as ExcelJS.CellValue;
    ws.getCell('B2').value = { sharedFormula: 'B1', result: 6 } as ExcelJS.CellValue;
    ws.getCell('C1').value = new Date(Date.UTC(2026, 0, 31));
    ws.getCell('C2').value = true;
    ws.getCell('D1').value = { error: '#REF!' } as ExcelJS.CellValue;
    ws.getCell('D2').value = { richText: [{ text: '部门' }, { text: '预算', font: { bold: true } }] };
    ws.getCell('E1').value = 'A & B < C';
    ws.mergeCells('E1:F2');
    const file = path.join(dir, 'cells.xlsx');
    await wb.xlsx.writeFile(file);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    const ours = readXlsxFile(file).sheets[0].grid;
    expect(cells(ours)).toEqual(cells(gridFromWorksheet(back.worksheets[0])));
    expect(ours.formulas?.[1]?.[1]).toBe('=A2*2');
    expect(ours.values[0][2]).toBe('2026-01-31');
    expect(ours.values[1]?.[5]).toBeUndefined();
    expect(ours.values[0][4]).toBe('A & B < C');
  });
});

describe('the grid is sparse and the caps hold', () => {
  const sheet = (body: string) => zipParts(workbookParts([{ name: 'S', xml: text(`${SHEET_HEAD}${body}${SHEET_TAIL}`) }]));

  it('keeps only the cells that exist: A1 and XFD1048576 are two cells, not a rectangle', () => {
    const g = readXlsxBuffer(sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>末</t></is></c></row>')).sheets[0].grid;
    expect(g.values.length).toBe(1048576);
    expect(Object.keys(g.values)).toEqual(['0', '1048575']);
    expect(Object.keys(g.values[1048575])).toEqual(['16383']);
    expect(g.values[1048575][16383]).toBe('末');
  });

  it('places cells without an r attribute after the one before them', () => {
    const g = readXlsxBuffer(sheet('<row><c><v>1</v></c><c/><c><v>3</v></c></row><row><c r="B2"><v>4</v></c></row>')).sheets[0].grid;
    expect(cells(g)).toEqual(['0,0=1', '0,2=3', '1,1=4']);
  });

  it('stops at the cell cap with one line naming the sheet', () => {
    const body = Array.from({ length: 30 }, (_v, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>1</v></c></row>`).join('');
    expect(() => readXlsxBuffer(sheet(body), { ...LIMITS, cellsPerSheet: 20 })).toThrow(new WorkbookReadError('工作表“S”超过 20 个单元格，超出读取上限'));
  });

  it('bounds the work of merges laid side by side over the same rows', () => {
    const rows = Array.from({ length: 10 }, (_v, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>1</v></c><c r="B${r + 1}"><v>2</v></c></row>`).join('');
    const merges = `<mergeCells><mergeCell ref="A1:A10"/><mergeCell ref="B1:B10"/></mergeCells>`;
    const file = zipParts(workbookParts([{ name: 'S', xml: text(`${SHEET_HEAD}${rows}</sheetData>${merges}</worksheet>`) }]));
    const g = readXlsxBuffer(file).sheets[0].grid;
    expect(cells(g)).toEqual(['0,0=1', '0,1=2']);
    expect(() => readXlsxBuffer(file, { ...LIMITS, mergeRowVisits: 15 })).toThrow(/工作表“S”的合并单元格覆盖过多的行/);
  });

  it('stops inflating a part at the size cap', () => {
    const big = zipParts(workbookParts([{ name: 'S', xml: [{ data: Buffer.from(SHEET_HEAD) }, { data: Buffer.alloc(1 << 20, 0x20), times: 8 }, { data: Buffer.from(SHEET_TAIL) }] }]));
    expect(() => readXlsxBuffer(big, { ...LIMITS, partBytes: 4 << 20 })).toThrow(/sheet1\.xml 解压后超过 4 MB/);
  });

  it('refuses a DTD, an undefined entity, invalid UTF-8 and a cell address off the sheet', () => {
    expect(() => readXlsxBuffer(sheet('').subarray(0))).not.toThrow();
    const doctype = zipParts(workbookParts([{ name: 'S', xml: text(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>${SHEET_HEAD.replace(/^<\?xml[^>]*>/, '')}${SHEET_TAIL}`) }]));
    expect(() => readXlsxBuffer(doctype)).toThrow(/DTD 或实体声明/);
    expect(() => readXlsxBuffer(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&a;</t></is></c></row>'))).toThrow(/未定义的 XML 实体/);
    const bad = zipParts(workbookParts([{ name: 'S', xml: [{ data: Buffer.from(`${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>`) }, { data: Buffer.from([0xe4, 0xb8]) }, { data: Buffer.from(`</t></is></c></row>${SHEET_TAIL}`) }] }]));
    expect(() => readXlsxBuffer(bad)).toThrow(/无效的 UTF-8/);
    expect(() => readXlsxBuffer(sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>'))).toThrow(/单元格地址“XFE1”无效/);
  });

  it('says a zip without a workbook and a truncated file are not workbooks', () => {
    expect(() => readXlsxBuffer(zipParts([{ name: 'a.txt', pieces: text('x') }]))).toThrow(/不是 \.xlsx 工作簿/);
    const whole = sheet('<row r="1"><c r="A1"><v>1</v></c></row>');
    expect(() => readXlsxBuffer(whole.subarray(0, whole.length - 30))).toThrow(/不完整|已损坏/);
  });
});
