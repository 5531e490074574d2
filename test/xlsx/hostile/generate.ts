/**
 * The hostile-file corpus (issue 12, point 8): files a received e-mail may carry, each with
 * what `check` must do with it. `npx ts-node test/xlsx/hostile/generate.ts DIR` writes them
 * for measuring by hand; hostile.test.ts writes them to a temporary folder and runs the CLI.
 */
import * as fs from 'fs';
import * as path from 'path';
import { planWorkbook } from '../../../src/core/plan/workbook';
import { workbookFromPlans } from '../../../src/xlsx/writer';
import { SHEET_HEAD, SHEET_TAIL, text, workbookParts, zipParts, type ZipPart } from './zip-writer';

export interface HostileFile {
  name: string;
  file: string;
  /** exit 2 with one line matching `line`, or the same exit code as a twin file without the hostile part */
  expect: { exit: 2; line: RegExp } | { sameExitAs: string };
}

const MB = 1024 * 1024;

/** Rows of numeric cells, `cols` to a row, written in pieces so no piece is large. */
function numericRows(rows: number, cols: number): ZipPart['pieces'] {
  const pieces: ZipPart['pieces'] = [{ data: Buffer.from(SHEET_HEAD) }];
  const letters = Array.from({ length: cols }, (_v, c) => String.fromCharCode(65 + c));
  for (let r0 = 1; r0 <= rows; r0 += 10_000) {
    const lines: string[] = [];
    for (let r = r0; r < Math.min(rows + 1, r0 + 10_000); r++) lines.push(`<row r="${r}">${letters.map((l, c) => `<c r="${l}${r}"><v>${r + c}</v></c>`).join('')}</row>`);
    pieces.push({ data: Buffer.from(lines.join('')) });
  }
  pieces.push({ data: Buffer.from(SHEET_TAIL) });
  return pieces;
}

async function budgetTemplate(): Promise<import('exceljs').Workbook> {
  const plans = planWorkbook({ ctx: { level: 'unit', org: '测试单位', year: 2026 }, specs: ['T2', 'T3'] });
  return workbookFromPlans(plans);
}

export async function generateHostileCorpus(dir: string): Promise<HostileFile[]> {
  fs.mkdirSync(dir, { recursive: true });
  const files: HostileFile[] = [];
  const put = (name: string, data: Buffer, expect: HostileFile['expect']) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, data);
    files.push({ name, file, expect });
  };

  // A 4 MB zip whose one sheet inflates to 3.9 GB of blanks.
  put(
    'size-bomb.xlsx',
    zipParts(workbookParts([{ name: 'S', xml: [{ data: Buffer.from(SHEET_HEAD) }, { data: Buffer.alloc(MB, 0x20), times: 3900 }, { data: Buffer.from(SHEET_TAIL) }] }])),
    { exit: 2, line: /sheet1\.xml 解压后超过 \d+ MB/ },
  );
  // 2.2 million numeric cells in one sheet.
  put('rows-bomb.xlsx', zipParts(workbookParts([{ name: 'S', xml: numericRows(220_000, 10) }])), { exit: 2, line: /工作表“S”超过 200 万个单元格/ });
  // 1.2 million shared strings.
  put(
    'shared-strings-bomb.xlsx',
    zipParts(
      workbookParts(
        [{ name: 'S', xml: text(`${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_TAIL}`) }],
        [{ data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">') }, { data: Buffer.from('<si><t>预算</t></si>'.repeat(10_000)), times: 120 }, { data: Buffer.from('</sst>') }],
      ),
    ),
    { exit: 2, line: /共享字符串超过 100 万个/ },
  );
  // Two cells, at the first and the last address of a sheet.
  const far = zipParts(workbookParts([{ name: 'S', xml: text(`${SHEET_HEAD}<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>${SHEET_TAIL}`) }]));
  const near = zipParts(workbookParts([{ name: 'S', xml: text(`${SHEET_HEAD}<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row>${SHEET_TAIL}`) }]));
  put('far-cells-twin.xlsx', near, { sameExitAs: 'far-cells-twin.xlsx' });
  put('far-cells.xlsx', far, { sameExitAs: 'far-cells-twin.xlsx' });
  // A real budget template, and the same with one stray number in the last cell of a table.
  const clean = await budgetTemplate();
  await clean.xlsx.writeFile(path.join(dir, 'budget-clean.xlsx'));
  files.push({ name: 'budget-clean.xlsx', file: path.join(dir, 'budget-clean.xlsx'), expect: { sameExitAs: 'budget-clean.xlsx' } });
  const stray = await budgetTemplate();
  stray.worksheets[0].getCell('XFD1048576').value = 1;
  await stray.xlsx.writeFile(path.join(dir, 'budget-stray-cell.xlsx'));
  files.push({ name: 'budget-stray-cell.xlsx', file: path.join(dir, 'budget-stray-cell.xlsx'), expect: { sameExitAs: 'budget-clean.xlsx' } });
  // A zip with no workbook in it.
  put('no-workbook.xlsx', zipParts([{ name: 'readme.txt', pieces: text('这不是工作簿') }]), { exit: 2, line: /不是 \.xlsx 工作簿/ });
  // A valid workbook cut in half.
  const whole = await clean.xlsx.writeBuffer();
  put('truncated.xlsx', Buffer.from(whole).subarray(0, Math.floor(whole.byteLength / 2)), { exit: 2, line: /不完整|已损坏/ });
  // Billion laughs in the sheet XML.
  const laughs = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_v, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');
  put(
    'billion-laughs.xlsx',
    zipParts(workbookParts([{ name: 'S', xml: text(`<?xml version="1.0"?><!DOCTYPE lolz [${laughs}]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>${SHEET_TAIL}`) }])),
    { exit: 2, line: /DTD 或实体声明/ },
  );
  // A shared string that is not UTF-8.
  put(
    'invalid-utf8.xlsx',
    zipParts(
      workbookParts(
        [{ name: 'S', xml: text(`${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_TAIL}`) }],
        [{ data: Buffer.concat([Buffer.from('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('</t></si></sst>')]) }],
      ),
    ),
    { exit: 2, line: /无效的 UTF-8/ },
  );
  // 10,000 sheets.
  const many = Array.from({ length: 10_000 }, (_v, i) => ({ name: `S${i + 1}`, xml: text(`${SHEET_HEAD}<row r="1"><c r="A1"><v>${i}</v></c></row>${SHEET_TAIL}`) }));
  put('ten-thousand-sheets.xlsx', zipParts(workbookParts(many)), { exit: 2, line: /工作表超过 1000 个/ });
  return files;
}

if (require.main === module) {
  generateHostileCorpus(process.argv[2] ?? 'hostile-corpus')
    .then((files) => console.log(files.map((f) => `${f.name}\t${fs.statSync(f.file).size}`).join('\n')))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
