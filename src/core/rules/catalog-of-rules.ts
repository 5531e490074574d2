import type { RuleSpec } from './types';

/**
 * Every rule the validator runs, as data (domain.md §5 and §7). The id is stable: findings,
 * the task pane's grouping and the tests refer to it.
 */
export const RULES = {
  subtotal: { id: 'subtotal', severity: 'error', scope: 'table', description: '类、款行金额应等于其下级科目之和' },
  grandTotal: { id: 'grand-total', severity: 'error', scope: 'table', description: '合计行应等于各类级科目之和' },
  rowParts: { id: 'row-parts', severity: 'error', scope: 'table', description: '每行合计应等于各组成列之和' },
  balance: { id: 'balance', severity: 'error', scope: 'table', description: '收支总表：收入总计应等于支出总计，各项之和应等于总计' },
  threePublic: { id: 'three-public', severity: 'error', scope: 'table', description: '“三公”经费合计应等于出国、接待、公务用车之和，小计应等于购置费与运行费之和' },
  projects: { id: 'projects', severity: 'error', scope: 'table', description: '项目支出表：各科目金额应等于其下项目之和' },
  incomeVsExpense: { id: 'income-vs-expense', severity: 'error', scope: 'cross', description: '收入预算总表与支出预算总表按科目合计应一致' },
  fiscalVsGeneral: { id: 'fiscal-vs-funds', severity: 'error', scope: 'cross', description: '收入表财政拨款收入应等于一般公共预算、政府性基金、国有资本经营预算支出之和（按科目）' },
  basicVsEconomic: { id: 'basic-vs-economic', severity: 'error', scope: 'cross', description: '一般公共预算基本支出合计应等于经济分类预算表合计' },
  summaryVsDetail: { id: 'summary-vs-detail', severity: 'error', scope: 'cross', description: '总表各项应等于明细表的对应合计' },
  threePublicVsEconomic: { id: 'three-public-vs-economic', severity: 'warning', scope: 'cross', description: '“三公”经费各项应不少于基本支出中对应经济科目' },
  unreadable: { id: 'unreadable', severity: 'error', scope: 'cell', description: '金额不能读作数字' },
  textAmount: { id: 'text-amount', severity: 'warning', scope: 'cell', description: '金额以文本输入（已照读）' },
  badCode: { id: 'bad-code', severity: 'error', scope: 'cell', description: '科目编码格式不对' },
  unknownCode: { id: 'unknown-code', severity: 'warning', scope: 'cell', description: '科目编码不在科目目录中' },
  nameMismatch: { id: 'name-mismatch', severity: 'warning', scope: 'cell', description: '科目名称与该年度科目目录不一致' },
  duplicateCode: { id: 'duplicate-code', severity: 'error', scope: 'table', description: '同一科目出现两次' },
  orphan: { id: 'orphan', severity: 'warning', scope: 'table', description: '下级科目缺少其上级科目行' },
  narrative: { id: 'narrative', severity: 'error', scope: 'cross', description: '说明中的金额（万元）应与表中数字一致（按所列小数位四舍五入）' },
  missingTable: { id: 'missing-table', severity: 'error', scope: 'workbook', description: '缺少必须报送的表' },
  emptyTable: { id: 'empty-table', severity: 'warning', scope: 'table', description: '空表没有附“无…预算支出”的说明' },
  notRecognised: { id: 'not-recognised', severity: 'warning', scope: 'workbook', description: '工作表不是可识别的预算表' },
  leftoverFormula: { id: 'budget-formula', severity: 'warning', scope: 'cell', description: '报送文件中仍有 BUDGET 公式（没有本加载项时显示 #NAME?）' },
} as const satisfies Record<string, RuleSpec>;

export type RuleKey = keyof typeof RULES;
