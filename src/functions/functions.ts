/* global CustomFunctions */
import { codeName, isProblem } from './logic';

function fail(p: { problem: 'invalid' | 'notFound'; message: string }): never {
  const code = p.problem === 'notFound' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  throw new CustomFunctions.Error(code, p.message);
}

/**
 * 返回科目编码的规范名称（按预算年度的科目版本）。Returns the official name of a classification code for the budget year's edition.
 * @customfunction NAME
 * @param code 科目编码：2040201、204 02 01、204-02-01，或类|款|项三个单元格。Classification code in any form, or a 类|款|项 block of three cells.
 * @param [year] 预算年度，如 2021；省略时用现行版本。Budget year, e.g. 2021; the current edition when omitted.
 * @returns 科目名称 / the code's name
 */
function codeNameFunction(code: any[][], year?: number): string {
  const result = codeName(code, year);
  if (isProblem(result)) fail(result);
  return result;
}
