import { asNodeBuffer } from '../../src/xlsx/stream/bytes';
import { planWorkbook } from '../../src/core/plan/workbook';
import { sampleFromSeed } from '../../src/core/sample';
import { SEED_BUDGETS } from '../../src/core/sample-seeds';
import type { SpecId } from '../../src/core/specs/types';
import { LIMITS, type ReadLimits } from '../../src/xlsx/stream/limits';
import { scanSharedStringsBytes, SharedStringsHandler } from '../../src/xlsx/stream/shared-strings';
import { scanSheetBytes } from '../../src/xlsx/stream/sheet-bytes';
import { SheetCells, type SheetContext } from '../../src/xlsx/stream/sheet-cells';
import { SheetHandler } from '../../src/xlsx/stream/sheet-xml';
import { XmlScanner } from '../../src/xlsx/stream/xml-scan';
import { ZipArchive } from '../../src/xlsx/stream/zip';
import { workbookFromPlans } from '../../src/xlsx/writer';

/**
 * The byte scanners (sheet-bytes.ts, scanSharedStringsBytes) read what they take exactly as
 * the generic scanner does, and leave to it whatever they are not sure of: each sheet and
 * shared-strings part here is read both ways and compared, and the cases the byte scanner
 * must leave are named.
 */

const STRINGS = ['甲', '乙', 'a&b'];
const ctx = (limits: ReadLimits = LIMITS, dateStyles: boolean[] = [false, false, false, true]): SheetContext => ({
  sharedStrings: { count: STRINGS.length, get: (i) => STRINGS[i] },
  dateStyles,
  date1904: false,
  cellsBefore: 0,
  limits,
});

function generic(xml: Buffer, c: SheetContext): string {
  const h = new SheetHandler('S', 'xl/worksheets/sheet1.xml', c);
  const s = new XmlScanner('xl/worksheets/sheet1.xml', h, c.limits);
  s.pushBytes(xml);
  s.end();
  return JSON.stringify(h.grid());
}

