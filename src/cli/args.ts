/**
 * The command line's grammar, and nothing heavier: `main` parses with this before it loads
 * the module of the one command asked for.
 */

/** Budget years the commands accept: a year outside is a typo, not a budget. */
export const YEARS = { min: 2000, max: 2100 };

/** A wrong call: one line on stderr, exit 2. */
export class UsageError extends Error {}

interface OptionSpec {
  /** takes a value (`--out DIR`, `--out=DIR`), or is a switch (`--force`) */
  value: boolean;
}

export const COMMANDS: Record<string, { options: Record<string, OptionSpec>; files?: boolean }> = {
  sample: { options: { out: { value: true }, subtotals: { value: true }, force: { value: false } } },
  template: {
    options: {
      level: { value: true },
      org: { value: true },
      year: { value: true },
      out: { value: true },
      tables: { value: true },
      subtotals: { value: true },
      tier: { value: true },
      force: { value: false },
    },
  },
  forms: {
    options: {
      out: { value: true },
      from: { value: true },
      projects: { value: true },
      'self-evaluation': { value: false },
      statement: { value: false },
      summary: { value: false },
      department: { value: true },
      subtotals: { value: true },
      force: { value: false },
    },
  },
  check: { options: { format: { value: true }, jobs: { value: true }, quiet: { value: false }, units: { value: true } }, files: true },
  consolidate: {
    options: { department: { value: true }, year: { value: true }, out: { value: true }, tier: { value: true }, 'allow-errors': { value: false }, force: { value: false }, jobs: { value: true } },
    files: true,
  },
  draft: { options: { format: { value: true }, out: { value: true }, tier: { value: true }, force: { value: false }, previous: { value: true }, threshold: { value: true } }, files: true },
  compare: { options: { format: { value: true }, out: { value: true }, force: { value: false }, previous: { value: true }, threshold: { value: true } }, files: true },
  help: { options: {} },
};

export interface CommandLine {
  command: string;
  /** option → value; a switch given is 'true' */
  flags: Record<string, string>;
  /** positional arguments (files and folders of `check`, the command named by `help`) */
  files: string[];
  /** `--help` / `-h` was given: show the command's help instead of running it */
  help: boolean;
}

/** Edit distance, to name the option a misspelt one was probably meant to be. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

function unknownOption(command: string, given: string): UsageError {
  const known = Object.keys(COMMANDS[command].options);
  const near = known.filter((k) => distance(k, given.replace(/^-+/, '')) <= 2 || k.startsWith(given.replace(/^-+/, '')));
  const hint = near.length ? `，是否想用 ${near.map((k) => `--${k}`).join(' 或 ')}？` : '';
  const list = known.length ? `（${command} 可用：${known.map((k) => `--${k}`).join('、')}、--help）` : '';
  return new UsageError(`${command} 不认识参数 ${given}${hint}${hint ? '' : list}`);
}

/**
 * `COMMAND [--key value | --key=value | --switch | FILE]… [-- FILE…]`. An unknown or misspelt
 * option, a repeated one, a missing value or a stray argument is a UsageError naming it.
 */
export function parseCommandLine(argv: string[]): CommandLine {
  const [first, ...rest] = argv;
  const command = first === '--help' || first === '-h' ? 'help' : first;
  if (!COMMANDS[command]) {
    if (command.startsWith('-')) throw new UsageError(`应先写命令（sample、template、forms、check、consolidate、draft、compare 或 help），再写参数；收到“${command}”`);
    throw new UsageError(`不认识的命令“${command}”（可用：${Object.keys(COMMANDS).join('、')}）`);
  }
  const spec = COMMANDS[command];
  const flags: Record<string, string> = {};
  const files: string[] = [];
  let help = false;
  let optionsEnded = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (optionsEnded || !a.startsWith('-') || a === '-') {
      if (spec.files || (command === 'help' && files.length === 0)) files.push(a);
      else throw new UsageError(`${command} 不接受参数“${a}”（参数以 -- 开头，如 --out；取值含空格时请加引号）`);
      continue;
    }
    if (a === '--') {
      optionsEnded = true;
      continue;
    }
    if (a === '--help' || a === '-h') {
      help = true;
      continue;
    }
    if (!a.startsWith('--')) throw unknownOption(command, a);
    const eq = a.indexOf('=');
    const key = eq < 0 ? a.slice(2) : a.slice(2, eq);
    const option = spec.options[key];
    if (!option) throw unknownOption(command, `--${key}`);
    if (flags[key] !== undefined) throw new UsageError(`参数 --${key} 给了两次`);
    if (!option.value) {
      if (eq >= 0) throw new UsageError(`参数 --${key} 是开关，不带取值（收到“${a}”）`);
      flags[key] = 'true';
      continue;
    }
    if (eq >= 0) {
      flags[key] = a.slice(eq + 1);
      continue;
    }
    const value = rest[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`参数 --${key} 缺少取值`);
    flags[key] = value;
    i++;
  }
  return { command, flags, files, help };
}
