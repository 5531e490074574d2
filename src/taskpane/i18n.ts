import type { SpecId } from '../core/specs/types';

/**
 * Every string the task pane shows, in Chinese (first) and English. Pure: no DOM, no Office,
 * so the tests check that both languages have every key and the same `{placeholders}`.
 */

export type Lang = 'zh-CN' | 'en-US';
export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

const zhCN = {
  'app.title': '预算编制助手',
  'app.subtitle': '插入部门预算公开表模板',
  'lang.toggle': 'English',
  'lang.toggleLabel': '切换为英文界面',
  'banner.needsExcel': '本窗格需要在 Excel 中使用。请在 Excel（桌面版或网页版）中打开本加载项；现在只能浏览表格清单，不能插入。',
  'banner.loading': '正在连接 Excel……',

  'section.template': '新建空白模板',
  'section.sample': '示例数据',

  'field.level': '级次',
  'level.unit': '单位',
  'level.department': '部门',
  'field.org.unit': '编制单位名称',
  'field.org.department': '部门名称',
  'hint.org.unit': '写全称，例如“上海市社会保障卡服务中心”。会出现在表头和说明里。',
  'hint.org.department': '写全称，例如“上海市人力资源和社会保障局”。会出现在表头和说明里。',
  'field.year': '预算年度',
  'hint.year': '四位数字的年份，默认是明年。',
  'field.tables': '要插入的表',
  'tables.selectAll': '全选',
  'tables.selectNone': '全不选',
  'tables.count': '已选 {n} 张',
  'field.project': '项目经费情况说明',
  'hint.project': '每个项目一份，包括项目概述、立项依据等七部分。',
  'field.projectName': '项目名称',
  'hint.projectName': '可不填，不填时用“XX”占位，插入后可在表中修改。',
  'button.insert': '插入',
  'field.sample': '示例预算',
  'hint.sample': '数据取自上海市公开的预算，用来查看填好后的表是什么样子。',
  'sample.option': '{year}年 {org}（{level}）',
  'button.sample': '载入示例数据',
  'help.link': '使用帮助',

  'status.working': '正在插入，请稍候……',
  'status.done': '已插入 {n} 张工作表：',
  'status.renamed': '工作簿里已有“{wanted}”，新表改名为“{name}”，原表没有改动。',
  'status.missing': '示例原文缺失 {n} 处金额，对应单元格留空。',
  'status.fixFields': '还有 {n} 处需要修改，请按上面标红的说明改好后再插入。',

  'error.org.empty.unit': '请填写编制单位名称，例如“上海市社会保障卡服务中心”。',
  'error.org.empty.department': '请填写部门名称，例如“上海市人力资源和社会保障局”。',
  'error.org.tooLong': '名称太长（{n} 个字），请不要超过 {max} 个字。',
  'error.year.empty': '请填写预算年度，例如 {example}。',
  'error.year.notNumber': '预算年度要写四位数字，例如 {example}，不要加“年”字或空格。',
  'error.year.range': '预算年度应在 {min} 到 {max} 之间，请检查是否输错。',
  'error.tables.none': '请至少勾选一张表，或勾选“项目经费情况说明”。',
  'error.projectName.badChars': '项目名称不能含有这些符号：{chars}。请删去后再插入。',
  'error.projectName.tooLong': '项目名称太长（{n} 个字），请不要超过 {max} 个字。',

  'excel.needsExcel': '没有插入：这里不是 Excel。请在 Excel 中打开本加载项后再点“插入”。',
  'excel.cellEdit': 'Excel 正在编辑某个单元格。请先按 Enter 或 Esc 结束编辑，再点“插入”。',
  'excel.protected': '工作簿的结构受保护，不能添加工作表。请在“审阅”选项卡取消“保护工作簿”后再试。',
  'excel.tooLarge': '一次插入的内容太多，Excel 没有接受。请少勾选几张表，分几次插入。',
  'excel.apiMissing': '这个版本的 Excel 不支持插入所需的功能。请使用 Microsoft 365、Excel 2021 或网页版 Excel。',
  'excel.busy': 'Excel 正忙，暂时不能插入。请稍等片刻再试。',
  'excel.generic': 'Excel 没能完成插入（{detail}）。请保存工作簿后再试一次；仍不行时请关闭并重新打开任务窗格。',
  'excel.genericNoDetail': 'Excel 没能完成插入。请保存工作簿后再试一次；仍不行时请关闭并重新打开任务窗格。',
  'excel.planFailed': '生成表格时出错（{detail}）。请检查填写的内容后再试。',

  'section.prepare': '报送前准备',
  'hint.prepare': '把工作簿中所有 BUDGET 公式换成它们现在显示的数值，这样在没有安装本加载项的电脑上打开也不会显示 #NAME?。其他公式和内容不变。转换后公式不再保留，建议先另存一份。',
  'button.freeze': '公式转为数值',
  'button.confirm': '确定',
  'button.cancel': '取消',
  'freeze.counting': '正在查找 BUDGET 公式……',
  'freeze.confirm': '将把 {n} 个单元格的 BUDGET 公式替换为当前数值（工作表：{sheets}）。替换后不能恢复为公式。确定要转换吗？',
  'freeze.working': '正在转换，请稍候……',
  'freeze.done': '已将 {n} 个单元格的 BUDGET 公式转为数值（工作表：{sheets}）。',
  'freeze.none': '工作簿中没有 BUDGET 公式。',
  'freeze.cancelled': '已取消，工作簿没有改动。',
  'freeze.spilled': '这些公式溢出到的另外 {n} 个单元格也已一并转为数值。',
  'freeze.errors': '其中 {n} 个单元格的结果是错误值（如 #N/A、#VALUE!），已按原样保留，报送前请检查。',
  'freeze.reprotected': '受保护的工作表（{sheets}）已临时撤销保护，转换后已按原设置重新保护。',
  'freeze.notReady': '没有转换：有 {n} 个 BUDGET 公式还没有可用的结果（{cells}），现在转换会把错误值写进表里。显示 #BUSY! 的请等 Excel 算完再试；显示 #NAME? 或 #SPILL! 的请先修正公式。',
  'freeze.notReady.more': '等',
  'freeze.needsExcel': '没有转换：这里不是 Excel。请在 Excel 中打开本加载项后再点“公式转为数值”。',
  'freeze.error.protected': '转换没有完成：有工作表设有密码保护，加载项不能撤销。请在“审阅”选项卡中撤销该工作表的保护后再试。已转换的单元格不受影响，再次运行只处理剩下的公式。',
  'freeze.error.cellEdit': 'Excel 正在编辑某个单元格。请先按 Enter 或 Esc 结束编辑，再点“公式转为数值”。',
  'freeze.error.tooLarge': '工作簿内容太多，Excel 一次读写不完，没有转换完。请把很大的工作表移到另一个工作簿后再试。',
  'freeze.error.apiMissing': '这个版本的 Excel 不支持转换所需的功能。请使用 Microsoft 365、Excel 2021 或网页版 Excel。',
  'freeze.error.busy': 'Excel 正忙，暂时不能转换。请稍等片刻再试。',
  'freeze.error.generic': 'Excel 没能完成转换（{detail}）。请保存工作簿后再试一次；已转换的单元格不受影响，再次运行只处理剩下的公式。',
  'freeze.error.genericNoDetail': 'Excel 没能完成转换。请保存工作簿后再试一次；已转换的单元格不受影响，再次运行只处理剩下的公式。',

  'section.check': '校验',
  'hint.check': '按部门预算公开表的审核规则检查工作簿中的各张表。有问题的单元格会标上颜色（错误为红色，提示为黄色）并加批注；单元格的数值和公式不会改动。“清除标记”会恢复原来的底色和批注。',
  'button.check': '校验',
  'button.clearMarks': '清除标记',
  'check.reading': '正在读取工作表……',
  'check.progress': '正在检查第 {done}/{total} 张工作表：{sheet}',
  'check.marking': '正在标记有问题的单元格……',
  'check.ready': '可以报送：没有错误，提示 {warnings} 条。',
  'check.notReady': '不能报送：错误 {errors} 条，提示 {warnings} 条。',
  'check.noComments': '这个版本的 Excel 不支持批注，只标了底色。',
  'check.group': '{rule}（{n} 条）',
  'check.severity.error': '错误',
  'check.severity.warning': '提示',
  'check.goTo': '转到 {sheet}!{cell}',
  'check.cleared': '已清除标记，单元格原来的底色和批注已恢复。',
  'check.nothingToClear': '没有需要清除的标记。',
  'check.clearing': '正在清除标记……',
  'check.needsExcel': '没有校验：这里不是 Excel。请在 Excel 中打开本加载项后再点“校验”。',
  'check.error.generic': 'Excel 没能完成校验（{detail}）。请保存工作簿后再试一次。',
  'check.error.genericNoDetail': 'Excel 没能完成校验。请保存工作簿后再试一次。',
} as const;

