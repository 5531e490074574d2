import { tableIdLines, TIER_CHOICES } from './table-ids';

/** What `budget-tables help` and `budget-tables COMMAND --help` print. */

export const COMMAND_HELP: Record<string, string> = {
  sample: `  budget-tables sample [--out DIR] [--subtotals values|formulas] [--force]
      为每份种子预算生成一个填好数据的工作簿（模板版式），另有 2021 年绩效自评表与 2026 年绩效目标申报表各一个工作簿。
      类、款、合计行与执行率默认填公布数（values）；formulas 则写 BUDGET 公式（需在装有本加载项的 Excel 中打开）。
      Writes one filled workbook per seed budget, in the template layout, and the seeds' performance forms
      (2021 self-evaluations, 2026 target forms) as two more workbooks (default DIR: ./sample-output).
      Subtotal rows and 执行率 hold the published figures (values, the default) or BUDGET formulas.
      已有同名文件时退出码 2，加 --force 覆盖 / an existing file is refused unless --force.`,
  template: `  budget-tables template --level unit|department --org NAME --year YYYY --out FILE.xlsx [--tables T1,T2,…] [--tier ${TIER_CHOICES.join('|')}] [--subtotals standard|rollup] [--force]
      生成空白模板工作簿 / writes an empty template workbook (year 2000–2100).
      默认含该层级的全部工作表（封面、目录、各说明与各表），如区县模板；--tables 只生成所列的（逗号分隔）。
      By default every sheet of the level (cover, contents, the texts and tables); --tables picks some, by these ids:
${tableIdLines().join('\n')}
      --tier 财政级次（默认 市级），决定封面与名词解释、其他相关情况说明的措辞（区级：“区级财政”“本区”）。
      --tier sets the level of government in the cover's and the texts' wording (default 市级).
      类、款、合计公式默认只用标准函数（standard：SUMPRODUCT、COUNTIFS），不装加载项的 Excel、WPS 表格、
      LibreOffice 都能计算；rollup 写 BUDGET.ROLLUP，供装有本加载项的 Excel 使用。
      Subtotals use standard functions by default (any spreadsheet computes them); rollup writes BUDGET.ROLLUP.
      已有同名文件时退出码 2，加 --force 覆盖 / an existing file is refused unless --force.`,
  forms: `  budget-tables forms [--out DIR] [--subtotals standard|rollup] [--force]
      生成种子中的绩效表：10 张 2026 年绩效目标申报表与 10 张 2021 年绩效自评表，合为一个工作簿。
      Writes one workbook with the seeds' ten 2026 target forms and ten 2021 self-evaluations (default DIR: ./sample-output).
  budget-tables forms --from BUDGET.xlsx [--projects all|"名称1,名称2"] [--self-evaluation] [--statement] [--summary] [--department 名] --out DIR [--subtotals standard|rollup] [--force]
      按预算工作簿 U2 表中的项目生成预填的绩效目标申报表（及自评表、项目经费情况说明、绩效目标汇总表），
      写为 DIR/<单位>-绩效表.xlsx；项目名称以逗号分隔，找不到的项目名称退出码 2。
      Writes prefilled performance forms for the U2 projects of a budget workbook; unknown project names exit 2.
      已有同名文件时退出码 2，加 --force 覆盖；输出与 --from 是同一文件时一律拒绝。
      An existing file is refused unless --force; the --from file itself is never overwritten.
      公式默认只用标准函数（standard）：执行率、自评等级、合计任何电子表格都能计算，得分由填报人填写、填写提示不写
      （check 按评分规则核对得分、指标值）；rollup 写 BUDGET.EXECRATE、BUDGET.SCORE、BUDGET.GRADE、BUDGET.TARGETCHECK，需加载项。
      Formulas use standard functions by default (执行率, 自评等级 and sums anywhere; 得分 typed by the clerk, no 填写提示:
      check applies the scoring rules); rollup writes the add-in's BUDGET.* functions.`,
  check: `  budget-tables check FILE.xlsx|DIR … [--format text|json] [--jobs N] [--quiet] [--units DIR|FILE[,FILE…]]
      校验工作簿：表内、表间勾稽关系，科目编码与名称。退出码 0 无错误，1 有错误，2 文件无法读取。
      多个文件分给 N 个线程同时校验（默认为 CPU 数，文件合计每线程不足 8 MB 时少用线程），结果按输入顺序输出；--quiet 只输出汇总一行。
      --format json：一个文件输出一个 JSON 文档，多个文件每个文件一行（JSON Lines）。
      Validates workbooks; exit 0 when there is no 错误, 1 when there is, 2 when a file cannot be read.
      Files are checked on N threads (default: the number of CPUs, fewer when the files come to under 8 MB a thread), in input order;
      --quiet prints only the summary line; --format json prints one JSON document per file, one per line.
      --units DIR|FILE[,FILE…]：核对部门各数是否等于所属单位之和（部门工作簿含“分单位明细”时不给也核对）。
      --units checks a department against its units' workbooks (a department holding 分单位明细 is checked against it anyway).`,
  consolidate: `  budget-tables consolidate UNIT.xlsx|DIR … --department 名称 --year YYYY --out DEPT.xlsx [--tier ${TIER_CHOICES.join('|')}] [--allow-errors] [--force] [--jobs N]
      将所属单位工作簿汇总为部门预算表（T1–T9 与分单位明细）；单位有错误等问题时不汇总（退出码 1），除非 --allow-errors。
      单位工作簿由 N 个线程同时读取（默认与 check 相同）。
      Sums unit workbooks into the department's tables and a 分单位明细 sheet; refuses units with problems unless --allow-errors.
      The units are read on N threads (default as for check).`,
  draft: `  budget-tables draft FILE.xlsx [--previous LAST.xlsx] [--threshold 10] [--format text] [--out OUT.xlsx] [--tier ${TIER_CHOICES.join('|')}] [--force]
      由表中数字起草“预算编制说明”和“其他相关情况说明”（本单位/本部门的规范措辞，金额以万元计）；
      原因、用途等须由人填写之处留作【请填写…】。--previous 给上年预算工作簿（check 能读的任何版式）时写出
      “比上年预算增加/减少…万元”或“与上年预算持平”，增减率达到 --threshold（默认 10%）或上年为 0 时留【请填写增减原因】。
      --format text（不给 --out 时亦然）打印草稿；--out 将草稿作为新工作表写入工作簿副本，原有说明不改动，
      并加入“上年对比”表（有 --previous 时）和“政府采购预算”填写表（副本中没有时）；输出与输入是同一文件时一律拒绝。
      Drafts the 预算编制说明 and 其他相关情况说明 from the tables, with 【请填写…】 wherever a person must write;
      with --previous LAST.xlsx the changes against last year are stated and a reason asked for where |rate| ≥ --threshold
      (default 10) or last year was 0. Prints (--format text, or no --out) and/or writes a copy (--out) with the drafted
      sheets, the 上年对比 sheet (with --previous) and a 政府采购 input sheet when the workbook has none.
      --tier 不给时按工作簿名词解释所写（如“区级财政”），否则为市级 / without --tier, the workbook's 名词解释 decides, else 市级.`,
  compare: `  budget-tables compare FILE.xlsx --previous LAST.xlsx [--threshold 10] [--out OUT.xlsx] [--format text] [--force]
      本年预算与上年预算逐项对比（支出功能分类各类款项的合计/基本/项目，“三公”各项与机关运行经费，收支总表各行与
      人员经费/公用经费/项目支出）：上年预算数、本年预算数、增减额、增减率；增减率达到阈值或上年为 0 时须填原因。
      上年科目按科目目录的版本对应到本年科目（编码变动的科目对作一行）。--out 将“上年对比”表写入工作簿副本
      （阈值在表中 C3 单元格，可改；已有上年对比表时另加一张，原因按行带入）；不给 --out 时打印须说明原因的各项。
      Compares this year's budget with last year's per T3 code, 三公 item and T1 line; --out writes the 上年对比 sheet
      into a copy (threshold in its cell C3), otherwise the rows that need a reason are printed.`,
  help: `  budget-tables help [COMMAND]      本说明；COMMAND --help 只看一个命令 / this text, or one command's`,
};

export const USAGE = `用法 / usage:
${['sample', 'template', 'forms', 'check', 'consolidate', 'draft', 'compare', 'help'].map((c) => COMMAND_HELP[c]).join('\n')}
  参数可写作 --key value 或 --key=value / options as --key value or --key=value.`;

export function commandUsage(command: string): string {
  return `用法 / usage:\n${COMMAND_HELP[command]}`;
}
