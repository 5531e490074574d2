import { markCheckStale } from './check-section';
import { $, el, focusOutput } from './dom';
import { actionButtons, excelAction, inExcel } from './excel-action';
import { contextOf } from './form';
import { insertProjectForms, listProjects } from './forms-workbook';
import { say } from './i18n';
import { renderInsertOutput } from './insert-output';
import { level, readState } from './insert-section';
import { tr, ui, type FormsOutput } from './pane-state';
import {
  explainFormsError,
  formsErrorFields,
  formsOutcomes,
  parseTypedProjects,
  projectLabel,
  typedProjectsSheet,
  validateFormsRequest,
  type FormsErrors,
  type FormsField,
  type FormsRequest,
  type TypedProjects,
} from './project-forms';
import { outcomeNotes } from './result';

/**
 * The 绩效表 section: the projects read from the workbook's U2 tables (a unit's own, or in a
 * department's workbook its units'), or typed in the pane, and the forms inserted for them.
 */

function typed(): TypedProjects {
  return parseTypedProjects($<HTMLTextAreaElement>('forms-typed').value);
}

/** There is a list to choose from: read from the workbook, or typed. */
function hasList(t: TypedProjects = typed()): boolean {
  return ui.forms.items !== null || t.projects.length > 0;
}

function readFormsRequest(t: TypedProjects = typed()): FormsRequest {
  const items = ui.forms.items ?? [];
  const read = items.map((p) => p.name).filter((name) => !ui.forms.unticked.has(name));
  const typedNames = t.projects.map((p) => p.name).filter((name) => !read.includes(name));
  return {
    projects: [...read, ...typedNames],
    kinds: {
      target: $<HTMLInputElement>('forms-target').checked,
      self: $<HTMLInputElement>('forms-self').checked,
      statement: $<HTMLInputElement>('forms-statement').checked,
      summary: $<HTMLInputElement>('forms-summary').checked,
    },
    department: $<HTMLInputElement>('forms-department').value,
  };
}

function validate(): FormsErrors {
  const t = typed();
  return validateFormsRequest(readFormsRequest(t), hasList(t), t.badLines);
}

/** The project checkboxes, one per U2 project (name and amount), and the count. */
export function renderForms(): void {
  const list = $<HTMLUListElement>('forms-projects');
  const items = ui.forms.items;
  const focused = (document.activeElement as HTMLInputElement | null)?.dataset?.project;
  list.textContent = '';
  list.hidden = !items || items.length === 0;
  const status = $('forms-projects-status');
  status.hidden = !!items && items.length > 0;
  const dept = level() === 'department';
  status.textContent = tr(items ? (dept ? 'forms.noU2.department' : 'forms.noU2') : dept ? 'forms.projectsEmpty.department' : 'forms.projectsEmpty');
  $('forms-load').textContent = tr(items ? 'button.formsRefresh' : 'button.formsLoad');
  (items ?? []).forEach((item, i) => {
    const id = `forms-project-${i}`;
    const input = el('input', { type: 'checkbox', id });
    input.dataset.project = item.name;
    input.checked = !ui.forms.unticked.has(item.name);
    const label = el('label', { class: 'check', for: id });
    const text = el('span', { class: 'check-text' });
    text.append(el('span', { class: 'check-title' }, projectLabel(ui.lang, item)));
    label.append(input, text);
    const li = el('li');
    li.append(label);
    list.append(li);
    if (focused === item.name) input.focus();
  });
  updateFormsCount();
  renderInsertOutput('forms-output', ui.forms.output, 'forms.working');
  if (ui.forms.showErrors) renderFormsErrors(validate());
}

/** The counts, and under the button the step it still needs (读取项目 or typing a project). */
function updateFormsCount(): void {
  const items = ui.forms.items ?? [];
  const t = typed();
  const count = $('forms-projects-count');
  const ticked = items.filter((p) => !ui.forms.unticked.has(p.name)).length;
  count.textContent = items.length > 0 ? tr('forms.projectsCount', { n: items.length, m: ticked }) : '';
  for (const id of ['forms-select-all', 'forms-select-none']) $<HTMLButtonElement>(id).disabled = items.length === 0;
  const typedCount = $('forms-typed-count');
  typedCount.hidden = t.projects.length === 0;
  typedCount.textContent = tr('forms.typedCount', { n: t.projects.length });
  const needs = $('forms-insert-needs');
  // said once: not beside the button while the field's error says the same
  needs.hidden = hasList(t) || ui.forms.showErrors;
  needs.textContent = tr('forms.needs.load');
}

const FORMS_ERROR_BOX: Record<FormsField, string> = {
  projects: 'forms-projects-error',
  typed: 'forms-typed-error',
  kinds: 'forms-kinds-error',
  department: 'forms-department-error',
};

function renderFormsErrors(errors: FormsErrors): void {
  for (const [field, id] of Object.entries(FORMS_ERROR_BOX) as [FormsField, string][]) {
    const m = errors[field];
    const box = $(id);
    box.hidden = !m;
    box.textContent = m ? say(ui.lang, m) : '';
  }
  $('forms-department').setAttribute('aria-invalid', errors.department ? 'true' : 'false');
  $('forms-typed').setAttribute('aria-invalid', errors.typed ? 'true' : 'false');
  $('forms-projects-field').classList.toggle('invalid', !!errors.projects);
  $('forms-kinds-field').classList.toggle('invalid', !!errors.kinds);
}

