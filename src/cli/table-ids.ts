/**
 * What `help` prints about `template --tables` and `--tier`, as plain data: the help answers
 * without loading the core (test/cli/built.test.ts), so the ids are copied here from the specs
 * (core/specs/id-names.ts) and core/tier.ts, and test/cli/pack-options.test.ts holds the copy
 * to them.
 */
export const TABLE_IDS: readonly { id: string; name: string; only?: 'unit' | 'department' }[] = [
  { id: 'cover', name: '封面' },
  { id: 'contents', name: '目录' },
  { id: 'functions', name: '主要职能' },
  { id: 'organization', name: '机构设置' },
  { id: 'glossary', name: '名词解释' },
  { id: 'explanation', name: '预算编制说明' },
  { id: 'T1', name: '财务收支预算总表' },
  { id: 'T2', name: '收入预算总表' },
  { id: 'T3', name: '支出预算总表' },
  { id: 'T4', name: '财政拨款收支预算总表' },
  { id: 'T5', name: '一般公共预算支出功能分类预算表' },
  { id: 'T6', name: '政府性基金预算支出功能分类预算表' },
  { id: 'T7', name: '国有资本经营预算支出功能分类预算表' },
  { id: 'T8', name: '一般公共预算基本支出部门预算经济分类预算表' },
  { id: 'T9', name: '“三公”经费和机关运行经费预算表' },
  { id: 'U1', name: '财政拨款支出预算表', only: 'unit' },
  { id: 'U2', name: '财政拨款项目支出预算表', only: 'unit' },
  { id: 'other', name: '其他相关情况说明' },
  { id: 'project', name: '项目经费情况说明' },
];

/** core/tier.ts's TIERS. */
export const TIER_CHOICES: readonly string[] = ['市级', '区级', '县级'];

/** The help's lines, one id a line. */
export function tableIdLines(): string[] {
  return TABLE_IDS.map((t) => {
    const only = t.only === 'unit' ? '（仅单位）' : t.only === 'department' ? '（仅部门）' : '';
    const extra = t.id === 'project' ? '（默认不含；列出时生成一份空白）' : '';
    return `        ${t.id.padEnd(13)}${t.name}${only}${extra}`;
  });
}
