import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from './args';

/** Are `a` and `b` the same file (by inode when both exist, so links and case do not fool it)? */
export function sameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

/**
 * Nothing is overwritten without being asked: an existing `out` is refused unless `force`,
 * and an `out` that is one of the command's inputs is refused even with `force` (a clerk's
 * budget is not replaced by the forms made from it).
 */
export function guardOutput(out: string, force: boolean, inputs: string[] = []): void {
  const input = inputs.find((i) => sameFile(i, out));
  if (input !== undefined) throw new UsageError(`输出文件 ${out} 就是输入文件 ${input}，不能覆盖；请换一个 --out`);
  if (!force && fs.existsSync(out)) throw new UsageError(`${out} 已存在，未覆盖；要覆盖请加 --force，或换一个 --out`);
}
