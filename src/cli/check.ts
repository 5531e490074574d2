import * as fs from 'fs';
import { isBreakdownGrid, readBreakdownGrid } from '../core/consolidate/read-breakdown';
import type { UnitWorkbook } from '../core/consolidate/types';
import { address } from '../core/plan/a1';
import { findBudgetFormulas } from '../core/prepare';
import { RULES } from '../core/rules/catalog-of-rules';
import type { Finding } from '../core/rules/types';
import { validateSheets, type Validation } from '../core/rules/validate';
import type { SheetGrid } from '../core/read/grid';
import { readWorkbookFile, WorkbookReadError, type WorkbookFileRead } from '../xlsx/reader';
import { UnreadableFile } from './inputs';

/** The largest workbook `check` opens; bigger files are refused with a reason, not a crash. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;


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
  if (stat.size > MAX_FILE_BYTES) return `文件过大（${Math.round(stat.size / 1048576)}MB，上限${MAX_FILE_BYTES / 1048576}MB）`;
  const head = Buffer.alloc(8);
  const fd = fs.openSync(file, 'r');
  fs.readSync(fd, head, 0, 8, 0);
  fs.closeSync(fd);
  // An encrypted .xlsx is an OLE compound file, not a zip.
  if (head.readUInt32BE(0) === 0xd0cf11e0) return '文件有密码保护或是旧版.xls格式，请去掉密码并另存为.xlsx';
  if (head.readUInt32BE(0) !== 0x504b0304) return '不是.xlsx工作簿';
  return null;
}

/** BUDGET.* formulas left in a workbook: without the add-in Excel shows #NAME? there. */
function leftoverFormulas(grids: readonly SheetGrid[]): Finding[] {
  const out: Finding[] = [];
  for (const ws of grids) {
    const cells = findBudgetFormulas(ws.formulas ?? []);
    const count = cells.length;
    const first = count ? address(cells[0].row + 1, cells[0].col + 1) : '';
    if (count > 0) {
      out.push({
        rule: RULES.leftoverFormula.id,
        severity: RULES.leftoverFormula.severity,
        sheet: ws.name,
        cell: first,
        message: `本表有${count}个单元格仍是BUDGET公式（此格为第一个）；报送前请在任务窗格点“公式转为数值”，否则对方打开时显示#NAME?`,
      });
    }
  }
  return out;
}

/**
 * The department's 绩效目标汇总表, when the workbook holds one, against its units' forms and U2.
 * Loaded only with `--units`: the consolidation modules are a tenth of check's start-up.
 */
async function targetsAgainstUnits(grids: readonly SheetGrid[], units: UnitWorkbook[]): Promise<Finding[]> {
  const [{ readDepartmentTargetsGrid }, { checkDepartmentTargets }, { unitName }] = await Promise.all([
    import('../core/consolidate/read-targets'),
    import('../core/rules/department-targets'),
    import('../core/consolidate/unit-name'),
  ]);
  for (const g of grids) {
    const read = readDepartmentTargetsGrid(g);
    if (read) return checkDepartmentTargets(read, units.map((u) => ({ name: unitName(u), sheets: u.sheets })));
  }
  return [];
}

/** `units`: the unit workbooks a department is checked against (`--units`). */
export async function checkFile(file: string, units?: UnitWorkbook[]): Promise<FileReport> {
  const reason = sniff(file);
  if (reason) throw new UnreadableFile(`${file}：${reason}`);
  let read: WorkbookFileRead;
  try {
    read = await readWorkbookFile(file);
  } catch (e) {
    // The streaming reader says which cap or problem in one line; anything else is a broken file.
    if (e instanceof WorkbookReadError) throw new UnreadableFile(`${file}：${e.message}`);
    throw new UnreadableFile(`${file}：文件已损坏，无法作为.xlsx读取（${String((e as Error).message).split('\n')[0]}）`);
  }
  // A department holding 分单位明细 is checked against it even without --units.
  const holder = read.grids.find(isBreakdownGrid);
  const breakdown = holder ? readBreakdownGrid(holder) : null;
  const v = validateSheets(read.sheets, read.issues, read.catalog, units || breakdown ? { units, breakdown } : undefined);
  const findings = [...v.findings, ...leftoverFormulas(read.grids), ...(units ? await targetsAgainstUnits(read.grids, units) : [])];
  const counts = { error: findings.filter((f) => f.severity === 'error').length, warning: findings.filter((f) => f.severity === 'warning').length };
  return { file, findings, counts, ready: counts.error === 0 };
}

/** Files named, and the .xlsx files inside folders named. */
