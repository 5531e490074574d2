import type { PackSheetSpec, Wording } from './types';

/**
 * The pack's 封面 and 目录, as the 2026 district templates open with them: the cover names the
 * year, the 财政级次 and the body (`2026年区级部门预算`, `预算主管部门：…`), the contents lists
 * the sections and tables in order. They come first (order below the text sections') and are
 * ticked like any table; the reader passes over them (read/recognize.ts), so a workbook with
 * them is checked exactly as one without.
 */

const both = ['unit', 'department'] as const;

export const COVER: PackSheetSpec = {
  kind: 'cover',
  id: 'cover',
  order: -6,
  title: { unit: '{year}年{tier}单位预算', department: '{year}年{tier}部门预算' },
  sheetName: { unit: '封面', department: '封面' },
  description: '封面（预算年度、财政级次、编制单位或部门、日期）',
  levels: [...both],
};

export const CONTENTS: PackSheetSpec = {
  kind: 'contents',
  id: 'contents',
  order: -5,
  title: { unit: '目  录', department: '目  录' },
  sheetName: { unit: '目录', department: '目录' },
  description: '目录（各部分和各表的顺序与工作表名称）',
  levels: [...both],
};

export const PACK_SPECS: readonly PackSheetSpec[] = [COVER, CONTENTS];

/** The cover's line under the title: who the budget is of, in the district templates' words. */
export const COVER_BODY: Wording = { unit: '预算单位：{org}', department: '预算主管部门：{org}' };

/** Headings of the contents for the text sections, as the district templates word them (no year, no name). */
export const CONTENTS_HEADINGS: Record<string, Wording> = {
  functions: { unit: '单位主要职能', department: '部门主要职能' },
  organization: { unit: '单位机构设置', department: '部门机构设置' },
  glossary: { unit: '名词解释', department: '名词解释' },
  explanation: { unit: '单位预算编制说明', department: '部门预算编制说明' },
  tables: { unit: '单位预算表', department: '部门预算表' },
  other: { unit: '其他相关情况说明', department: '其他相关情况说明' },
  project: { unit: '项目经费情况说明', department: '项目经费情况说明' },
};
