import { display } from '../../src/dev/preview/grid';

describe('the preview grid shows numbers as Excel formats them', () => {
  it.each([
    [47061988, '#,##0', '47,061,988'],
    [1234.5, '#,##0.00', '1,234.50'],
    [4706.2, '0.00', '4706.20'],
    [0.1235, '0.00%', '12.35%'],
    [2040201, 'General', '2040201'],
    [-5, '#,##0;-#,##0', '-5'],
    ['02', '@', '02'],
    [true, 'General', 'TRUE'],
  ] as const)('%p in %s → %s', (v, fmt, want) => {
    expect(display(v, fmt)).toBe(want);
  });
});
