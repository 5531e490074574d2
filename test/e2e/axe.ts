import fs from 'fs';
import type { Frame, Page } from 'playwright-core';

/**
 * axe-core run inside a page or frame (the pane in the preview is a frame), reporting the
 * violations of serious or critical impact as `impact id: targets` lines.
 */
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

type Violation = { id: string; impact: string; nodes: { target: unknown }[] };

export async function seriousViolations(where: Page | Frame): Promise<string[]> {
  await where.evaluate(AXE);
  const violations = await where.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.targets.join(' ')}`);
}
