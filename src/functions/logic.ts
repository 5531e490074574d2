import { Catalog } from '../core/catalog/catalog';
import { normalizeCode } from '../core/codes';

/**
 * The custom functions' logic as plain TypeScript, so it is tested without Excel. Each
 * returns a value or a `FunctionProblem` that the Excel wrapper turns into `#VALUE!` or
 * `#N/A` with the message shown to the clerk.
 */
export interface FunctionProblem {
  problem: 'invalid' | 'notFound';
  message: string;
}

export function isProblem(v: unknown): v is FunctionProblem {
  return typeof v === 'object' && v !== null && 'problem' in v;
}

let catalog: Catalog = Catalog.builtIn();

/** The workbook's 科目目录 sheet, when there is one, extends the built-in catalog. */
export function useCatalog(c: Catalog): void {
  catalog = c;
}

function firstCell(v: unknown): unknown {
  // A cell reference arrives as a 1×1 matrix when the parameter is declared as a range.
  while (Array.isArray(v)) v = v[0];
  return v;
}

export function codeName(code: unknown, year?: unknown): string | FunctionProblem {
  const raw = Array.isArray(code) && Array.isArray(code[0]) && code[0].length > 1 ? code[0] : firstCell(code);
  const n = normalizeCode(raw);
  if (!n.ok) return { problem: 'invalid', message: n.reason };
  let y: number | undefined;
  const yv = firstCell(year);
  if (yv !== undefined && yv !== null && yv !== '') {
    y = Number(yv);
    if (!Number.isInteger(y) || y < 1990 || y > 2100) return { problem: 'invalid', message: `预算年度“${String(yv)}”应为四位年份` };
  }
  const name = catalog.nameOf(n.code, y);
  if (name === undefined) return { problem: 'notFound', message: `科目编码 ${n.code} 不在科目目录中` };
  return name;
}
