import { Money } from './money';
import type {
  Amounts,
  BalanceTableData,
  BudgetContext,
  CodedTableData,
  ProjectTableData,
  SheetData,
  TextData,
  ThreePublicData,
} from './model';
import type {
  SeedAmount,
  SeedAmounts,
  SeedBalanceTable,
  SeedBudget,
  SeedCodedTable,
  SeedProjectTable,
  SeedThreePublicTable,
} from './seed-types';
import { PROJECT_SECTIONS } from './specs/texts';
import type { SpecId, TableId } from './specs/types';

export interface MissingAmount {
  table: string;
  where: string;
  reason: string;
}

/** A seed budget turned into the neutral model: what the sample workbook is filled with. */
export interface SampleBudget {
  id: string;
  ctx: BudgetContext;
  data: Partial<Record<SpecId, SheetData>>;
  projects: TextData[];
  /** numbers the source text lost: left blank in the workbook, listed here */
  missing: MissingAmount[];
}

class Converter {
  readonly missing: MissingAmount[] = [];

  amount(v: SeedAmount | undefined, table: string, where: string): Money | null {
    if (v === null || v === undefined) return null;
    if (typeof v === 'object') {
      this.missing.push({ table, where, reason: v.missing });
      return null;
    }
    return new Money(v);
  }

  amounts(a: SeedAmounts, table: string, where: string): Amounts {
    const out: Amounts = {};
    for (const [k, v] of Object.entries(a)) out[k as keyof Amounts] = this.amount(v, table, `${where} ${k}`);
    return out;
  }

  coded(t: SeedCodedTable, id: string): CodedTableData {
    return {
      kind: 'coded',
      rows: t.rows.map((r) => ({ code: r.code, name: r.name, amounts: this.amounts(r.amounts, id, r.code) })),
      total: this.amounts(t.total, id, '合计'),
      statement: t.statement ?? null,
    };
  }

  balance(t: SeedBalanceTable, id: string): BalanceTableData {
    return {
      kind: 'balance',
      income: t.income.map((l) => ({ key: l.key, label: l.label, amount: this.amount(l.amount, id, l.label) })),
      incomeTotal: this.amount(t.incomeTotal, id, '收入总计'),
      expenditure: t.expenditure.map((e) => ({ code: e.code, label: e.label, amounts: this.amounts(e.amounts, id, e.label) })),
      expenditureTotal: this.amounts(t.expenditureTotal, id, '支出总计'),
    };
  }

  threePublic(t: SeedThreePublicTable): ThreePublicData {
    const amounts: ThreePublicData['amounts'] = {};
    for (const [k, v] of Object.entries(t.amounts)) amounts[k as keyof typeof amounts] = this.amount(v, 'T9', k);
    return { kind: 'three-public', amounts };
  }

  projects(t: SeedProjectTable): ProjectTableData {
    return {
      kind: 'projects',
      rows: t.rows.map((g) => ({
        code: g.code,
        name: g.name,
        amount: this.amount(g.amount, 'U2', g.code),
        projects: g.projects.map((p) => ({ no: p.no, name: p.name, amount: this.amount(p.amount, 'U2', p.name) })),
      })),
      total: this.amount(t.total, 'U2', '合计'),
    };
  }
}

const paragraphs = (text: string | null | undefined): string[] | null =>
  text === null || text === undefined ? null : text.split('\n');

export function sampleFromSeed(seed: SeedBudget): SampleBudget {
  const c = new Converter();
  const data: Partial<Record<SpecId, SheetData>> = {};
  const t = seed.tables;
  for (const id of ['T2', 'T3', 'T5', 'T6', 'T7', 'T8', 'U1'] as const) {
    const table = t[id];
    if (table) data[id] = c.coded(table, id);
  }
  for (const id of ['T1', 'T4'] as const) {
    const table = t[id];
    if (table) data[id] = c.balance(table, id);
  }
  if (t.T9) data.T9 = c.threePublic(t.T9);
  if (t.U2) data.U2 = c.projects(t.U2);
  const texts = seed.texts;
  for (const [id, text] of [
    ['functions', texts.functions],
    ['organization', texts.organization],
    ['glossary', texts.glossary],
    ['explanation', texts.explanation],
    ['other', texts.other],
  ] as const) {
    const p = paragraphs(text);
    if (p) data[id] = { kind: 'text', paragraphs: p };
  }
  const projects: TextData[] = (texts.projects ?? []).map((p) => ({
    kind: 'text',
    subject: p.name,
    paragraphs: PROJECT_SECTIONS.flatMap(([key, heading]) => {
      const body = p.sections[key];
      return body === null || body === undefined ? [heading] : [heading, ...body.split('\n')];
    }),
  }));
  return {
    id: seed.id,
    ctx: { level: seed.level, org: seed.org, year: seed.year },
    data,
    projects,
    missing: c.missing,
  };
}

/** Which of the level's tables a seed gives; the sample workbook holds only those. */
export function seedTableIds(sample: SampleBudget): TableId[] {
  return (Object.keys(sample.data) as SpecId[]).filter((k): k is TableId => /^[TU]\d$/.test(k));
}
