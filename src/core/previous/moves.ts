/**
 * Functional codes that a later edition of the 支出功能分类科目 replaced by another code, so that
 * last year's figure is compared with this year's under the new code rather than shown as one
 * code removed and another added. Only moves certain from the editions themselves are listed;
 * a code merely renamed keeps its number and needs no entry (210 医疗卫生与计划生育支出 →
 * 卫生健康支出, 20805 行政事业单位离退休 → 行政事业单位养老支出 are matched by their code).
 */
export interface CodeMove {
  from: string;
  to: string;
  /** the first budget year of the edition in which `to` replaces `from` */
  year: number;
  why: string;
}

export const FUNCTIONAL_MOVES: ReadonlyArray<CodeMove> = [
  // 2019年版（2018年机构改革）：工商、质检两款撤销，并入新设的市场监督管理事务；各款的 01–03 项是固定的通用项
  { from: '20115', to: '20138', year: 2019, why: '工商行政管理事务并入市场监督管理事务' },
  { from: '2011501', to: '2013801', year: 2019, why: '工商行政管理事务并入市场监督管理事务' },
  { from: '2011502', to: '2013802', year: 2019, why: '工商行政管理事务并入市场监督管理事务' },
  { from: '2011503', to: '2013803', year: 2019, why: '工商行政管理事务并入市场监督管理事务' },
  { from: '20117', to: '20138', year: 2019, why: '质量技术监督与检验检疫事务并入市场监督管理事务' },
  { from: '2011701', to: '2013801', year: 2019, why: '质量技术监督与检验检疫事务并入市场监督管理事务' },
  { from: '2011702', to: '2013802', year: 2019, why: '质量技术监督与检验检疫事务并入市场监督管理事务' },
  { from: '2011703', to: '2013803', year: 2019, why: '质量技术监督与检验检疫事务并入市场监督管理事务' },
  // 2019年版：归口管理与未归口管理的行政单位离退休合并为 2080501 行政单位离退休
  { from: '2080504', to: '2080501', year: 2019, why: '未归口管理的行政单位离退休并入行政单位离退休' },
];

/**
 * The code under which last year's `code` (budget year `fromYear`) appears in budget year
 * `toYear`, following every move made by an edition in between; the code itself when none.
 */
export function codeInYear(code: string, fromYear: number | undefined, toYear: number | undefined, moves: ReadonlyArray<CodeMove> = FUNCTIONAL_MOVES): { code: string; moves: CodeMove[] } {
  if (fromYear === undefined || toYear === undefined || toYear <= fromYear) return { code, moves: [] };
  let at = code;
  const applied: CodeMove[] = [];
  for (const m of [...moves].sort((a, b) => a.year - b.year)) {
    if (m.from === at && m.year > fromYear && m.year <= toYear) {
      at = m.to;
      applied.push(m);
    }
  }
  return { code: at, moves: applied };
}
