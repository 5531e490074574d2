/**
 * Shape of the long 2020 edition of the 财政项目支出绩效目标申报表 (seed 003, 社会保险服务费).
 *
 * The 2020 form is longer than the 2026 one (`SeedTargetForm`): it has contacts, 项目概况,
 * 立项依据, 项目设立的必要性, 保证项目实施的制度、措施, 项目实施计划, the 子项目 list with
 * amounts (项目资金投入构成), the 上年预算额 and 执行数 of the same-named project, and its own
 * indicator groups (一级目标 "投入与管理" / "产出目标" / "效果目标" / "影响力目标", words as printed).
 *
 * Amounts follow `SeedAmount`: decimal strings exactly as printed, without separators.
 */
import type { SeedAmount, SeedTargetForm } from './seed-types';

/** One row of the 2020 indicator table (一级目标 | 二级目标 | 三级目标 | 指标目标值). */
export interface SeedLongIndicator {
  /** 一级目标 as printed, e.g. "投入与管理", "产出目标" */
  level1: string;
  /** 二级目标 as printed, e.g. "数量"; null when the extraction lost which 二级 the row sits under */
  level2: string | null;
  /** 三级目标 as printed; null for a 二级 row printed with no 三级 (e.g. "成本", "经济效益") */
  level3: string | null;
  /** 指标目标值 as printed, e.g. ">=98%", "=100%", "健全"; null when blank */
  target: string | null;
  /** the 三级 name is visibly cut off at the cell width of the PDF (kept as printed) */
  truncated?: boolean;
  /**
   * 'printed': the row's 二级 label is printed on the row's own line;
   * 'inferred': the merged 一级/二级 cells were separated from the row by the extraction and the
   * placement follows the printed row order, the order of the merged labels and the 三级 names.
   */
  placement: 'printed' | 'inferred';
}

/** 一级目标 with the 二级目标 labels printed under it (including 二级 with no 三级 row). */
export interface SeedLongIndicatorGroup {
  level1: string;
  level2: string[];
}

/** One line of 项目资金投入构成 (子项目名称 | 预算金额（元）). */
export interface SeedSubProject {
  name: string;
  amount: SeedAmount;
}

/**
 * 财政项目支出绩效目标申报表, 2020 edition. `indicators` is replaced by the 2020 rows, whose 二级
 * may be unknown (`SeedIndicator.level2` is a required string).
 *
 * Inherited fields as used for 2020: `unit` = 申报单位名称 (the form prints no 实施单位);
 * `department` null (no 主管部门 on the form); `category` = 项目类别 as printed (e.g.
 * "其他经常性项目"); `nature` null (no 项目性质); `overallGoal` = 总目标及阶段性目标;
 * `annualGoal` null (no such field).
 */
export interface SeedLongTargetForm extends Omit<SeedTargetForm, 'kind' | 'indicators'> {
  kind: 'target-2020';
  /** 联系人 / 联系电话 */
  contact: { name: string | null; phone: string | null };
  /** 是否含有政府购买服务, e.g. "否" */
  governmentPurchase: string | null;
  /** 绩效类型, e.g. "其他类" */
  performanceType: string | null;
  /** 项目概况 */
  overview: string | null;
  /** 立项依据 */
  basis: string | null;
  /** 项目设立的必要性 */
  necessity: string | null;
  /** 保证项目实施的制度、措施 */
  safeguards: string | null;
  /** 项目实施计划 */
  implementationPlan: string | null;
  /**
   * The 2020 form has only 项目总预算（元） (`total`) and 项目当年预算（元） (`annualTotal`);
   * the other cells of `SeedTargetForm.funds` do not exist on it and are null.
   */
  funds: {
    total: SeedAmount; // 项目总预算（元）
    fiscal: null;
    other: null;
    annualTotal: SeedAmount; // 项目当年预算（元）
    annualFiscal: null;
    carryOver: null;
    annualOther: null;
  };
  /** 本项目上年度市级财政资金使用情况 */
  previousYear: {
    budget: SeedAmount; // 同名项目上年预算额
    executed: SeedAmount; // 同名项目上年预算执行数
  };
  /** 项目资金投入构成: 子项目 with 预算金额（元）; they sum to the project budget */
  subProjects: SeedSubProject[];
  /** 一级/二级 labels as printed (2020年绩效目标) */
  indicatorGroups: SeedLongIndicatorGroup[];
  /** indicator rows, in printed order */
  indicators: SeedLongIndicator[];
}
