/**
 * Edition data of the 支出功能分类科目 beyond names: the years a code exists in, and the codes
 * known to exist whose wording no stored source confirms. Pure data; see `catalog.ts`.
 *
 * Why names are missing here: no copy of the Ministry of Finance's 《政府收支分类科目》 (for any
 * budget year 2019–2026) was found in the stored pages, documents or public repositories (see
 * FUNCTIONAL_EDITIONS_SOURCE). The codes below are those whose existence in the editions since
 * the 2019 reorganisation is certain from the structure of the classification itself (the 款 of
 * each 类 and the "…99 其他…支出" 项 of each 款) while their exact wording could not be checked
 * letter by letter. They are known (no unknown-code finding) with an unconfirmed name (no name
 * finding); a catalog sheet pasted by the clerk gives them names. The comment after each code is
 * the maintainer's reading of the name, for reviewers only: it is never compared with a workbook.
 */

import type { CodeSpan, UnconfirmedCode } from './catalog';

/** where the spans and the unconfirmed codes come from, as prose */
export const FUNCTIONAL_EDITIONS_SOURCE: string =
  '支出功能分类科目的存续年度与“名称待确认”科目：财政部《政府收支分类科目》2019年版起按2018年党和国家机构改革调整类款' +
  '（新设市场监督管理事务、退役军人管理事务、医疗保障管理事务、灾害防治及应急管理支出等），相应科目自2019年度起存续；' +
  '检索库中未找到2019—2026年任何一版《政府收支分类科目》的原文或可机读副本（已查 pages/docs/code 语料及公开仓库），' +
  '故本表所列各类的款级科目与各款的“其他…支出”项级科目只确认编码存在、不确认措辞，标为名称待确认：' +
  '不报未知编码，也不做名称比对。2019年以后年度新设或撤销、且无法从来源确认的科目（如社会工作事务、信访事务等）未收录。';

/**
 * Codes created by the 2019 edition (the 2018 reorganisation of State Council bodies); their
 * 款 and 项 inherit the span, so a 2018 budget that prints one of them gets an unknown-code finding.
 */
export const FUNCTIONAL_SPANS: ReadonlyArray<CodeSpan> = [
  { code: '20138', from: 2019 }, // 市场监督管理事务 (国家市场监督管理总局, 2018)
  { code: '20828', from: 2019 }, // 退役军人管理事务 (退役军人事务部, 2018)
  { code: '21015', from: 2019 }, // 医疗保障管理事务 (国家医疗保障局, 2018)
  { code: '224', from: 2019 }, // 灾害防治及应急管理支出 (应急管理部, 2018)
];

/** Codes that exist in the editions for the years given (every year when open) without a confirmed name. */
export const FUNCTIONAL_UNCONFIRMED: ReadonlyArray<UnconfirmedCode> = [
  // 201 一般公共服务支出
  { code: '2013799' }, // 其他网信事务支出
  { code: '2013899', from: 2019 }, // 其他市场监督管理事务
  // 202 外交支出
  { code: '20208', from: 2019 }, // 国际发展合作 (国家国际发展合作署, 2018)
  // 206 科学技术支出
  { code: '20610' }, // 核电站乏燃料处理处置基金支出
  // 207 文化旅游体育与传媒支出
  { code: '2070699' }, // 其他新闻出版电影支出
  { code: '20707' }, // 国家电影事业发展专项资金安排的支出
  { code: '2070899' }, // 其他广播电视支出
  { code: '20709' }, // 旅游发展基金支出
  // 208 社会保障和就业支出
  { code: '2080699' }, // 其他企业改革发展补助
  { code: '20822' }, // 大中型水库移民后期扶持基金支出
  { code: '20823' }, // 小型水库移民扶助基金安排的支出
  { code: '2082899', from: 2019 }, // 其他退役军人事务管理支出
  // 210 卫生健康支出
  { code: '2101599', from: 2019 }, // 其他医疗保障管理事务支出
  { code: '21016', from: 2019 }, // 老龄卫生健康事务
  // 211 节能环保支出
  { code: '2110599' }, // 其他天然林保护支出
  { code: '21106' }, // 退耕还林还草
  { code: '2110799' }, // 其他风沙荒漠治理支出
  { code: '2111199' }, // 其他污染减排支出
  { code: '2111499' }, // 其他能源管理事务支出
  // 212 城乡社区支出
  { code: '2120899' }, // 其他国有土地使用权出让收入安排的支出
  { code: '21210' }, // 国有土地收益基金安排的支出
  { code: '21211' }, // 农业土地开发资金安排的支出
  { code: '21213' }, // 城市基础设施配套费安排的支出
  { code: '21214' }, // 污水处理费安排的支出
  // 213 农林水支出
  { code: '2130299' }, // 其他林业和草原支出
  { code: '21305' }, // 扶贫 (2021年版起 巩固脱贫衔接乡村振兴)
  { code: '2130599' }, // 其他扶贫支出 / 其他巩固脱贫衔接乡村振兴支出
  { code: '21309' }, // 目标价格补贴
  { code: '2130999' }, // 其他目标价格补贴
  { code: '21366' }, // 大中型水库库区基金安排的支出
  { code: '21369' }, // 国家重大水利工程建设基金安排的支出
  // 214 交通运输支出
  { code: '21404' }, // 成品油价格改革对交通运输的补贴
  { code: '2140499' }, // 其他成品油价格改革对交通运输的补贴
  { code: '2140699' }, // 其他车辆购置税支出
  { code: '21460' }, // 车辆通行费安排的支出
  // 215 资源勘探工业信息等支出
  { code: '2150199' }, // 其他资源勘探业支出
  { code: '2159999' }, // 其他资源勘探工业信息等支出
  // 217 金融支出
  { code: '2170199' }, // 其他金融部门行政支出
  { code: '2170399' }, // 其他金融发展支出
  // 219 援助其他地区支出
  { code: '21901' }, // 一般公共服务
  { code: '21902' }, // 教育
  { code: '21903' }, // 文化旅游体育与传媒
  { code: '21904' }, // 卫生健康
  { code: '21905' }, // 节能环保
  { code: '21906' }, // 农业农村
  { code: '21907' }, // 交通运输
  { code: '21908' }, // 住房保障
  { code: '21999' }, // 其他支出
  // 222 粮油物资储备支出
  { code: '2220199' }, // 其他粮油物资事务支出
  { code: '2220499' }, // 其他粮油储备支出
  { code: '2220599' }, // 其他重要商品储备支出
  // 223 国有资本经营预算支出
  { code: '2230299' }, // 其他国有企业资本金注入
  // 224 灾害防治及应急管理支出 (from 2019 by the span of 224)
  { code: '2240199' }, // 其他应急管理支出
  { code: '22402' }, // 消防救援事务
  { code: '2240299' }, // 其他消防救援事务支出
  { code: '2240499' }, // 其他煤矿安全支出
  { code: '2240599' }, // 其他地震事务支出
  { code: '2240699' }, // 其他自然灾害防治支出
  { code: '2240799' }, // 其他自然灾害救灾及恢复重建支出
  // 231–233 债务还本、付息、发行费用支出 (地方政府一般债务 / 专项债务)
  { code: '23103' }, // 地方政府一般债务还本支出
  { code: '23104' }, // 地方政府专项债务还本支出
  { code: '23203' }, // 地方政府一般债务付息支出
  { code: '23204' }, // 地方政府专项债务付息支出
  { code: '23303' }, // 地方政府一般债务发行费用支出
  { code: '23304' }, // 地方政府专项债务发行费用支出
];
