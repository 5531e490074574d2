import type { Amounts, SheetData } from '../../../src/core/model';
import { Money } from '../../../src/core/money';
import type { SpecId } from '../../../src/core/specs/types';

export interface UnitFigures {
  /** 人员经费, 公用经费, 项目支出 in 元 */
  personnel: number;
  public: number;
  project: number;
  leaf?: string;
  leafName?: string;
}

const m = (n: number) => new Money(n);
const am = (a: Record<string, number>): Amounts => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, m(v)]));

/**
 * A small unit budget that reconciles everywhere (T1–T9, U1, U2): one functional 项 under
 * 204 02, basic spending split 301 01 / 302 01, one project. What the refusal tests start from.
 */
export function cleanUnit(f: UnitFigures): Partial<Record<SpecId, SheetData>> {
  const leaf = f.leaf ?? '2040201';
  const leafName = f.leafName ?? '行政运行';
  const basic = f.personnel + f.public;
  const total = basic + f.project;
  const coded = (amounts: Record<string, number>) => ({
    kind: 'coded' as const,
    rows: [
      { code: '204', name: '公共安全支出', amounts: am(amounts) },
      { code: '20402', name: '公安', amounts: am(amounts) },
      { code: leaf, name: leafName, amounts: am(amounts) },
    ],
    total: am(amounts),
  });
  const spend = { total, basic, project: f.project };
  return {
    T1: {
      kind: 'balance',
      income: [
        { key: 'fiscal', label: '一、财政拨款收入', amount: m(total) },
        { key: 'general', label: '1. 一般公共预算', amount: m(total) },
      ],
      incomeTotal: m(total),
      expenditure: [{ code: '204', label: '一、公共安全支出', amounts: am({ total, personnel: f.personnel, public: f.public, project: f.project }) }],
      expenditureTotal: am({ total, personnel: f.personnel, public: f.public, project: f.project }),
    },
    T2: coded({ total, fiscal: total }),
    T3: coded(spend),
    T4: {
      kind: 'balance',
      income: [{ key: 'general', label: '一、一般公共预算', amount: m(total) }],
      incomeTotal: m(total),
      expenditure: [{ code: '204', label: '一、公共安全支出', amounts: am({ total, general: total }) }],
      expenditureTotal: am({ total, general: total }),
    },
    T5: coded(spend),
    T6: { kind: 'coded', rows: [], total: {}, statement: '本单位无政府性基金预算支出' },
    T7: { kind: 'coded', rows: [], total: {}, statement: '本单位无国有资本经营预算支出' },
    T8: {
      kind: 'coded',
      rows: [
        { code: '301', name: '工资福利支出', amounts: am({ total: f.personnel, personnel: f.personnel }) },
        { code: '30101', name: '基本工资', amounts: am({ total: f.personnel, personnel: f.personnel }) },
        { code: '302', name: '商品和服务支出', amounts: am({ total: f.public, public: f.public }) },
        { code: '30201', name: '办公费', amounts: am({ total: f.public, public: f.public }) },
      ],
      total: am({ total: basic, personnel: f.personnel, public: f.public }),
    },
    T9: { kind: 'three-public', amounts: am({ total: 0, abroad: 0, reception: 0, vehicleTotal: 0, vehiclePurchase: 0, vehicleRunning: 0, operating: 0 }) },
    U1: coded({ total, personnel: f.personnel, public: f.public, project: f.project }),
    U2: {
      kind: 'projects',
      rows: [{ code: leaf, name: leafName, amount: m(f.project), projects: [{ no: 1, name: '业务项目', amount: m(f.project) }] }],
      total: m(f.project),
    },
  };
}
