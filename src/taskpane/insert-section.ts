import { insertPlans } from '../excel/writer';
import { planWorkbook } from '../core/plan/workbook';
import type { SheetPlan } from '../core/plan/types';
import { sampleFromSeed } from '../core/sample';
import { SEED_BUDGETS } from '../core/sample-seeds';
import type { BudgetLevel, SpecId } from '../core/specs/types';
import { markCheckStale } from './check-section';
import { $, el, focusOutput } from './dom';
import { actionButtons, excelAction, inExcel } from './excel-action';
import {
  checklistSpecs,
  errorFields,
  FIELDS,
  isTier,
  prepareInsert,
  sampleLabel,
  sampleRequest,
  specTitle,
  TIERS,
  validateForm,
  type Field,
  type FormErrors,
  type FormState,
  type Tier,
} from './form';
import { say, specText, type MessageKey } from './i18n';
import { renderInsertOutput } from './insert-output';
import { tr, ui, type Output } from './pane-state';
import { explainExcelError, explainPlanError, outcomeNotes, sheetOutcomes } from './result';

/** The 新建空白模板 and 示例数据 sections: the form, its checklist, and inserting the sheets. */

export function level(): BudgetLevel {
  const checked = document.querySelector<HTMLInputElement>('input[name="level"]:checked');
  return checked?.value === 'department' ? 'department' : 'unit';
}

export function tier(): Tier {
  const v = document.querySelector<HTMLSelectElement>('#tier')?.value;
  return isTier(v) ? v : TIERS[0];
}

export function readState(): FormState {
  const lvl = level();
  return {
    level: lvl,
    tier: tier(),
    org: $<HTMLInputElement>('org').value,
    year: $<HTMLInputElement>('year').value,
    specs: checklistSpecs(lvl)
      .map((s) => s.id)
      .filter((id) => !ui.unticked.has(id)),
    project: $<HTMLInputElement>('project').checked,
    projectName: $<HTMLInputElement>('project-name').value,
  };
}

const TIER_KEYS: Record<Tier, MessageKey> = { 市级: 'tier.city', 区级: 'tier.district', 县级: 'tier.county' };

/** The 财政级次 options in the pane's language; the value stays the Chinese word the core fills in. */
export function renderTiers(): void {
  const select = $<HTMLSelectElement>('tier');
  const chosen = tier();
  select.textContent = '';
  for (const t of TIERS) select.append(el('option', { value: t }, tr(TIER_KEYS[t])));
  select.value = chosen;
}

export function renderChecklist(): void {
  const state = readState();
  const list = $<HTMLUListElement>('tables');
  const focusedId = (document.activeElement as HTMLInputElement | null)?.dataset?.spec;
  list.textContent = '';
  for (const spec of checklistSpecs(state.level)) {
    const id = `spec-${spec.id}`;
    const input = el('input', { type: 'checkbox', id, 'aria-describedby': `${id}-desc` });
    input.dataset.spec = spec.id;
    input.checked = !ui.unticked.has(spec.id);
    const title = el('span', { class: 'check-title', id: `${id}-title` });
    const desc = el('span', { class: 'check-desc', id: `${id}-desc` });
    const label = el('label', { class: 'check', for: id });
    const text = el('span', { class: 'check-text' });
    text.append(title, desc);
    label.append(input, text);
    const li = el('li');
    li.append(label);
    list.append(li);
  }
  updateTitles();
  updateCount();
  if (focusedId) document.getElementById(`spec-${focusedId}`)?.focus();
}

/** Titles follow the year and name as they are typed: 2027年部门财务收支预算总表. */
function updateTitles(): void {
  const state = readState();
  for (const spec of checklistSpecs(state.level)) {
    const title = document.getElementById(`spec-${spec.id}-title`);
    const desc = document.getElementById(`spec-${spec.id}-desc`);
    if (!title || !desc) continue;
    const zhTitle = specTitle(spec, state);
    const text = specText(ui.lang, spec.id);
    if (ui.lang === 'zh-CN') {
      title.textContent = zhTitle;
      // 主要职能 titled 主要职能 needs no description repeating it
      desc.textContent = zhTitle.includes(text.description) ? '' : text.description;
    } else {
      title.textContent = text.title;
      desc.textContent = '';
      desc.append(text.description, el('br'), el('span', { lang: 'zh-CN', class: 'check-zh' }, zhTitle));
    }
    desc.hidden = desc.textContent === '';
  }
}

function updateCount(): void {
  const n = readState().specs.length + ($<HTMLInputElement>('project').checked ? 1 : 0);
  $('tables-count').textContent = tr('tables.count', { n });
  $<HTMLInputElement>('project-name').disabled = !$<HTMLInputElement>('project').checked;
}

export function renderSamples(): void {
  const select = $<HTMLSelectElement>('sample');
  const chosen = select.value;
  select.textContent = '';
  SEED_BUDGETS.forEach((seed, i) => {
    select.append(el('option', { value: String(i) }, sampleLabel(ui.lang, seed)));
  });
  if (chosen) select.value = chosen;
}

function renderErrors(errors: FormErrors): void {
  for (const field of FIELDS) {
    const box = $(`${field}-error`);
    const m = errors[field];
    box.hidden = !m;
    box.textContent = m ? say(ui.lang, m) : '';
    const control = fieldControl(field);
    if (control) control.setAttribute('aria-invalid', m ? 'true' : 'false');
  }
  $('tables-field').classList.toggle('invalid', !!errors.tables);
}

