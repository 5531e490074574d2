import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { captureCli } from './capture';
import { parseCommandLine } from '../../src/cli/args';
import { cut, plain, safeJson, safeMessage } from '../../src/cli/terminal';

/** The command line's conventions (issue 14.5), safe terminal output (12.4), nothing overwritten (12.5). */

const dirs: string[] = [];
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-tables-conv-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const { run, errors } = captureCli();

describe('options', () => {
  it('reads --key=value and --key value alike, and -- ends the options', () => {
    expect(parseCommandLine(['template', '--level=unit', '--org', 'A=B', '--year=2026', '--out=x.xlsx', '--force'])).toEqual({
      command: 'template',
      flags: { level: 'unit', org: 'A=B', year: '2026', out: 'x.xlsx', force: 'true' },
      files: [],
      help: false,
    });
    expect(parseCommandLine(['check', '--format=json', 'a.xlsx', '--', '--odd-name.xlsx']).files).toEqual(['a.xlsx', '--odd-name.xlsx']);
  });

  it.each([
    [['check', 'a.xlsx', '--formt', 'json'], '--formt', '--format'],
    [['check', 'a.xlsx', '--jbos=2'], '--jbos', '--jobs'],
    [['template', '--levle', 'unit'], '--levle', '--level'],
    [['template', '--colour', 'red'], '--colour', '--level'],
    [['forms', '--out', 'd', 'stray'], 'stray', '--out'],
    [['template', '--force=yes'], '--force', '开关'],
    [['template', '--out', 'a.xlsx', '--out', 'b.xlsx'], '--out', '两次'],
    [['sample', '-x'], '-x', 'sample'],
    [['--level', 'unit'], '--level', '命令'],
  ])('refuses %j with exit 2, naming it', async (argv, named, hint) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(errors()).toHaveLength(1);
    expect(r.err).toContain(named);
    expect(r.err).toContain(hint);
  });

  it('gives usage with exit 2 when called with nothing', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('用法');
    expect(r.err).toContain('budget-tables check');
  });

  it('has help per command, by COMMAND --help and by help COMMAND', async () => {
    for (const argv of [['check', '--help'], ['check', 'x.xlsx', '-h'], ['help', 'check']]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      expect(r.out).toContain('--jobs');
      expect(r.out).not.toContain('budget-tables template');
    }
    expect((await run(['template', '--help'])).out).toContain('--subtotals standard|rollup');
    expect((await run(['help', 'nothing'])).code).toBe(2);
  });

  it.each(['1999', '2101', '0999', '20266', 'abcd'])('refuses the year %s', async (year) => {
    const r = await run(['template', '--level', 'unit', '--org', 'X', '--year', year, '--out', path.join(tmp(), 'a.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('2000–2100');
  });

  it('checks --jobs', async () => {
    expect((await run(['check', 'a.xlsx', '--jobs', '0'])).code).toBe(2);
    expect((await run(['check', 'a.xlsx', '--jobs', 'many'])).err).toContain('--jobs');
  });
});

/** Any control character but the line feed between lines. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('check output', () => {
  let dir: string;
  let hostile: string;
  const evil = `\u001b[2J\u001b[H可以报送\u0007\u009b31m${'长'.repeat(300)}`;
  beforeAll(async () => {
    dir = tmp();
    await main(['sample', '--out', dir], () => undefined);
    // A self-evaluation whose 三级 indicator text carries escape sequences and is 300+ characters long:
    // the check echoes it in a finding.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, '2026-shanghai-social-security-card-unit-performance-targets.xlsx'));
    const ws = wb.worksheets.find((w) => w.name.includes('申领、补换卡网点运行费'))!;
    let found = false;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.value === '维护工作完成数') {
          c.value = evil;
          found = true;
        }
      }),
    );
    expect(found).toBe(true);
    hostile = path.join(dir, 'hostile.xlsx');
    await wb.xlsx.writeFile(hostile);
  });

  it('echoes no control character and cuts a cell text at 200 characters', async () => {
    const r = await run(['check', hostile]);
    expect(r.code).toBe(1);
    const line = r.out.split('\n').find((l) => l.includes('长长'))!;
    expect(line).toBeDefined();
    expect(r.out).not.toMatch(RAW_CONTROL);
    expect(line).toContain(`“${cut(plain(evil))}”`);
    expect(cut(plain(evil))).toBe(`[2J[H可以报送31m${'长'.repeat(200 - 12)}…`);
  });

  it('keeps the whole text in JSON, escaped', async () => {
    const r = await run(['check', hostile, '--format', 'json']);
    expect(r.out).not.toMatch(RAW_CONTROL);
    const report = JSON.parse(r.out);
    // the whole cell text as the reader gives it (XML itself cannot carry ESC or BEL; C1 it can)
    expect(report.findings.some((f: { message: string }) => f.message.includes(`可以报送\u009b31m${'长'.repeat(300)}”`))).toBe(true);
    expect(r.out).toContain('可以报送\\u009b31m');
  });

  it('prints JSON Lines over several files, in input order', async () => {
    const files = ['2021-shanghai-social-security-card-unit.xlsx', 'hostile.xlsx', '2018-shanghai-police-department.xlsx'].map((f) => path.join(dir, f));
    const r = await run(['check', '--format=json', ...files]);
    const lines = r.out.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => JSON.parse(l).file)).toEqual(files);
    expect(lines.map((l) => JSON.parse(l).ready)).toEqual([true, false, true]);
  });

  it('--quiet prints only the summary line', async () => {
    const r = await run(['check', '--quiet', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('共 7 个文件：可以报送 3 个，不能报送 4 个，无法读取 0 个');
    expect(r.err).toBe('');
    const one = await run(['check', path.join(dir, '2021-shanghai-social-security-card-unit.xlsx'), '--quiet']);
    expect(one.out.split('\n')).toHaveLength(1);
    expect(one.out).toContain('可以报送');
  });
});

describe('terminal text', () => {
  it('removes C0, DEL, C1 and bidi controls, turns line breaks into spaces', () => {
    expect(plain('a\u001b[31mb\u0000c\u007fd\u0085e\u202ef\u2067g\nh\ti')).toBe('a[31mbcdefg h i');
  });
  it('cuts by characters, not UTF-16 units', () => {
    expect(cut('😀'.repeat(201))).toBe(`${'😀'.repeat(200)}…`);
    expect(cut('x'.repeat(200))).toBe('x'.repeat(200));
  });
  it('cuts each quoted text of a message, and the message as a whole', () => {
    expect(safeMessage(`指标“${'a'.repeat(250)}”与“b”`)).toBe(`指标“${'a'.repeat(200)}…”与“b”`);
    expect(Array.from(safeMessage('x'.repeat(5000))).length).toBe(801);
  });
  it('escapes in JSON what JSON.stringify leaves raw', () => {
    expect(safeJson({ t: '\u009b\u202e\u2028' })).toBe('{"t":"\\u009b\\u202e\\u2028"}');
    expect(JSON.parse(safeJson({ t: '\u009b\u202e\u2028\u001b' })).t).toBe('\u009b\u202e\u2028\u001b');
  });
});

describe('nothing overwritten without being asked', () => {
  it('template refuses an existing file unless --force', async () => {
    const out = path.join(tmp(), 'mine.xlsx');
    fs.writeFileSync(out, 'a clerk’s own file');
    const argv = ['template', '--level', 'unit', '--org', 'X', '--year', '2026', '--out', out];
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(errors()).toHaveLength(1);
    expect(r.err).toContain('--force');
    expect(fs.readFileSync(out, 'utf8')).toBe('a clerk’s own file');
    expect((await run([...argv, '--force'])).code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('sample and forms refuse existing files unless --force, and leave them as they were', async () => {
    const d = tmp();
    fs.writeFileSync(path.join(d, '2021-shanghai-social-security-card-unit.xlsx'), 'keep');
    expect((await run(['sample', '--out', d])).code).toBe(2);
    expect(fs.readdirSync(d)).toEqual(['2021-shanghai-social-security-card-unit.xlsx']);
    fs.writeFileSync(path.join(d, 'performance-forms.xlsx'), 'keep');
    expect((await run(['forms', '--out', d])).code).toBe(2);
    expect(fs.readFileSync(path.join(d, 'performance-forms.xlsx'), 'utf8')).toBe('keep');
    expect((await run(['forms', '--out', d, '--force'])).code).toBe(0);
  });

  it('forms --from never overwrites its input, even with --force', async () => {
    const d = tmp();
    await main(['sample', '--out', d], () => undefined);
    const from = path.join(d, '上海市社会保障卡服务中心-绩效表.xlsx');
    fs.renameSync(path.join(d, '2021-shanghai-social-security-card-unit.xlsx'), from);
    const before = fs.readFileSync(from);
    const r = await run(['forms', '--from', from, '--out', d, '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('输入文件');
    expect(fs.readFileSync(from).equals(before)).toBe(true);
    const other = tmp();
    expect((await run(['forms', '--from', from, '--out', other])).code).toBe(0);
    expect((await run(['forms', '--from', from, '--out', other])).code).toBe(2);
    expect((await run(['forms', '--from', from, '--out', other, '--force'])).code).toBe(0);
  });
});
