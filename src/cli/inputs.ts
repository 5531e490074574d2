import * as fs from 'fs';
import * as path from 'path';

/**
 * What `check` and `consolidate` are given, without the engine: the pool of worker threads
 * lists and reports files with this alone, and only the workers load the reader and the rules.
 */

/** A file that cannot be read as a workbook; the message is one line naming it and why. */
export class UnreadableFile extends Error {}

export function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    if (fs.existsSync(input) && fs.statSync(input).isDirectory()) {
      for (const name of fs.readdirSync(input).sort()) if (/\.xlsx$/i.test(name) && !name.startsWith('~$')) out.push(path.join(input, name));
    } else out.push(input);
  }
  return out;
}