export type MessageKey = keyof typeof zhCN;

const enUS: Record<MessageKey, string> = {
  'app.title': 'Budget Tables',
  'app.subtitle': 'Insert budget disclosure table templates',
  'lang.toggle': '中文',
  'lang.toggleLabel': 'Switch to Chinese',
  'banner.needsExcel': 'This pane needs Excel. Open the add-in in Excel (desktop or on the web); here you can only browse the list of tables, not insert them.',
  'banner.loading': 'Connecting to Excel…',

  'section.template': 'New blank templates',
  'section.sample': 'Sample data',

  'field.level': 'Level',
  'level.unit': 'Unit',
  'level.department': 'Department',
  'field.org.unit': 'Unit name',
  'field.org.department': 'Department name',
  'hint.org.unit': 'The full name, e.g. 上海市社会保障卡服务中心. It appears in the titles and notes.',
  'hint.org.department': 'The full name, e.g. 上海市人力资源和社会保障局. It appears in the titles and notes.',
  'field.year': 'Budget year',
  'hint.year': 'A four-digit year; next year by default.',
  'field.tables': 'Tables to insert',
  'tables.selectAll': 'Select all',
  'tables.selectNone': 'Select none',
  'tables.count': '{n} selected',
  'field.project': 'Project statement (项目经费情况说明)',
  'hint.project': 'One per project, in seven parts: overview, basis, and so on.',
  'field.projectName': 'Project name',
  'hint.projectName': 'Optional. When empty, “XX” holds the place; you can change it in the sheet afterwards.',
  'button.insert': 'Insert',
  'field.sample': 'Sample budget',
  'hint.sample': 'Published Shanghai budgets, to show what filled-in tables look like.',
  'sample.option': '{year} {org} ({level})',
  'button.sample': 'Load sample data',
  'help.link': 'Help',

  'status.working': 'Inserting, please wait…',
  'status.done': 'Inserted {n} sheets:',
  'status.renamed': 'The workbook already has “{wanted}”, so the new sheet is named “{name}”; the existing sheet is unchanged.',
  'status.missing': 'The sample’s source lacks {n} amounts; those cells are left blank.',
  'status.fixFields': 'Fix what is marked in red above ({n} in all), then insert again.',

  'error.org.empty.unit': 'Enter the unit’s name, e.g. 上海市社会保障卡服务中心.',
  'error.org.empty.department': 'Enter the department’s name, e.g. 上海市人力资源和社会保障局.',
  'error.org.tooLong': 'The name is too long ({n} characters); keep it to {max} at most.',
  'error.year.empty': 'Enter the budget year, e.g. {example}.',
  'error.year.notNumber': 'Write the budget year as four digits, e.g. {example}, without 年 or spaces.',
  'error.year.range': 'The budget year should be between {min} and {max}; check for a typing mistake.',
  'error.tables.none': 'Tick at least one table, or the project statement.',
  'error.projectName.badChars': 'The project name cannot contain these characters: {chars}. Remove them and insert again.',
  'error.projectName.tooLong': 'The project name is too long ({n} characters); keep it to {max} at most.',

  'excel.needsExcel': 'Nothing was inserted: this is not Excel. Open the add-in in Excel, then choose Insert.',
  'excel.cellEdit': 'Excel is editing a cell. Press Enter or Esc to finish editing, then choose Insert.',
  'excel.protected': 'The workbook structure is protected, so sheets cannot be added. Unprotect the workbook (Review tab), then try again.',
  'excel.tooLarge': 'Too much to insert at once; Excel refused it. Tick fewer tables and insert them in several goes.',
  'excel.apiMissing': 'This version of Excel lacks features the add-in needs. Use Microsoft 365, Excel 2021 or Excel on the web.',
  'excel.busy': 'Excel is busy and cannot insert right now. Wait a moment and try again.',
  'excel.generic': 'Excel could not finish inserting ({detail}). Save the workbook and try again; if it still fails, close and reopen the task pane.',
  'excel.genericNoDetail': 'Excel could not finish inserting. Save the workbook and try again; if it still fails, close and reopen the task pane.',
  'excel.planFailed': 'Making the tables failed ({detail}). Check what you entered and try again.',

  'section.prepare': 'Prepare for submission',
  'hint.prepare': 'Replaces every BUDGET formula in the workbook with the value it shows now, so the workbook opens without #NAME? where this add-in is not installed. Other formulas and contents stay as they are. The formulas are not kept, so save a copy first.',
  'button.freeze': 'Convert BUDGET formulas to values',
  'button.confirm': 'OK',
  'button.cancel': 'Cancel',
  'freeze.counting': 'Looking for BUDGET formulas…',
  'freeze.confirm': 'Cells whose BUDGET formulas will be replaced with their current values: {n} (sheets: {sheets}). They cannot be turned back into formulas. Convert them?',
  'freeze.working': 'Converting, please wait…',
  'freeze.done': 'Cells converted from BUDGET formulas to values: {n} (sheets: {sheets}).',
  'freeze.none': 'The workbook has no BUDGET formulas.',
  'freeze.cancelled': 'Cancelled; the workbook is unchanged.',
  'freeze.spilled': 'Further cells these formulas spilled into, now values too: {n}.',
  'freeze.errors': 'Cells among them holding an error value (such as #N/A or #VALUE!), kept as it is: {n}. Check them before submitting.',
  'freeze.reprotected': 'Protected sheets ({sheets}) were unprotected for the change and protected again with their own settings.',
  'freeze.notReady': 'Nothing was converted: some BUDGET formulas have no usable result yet ({n}: {cells}), and converting now would write the error into the table. Where a cell shows #BUSY!, wait for Excel to finish calculating; where it shows #NAME? or #SPILL!, correct the formula first.',
  'freeze.notReady.more': 'and more',
  'freeze.needsExcel': 'Nothing was converted: this is not Excel. Open the add-in in Excel, then choose Convert BUDGET formulas to values.',
  'freeze.error.protected': 'The conversion did not finish: a sheet is protected with a password, which the add-in cannot remove. Unprotect that sheet (Review tab) and try again. Cells already converted stay converted; running again handles only the formulas left.',
  'freeze.error.cellEdit': 'Excel is editing a cell. Press Enter or Esc to finish editing, then choose Convert BUDGET formulas to values.',
  'freeze.error.tooLarge': 'The workbook is too large for Excel to read and write at once, so the conversion did not finish. Move very large sheets to another workbook and try again.',
  'freeze.error.apiMissing': 'This version of Excel lacks features the conversion needs. Use Microsoft 365, Excel 2021 or Excel on the web.',
  'freeze.error.busy': 'Excel is busy and cannot convert right now. Wait a moment and try again.',
  'freeze.error.generic': 'Excel could not finish the conversion ({detail}). Save the workbook and try again; cells already converted stay converted, and running again handles only the formulas left.',
  'freeze.error.genericNoDetail': 'Excel could not finish the conversion. Save the workbook and try again; cells already converted stay converted, and running again handles only the formulas left.',

  'section.check': 'Validate',
  'hint.check': 'Checks the tables in the workbook against the budget disclosure audit rules. Cells with problems are coloured (errors red, notices yellow) and get a comment; no value or formula is changed. Clear marks puts back the cells’ own fills and comments.',
  'button.check': 'Validate',
  'button.clearMarks': 'Clear marks',
  'check.reading': 'Reading the sheets…',
  'check.progress': 'Checking sheet {done}/{total}: {sheet}',
  'check.marking': 'Marking the cells with problems…',
  'check.ready': 'Ready to submit: no errors; notices: {warnings}.',
  'check.notReady': 'Not ready to submit: errors: {errors}; notices: {warnings}.',
  'check.noComments': 'This version of Excel has no comments API: the cells are coloured only.',
  'check.group': '{rule} ({n} found)',
  'check.severity.error': 'Error',
  'check.severity.warning': 'Notice',
  'check.goTo': 'Go to {sheet}!{cell}',
  'check.cleared': 'Marks cleared; the cells’ own fills and comments are back.',
  'check.nothingToClear': 'There are no marks to clear.',
  'check.clearing': 'Clearing the marks…',
  'check.needsExcel': 'Nothing was validated: this is not Excel. Open the add-in in Excel, then choose Validate.',
  'check.error.generic': 'Excel could not finish the validation ({detail}). Save the workbook and try again.',
  'check.error.genericNoDetail': 'Excel could not finish the validation. Save the workbook and try again.',
};

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

