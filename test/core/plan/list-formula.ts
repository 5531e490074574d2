import { parseAddress } from '../../../src/core/plan/a1';
import type { CellValue } from '../../../src/core/plan/types';
import { isPlanText } from '../../../src/core/plan/text-cells';

/**
 * A small evaluator for the formulas the plans write (OFFSET, MATCH exact, INDEX over a row,
 * IF, CHAR, `&`, `=`, `-`, references to a sheet or to the sheet itself), so a test can see which
 * items a drop-down would offer without Excel. It knows nothing of the planner: it reads the
 * formula text and the cells it is given, and fails on anything else.
 */

type Ref = { kind: 'ref'; sheet: string | null; r1: number; c1: number; r2: number; c2: number };
type Value = string | number | null | Ref;

export class FormulaError extends Error {}

const MAX_COL = 16384;

export interface Sheets {
  /** the sheet the validation is on: A1 → value */
  own: (a1: string) => CellValue;
  /** other sheets by name, as planned grids from A1 */
  others: Record<string, CellValue[][]>;
}

/** One value: what a formula cell shows (a single-cell reference is read). */
export function evaluateValue(formula: string, sheets: Sheets): string | number | null {
  const p = new Parser(formula.replace(/^=/, ''), sheets);
  const v = p.expr();
  if (!p.done()) throw new FormulaError(`trailing text in ${formula}`);
  return p.value(v);
}