function fieldControl(field: Field): HTMLElement | null {
  switch (field) {
    case 'org':
      return $('org');
    case 'year':
      return $('year');
    case 'projectName':
      return $('project-name');
    case 'tables':
      return null;
  }
}

function focusField(field: Field): void {
  const control = fieldControl(field) ?? document.querySelector<HTMLInputElement>('#tables input[type="checkbox"]') ?? $('project');
  control.focus();
}

export function renderOutput(): void {
  renderInsertOutput('output', ui.output, 'status.working');
}

function setOutput(out: Output | null, focus = false): void {
  ui.output = out;
  renderOutput();
  if (focus && out) {
    focusOutput('output');
  }
}

/**
 * The errors follow the typing once the clerk has tried to insert; the line under the button
 * that counted them follows too, and goes once nothing is left to fix.
 */
export function refreshValidation(): void {
  if (!ui.showErrors) return;
  const errors = validateForm(readState());
  renderErrors(errors);
  if (ui.output?.kind === 'fix') {
    const n = errorFields(errors).length;
    setOutput(n > 0 ? { kind: 'fix', count: n } : null);
  }
}

/** What to insert; made inside `insert` so a failure there is reported like Excel's. */
interface Batch {
  plans: SheetPlan[];
  /** amounts the sample's source lacks (left blank) */
  missing: number;
}

async function insert(make: () => Batch): Promise<void> {
  if (ui.busy) return;
  let batch: Batch;
  try {
    batch = make();
  } catch (err) {
    console.error(err);
    setOutput({ kind: 'error', message: explainPlanError(err) }, true);
    return;
  }
  if (!inExcel()) {
    setOutput({ kind: 'error', message: { key: 'excel.needsExcel' } }, true);
    return;
  }
  setOutput({ kind: 'working' });
  const { plans, missing } = batch;
  const next = await excelAction<Output>(
    async (context) => {
      const outcomes = sheetOutcomes(plans, (await insertPlans(context, plans)).sheets);
      return { kind: 'done', outcomes, notes: outcomeNotes(outcomes, missing) };
    },
    (err) => ({ kind: 'error', message: explainExcelError(err) }),
  );
  if (next.kind === 'done') markCheckStale();
  setOutput(next, true);
}

function onInsert(event: Event): void {
  event.preventDefault();
  ui.showErrors = true;
  const prepared = prepareInsert(readState());
  if (!prepared.ok) {
    renderErrors(prepared.errors);
    const fields = errorFields(prepared.errors);
    setOutput({ kind: 'fix', count: fields.length });
    focusField(fields[0]);
    return;
  }
  renderErrors({});
  void insert(() => ({ plans: planWorkbook(prepared.request), missing: 0 }));
}

function onLoadSample(): void {
  const i = Number($<HTMLSelectElement>('sample').value);
  const seed = SEED_BUDGETS[i];
  if (!seed) return;
  void insert(() => {
    const sample = sampleFromSeed(seed);
    return { plans: planWorkbook(sampleRequest(sample)), missing: sample.missing.length };
  });
}

function setTicked(all: boolean): void {
  for (const spec of checklistSpecs(level())) {
    if (all) ui.unticked.delete(spec.id);
    else ui.unticked.add(spec.id);
  }
  $<HTMLInputElement>('project').checked = all;
  document.querySelectorAll<HTMLInputElement>('#tables input[type="checkbox"]').forEach((box) => (box.checked = all));
  updateCount();
  refreshValidation();
}

/** `onLevel`: the level changed, and with it the labels of the whole pane. */
export function wireInsert(onLevel: () => void): void {
  actionButtons('insert', 'load-sample');
  $('template-form').addEventListener('submit', onInsert);
  $('load-sample').addEventListener('click', onLoadSample);
  document.querySelectorAll<HTMLInputElement>('input[name="level"]').forEach((radio) => radio.addEventListener('change', onLevel));
  $('org').addEventListener('input', () => {
    updateTitles();
    refreshValidation();
  });
  $('year').addEventListener('input', () => {
    updateTitles();
    refreshValidation();
  });
  $('year').addEventListener('keydown', (e) => {
    // arrow keys step the year, as a number field would
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    const input = e.target as HTMLInputElement;
    const y = Number(input.value.trim());
    if (!Number.isInteger(y) || input.value.trim() === '') return;
    e.preventDefault();
    input.value = String(y + (e.key === 'ArrowUp' ? 1 : -1));
    updateTitles();
    refreshValidation();
  });
  $('project-name').addEventListener('input', refreshValidation);
  $('project').addEventListener('change', () => {
    updateCount();
    refreshValidation();
  });
  $('tables').addEventListener('change', (e) => {
    const box = e.target as HTMLInputElement;
    const id = box.dataset.spec as SpecId | undefined;
    if (!id) return;
    if (box.checked) ui.unticked.delete(id);
    else ui.unticked.add(id);
    updateCount();
    refreshValidation();
  });
  $('select-all').addEventListener('click', () => setTicked(true));
  $('select-none').addEventListener('click', () => setTicked(false));
}
