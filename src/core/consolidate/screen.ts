import type { Catalog } from '../catalog/catalog';
import type { CodedTableData } from '../model';
import { address } from '../plan/a1';
import { parentOf } from '../codes';
import { SEVERITY_LABEL } from '../rules/types';
import { validateSheets } from '../rules/validate';
import { isUnitTable, unitName } from './unit-name';
import type { UnitProblem, UnitWorkbook } from './types';

const normName = (n: string) => n.replace(/[\s\u3000]/g, '');

/**
 * Everything that forbids summing a unit blindly (issue 17 point 2), each with the unit and
 * the cell: its own 错误, another budget year, a unit given twice, a 科目 name two units file
 * under different codes, and a code the year's catalog does not know.
 */
export function screenUnits(units: UnitWorkbook[], year: number, catalog: Catalog): UnitProblem[] {
  const out: UnitProblem[] = [];
  const seen = new Map<string, string>();
  // per table, parent code and 科目 name: the first unit's code and where it was
  const codeOfName = new Map<string, { code: string; unit: string; sheet: string; cell: string }>();
  for (const u of units) {
    const unit = unitName(u);
    const p = (kind: UnitProblem['kind'], sheet: string, cell: string, message: string) => out.push({ unit, source: u.source, kind, sheet, cell, message });
    const tables = u.sheets.filter(isUnitTable);
    if (tables.length === 0) {
      p('no-tables', '', 'A1', `单位“${unit}”（${u.source}）中没有可识别的预算表，无法汇总`);
      continue;
    }
    const first = seen.get(normName(unit));
    if (first !== undefined) {
      p('duplicate-unit', tables[0].sheetName, 'A2', `单位“${unit}”出现两次（${first} 与 ${u.source}），同一单位只能汇总一次`);
      continue;
    }
    seen.set(normName(unit), u.source);
    for (const s of tables) {
      if (s.context.year !== undefined && s.context.year !== year) {
        p('other-year', s.sheetName, 'A1', `单位“${unit}”的表“${s.sheetName}”是${s.context.year}年的，汇总的是${year}年`);
      }
    }
    const v = validateSheets(u.sheets, u.issues, catalog);
    for (const f of v.findings.filter((x) => x.severity === 'error')) {
      p('unit-errors', f.sheet, f.cell, `单位“${unit}”【${f.sheet}!${f.cell}】${SEVERITY_LABEL.error}：${f.message}`);
    }
    for (const s of tables) {
      if (s.data.kind !== 'coded') continue;
      const d: CodedTableData = s.data;
      for (const r of d.rows) {
        if (!/^\d+$/.test(r.code)) continue;
        const cell = r.row ? address(r.row, d.at?.codeColumn ?? 1) : 'A1';
        if (!catalog.isKnown(r.code, year)) {
          p('unknown-code', s.sheetName, cell, `单位“${unit}”【${s.sheetName}】${cell}：科目编码 ${r.code} 不在 ${year} 年科目目录中，汇总前请核对`);
        }
        const name = normName(r.name);
        if (!name) continue;
        const key = `${s.specId}|${parentOf(r.code) ?? ''}|${name}`;
        const had = codeOfName.get(key);
        if (!had) codeOfName.set(key, { code: r.code, unit, sheet: s.sheetName, cell });
        else if (had.code !== r.code && had.unit !== unit) {
          p(
            'code-conflict',
            s.sheetName,
            cell,
            `单位“${unit}”【${s.sheetName}】${cell}：科目“${r.name}”编码为 ${r.code}，而单位“${had.unit}”【${had.sheet}】${had.cell} 同名科目编码为 ${had.code}；按编码汇总会把同一科目分成两行`,
          );
        }
      }
    }
  }
  return out;
}
