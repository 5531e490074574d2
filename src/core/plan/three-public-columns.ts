import type { ThreePublicKey } from '../specs/types';

/**
 * T9's columns and their three header rows: what the plan writes and what the reader and
 * consolidation look for. Its own module, so reading a workbook does not load the plans.
 */
export const THREE_PUBLIC_COLUMNS: { key: ThreePublicKey; labels: [string, string, string] }[] = [
  { key: 'total', labels: ['“三公”经费预算数', '合计', '合计'] },
  { key: 'abroad', labels: ['“三公”经费预算数', '因公出国(境)费', '因公出国(境)费'] },
  { key: 'reception', labels: ['“三公”经费预算数', '公务接待费', '公务接待费'] },
  { key: 'vehicleTotal', labels: ['“三公”经费预算数', '公务用车购置及运行费', '小计'] },
  { key: 'vehiclePurchase', labels: ['“三公”经费预算数', '公务用车购置及运行费', '购置费'] },
  { key: 'vehicleRunning', labels: ['“三公”经费预算数', '公务用车购置及运行费', '运行费'] },
  { key: 'operating', labels: ['机关运行经费预算数', '机关运行经费预算数', '机关运行经费预算数'] },
];
