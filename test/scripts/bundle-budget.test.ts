import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import webpack from 'webpack';
import { BundleBudgetPlugin } from '../../scripts/bundle-budget';

/** The build's size check: gzipped sizes printed, and the build failed when a file is over budget. */

function build(budgets: Record<string, number>): Promise<{ errors: string[]; log: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-'));
  // a file that compresses badly, so its gzipped size is near its raw size
  const text = Array.from({ length: 4000 }, (_, i) => ((i * 2654435761) % 4294967296).toString(36)).join('');
  fs.writeFileSync(path.join(dir, 'taskpane.js'), `console.log(${JSON.stringify(text)});\n`);
  const lines: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  return new Promise((resolve, reject) => {
    webpack(
      {
        mode: 'production',
        context: dir,
        entry: { taskpane: './taskpane.js' },
        output: { path: path.join(dir, 'dist'), filename: '[name].js' },
        plugins: [new BundleBudgetPlugin({ budgets })],
      },
      (err, stats) => {
        log.mockRestore();
        fs.rmSync(dir, { recursive: true, force: true });
        if (err || !stats) return reject(err);
        resolve({ errors: stats.toJson({ all: false, errors: true }).errors!.map((e) => e.message), log: lines.join('\n') });
      },
    );
  });
}

describe('bundle budget', () => {
  test('prints each file’s gzipped size and the first load; within budget the build passes', async () => {
    const { errors, log } = await build({});
    expect(errors).toEqual([]);
    expect(log).toMatch(/Bundle sizes \(gzipped\)/);
    expect(log).toMatch(/taskpane\.js\s+\d+\.\d KB {2}\(\d+\.\d KB raw, budget 200\.0 KB\)/);
    expect(log).toMatch(/first load of the pane\s+\d+\.\d KB {2}\(budget 300\.0 KB\)/);
  }, 60_000);

  test('a file over its budget fails the build, naming it', async () => {
    const { errors } = await build({ file: 1024 });
    expect(errors.some((m) => /bundle over budget: taskpane\.js: \d+\.\d KB > 1\.0 KB/.test(m))).toBe(true);
  }, 60_000);

  test('the first load over its budget fails the build', async () => {
    const { errors } = await build({ firstLoad: 1024 });
    expect(errors.some((m) => /bundle over budget: first load: \d+\.\d KB > 1\.0 KB/.test(m))).toBe(true);
  }, 60_000);
});