/** The byte scanner's grid, or null when it leaves the sheet to the generic scanner. */
function bytes(xml: Buffer, c: SheetContext): string | null {
  const cells = new SheetCells('S', c);
  return scanSheetBytes(xml, 'xl/worksheets/sheet1.xml', cells, c.limits, c.dateStyles.length > 0) ? JSON.stringify(cells.grid()) : null;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14ac="urn:x"><dimension ref="A1:D9"/><sheetData>';
const TAIL = '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><pageMargins left="0.7" right="0.7"/></worksheet>';
const sheet = (rows: string) => Buffer.from(HEAD + rows + TAIL, 'utf8');

describe('the sheet byte scanner', () => {
  it('reads numbers, shared and inline strings, booleans, errors, formulas, shared formulas, dates and merges as the generic scanner does', () => {
    const xml = sheet(
      '<row r="1" spans="1:4" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="2"/><c r="D1" t="s"><v>2</v></c></row>' +
        '<row r="2"><c r="A2"><v>12.5</v></c><c r="B2"><v>-0.1</v></c><c r="C2"><v>1.5E3</v></c><c r="D2"><v>123456789012345678</v></c></row>' +
        '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="e"><v>#REF!</v></c><c r="C3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="D3" s="3"><v>45000</v></c></row>' +
        '<row r="4"><c r="A4"><f t="shared" ref="A4:A6" si="0">B4+C$4</f><v>3</v></c><c r="B4"><f>SUM(A1:A3)</f><v>0</v></c></row>' +
        '<row r="5"><c r="A5"><f t="shared" si="0"/><v>4</v></c><c r="B5" t="inlineStr"><is><t>内联</t></is></c></row>' +
        '<row r="6"><c r="A6"><f t="shared" si="0"/></c><c r="B6" t="inlineStr"><is><r><t>富</t></r><r><t xml:space="preserve"> 文本</t></r><rPh><t>ふ</t></rPh></is></c></row>' +
        '<row r="7"><c r="A7"><v>.5</v></c><c r="B7"><v>007</v></c><c r="C7"><v> 8 </v></c><c r="D7"><v></v></c></row>' +
        '<row r="9"><c r="A9" t="s"><v>1.5</v></c><c r="B9" t="n"><v>-0</v></c><c r="C9" t="str"><v>12</v></c></row>',
    );
    const g = generic(xml, ctx());
    expect(bytes(xml, ctx())).toBe(g);
    expect(g).toContain('"内联"');
    expect(g).toContain('"2023-03-15"'); // D3: a date style
    expect(bytes(xml, ctx(LIMITS, []))).toBe(generic(xml, ctx(LIMITS, [])));
  });

  it('leaves to the generic scanner what it does not read for certain', () => {
    const cases = [
      '<row r="1"><x:c r="A1"><x:v>1</x:v></x:c></row>', // a prefixed cell
      '<row r="1"><c><v>1</v></c></row>', // a cell without r
      '<row><c r="A1"><v>1</v></c></row>', // a row without r
      '<row r="1"><c r="A1"><v>1<!-- c --></v></c></row>', // a comment
      '<row r="1"><c r="A1" t=\'s\'><v>0</v></c></row>', // single quotes
      '<row r="1"><c r="A1" t = "s"><v>0</v></c></row>', // spaces around =
      '<row r="1"><c r="A1"><v>1</v><v>2</v></c></row>', // two values
      '<row r="1"><c r="A&#49;"><v>1</v></c></row>', // an entity in an attribute
      '<row r="1"><c r="A1"><v><![CDATA[1]]></v></c></row>', // CDATA
      '<row r="1"><c r="A0"><v>1</v></c></row>', // an address off the sheet (the generic scanner refuses it)
    ];
    for (const rows of cases) expect(bytes(sheet(rows), ctx())).toBeNull();
    expect(bytes(Buffer.concat([sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>'), Buffer.from([0xff]), Buffer.from('</t></is></c></row>')]), ctx())).toBeNull();
    const dtd = Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>' + HEAD.slice(HEAD.indexOf('<worksheet')) + TAIL);
    expect(bytes(dtd, ctx())).toBeNull();
    expect(() => generic(dtd, ctx())).toThrow(/DTD/);
  });

  it('stops at the cell cap with the generic scanner\'s words', () => {
    const xml = sheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>');
    const small = ctx({ ...LIMITS, cellsPerSheet: 2 });
    expect(() => generic(xml, small)).toThrow(/超过 2 个单元格/);
    expect(() => bytes(xml, small)).toThrow(/超过 2 个单元格/);
  });

  it('reads every sheet of the seed workbooks as the generic scanner does, without leaving any', async () => {
    for (const seed of SEED_BUDGETS) {
      const sample = sampleFromSeed(seed);
      const plans = planWorkbook({ ctx: sample.ctx, data: sample.data, projects: sample.projects, specs: Object.keys(sample.data) as SpecId[], options: { subtotals: 'formulas' } });
      const zip = new ZipArchive(Buffer.from(await (await workbookFromPlans(plans)).xlsx.writeBuffer()));
      const parts: string[] = [];
      for (let k = 1; zip.has(`xl/worksheets/sheet${k}.xml`); k++) parts.push(`xl/worksheets/sheet${k}.xml`);
      expect(parts.length).toBeGreaterThan(5);
      for (const part of parts) {
        const xml = asNodeBuffer(zip.inflate(part))!;
        const b = bytes(xml, ctx());
        expect(b).not.toBeNull();
        expect(b).toBe(generic(xml, ctx()));
      }
    }
  });
});

describe('the shared-strings byte scanner', () => {
  const read = (xml: string) => {
    const h = new SharedStringsHandler('xl/sharedStrings.xml', LIMITS);
    const s = new XmlScanner('xl/sharedStrings.xml', h, LIMITS);
    s.pushBytes(Buffer.from(xml, 'utf8'));
    s.end();
    return { generic: h.strings, bytes: scanSharedStringsBytes(Buffer.from(xml, 'utf8'), 'xl/sharedStrings.xml', LIMITS) };
  };
  const HEAD_SST = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="urn:x" count="4" uniqueCount="4">';

  it('reads plain strings, entities, Excel escapes and empty strings as the generic scanner does', () => {
    const r = read(HEAD_SST + '<si><t>甲</t></si><si><t xml:space="preserve"> a&amp;b </t></si><si><t>x_x000D_y</t></si><si/><si><t></t></si></sst>');
    expect(r.bytes).toEqual(r.generic);
    expect(r.generic).toEqual(['甲', ' a&b ', 'x\ry', '', '']);
  });

  it('leaves rich text and phonetic guides to the generic scanner', () => {
    expect(read(HEAD_SST + '<si><r><t>a</t></r><r><t>b</t></r></si></sst>').bytes).toBeNull();
    expect(read(HEAD_SST + '<si><t>a</t><rPh><t>b</t></rPh></si></sst>').bytes).toBeNull();
  });

  it('stops at the shared-strings cap as the generic scanner does', () => {
    const xml = Buffer.from(HEAD_SST + '<si><t>a</t></si><si><t>b</t></si></sst>', 'utf8');
    expect(() => scanSharedStringsBytes(xml, 'p', { ...LIMITS, sharedStrings: 1 })).toThrow(/共享字符串超过 1 个/);
  });
});
