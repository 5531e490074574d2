import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readBreakdownGrid } from '../core/consolidate/read-breakdown';
import type { UnitWorkbook } from '../core/consolidate/types';
import { address } from '../core/plan/a1';
import { isBreakdownMarker } from '../core/plan/unit-breakdown';
import { findBudgetFormulas } from '../core/prepare';
import { RULES } from '../core/rules/catalog-of-rules';
import type { Finding } from '../core/rules/types';
import { validateSheets, type Validation } from '../core/rules/validate';
import { gridFromWorksheet, readWorkbook, workbookCatalog } from '../xlsx/reader';

/** The largest workbook `check` opens; bigger files are refused with a reason, not a crash. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

export class UnreadableFile extends Error {}

export interface FileReport extends Validation {
  file: string;
}

/** A reason a file cannot be read, in one line, or null when it looks like an .xlsx. */
function sniff(file: string): string | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return '文件不存在或无法访问';
  }
  if (!stat.isFile()) return '不是文件';
  if (stat.size > MAX_FILE_BYTES) return `文件过大（${Math.round(stat.size / 1048576)} MB，上限 ${MAX_FILE_BYTES / 1048576} MB）`;
  const head = Buffer.alloc(8);
  const fd = fs.openSync(file, 'r');
  fs.readSync(fd, head, 0, 8, 0);
  fs.closeSync(fd);
  // An encrypted .xlsx is an OLE compound file, not a zip.
  if (head.readUInt32BE(0) === 0xd0cf11e0) return '文件有密码保护或是旧版 .xls 格式，请去掉密码并另存为 .xlsx';
  if (head.readUInt32BE(0) !== 0x504b0304) return '不是 .xlsx 工作簿';
  return null;
}

/** BUDGET.* formulas left in a workbook: without the add-in Excel shows #NAME? there. */
function leftoverFormulas(wb: ExcelJS.Workbook): Finding[] {
  const out: Finding[] = [];
  for (const ws of wb.worksheets) {
    const cells = findBudgetFormulas(gridFromWorksheet(ws).formulas ?? []);
    const count = cells.length;
    const first = count ? address(cells[0].row + 1, cells[0].col + 1) : '';
    if (count > 0) {
      out.push({
        rule: RULES.leftoverFormula.id,
        severity: RULES.leftoverFormula.severity,
        sheet: ws.name,
        cell: first,
        message: `${first} 等 ${count} 个单元格仍是 BUDGET 公式；报送前请在任务窗格点“公式转为数值”，否则对方打开时显示 #NAME?`,
      });
    }
  }
  return out;
}

/** `units`: the unit workbooks a department is checked against (`--units`). */
export async function checkFile(file: string, units?: UnitWorkbook[]): Promise<FileReport> {
  const reason = sniff(file);
  if (reason) throw new UnreadableFile(`${file}：${reason}`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new UnreadableFile(`${file}：文件已损坏，无法作为 .xlsx 读取（${String((e as Error).message).split('\n')[0]}）`);
  }
  const catalog = workbookCatalog(wb);
  const read = readWorkbook(wb, catalog);
  // A department holding 分单位明细 is checked against it even without --units.
  const holder = wb.worksheets.find((ws) => ((ws.getRow(1).values as unknown[]) ?? []).some(isBreakdownMarker));
  const breakdown = holder ? readBreakdownGrid(gridFromWorksheet(holder)) : null;
  const v = validateSheets(read.sheets, read.issues, catalog, units || breakdown ? { units, breakdown } : undefined);
  const findings = [...v.findings, ...leftoverFormulas(wb)];
  const counts = { error: findings.filter((f) => f.severity === 'error').length, warning: findings.filter((f) => f.severity === 'warning').length };
  return { file, findings, counts, ready: counts.error === 0 };
}

/** Files named, and the .xlsx files inside folders named. */
export function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    if (fs.existsSync(input) && fs.statSync(input).isDirectory()) {
      for (const name of fs.readdirSync(input).sort()) if (/\.xlsx$/i.test(name) && !name.startsWith('~$')) out.push(path.join(input, name));
    } else out.push(input);
  }
  return out;
}
