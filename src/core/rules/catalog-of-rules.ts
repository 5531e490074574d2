import type { RuleSpec } from './types';

/**
 * Every rule the validator runs, as data (domain.md §5 and §7). The id is stable: findings,
 * the task pane's grouping and the tests refer to it.
 */
export const RULES = {
  subtotal: { id: 'subtotal', severity: 'error', scope: 'table', description: '类、款行金额应等于其下级科目之和', descriptionEn: 'Each class (类) or subclass (款) row equals the sum of the codes below it' },
  grandTotal: { id: 'grand-total', severity: 'error', scope: 'table', description: '合计行应等于各类级科目之和', descriptionEn: 'The total row (合计) equals the sum of the class (类) rows' },
  rowParts: { id: 'row-parts', severity: 'error', scope: 'table', description: '每行合计应等于各组成列之和', descriptionEn: 'Each row’s total equals the sum of its component columns' },
  balance: { id: 'balance', severity: 'error', scope: 'table', description: '收支总表：收入总计应等于支出总计，各项之和应等于总计', descriptionEn: 'Income and expenditure summary (收支总表): total income equals total expenditure, and the items add up to the totals' },
  threePublic: { id: 'three-public', severity: 'error', scope: 'table', description: '“三公”经费合计应等于出国、接待、公务用车之和，小计应等于购置费与运行费之和', descriptionEn: '“Three public” costs (三公经费): the total equals travel abroad + receptions + official vehicles, and the vehicle subtotal equals purchase + running costs' },
  projects: { id: 'projects', severity: 'error', scope: 'table', description: '项目支出表：各科目金额应等于其下项目之和', descriptionEn: 'Project expenditure table: each code’s amount equals the sum of the projects under it' },
  incomeVsExpense: { id: 'income-vs-expense', severity: 'error', scope: 'cross', description: '收入预算总表与支出预算总表按科目合计应一致', descriptionEn: 'The income budget summary and the expenditure budget summary agree, code by code' },
  fiscalVsGeneral: { id: 'fiscal-vs-funds', severity: 'error', scope: 'cross', description: '收入表财政拨款收入应等于一般公共预算、政府性基金、国有资本经营预算支出之和（按科目）', descriptionEn: 'Fiscal appropriation income (财政拨款收入) in the income table equals general public budget + government fund + state capital operation budget expenditure, code by code' },
  basicVsEconomic: { id: 'basic-vs-economic', severity: 'error', scope: 'cross', description: '一般公共预算基本支出合计应等于经济分类预算表合计', descriptionEn: 'The total of general public budget basic expenditure (基本支出) equals the total of the economic classification table' },
  summaryVsDetail: { id: 'summary-vs-detail', severity: 'error', scope: 'cross', description: '总表各项应等于明细表的对应合计', descriptionEn: 'Each figure in a summary table equals the matching total in its detail table' },
  threePublicVsEconomic: { id: 'three-public-vs-economic', severity: 'warning', scope: 'cross', description: '“三公”经费各项应不少于基本支出中对应经济科目', descriptionEn: 'Each “three public” cost (三公经费) is no less than the matching economic code in basic expenditure' },
  unreadable: { id: 'unreadable', severity: 'error', scope: 'cell', description: '金额不能读作数字', descriptionEn: 'The amount cannot be read as a number' },
  textAmount: { id: 'text-amount', severity: 'warning', scope: 'cell', description: '金额以文本输入（已照读）', descriptionEn: 'The amount was entered as text (read as written)' },
  badCode: { id: 'bad-code', severity: 'error', scope: 'cell', description: '科目编码格式不对', descriptionEn: 'The classification code (科目编码) is not in the right format' },
  unknownCode: { id: 'unknown-code', severity: 'warning', scope: 'cell', description: '科目编码不在科目目录中', descriptionEn: 'The classification code (科目编码) is not in the code catalogue' },
  nameMismatch: { id: 'name-mismatch', severity: 'warning', scope: 'cell', description: '科目名称与该年度科目目录不一致', descriptionEn: 'The code’s name differs from that year’s code catalogue (科目目录)' },
  duplicateCode: { id: 'duplicate-code', severity: 'error', scope: 'table', description: '同一科目出现两次', descriptionEn: 'The same code appears twice' },
  orphan: { id: 'orphan', severity: 'warning', scope: 'table', description: '下级科目缺少其上级科目行', descriptionEn: 'A lower-level code has no row for the code above it' },
  narrative: { id: 'narrative', severity: 'error', scope: 'cross', description: '说明中的金额（万元）应与表中数字一致（按所列小数位四舍五入）', descriptionEn: 'Amounts in the statements (in 10,000 yuan, 万元) match the tables, rounded to the decimals shown' },
  missingTable: { id: 'missing-table', severity: 'error', scope: 'workbook', description: '缺少必须报送的表', descriptionEn: 'A table that must be submitted is missing' },
  emptyTable: { id: 'empty-table', severity: 'warning', scope: 'table', description: '空表没有附“无…预算支出”的说明', descriptionEn: 'An empty table has no “no … expenditure” statement (无…预算支出)' },
  notRecognised: { id: 'not-recognised', severity: 'warning', scope: 'workbook', description: '工作表不是可识别的预算表', descriptionEn: 'The sheet is not a budget table the add-in recognises' },
  leftoverFormula: { id: 'budget-formula', severity: 'warning', scope: 'cell', description: '报送文件中仍有 BUDGET 公式（没有本加载项时显示 #NAME?）', descriptionEn: 'The file to submit still has BUDGET formulas (they show #NAME? without this add-in)' },
  // Performance forms (domain.md §6): 绩效目标申报表 and 绩效自评表.
  formEmpty: { id: 'form-empty', severity: 'warning', scope: 'table', description: '绩效表尚未填写', descriptionEn: 'The performance form is not filled in yet' },
  formFunds: { id: 'form-funds', severity: 'error', scope: 'table', description: '绩效目标申报表：年度资金申请总额应等于当年财政拨款、上年结转资金与其他资金之和（2020 年版：项目当年预算不超过项目总预算）', descriptionEn: 'Performance target form (绩效目标申报表): the total funds requested for the year equal this year’s fiscal appropriation + funds carried over from last year + other funds (2020 form: the project’s budget for the year is no more than its total budget)' },
  formSubprojects: { id: 'form-subprojects', severity: 'error', scope: 'table', description: '2020 年版绩效目标申报表：子项目预算金额之和（合计）应等于项目当年预算', descriptionEn: '2020 performance target form: the sub-project budgets add up (合计) to the project’s budget for the year' },
  formLevel1: { id: 'form-level1', severity: 'error', scope: 'table', description: '绩效表：该年度版本的每个一级指标都应有，且其下至少有一个三级指标（成本指标自 2021 年起）', descriptionEn: 'Performance form: every level-1 indicator (一级指标) of that year’s version is there, each with at least one level-3 indicator under it (cost indicators from 2021)' },
  formLevel2: { id: 'form-level2', severity: 'error', scope: 'cell', description: '绩效表：二级指标应属于其一级指标', descriptionEn: 'Performance form: each level-2 indicator (二级指标) belongs to its level-1 indicator' },
  formLevel3: { id: 'form-level3', severity: 'error', scope: 'cell', description: '绩效表：填了指标值或分值的行应有三级指标名称', descriptionEn: 'Performance form: a row with a target value or weight has a level-3 indicator (三级指标) name' },
  formTarget: { id: 'form-target', severity: 'error', scope: 'cell', description: '绩效表：每个三级指标都应有可读的指标值', descriptionEn: 'Performance form: every level-3 indicator has a readable target value (指标值)' },
  formSuspicious: { id: 'form-suspicious', severity: 'warning', scope: 'cell', description: '绩效表：指标值不合常理（如满意度目标为 0%，或用“=”限定低于 100% 的比率）', descriptionEn: 'Performance form: a target value does not make sense (e.g. a satisfaction target of 0%, or “=” with a rate below 100%)' },
  formUnit: { id: 'form-unit', severity: 'warning', scope: 'cell', description: '绩效表：指标值的单位与指标不符（比率应为 %，成本应为元或万元）', descriptionEn: 'Performance form: the target value’s unit does not fit the indicator (rates in %, costs in yuan or 10,000 yuan)' },
  selfRate: { id: 'self-rate', severity: 'error', scope: 'cell', description: '绩效自评表：执行率应等于全年执行数 ÷ 全年预算数，其得分为 10 × 执行率（不超过 10）', descriptionEn: 'Self-evaluation (绩效自评表): the execution rate (执行率) equals full-year spending ÷ full-year budget, and its score is 10 × the rate (at most 10)' },
  selfScore: { id: 'self-score', severity: 'error', scope: 'cell', description: '绩效自评表：得分不应超过分值', descriptionEn: 'Self-evaluation: no score is higher than its weight (分值)' },
  selfDeviation: { id: 'self-deviation', severity: 'error', scope: 'cell', description: '绩效自评表：得分低于分值的指标应填写偏差原因分析及改进措施', descriptionEn: 'Self-evaluation: an indicator scored below its weight has the reasons and the improvements filled in (偏差原因分析及改进措施)' },
  selfMetDeducted: { id: 'self-met-deducted', severity: 'warning', scope: 'cell', description: '绩效自评表：指标已达成却被扣分', descriptionEn: 'Self-evaluation: an indicator was met but lost points' },
  selfScoreRules: { id: 'self-score-rules', severity: 'warning', scope: 'cell', description: '绩效自评表：得分与评分规则（按完成比例，定性指标达成满分、基本达成减半）不符', descriptionEn: 'Self-evaluation: the score does not follow the scoring rules (in proportion to completion; a qualitative indicator met scores in full, mostly met scores half)' },
  selfWeights: { id: 'self-weights', severity: 'error', scope: 'table', description: '绩效自评表：分值（含执行率 10 分）合计应为 100', descriptionEn: 'Self-evaluation: the weights (分值, with 10 for the execution rate) add up to 100' },
  selfTotal: { id: 'self-total', severity: 'error', scope: 'table', description: '绩效自评表：总分应等于各项得分之和', descriptionEn: 'Self-evaluation: the total score (总分) equals the sum of the scores' },
  selfGrade: { id: 'self-grade', severity: 'error', scope: 'table', description: '绩效自评表：自评等级应与总分相符（优 ≥ 90，良 ≥ 80，中 ≥ 60，其余为差）', descriptionEn: 'Self-evaluation: the grade (自评等级) fits the total score (excellent 优 at 90 or more, good 良 at 80, fair 中 at 60, otherwise poor 差)' },
  selfVsProjects: {
    id: 'self-vs-projects',
    severity: 'error',
    scope: 'cross',
    description: '绩效自评表当年财政拨款的年初预算数应等于同年项目支出预算表中该项目的金额',
    descriptionEn: 'Self-evaluation: the opening budget (年初预算数) of this year’s fiscal appropriation equals the project’s amount in the same year’s project expenditure table',
  },
  formVsProjects: { id: 'form-vs-projects', severity: 'error', scope: 'cross', description: '绩效目标申报表的当年财政拨款应等于项目支出预算表中该项目的金额', descriptionEn: 'Performance target form: this year’s fiscal appropriation equals the project’s amount in the project expenditure table' },
  formMissing: { id: 'form-missing', severity: 'warning', scope: 'cross', description: '工作簿有绩效目标申报表时，项目支出预算表中的每个项目都应有一张', descriptionEn: 'When the workbook has performance target forms, every project in the project expenditure table has one' },
  // 绩效目标汇总表 against itself and against the workbook's target forms.
  summaryTotal: { id: 'summary-total', severity: 'error', scope: 'table', description: '绩效目标汇总表：合计应等于各项目金额之和', descriptionEn: 'Performance target summary (绩效目标汇总表): the total equals the sum of the project amounts' },
  summaryVsForm: { id: 'summary-vs-form', severity: 'error', scope: 'cross', description: '绩效目标汇总表：各项目金额应等于其绩效目标申报表的年度资金申请总额（2020 年版：项目当年预算）', descriptionEn: 'Performance target summary: each project’s amount equals the total funds requested on its performance target form (2020 form: the project’s budget for the year)' },
  summaryMissing: { id: 'summary-missing', severity: 'warning', scope: 'cross', description: '工作簿中的绩效目标申报表都应列在绩效目标汇总表中', descriptionEn: 'Every performance target form in the workbook is listed in the performance target summary' },
  summaryNoForm: { id: 'summary-no-form', severity: 'warning', scope: 'cross', description: '绩效目标汇总表所列项目在工作簿中应有绩效目标申报表', descriptionEn: 'Every project listed in the performance target summary has a performance target form in the workbook' },
  // A department against its units (issue 17): consolidate/ and department-units.ts.
  departmentVsUnits: { id: 'department-vs-units', severity: 'error', scope: 'cross', description: '部门表各数应等于所属单位同一科目、同一栏目之和', descriptionEn: 'Each department figure equals the sum of its units’ figures for the same code and column' },
  departmentUnitList: { id: 'department-unit-list', severity: 'warning', scope: 'workbook', description: '部门列出的所属单位与参与核对的单位应一致', descriptionEn: 'The units the department lists are the units checked against it' },
} as const satisfies Record<string, RuleSpec>;

export type RuleKey = keyof typeof RULES;
