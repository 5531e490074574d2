import type { ModelSheet, ProcurementData, ProcurementKey } from '../model';
import type { Money } from '../money';

/**
 * The 政府采购 figures of the 其他相关情况说明, which no budget table holds: a clerk types them
 * in a small input sheet (plan/procurement.ts) and the draft words them. In 万元.
 */
export type ProcurementInputs = Partial<Record<ProcurementKey, Money | null>>;

export const PROCUREMENT = {
  id: 'procurement' as const,
  title: '{year}年政府采购预算（起草说明用）',
  sheetName: '政府采购预算',
  description: '政府采购预算总额与货物、工程、服务及面向中小企业预留的金额（万元），供起草“其他相关情况说明”',
};

/** The labelled cells, in order; a reader finds each by its label. */
export const PROCUREMENT_FIELDS: { key: ProcurementKey; label: string }[] = [
  { key: 'total', label: '政府采购预算总额' },
  { key: 'goods', label: '其中：政府采购货物预算' },
  { key: 'works', label: '政府采购工程预算' },
  { key: 'services', label: '政府采购服务预算' },
  { key: 'smes', label: '面向中小企业预留政府采购项目预算金额' },
  { key: 'small', label: '其中：预留给小型和微型企业的政府采购项目预算' },
];

/** The inputs of the workbook's 政府采购 sheet; null when it has none, or none typed. */
export function procurementInputs(sheets: readonly ModelSheet[]): ProcurementInputs | null {
  const d = sheets.find((s) => s.data.kind === 'procurement')?.data as ProcurementData | undefined;
  if (!d || !Object.values(d.amounts).some((v) => v !== null && v !== undefined)) return null;
  return d.amounts;
}
