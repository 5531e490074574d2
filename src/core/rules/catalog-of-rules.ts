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
  // Performance forms (domain.md §6): 绩效目标申报表 and 绩效自评表.
  formEmpty: { id: 'form-empty', severity: 'warning', scope: 'table', description: '绩效表尚未填写' },
  formFunds: { id: 'form-funds', severity: 'error', scope: 'table', description: '绩效目标申报表：年度资金申请总额应等于当年财政拨款、上年结转资金与其他资金之和（2020 年版：项目当年预算不超过项目总预算）' },
  formSubprojects: { id: 'form-subprojects', severity: 'error', scope: 'table', description: '2020 年版绩效目标申报表：子项目预算金额之和（合计）应等于项目当年预算' },
  formLevel1: { id: 'form-level1', severity: 'error', scope: 'table', description: '绩效表：该年度版本的每个一级指标都应有，且其下至少有一个三级指标（成本指标自 2021 年起）' },
  formLevel2: { id: 'form-level2', severity: 'error', scope: 'cell', description: '绩效表：二级指标应属于其一级指标' },
  formLevel3: { id: 'form-level3', severity: 'error', scope: 'cell', description: '绩效表：填了指标值或分值的行应有三级指标名称' },
  formTarget: { id: 'form-target', severity: 'error', scope: 'cell', description: '绩效表：每个三级指标都应有可读的指标值' },
  formSuspicious: { id: 'form-suspicious', severity: 'warning', scope: 'cell', description: '绩效表：指标值不合常理（如满意度目标为 0%，或用“=”限定低于 100% 的比率）' },
  formUnit: { id: 'form-unit', severity: 'warning', scope: 'cell', description: '绩效表：指标值的单位与指标不符（比率应为 %，成本应为元或万元）' },
  selfRate: { id: 'self-rate', severity: 'error', scope: 'cell', description: '绩效自评表：执行率应等于全年执行数 ÷ 全年预算数，其得分为 10 × 执行率（不超过 10）' },
  selfScore: { id: 'self-score', severity: 'error', scope: 'cell', description: '绩效自评表：得分不应超过分值' },
  selfDeviation: { id: 'self-deviation', severity: 'error', scope: 'cell', description: '绩效自评表：得分低于分值的指标应填写偏差原因分析及改进措施' },
  selfMetDeducted: { id: 'self-met-deducted', severity: 'warning', scope: 'cell', description: '绩效自评表：指标已达成却被扣分' },
  selfScoreRules: { id: 'self-score-rules', severity: 'warning', scope: 'cell', description: '绩效自评表：得分与评分规则（按完成比例，定性指标达成满分、基本达成减半）不符' },
  selfWeights: { id: 'self-weights', severity: 'error', scope: 'table', description: '绩效自评表：分值（含执行率 10 分）合计应为 100' },
  selfTotal: { id: 'self-total', severity: 'error', scope: 'table', description: '绩效自评表：总分应等于各项得分之和' },
  selfGrade: { id: 'self-grade', severity: 'error', scope: 'table', description: '绩效自评表：自评等级应与总分相符（优 ≥ 90，良 ≥ 80，中 ≥ 60，其余为差）' },
  formVsProjects: { id: 'form-vs-projects', severity: 'error', scope: 'cross', description: '绩效目标申报表的当年财政拨款应等于项目支出预算表中该项目的金额' },
  formMissing: { id: 'form-missing', severity: 'warning', scope: 'cross', description: '工作簿有绩效目标申报表时，项目支出预算表中的每个项目都应有一张' },
  // 绩效目标汇总表 against itself and against the workbook's target forms.
  summaryTotal: { id: 'summary-total', severity: 'error', scope: 'table', description: '绩效目标汇总表：合计应等于各项目金额之和' },
  summaryVsForm: { id: 'summary-vs-form', severity: 'error', scope: 'cross', description: '绩效目标汇总表：各项目金额应等于其绩效目标申报表的年度资金申请总额（2020 年版：项目当年预算）' },
  summaryMissing: { id: 'summary-missing', severity: 'warning', scope: 'cross', description: '工作簿中的绩效目标申报表都应列在绩效目标汇总表中' },
  summaryNoForm: { id: 'summary-no-form', severity: 'warning', scope: 'cross', description: '绩效目标汇总表所列项目在工作簿中应有绩效目标申报表' },
} as const satisfies Record<string, RuleSpec>;

export type RuleKey = keyof typeof RULES;
