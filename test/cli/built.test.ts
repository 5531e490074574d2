import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';

/**
 * The CLI as installed (issue 14.1, 14.3): bin/budget-tables.js runs the JavaScript that
 * `npm run build:cli` (the `prepare` script) emits, loads nothing heavy for `help`, and
 * `check` over several files on worker threads prints what one thread prints, in order.
 */
jest.setTimeout(240_000);

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'budget-tables.js');
const dirs: string[] = [];

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'tsconfig.cli.json')], { cwd: ROOT, stdio: 'pipe' });
});
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });

describe('the built command line', () => {
  it('never uses ts-node', () => {
    expect(fs.readFileSync(BIN, 'utf8')).not.toMatch(/ts-node/);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    // what `prepare` runs at `npm ci --omit=dev` must be installed without the dev dependencies
    expect(pkg.scripts.prepare).toBe('npm run build:cli');
    expect(pkg.scripts['build:cli']).toMatch(/^tsc -p tsconfig\.cli\.json$/);
    expect(pkg.dependencies.typescript).toBeDefined();
  });

  it('answers help and a wrong call without loading ExcelJS, decimal.js or the rules', () => {
    const probe = `
      const { main } = require(${JSON.stringify(path.join(ROOT, 'dist-node', 'src', 'cli', 'main.js'))});
      console.log = () => {}; console.error = () => {};
      main(process.argv.slice(1)).then((code) => {
        const loaded = Object.keys(require.cache).filter((f) => /node_modules|src[\\\\/](core|xlsx)/.test(f));
        process.stdout.write(JSON.stringify({ code, loaded }));
      });`;
    for (const [args, code] of [[['help'], 0], [['check', '--help'], 0], [['check', '--formt=json'], 2], [[], 2]] as const) {
      const r = spawnSync(process.execPath, ['-e', probe, ...args], { encoding: 'utf8' });
      expect(JSON.parse(r.stdout)).toEqual({ code, loaded: [] });
    }
  });

  it('checks a workbook without loading the writer, the plans of sheets or consolidation', () => {
    const probe = `
      const { main } = require(${JSON.stringify(path.join(ROOT, 'dist-node', 'src', 'cli', 'main.js'))});
      console.log = () => {}; console.error = () => {};
      main(process.argv.slice(1)).then((code) => {
        const loaded = Object.keys(require.cache).map((f) => f.replace(/\\\\/g, '/'));
        process.stdout.write(JSON.stringify({ code, loaded }));
      });`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-loads-'));
    dirs.push(dir);
    expect(cli(['sample', '--out', dir]).status).toBe(0);
    const file = path.join(dir, fs.readdirSync(dir).find((f) => /2021-.*-unit\.xlsx$/.test(f))!);
    const r = spawnSync(process.execPath, ['-e', probe, 'check', file], { encoding: 'utf8' });
    const { code, loaded } = JSON.parse(r.stdout) as { code: number; loaded: string[] };
    expect(code).toBe(0);
    // what check needs is loaded: the reader, the model, the rules
    expect(loaded.some((f) => f.endsWith('/core/rules/validate.js'))).toBe(true);
    // and nothing that only writes or consolidates
    const heavy = loaded.filter((f) => /node_modules\/exceljs\/|\/core\/plan\/(builder|build|workbook|forms|prefill|comparison|unit-breakdown|long-form|summary)\.js$|\/core\/consolidate\/(consolidate|sum|targets|plans)\.js$/.test(f));
    expect(heavy).toEqual([]);
  });

  it('exits 2 with usage when called with nothing', () => {
    const r = cli([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('budget-tables check');
  });

  it('checks a folder on worker threads, in input order, as one thread does', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-tables-built-'));
    dirs.push(dir);
    expect(await main(['sample', '--out', dir], () => undefined)).toBe(0);
    fs.writeFileSync(path.join(dir, 'broken.xlsx'), 'not a zip');
    const one = cli(['check', dir, '--jobs', '1']);
    const three = cli(['check', '--jobs=3', dir]);
    expect(one.status).toBe(2);
    expect(three.status).toBe(2);
    expect(three.stdout).toBe(one.stdout);
    expect(three.stderr).toBe(one.stderr);
    expect(three.stdout.trim().split('\n')).toHaveLength(7);
    expect(three.stderr).toContain('broken.xlsx');
    const json = cli(['check', dir, '--format', 'json']).stdout.trim().split('\n');
    expect(json.map((l) => path.basename(JSON.parse(l).file))).toEqual(fs.readdirSync(dir).sort());
  });
});
