import * as path from 'path';
import { codeLevel, codeParent, diff, isProblem, rollup, wan } from '../../src/functions/logic';

const CODES = [['204', '', ''], ['204', '02', ''], ['204', '02', '01'], ['204', '02', '02'], ['208', '', ''], ['208', '05', '05']];
const AMOUNTS = [[999], [888], [549.3], ['173.90'], [null], ['３３５.５']];

describe('BUDGET.ROLLUP as Excel calls it', () => {
  it('totals a code, skipping the subtotal rows inside the range', () => {
    expect(rollup(CODES, AMOUNTS, [['204']])).toBe(723.2);
    expect(rollup(CODES, AMOUNTS, [['204', '02', '']])).toBe(723.2);
    expect(rollup(CODES, AMOUNTS, '208')).toBe(335.5);
    expect(rollup(CODES, AMOUNTS, '合计')).toBe(1058.7);
  });

  it('never shows a binary floating-point tail', () => {
    expect(549.3 + 173.9 + 335.5).not.toBe(1058.7);
    const codes = [['2080505'], ['2080506'], ['2080599']];
    expect(rollup(codes, [[549.3], [173.9], [335.5]], '208')).toBe(1058.7);
    expect(rollup([['2040201'], ['2040202']], [[0.1], [0.2]], '204')).toBe(0.3);
  });

  it('spills every 类 and 款 with name and total, then 合计, without a code', () => {
    expect(rollup(CODES, AMOUNTS)).toEqual([
      ['204', '公共安全支出', 723.2],
      ['20402', '公安', 723.2],
      ['208', '社会保障和就业支出', 335.5],
      ['20805', '行政事业单位养老支出', 335.5],
      ['合计', '', 1058.7],
    ]);
  });

  it.each([
    [[['2040201'], ['2040202']], [[1]], '2040201', '行数应相同'],
    [[['2040201'], ['20402011']], [[1], [2]], '204', '第 2 行'],
    [[['2040201'], ['2040202']], [[1], ['一百']], '204', '第 2 行的金额“一百”不是数字'],
    [[['2040201']], [[1]], 'x1', '要汇总的科目'],
  ])('refuses bad input with a message (%#)', (codes, amounts, code, words) => {
    const r = rollup(codes, amounts, code);
    expect(isProblem(r) && r.problem === 'invalid' && r.message).toContain(words);
  });
});

describe('companions', () => {
  it('LEVEL and PARENT', () => {
    expect(codeLevel('2040201')).toBe('项');
    expect(codeLevel([['204', '02', '']])).toBe('款');
    expect(codeParent('204-02-01')).toBe('20402');
    expect(codeParent('20402')).toBe('204');
    const top = codeParent('204');
    expect(isProblem(top) && top.problem).toBe('notFound');
    const bad = codeLevel('12');
    expect(isProblem(bad) && bad.problem).toBe('invalid');
  });

  it('WAN converts exactly, half up', () => {
    expect(wan(47061988)).toBe(4706.2);
    expect(wan('12,345')).toBe(1.23);
    expect(wan(12350)).toBe(1.24);
    expect(wan(12350, 0)).toBe(1);
    expect(wan(null)).toBe(0);
    const bad = wan('abc');
    expect(isProblem(bad) && bad.message).toContain('不是数字');
    const digits = wan(1, 9);
    expect(isProblem(digits) && digits.message).toContain('0 到 6');
  });

  it('DIFF is exact', () => {
    expect(diff(1058.7, 549.3 + 173.9 + 335.5)).toBe(0);
    expect(diff('44,119,958', 44119959)).toBe(1);
    expect(diff(0.3, 0.1)).toBe(-0.2);
  });
});

