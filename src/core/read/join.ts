import type { CodedTableData, ModelSheet, ProjectTableData } from '../model';

/**
 * A coded table published over several sheets (one per printed page, each with the title and
 * headers repeated) is one table: its rows are joined in sheet order, each row keeping the
 * sheet it is on so that a finding still names its cell, and the 合计 is the one row that
 * carries it wherever it is. Sheets of other kinds pass through unchanged.
 *
 * The pages are taken to share their column layout, as repeated headers do.
 */
export function joinContinuations(sheets: ModelSheet[]): ModelSheet[] {
  const out: ModelSheet[] = [];
  const heads = new Map<string, { sheet: ModelSheet; data: CodedTableData }>();
  const projectHeads = new Map<string, ProjectTableData>();
  for (const s of sheets) {
    if (s.data.kind === 'projects') {
      const key = `${s.specId}|${s.context.year ?? ''}`;
      const head = projectHeads.get(key);
      if (!head) {
        const data: ProjectTableData = { ...s.data, rows: s.data.rows.map((g) => ({ ...g, projects: [...g.projects] })), at: s.data.at ? { ...s.data.at } : undefined };
        projectHeads.set(key, data);
        out.push({ ...s, data });
      } else joinProjects(head, s.data, s.sheetName);
      continue;
    }
    if (s.data.kind !== 'coded') {
      out.push(s);
      continue;
    }
    const key = `${s.specId}|${s.context.year ?? ''}`;
    const head = heads.get(key);
    if (!head) {
      const data: CodedTableData = { ...s.data, rows: [...s.data.rows], at: s.data.at ? { ...s.data.at } : undefined };
      const copy = { ...s, data };
      heads.set(key, { sheet: copy, data });
      out.push(copy);
      continue;
    }
    const part = s.data;
    head.data.rows.push(...part.rows.map((r) => ({ ...r, sheet: r.sheet ?? s.sheetName })));
    const headHasTotal = head.data.at?.totalRow !== null && head.data.at?.totalRow !== undefined;
    if (!headHasTotal && part.at?.totalRow) {
      head.data.total = part.total;
      head.data.at = { ...(head.data.at ?? { columns: part.at.columns }), totalRow: part.at.totalRow, totalSheet: s.sheetName };
    }
    if (part.statement) head.data.statement = head.data.statement ? `${head.data.statement}${part.statement}` : part.statement;
    if (part.decimals !== undefined) head.data.decimals = Math.max(head.data.decimals ?? 0, part.decimals);
  }
  return out;
}

/**
 * U2 over several sheets: a page that starts with projects continues the last 项 of the page
 * before; its 合计 is the one the table has.
 */
function joinProjects(head: ProjectTableData, part: ProjectTableData, sheetName: string): void {
  const groups = part.rows.map((g) => ({ ...g, sheet: g.sheet ?? sheetName, projects: g.projects.map((p) => ({ ...p, sheet: p.sheet ?? sheetName })) }));
  const last = head.rows[head.rows.length - 1];
  if (groups.length && groups[0].code === '' && groups[0].row === undefined && last) {
    last.projects.push(...groups.shift()!.projects);
  }
  head.rows.push(...groups);
  if ((head.at?.totalRow === null || head.at?.totalRow === undefined) && part.at?.totalRow) {
    head.total = part.total;
    head.at = { ...(head.at ?? { columns: part.at.columns }), totalRow: part.at.totalRow, totalSheet: sheetName };
  }
}