function focusFormsField(field: FormsField): void {
  if (field === 'department') $('forms-department').focus();
  else if (field === 'kinds') $('forms-target').focus();
  else if (field === 'typed') $('forms-typed').focus();
  else (document.querySelector<HTMLInputElement>('#forms-projects input[type="checkbox"]') ?? $('forms-load')).focus();
}

function setFormsOutput(out: FormsOutput | null, focus = false): void {
  ui.forms.output = out;
  renderInsertOutput('forms-output', out, 'forms.working');
  if (focus && out) focusOutput('forms-output');
}

/** Errors follow the clerk's changes once 插入绩效表 was tried; the “fix” line goes with the last. */
function refreshFormsValidation(): void {
  updateFormsCount();
  if (!ui.forms.showErrors) return;
  const errors = validate();
  renderFormsErrors(errors);
  if (ui.forms.output?.kind === 'fix') {
    const n = formsErrorFields(errors).length;
    setFormsOutput(n > 0 ? { kind: 'fix', count: n } : null);
  }
}

/** 读取项目 / 刷新项目: the projects of the workbook's U2 tables. */
async function onFormsLoad(): Promise<void> {
  if (ui.busy) return;
  if (!inExcel()) {
    setFormsOutput({ kind: 'error', message: { key: 'forms.needsExcel' } }, true);
    return;
  }
  setFormsOutput({ kind: 'status', message: { key: 'forms.reading' } });
  const dept = level() === 'department';
  const next = await excelAction<FormsOutput>(
    async (context) => {
      const items = await listProjects(context);
      ui.forms.items = items;
      return items.length > 0
        ? { kind: 'info', message: { key: 'forms.loaded', params: { n: items.length } } }
        : { kind: 'info', message: { key: dept ? 'forms.noU2.department' : 'forms.noU2' } };
    },
    (err) => ({ kind: 'error', message: explainFormsError(err, 'read') }),
  );
  ui.forms.output = next;
  renderForms();
  focusOutput('forms-output');
}

/** 插入绩效表: the chosen forms for the ticked and typed projects, never over an existing sheet. */
async function onFormsInsert(): Promise<void> {
  if (ui.busy) return;
  ui.forms.showErrors = true;
  const t = typed();
  const req = readFormsRequest(t);
  const errors = validateFormsRequest(req, hasList(t), t.badLines);
  renderFormsErrors(errors);
  const fields = formsErrorFields(errors);
  if (fields.length > 0) {
    setFormsOutput({ kind: 'fix', count: fields.length });
    focusFormsField(fields[0]);
    return;
  }
  if (!inExcel()) {
    setFormsOutput({ kind: 'error', message: { key: 'excel.needsExcel' } }, true);
    return;
  }
  const typedSheet = typedProjectsSheet(
    t.projects.filter((p) => !(ui.forms.items ?? []).some((i) => i.name === p.name)),
    contextOf(readState()).year,
  );
  setFormsOutput({ kind: 'working' });
  const next = await excelAction<FormsOutput>(
    async (context) => {
      const result = await insertProjectForms(context, req, undefined, undefined, typedSheet ? [typedSheet] : []);
      const outcomes = formsOutcomes(result.wanted, result.sheets);
      return { kind: 'done', outcomes, notes: [...outcomeNotes(outcomes), ...result.notes] };
    },
    (err) => ({ kind: 'error', message: explainFormsError(err, 'insert') }),
  );
  if (next.kind === 'done') markCheckStale();
  setFormsOutput(next, true);
}

function setFormsTicked(all: boolean): void {
  for (const item of ui.forms.items ?? []) {
    if (all) ui.forms.unticked.delete(item.name);
    else ui.forms.unticked.add(item.name);
  }
  document.querySelectorAll<HTMLInputElement>('#forms-projects input[type="checkbox"]').forEach((box) => (box.checked = all));
  refreshFormsValidation();
}

export function wireForms(): void {
  actionButtons('forms-load', 'forms-insert');
  $('forms-load').addEventListener('click', () => void onFormsLoad());
  $('forms-insert').addEventListener('click', () => void onFormsInsert());
  $('forms-select-all').addEventListener('click', () => setFormsTicked(true));
  $('forms-select-none').addEventListener('click', () => setFormsTicked(false));
  $('forms-projects').addEventListener('change', (e) => {
    const box = e.target as HTMLInputElement;
    const name = box.dataset.project;
    if (name === undefined) return;
    if (box.checked) ui.forms.unticked.delete(name);
    else ui.forms.unticked.add(name);
    refreshFormsValidation();
  });
  for (const id of ['forms-target', 'forms-self', 'forms-statement', 'forms-summary']) $(id).addEventListener('change', refreshFormsValidation);
  $('forms-department').addEventListener('input', refreshFormsValidation);
  $('forms-typed').addEventListener('input', refreshFormsValidation);
}
