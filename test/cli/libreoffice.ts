import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';

/**
 * LibreOffice Calc headless as a second spreadsheet: it opens our .xlsx files, recalculates
 * every formula (a private profile sets "always recalculate on load", so cached results we
 * wrote cannot pass for its own) and writes each sheet's values as CSV. .ci/run installs it
 * (libreoffice-calc-nogui) where missing.
 */
export const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** UTF-8, comma, raw values (not as shown), every sheet to its own file (LibreOffice ≥ 7.2). */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

export function requireSoffice(): void {
  if (!fs.existsSync(SOFFICE)) throw new Error(`LibreOffice not found at ${SOFFICE}: apt-get install -y libreoffice-calc-nogui (or set SOFFICE_PATH)`);
}

/** Each file's sheets as grids of the values LibreOffice computed: `result[file][sheetName]`. */
export async function valuesByLibreOffice(files: string[], sheetNames: Record<string, string[]>): Promise<Record<string, Record<string, string[][]>>> {
  requireSoffice();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-tables-lo-'));
  try {
    fs.mkdirSync(path.join(work, 'profile', 'user'), { recursive: true });
    fs.writeFileSync(path.join(work, 'profile', 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
    const out = path.join(work, 'out');
    await promisify(execFile)(SOFFICE, [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--convert-to', CSV_FILTER, '--outdir', out, ...files], {
      timeout: 240_000,
    });
    const result: Record<string, Record<string, string[][]>> = {};
    for (const file of files) {
      const stem = path.basename(file, '.xlsx');
      result[file] = {};
      for (const sheet of sheetNames[file]) {
        const csv = path.join(out, `${stem}-${sheet}.csv`);
        if (!fs.existsSync(csv)) throw new Error(`LibreOffice wrote no ${csv}; it wrote ${fs.readdirSync(out).join(', ')}`);
        result[file][sheet] = parseCsv(fs.readFileSync(csv, 'utf8'));
      }
    }
    return result;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** RFC 4180 CSV, as LibreOffice writes it. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}
