import { COMMANDS, parseCommandLine, UsageError } from './args';
import { plain } from './terminal';
import { commandUsage, USAGE } from './usage';

/**
 * `budget-tables` on the command line. Every failure is one line saying what is wrong and
 * what to do, never a stack trace. Only the grammar is loaded up front: each command's module
 * (ExcelJS, the catalogs, the rules) is imported when that command runs, so `help` and a
 * wrong call answer in Node's own start-up time.
 */
export { UsageError };

async function run(argv: string[], log: (s: string) => void): Promise<number> {
  if (argv.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const { command, flags, files, help } = parseCommandLine(argv);
  if (command === 'help') {
    const topic = files[0];
    if (topic !== undefined && (!COMMANDS[topic] || topic === 'help')) throw new UsageError(`没有命令“${topic}”；可用：sample、template、forms、check、consolidate、draft、compare`);
    log(topic ? commandUsage(topic) : USAGE);
    return 0;
  }
  if (help) {
    log(commandUsage(command));
    return 0;
  }
  const force = flags.force === 'true';
  switch (command) {
    case 'sample': {
      const subtotals = flags.subtotals ?? 'values';
      if (subtotals !== 'values' && subtotals !== 'formulas') throw new UsageError('--subtotals 应为 values（公布数）或 formulas（BUDGET.ROLLUP 公式）');
      const { runSample } = await import('./write');
      await runSample(flags.out ?? 'sample-output', log, subtotals, force);
      return 0;
    }
    case 'template': {
      const { runTemplate } = await import('./write');
      await runTemplate(flags, log);
      return 0;
    }
    case 'forms': {
      const { FormsInputError, runBudgetForms, runForms } = await import('./forms');
      const formulas = flags.subtotals ?? 'standard';
      if (formulas !== 'standard' && formulas !== 'rollup') throw new UsageError('--subtotals 应为 standard（标准函数，任何电子表格都能计算）或 rollup（BUDGET.* 函数，需加载项）');
      if (flags.from === undefined) {
        for (const f of ['projects', 'self-evaluation', 'statement', 'summary', 'department']) {
          if (flags[f] !== undefined) throw new UsageError(`--${f} 需要与 --from 预算工作簿一起使用`);
        }
        await runForms(flags.out ?? 'sample-output', log, force, formulas);
        return 0;
      }
      if (!flags.out) throw new UsageError('--out 缺少输出文件夹，如 --out 绩效表');
      try {
        await runBudgetForms(
          {
            from: flags.from,
            outDir: flags.out,
            projects: flags.projects,
            selfEvaluation: flags['self-evaluation'] === 'true',
            statement: flags.statement === 'true',
            summary: flags.summary === 'true',
            department: flags.department,
            force,
            formulas,
          },
          log,
        );
      } catch (e) {
        if (e instanceof FormsInputError) throw new UsageError(e.message);
        throw e;
      }
      return 0;
    }
    case 'check': {
      const format = flags.format ?? 'text';
      if (format !== 'text' && format !== 'json') throw new UsageError('--format 应为 text 或 json');
      const { parseJobs, runCheck } = await import('./run-check');
      return await runCheck(files, { format, jobs: parseJobs(flags.jobs), jobsGiven: flags.jobs !== undefined, quiet: flags.quiet === 'true', units: flags.units }, log);
    }
    case 'consolidate': {
      const { consolidateCommand } = await import('./consolidate');
      return await consolidateCommand(flags, files, log);
    }
    case 'draft': {
      const { draftCommand } = await import('./draft');
      return await draftCommand(flags, files, log);
    }
    case 'compare': {
      const { compareCommand } = await import('./compare');
      return await compareCommand(flags, files, log);
    }
    default:
      throw new UsageError(`不认识的命令“${command}”`);
  }
}

export async function main(argv: string[], log: (s: string) => void = console.log): Promise<number> {
  try {
    return await run(argv, log);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`错误：${plain(e.message)}`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && err.code && err.path) {
      console.error(`错误：无法写入 ${plain(err.path)}（${err.code}）`);
      return 2;
    }
    console.error(`错误：${plain(String((e as Error).message ?? e))}`);
    return 1;
  }
}