describe('generated functions.json', () => {
  it('declares every BUDGET function with parameters and English help (Chinese: test/functions/metadata-zh.test.ts)', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');
    const result = await generateCustomFunctionsMetadata(path.join(__dirname, '..', '..', 'src', 'functions', 'functions.ts'), true);
    expect(result.errors).toEqual([]);
    const meta = JSON.parse(result.metadataJson) as { functions: { id: string; description: string; parameters: { name: string; optional?: boolean; dimensionality?: string }[]; result: { dimensionality?: string } }[] };
    expect(meta.functions.map((f) => f.id).sort()).toEqual(['DIFF', 'EXECRATE', 'GRADE', 'LEVEL', 'NAME', 'PARENT', 'ROLLUP', 'SCORE', 'TARGETCHECK', 'WAN']);
    const byId = Object.fromEntries(meta.functions.map((f) => [f.id, f]));
    expect(byId.ROLLUP.parameters.map((p) => [p.name, !!p.optional, p.dimensionality])).toEqual([
      ['codes', false, 'matrix'],
      ['amounts', false, 'matrix'],
      ['code', true, 'matrix'],
    ]);
    expect(byId.ROLLUP.result.dimensionality).toBe('matrix');
    expect(byId.WAN.parameters.map((p) => p.name)).toEqual(['yuan', 'digits']);
    for (const f of meta.functions) expect(f.description).toMatch(/^[A-Z][A-Za-z]{2,} /);
  });
});

describe('self-evaluation functions', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { execRate, score, gradeOf } = require('../../src/functions/logic') as typeof import('../../src/functions/logic');
  it('EXECRATE, SCORE and GRADE as the 2021 forms score', () => {
    expect(execRate(1480000, 1454341.54)).toBe(0.9827);
    expect(score('=100%', '89.5%', 20)).toBe(17.9);
    expect(score('=100%', '96.78%', 20)).toBe(19.4);
    expect(score('≤18.00(万元)', '20', 10)).toBe(9);
    expect(score('健全', '基本健全', 5)).toBe(2.5);
    expect(score('=0次', 0, 10)).toBe(10);
    expect(gradeOf(97.33)).toBe('优');
    const bad = execRate(0, 1);
    expect(isProblem(bad) && bad.message).toContain('预算数为 0');
  });
});

describe('BUDGET.TARGETCHECK beside a target as it is typed', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { targetCheck } = require('../../src/functions/logic') as typeof import('../../src/functions/logic');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const targets = require('../../seeds/performance/2026-targets.json') as { projectName: string; indicators: { level1: string; level3: string; target: string | null }[] }[];

  it('is silent on every seed target that reads, and speaks on exactly the three the validator reports', () => {
    const said = targets.flatMap((f) =>
      f.indicators.map((i) => [f.projectName, i.level3, targetCheck([[i.target]], [[i.level3]], [[i.level1]])] as const).filter(([, , s]) => s !== ''),
    );
    // two targets left blank, and the 市民满意度 target of =0.00(%) (test/core/performance/rules.test.ts says why)
    expect(said.map(([p, , s]) => `${p} ${s.slice(0, 3)}`)).toEqual(['申领、补换卡网点运行费 错误：', '信息化运维项目 错误：', '交换平台运行费 提示：']);
    expect(said[2][2]).toContain('满意度目标为0%不合常理');
  });

  it('says what does not parse, and is blank on an unused row', () => {
    expect(targetCheck('≥90.00(%)', '培训覆盖率')).toBe('');
    expect(targetCheck('健全', '制度健全性')).toBe('');
    expect(targetCheck('90', '培训覆盖率')).toBe('错误：三级指标“培训覆盖率”的指标值“90”缺少比较符和单位，应写成如“≥90.00(%)”或“=1.00(辆)”');
    expect(targetCheck('≥约九成', '培训覆盖率')).toContain('有比较符但后面不是数字');
    expect(targetCheck('=95%', '验收合格率')).toMatch(/^提示：.*通常应为“≥”/);
    expect(targetCheck('≥10(万元)', '单位成本', '成本指标')).toBe('');
    expect(targetCheck('≥10(次)', '单位成本', '成本指标')).toMatch(/单位应为元或万元/);
    expect(targetCheck(null, null)).toBe('');
    expect(targetCheck('', '培训覆盖率')).toMatch(/^错误：.*没有指标值/);
  });
});