export function evaluateList(formula: string, sheets: Sheets): (string | number)[] {
  const p = new Parser(formula.replace(/^=/, ''), sheets);
  const v = p.expr();
  if (!p.done()) throw new FormulaError(`trailing text in ${formula}`);
  if (typeof v !== 'object' || v === null) throw new FormulaError(`not a range: ${formula}`);
  const out: (string | number)[] = [];
  for (let r = v.r1; r <= v.r2; r++) for (let c = v.c1; c <= v.c2; c++) {
    const x = p.cell(v.sheet, r, c);
    if (x !== null && x !== '') out.push(x as string | number);
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly sheets: Sheets,
  ) {}

  done(): boolean {
    return this.i >= this.s.length;
  }

  private peek(): string {
    return this.s[this.i] ?? '';
  }

  private eat(ch: string): void {
    if (this.s[this.i] !== ch) throw new FormulaError(`expected ${ch} at ${this.i} in ${this.s}`);
    this.i++;
  }

  cell(sheet: string | null, r: number, c: number): CellValue {
    if (sheet === null) return this.sheets.own(`${colLetters(c)}${r}`);
    const grid = this.sheets.others[sheet];
    if (!grid) throw new FormulaError(`no sheet ${sheet}`);
    return grid[r - 1]?.[c - 1] ?? null;
  }

  value(v: Value): string | number | null {
    return this.scalar(v);
  }

  private scalar(v: Value): string | number | null {
    if (v !== null && typeof v === 'object') {
      if (v.r1 !== v.r2 || v.c1 !== v.c2) throw new FormulaError('a range where one value is needed');
      const x = this.cell(v.sheet, v.r1, v.c1);
      return typeof x === 'boolean' ? String(x) : isPlanText(x) ? x.text : x;
    }
    return v;
  }

  expr(): Value {
    const left = this.concat();
    if (this.peek() === '=') {
      this.i++;
      const right = this.concat();
      return this.scalar(left) === this.scalar(right) || (this.scalar(left) ?? '') === (this.scalar(right) ?? '') ? 1 : 0;
    }
    return left;
  }

  private concat(): Value {
    let left = this.sum();
    while (this.peek() === '&') {
      this.i++;
      const right = this.sum();
      left = `${this.scalar(left) ?? ''}${this.scalar(right) ?? ''}`;
    }
    return left;
  }

  private sum(): Value {
    let left = this.primary();
    while (this.peek() === '+' || this.peek() === '-') {
      const op = this.s[this.i++];
      const a = Number(this.scalar(left) ?? 0);
      const b = Number(this.scalar(this.primary()) ?? 0);
      left = op === '+' ? a + b : a - b;
    }
    return left;
  }

  private primary(): Value {
    const rest = this.s.slice(this.i);
    let m: RegExpExecArray | null;
    if ((m = /^"((?:[^"]|"")*)"/.exec(rest))) {
      this.i += m[0].length;
      return m[1].replace(/""/g, '"');
    }
    if ((m = /^\d+(\.\d+)?(?![A-Z$:])/.exec(rest))) {
      this.i += m[0].length;
      return Number(m[0]);
    }
    if ((m = /^([A-Z]+)\(/.exec(rest))) {
      this.i += m[0].length;
      const args: Value[] = [];
      if (this.peek() !== ')') {
        args.push(this.expr());
        while (this.peek() === ',') {
          this.i++;
          args.push(this.expr());
        }
      }
      this.eat(')');
      return this.call(m[1], args);
    }
    return this.ref();
  }

  private ref(): Ref {
    const rest = this.s.slice(this.i);
    let sheet: string | null = null;
    let m = /^'((?:[^']|'')+)'!/.exec(rest) ?? /^([A-Za-z_][\w.]*)!/.exec(rest);
    if (m) {
      sheet = m[1].replace(/''/g, "'");
      this.i += m[0].length;
    }
    const r = this.s.slice(this.i);
    if ((m = /^\$?(\d+):\$?(\d+)/.exec(r))) {
      this.i += m[0].length;
      return { kind: 'ref', sheet, r1: Number(m[1]), c1: 1, r2: Number(m[2]), c2: MAX_COL };
    }
    if ((m = /^(\$?[A-Z]+\$?\d+)(?::(\$?[A-Z]+\$?\d+))?/.exec(r))) {
      this.i += m[0].length;
      const a = parseAddress(m[1]);
      const b = m[2] ? parseAddress(m[2]) : a;
      return { kind: 'ref', sheet, r1: a.row, c1: a.col, r2: b.row, c2: b.col };
    }
    throw new FormulaError(`cannot read ${r.slice(0, 20)} in ${this.s}`);
  }

  private call(name: string, args: Value[]): Value {
    const vector = (v: Value): { ref: Ref; n: number } => {
      if (v === null || typeof v !== 'object') throw new FormulaError(`${name} needs a range`);
      if (v.r1 !== v.r2 && v.c1 !== v.c2) throw new FormulaError(`${name} over a 2-D range`);
      return { ref: v, n: v.r1 === v.r2 ? v.c2 - v.c1 + 1 : v.r2 - v.r1 + 1 };
    };
    const at = (ref: Ref, k: number) => (ref.r1 === ref.r2 ? this.cell(ref.sheet, ref.r1, ref.c1 + k) : this.cell(ref.sheet, ref.r1 + k, ref.c1));
    switch (name) {
      case 'MATCH': {
        const wanted = this.scalar(args[0]);
        if (this.scalar(args[2]) !== 0) throw new FormulaError('only exact MATCH');
        const { ref, n } = vector(args[1]);
        for (let k = 0; k < n; k++) if (at(ref, k) === wanted) return k + 1;
        throw new FormulaError(`#N/A: ${String(wanted)} not found`);
      }
      case 'INDEX': {
        const { ref } = vector(args[0]);
        const k = Number(this.scalar(args[1]));
        return at(ref, k - 1) as string | number | null;
      }
      case 'IF':
        return this.scalar(args[0]) ? args[1] ?? null : args[2] ?? null;
      case 'CHAR':
        return String.fromCharCode(Number(this.scalar(args[0])));
      case 'OFFSET': {
        const base = args[0];
        if (base === null || typeof base !== 'object') throw new FormulaError('OFFSET needs a reference');
        const dr = Number(this.scalar(args[1]));
        const dc = Number(this.scalar(args[2]));
        const h = args[3] === undefined ? base.r2 - base.r1 + 1 : Number(this.scalar(args[3]));
        const w = args[4] === undefined ? base.c2 - base.c1 + 1 : Number(this.scalar(args[4]));
        if (h < 1 || w < 1) throw new FormulaError('#REF!: empty OFFSET');
        return { kind: 'ref', sheet: base.sheet, r1: base.r1 + dr, c1: base.c1 + dc, r2: base.r1 + dr + h - 1, c2: base.c1 + dc + w - 1 };
      }
      default:
        throw new FormulaError(`function ${name} is not modelled`);
    }
  }
}

function colLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