/** How a list of names is written in running text: 单位收入总表、单位支出总表 / 单位收入总表, 单位支出总表. */
export function joinList(lang: Lang, items: readonly string[]): string {
  return items.join(lang === 'zh-CN' ? '、' : ', ');
}

export type MessageParams = Record<string, string | number>;

/** A message to show later, in whichever language is current then. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

/** Looks a message up and fills in its `{placeholders}`; an unknown placeholder stays as written. */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const text = MESSAGES[lang][key] ?? MESSAGES['zh-CN'][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function say(lang: Lang, m: Message): string {
  return t(lang, m.key, m.params);
}

/** Chinese for any Chinese display language (zh-CN, zh-TW, zh-HK…), English otherwise; Chinese when unknown. */
export function pickLanguage(displayLanguage: string | null | undefined): Lang {
  if (!displayLanguage) return 'zh-CN';
  return /^zh\b/i.test(displayLanguage.trim()) ? 'zh-CN' : 'en-US';
}

export function isLang(v: unknown): v is Lang {
  return v === 'zh-CN' || v === 'en-US';
}

/**
 * English names of the sheets for the English pane. The sheets themselves stay in Chinese,
 * as the disclosure rules require; the pane shows these beside the Chinese titles.
 */
export const SPEC_EN: Record<SpecId, { title: string; description: string }> = {
  functions: { title: 'Main functions', description: 'What the body is responsible for' },
  organization: { title: 'Organization', description: 'Internal offices and subordinate units' },
  glossary: { title: 'Glossary', description: 'Standard explanations of the budget terms' },
  explanation: { title: 'Budget explanation', description: 'Income and expenditure explained, with changes on last year' },
  T1: { title: 'T1 Income and expenditure summary', description: 'Income and expenditure of the year (functional classes)' },
  T2: { title: 'T2 Income budget summary', description: 'Income by functional classification code' },
  T3: { title: 'T3 Expenditure budget summary', description: 'Basic and project expenditure by functional code' },
  T4: { title: 'T4 Fiscal appropriation income and expenditure', description: 'Appropriations by fund type and functional class' },
  T5: { title: 'T5 General public budget expenditure', description: 'General public budget appropriations by functional code' },
  T6: { title: 'T6 Government fund budget expenditure', description: 'Government fund appropriations (a statement when none)' },
  T7: { title: 'T7 State capital budget expenditure', description: 'State capital operation appropriations (a statement when none)' },
  T8: { title: 'T8 Basic expenditure by economic class', description: 'General public budget basic expenditure by economic code' },
  T9: { title: 'T9 “Three public” and office running costs', description: 'Travel abroad, vehicles, receptions and running costs (10,000 yuan)' },
  U1: { title: 'U1 Fiscal appropriation expenditure', description: 'Appropriations split into personnel, public and project (units)' },
  U2: { title: 'U2 Project expenditure', description: 'Appropriated projects under their functional items (units)' },
  other: { title: 'Other information', description: '“Three public” costs, running costs, procurement, performance, assets' },
  project: { title: 'Project statement', description: 'One per project, in seven parts' },
  'target-form': { title: 'Performance target form', description: 'Project expenditure performance targets (2026 form)' },
  'self-evaluation': { title: 'Performance self-evaluation', description: 'Project expenditure performance self-evaluation, scored' },
  'target-summary': { title: 'Performance target summary', description: 'One row per project, linked to its target form' },
  'target-form-2020': { title: 'Performance target form (2020)', description: 'The long 2020 form, with sub-projects and last year’s use of funds' },
};
