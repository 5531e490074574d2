import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { captureCli } from './capture';
import { specsForLevel } from '../../src/core/plan/workbook';
import { specIdNames } from '../../src/core/specs/id-names';
import { TIERS } from '../../src/core/tier';
import { TABLE_IDS, TIER_CHOICES } from '../../src/cli/table-ids';

/** Issue 15.2–15.3 on the command line: --tier, every --tables id in the help, cover and contents by default. */

const dirs: string[] = [];
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-tables-pack-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const { run, errors } = captureCli();
const template = (out: string, ...more: string[]) => run(['template', '--level', 'department', '--org', '上海市普陀区XX局', '--year', '2026', '--out', out, ...more]);

async function cellsOf(file: string, sheet: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && out.push(c.value))));
  return out.join('\n');
}

describe('template --tier', () => {
  it.each([
    ['市级', '本市'],
    ['区级', '本区'],
    ['县级', '本县'],
  ])('%s: the cover, the glossary and the notes say it', async (tier, local) => {
    const out = path.join(tmp(), 't.xlsx');
    const r = await template(out, '--tier', tier);
    expect(r.code).toBe(0);
    expect(await cellsOf(out, '封面')).toContain(`2026年${tier}部门预算`);
    expect(await cellsOf(out, '名词解释')).toContain(`是与${tier}财政有经费领拨关系的部门`);
    expect(await cellsOf(out, '其他相关情况说明')).toContain(`按照${local}预算绩效管理工作的总体要求`);
  });

  it('is 市级 when not given', async () => {
    const out = path.join(tmp(), 't.xlsx');
    expect((await template(out)).code).toBe(0);
    expect(await cellsOf(out, '名词解释')).toContain('是市级预算主管部门');
  });

  it.each(['省级', '区', 'district', ''])('refuses --tier %j with exit 2, naming the accepted values', async (tier) => {
    for (const argv of [
      ['template', '--level', 'unit', '--org', 'X', '--year', '2026', '--out', path.join(tmp(), 'x.xlsx'), '--tier', tier],
      ['draft', 'x.xlsx', '--tier', tier],
      ['consolidate', 'x.xlsx', '--department', 'X', '--year', '2026', '--out', path.join(tmp(), 'd.xlsx'), '--tier', tier],
    ]) {
      const r = await run(argv);
      expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
      expect(r.err).toContain('--tier 应为 市级、区级、县级');
    }
  });
});

describe('template --tables', () => {
  it('the help’s copy of the ids and tiers is the specs’ (the help loads no core)', () => {
    expect(TABLE_IDS).toEqual(specIdNames());
    expect(TIER_CHOICES).toEqual(TIERS);
  });

  it('makes the cover and contents by default, as the district pack opens', async () => {
    const out = path.join(tmp(), 'all.xlsx');
    expect((await template(out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.slice(0, 3).map((w) => w.name)).toEqual(['封面', '目录', '部门主要职能']);
    expect(await cellsOf(out, '目录')).toContain('1. 2026年部门财务收支预算总表');
  });

  it('inserts the project statement under the pane’s id `project`', async () => {
    const out = path.join(tmp(), 'p.xlsx');
    expect((await template(out, '--tables', 'contents,T1,project')).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['目录', '部门收支总表', '项目经费情况说明-XX']);
    expect(await cellsOf(out, '目录')).toContain('XX项目经费情况说明');
  });

  it('refuses an unknown id, naming it and every accepted id', async () => {
    const r = await template(path.join(tmp(), 'x.xlsx'), '--tables', 'T1,T99,封面');
    expect(r.code).toBe(2);
    expect(errors()).toHaveLength(1);
    expect(r.err).toContain('T99、封面');
    for (const id of [...specsForLevel('department').map((s) => s.id), 'project']) expect(r.err).toContain(id);
  });

  it('refuses a list without an id', async () => {
    const r = await template(path.join(tmp(), 'x.xlsx'), '--tables', ' , ');
    expect(r.code).toBe(2);
    expect(r.err).toContain('没有列出任何表');
  });

  it('refuses the misspelt --tabels, pointing to --tables', async () => {
    const r = await template(path.join(tmp(), 'x.xlsx'), '--tabels', 'T1');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--tabels');
    expect(r.err).toContain('--tables');
  });

  it('help and template --help list every id --tables accepts, with its Chinese name', async () => {
    for (const argv of [['help'], ['template', '--help'], ['help', 'template']]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      const ids = new Map(
        r.out
          .split('\n')
          .map((l) => /^\s+([A-Za-z0-9]+)\s+(\S.*)$/.exec(l))
          .filter((m): m is RegExpExecArray => m !== null && /[\u4e00-\u9fff]/.test(m[2]))
          .map((m) => [m[1], m[2]]),
      );
      for (const level of ['unit', 'department'] as const) for (const s of specsForLevel(level)) expect(ids.has(s.id)).toBe(true);
      expect(ids.get('cover')).toBe('封面');
      expect(ids.get('contents')).toBe('目录');
      expect(ids.get('T1')).toBe('财务收支预算总表');
      expect(ids.get('project')).toMatch(/^项目经费情况说明/);
      expect(ids.get('U2')).toMatch(/仅单位/);
      expect(r.out).toContain('--tier 市级|区级|县级');
    }
  });
});

describe('draft --tier', () => {
  it('follows the workbook’s own 名词解释, or --tier', async () => {
    const dir = tmp();
    const book = path.join(dir, 'district.xlsx');
    expect((await run(['template', '--level', 'unit', '--org', '上海市普陀区XX中心', '--year', '2026', '--tier', '区级', '--out', book])).code).toBe(0);
    const told = await run(['draft', book]);
    expect(told.code).toBe(0);
    expect(told.out).toContain('按照本区预算绩效管理工作的总体要求');
    const given = await run(['draft', book, '--tier', '县级']);
    expect(given.out).toContain('按照本县预算绩效管理工作的总体要求');
    // The blank outline of the district template is recognised as blank and replaced by the draft.
    const out = path.join(dir, 'drafted.xlsx');
    const written = await run(['draft', book, '--out', out]);
    expect(written.code).toBe(0);
    expect(written.out).toContain('原为空白提纲，已写入草稿');
  });
});
