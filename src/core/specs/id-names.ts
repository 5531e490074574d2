import { PACK_SPECS } from './pack';
import { TABLE_SPECS } from './tables';
import { TEXT_SPECS } from './texts';
import type { BudgetLevel, Spec } from './types';

/** One id a workbook request accepts (the pane's checklist, `template --tables`), with its Chinese name. */
export interface SpecIdName {
  id: string;
  /** without year, body or level: `T1` 财务收支预算总表, `functions` 主要职能 */
  name: string;
  /** the one level that has it (U1, U2: unit); absent when both have it */
  only?: BudgetLevel;
}

/** A spec's name without year, body or level: 财务收支预算总表, “三公”经费和机关运行经费预算表. */
export function specShortName(spec: Spec): string {
  if (spec.kind === 'text' || spec.kind === 'cover' || spec.kind === 'contents') return spec.description.replace(/（.*$/, '');
  return spec.title.unit.replace('{year}年', '').replace(/^(预算单位|单位)/, '');
}

/** Every spec id in the pack's order (项目经费情况说明 among them, under `project`). */
export function specIdNames(): SpecIdName[] {
  return [...PACK_SPECS, ...TEXT_SPECS, ...TABLE_SPECS]
    .sort((a, b) => a.order - b.order)
    .map((s) => ({ id: s.id, name: specShortName(s), ...(s.levels.length === 1 ? { only: s.levels[0] } : {}) }));
}
