/** Where the 上年对比 sheet keeps what is read back from it (its own module: reading loads no plan). */
export const COMPARISON = {
  id: 'comparison' as const,
  title: '{year}年预算与上年预算对比表',
  sheetName: '上年对比',
  description: '本年预算与上年预算逐项对比：增减额、增减率，增减率达到阈值（或上年为 0）时须填写原因',
};

export const COMPARISON_COLUMNS = { code: 1, label: 2, column: 3, previous: 4, current: 5, change: 6, rate: 7, flag: 8, reason: 9, previousCodes: 10, key: 11 } as const;
export const COMPARISON_THRESHOLD_CELL = 'C3';
export const COMPARISON_HEADER_ROW = 4;
