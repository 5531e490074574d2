/* global Office, Excel */
import './polyfills';
import { insertPlans } from '../excel/writer';
import { countBudgetFormulas, freezeBudgetFormulas } from '../excel/prepare';
import { applyMarks, clearMarks, type MarkResult } from '../excel/marks';
import { validateWorkbook, type WorkbookValidation } from '../excel/validate';
import { messageAfterCell, type Finding } from '../core/rules/types';
import { explainCheckError, groupFindings, markNotes, severityLabel, statusMessage } from './check';
import { planWorkbook } from '../core/plan/workbook';
import type { SheetPlan } from '../core/plan/types';
import { sampleFromSeed } from '../core/sample';
import { SEED_BUDGETS } from '../core/sample-seeds';
import type { BudgetLevel, SpecId } from '../core/specs/types';
import {
  checklistSpecs,
  errorFields,
  FIELDS,
  FormErrors,
  FormState,
  initialState,
  prepareInsert,
  sampleLabel,
  sampleRequest,
  specTitle,
  validateForm,
  type Field,
} from './form';
import { isLang, Lang, Message, MessageKey, pickLanguage, say, specText, t } from './i18n';
import { COMMAND_FAILED_EVENT, type CommandFailure } from '../commands/command-failure';
import { explainExcelError, explainPlanError, outcomeNotes, sheetOutcomes, SheetOutcome } from './result';
import { afterCount, afterError, afterFreeze, freezeView, type FreezeState } from './prepare';
import { startProgress, type Progress } from './progress';
import { loadFluentSpinner } from './fluent';
import { paneTheme, THEME_VARS, type OfficeThemeLike } from './theme';
import { insertProjectForms, listProjects } from '../excel/project-forms';
import {
  explainFormsError,
  formsErrorFields,
  formsOutcomes,
  projectLabel,
  validateFormsRequest,
  type FormsErrors,
  type FormsField,
  type FormsRequest,
  type ProjectItem,
} from './project-forms';

/**
 * The task pane: DOM wiring only. Validation, the plan request, messages and result wording
 * live in form.ts, i18n.ts and result.ts, which are tested without a browser.
 */

const LANG_KEY = 'budget-tables.lang';

type Output =
  | { kind: 'working' }
  | { kind: 'done'; outcomes: SheetOutcome[]; notes: Message[] }
  | { kind: 'error'; message: Message }
  | { kind: 'fix'; count: number };

const ui = {
  lang: 'zh-CN' as Lang,
  /** the user picked the language with the toggle: Office's display language no longer decides */
  langChosen: false,
  /** Office.onReady said the host is Excel */
  inExcel: false,
  officeReady: false,
  busy: false,
  /** after the first insert attempt, errors follow the typing */
  showErrors: false,
  /** tables the clerk unticked; survives switching level */
  unticked: new Set<SpecId>(),
  output: null as Output | null,
  /** the 报送前准备 section: counting, the question, the result */
  freeze: null as FreezeState | null,
  /** the 校验 section */
  check: null as CheckState | null,
  /** the spinner's half-second timer while busy */
  progress: null as Progress | null,
  /** the 绩效表 section */
  forms: {
    /** the U2 projects as last read; null before 读取项目 */
    items: null as ProjectItem[] | null,
    /** names unticked by the clerk; a project read for the first time comes ticked */
    unticked: new Set<string>(),
    showErrors: false,
    output: null as FormsOutput | null,
  },
};

/** The insert results of the template form and of the 绩效表 section, and the section's reading. */
type FormsOutput = Output | { kind: 'info'; message: Message } | { kind: 'status'; message: Message };

type CheckState =
  | { kind: 'working'; message: Message }
  | { kind: 'done'; validation: WorkbookValidation; marks: MarkResult }
  | { kind: 'info'; message: Message; marks?: MarkResult }
  | { kind: 'error'; message: Message };

function $<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`taskpane.html lacks #${id}`);
  return el as T;
}

function tr(key: MessageKey, params?: Record<string, string | number>): string {
  return t(ui.lang, key, params);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * The spinner of a working status line. Shown only once the work has lasted half a second
 * (body.show-progress); a Fluent spinner once its chunk is loaded, a CSS ring before that.
 */
function spinner(): HTMLElement {
  const s = document.createElement('fluent-spinner');
  s.className = 'spinner';
  s.setAttribute('size', 'tiny');
  s.setAttribute('role', 'progressbar');
  s.setAttribute('aria-label', tr('progress.label'));
  return s;
}

// ---------------------------------------------------------------- form state

function level(): BudgetLevel {
  const checked = document.querySelector<HTMLInputElement>('input[name="level"]:checked');
  return checked?.value === 'department' ? 'department' : 'unit';
}

function readState(): FormState {
  const lvl = level();
  return {
    level: lvl,
    org: $<HTMLInputElement>('org').value,
    year: $<HTMLInputElement>('year').value,
    specs: checklistSpecs(lvl)
      .map((s) => s.id)
      .filter((id) => !ui.unticked.has(id)),
    project: $<HTMLInputElement>('project').checked,
    projectName: $<HTMLInputElement>('project-name').value,
  };
}

// ---------------------------------------------------------------- rendering

function renderChecklist(): void {
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

function renderSamples(): void {
  const select = $<HTMLSelectElement>('sample');
  const chosen = select.value;
  select.textContent = '';
  SEED_BUDGETS.forEach((seed, i) => {
    select.append(el('option', { value: String(i) }, sampleLabel(ui.lang, seed)));
  });
  if (chosen) select.value = chosen;
}

function renderBanner(): void {
  const banner = $('banner');
  if (ui.inExcel) {
    banner.hidden = true;
    return;
  }
  banner.hidden = false;
  banner.textContent = tr(ui.officeReady ? 'banner.needsExcel' : 'banner.loading');
  banner.classList.toggle('warning', ui.officeReady);
}

/** A ribbon command that failed (commands.ts opened the pane for it): said in the banner. */
function showCommandFailure(f: CommandFailure): void {
  const banner = $('banner');
  banner.hidden = false;
  banner.classList.add('warning');
  banner.textContent = f.message;
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

function renderOutput(): void {
  renderInsertOutput('output', ui.output, 'status.working');
}

/** An insert result: the sheets made and the renamed ones, what to fix, or the error. */
function renderInsertOutput(id: string, out: FormsOutput | null, working: MessageKey): void {
  const box = $(id);
  box.textContent = '';
  box.className = 'output';
  box.removeAttribute('aria-busy');
  if (!out) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  switch (out.kind) {
    case 'working':
      box.classList.add('working');
      box.setAttribute('aria-busy', 'true');
      box.append(spinner(), el('p', {}, tr(working)));
      break;
    case 'status':
      // reading the project list: a working line with its own words
      box.classList.add('working');
      box.setAttribute('aria-busy', 'true');
      box.append(spinner(), el('p', {}, say(ui.lang, out.message)));
      break;
    case 'info':
      box.classList.add('info');
      box.append(el('p', {}, say(ui.lang, out.message)));
      break;
    case 'fix':
      box.classList.add('error');
      box.append(el('p', {}, tr('status.fixFields', { n: out.count })));
      break;
    case 'error':
      box.classList.add('error');
      box.append(el('p', { role: 'alert' }, say(ui.lang, out.message)));
      break;
    case 'done': {
      box.classList.add('done');
      box.append(el('p', { class: 'output-title' }, tr('status.done', { n: out.outcomes.length })));
      const ul = el('ul', { class: 'sheets' });
      for (const o of out.outcomes) ul.append(el('li', o.renamed ? { class: 'renamed' } : {}, o.name));
      box.append(ul);
      for (const note of out.notes) box.append(el('p', { class: 'note' }, say(ui.lang, note)));
      break;
    }
  }
}

/** Moves focus to a result box and brings it into view, so a keyboard or screen-reader user lands on it. */
function focusOutput(id: string): void {
  const box = $(id);
  box.focus({ preventScroll: true });
  box.scrollIntoView({ block: 'nearest' });
}

function setOutput(out: Output | null, focus = false): void {
  ui.output = out;
  renderOutput();
  if (focus && out) {
    focusOutput('output');
  }
}

/** The 报送前准备 output: a status line, or the inline question with 确定 / 取消. */
function renderFreeze(): void {
  const box = $('freeze-output');
  box.textContent = '';
  box.className = 'output';
  box.removeAttribute('aria-busy');
  box.removeAttribute('role');
  box.removeAttribute('aria-labelledby');
  if (!ui.freeze) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const view = freezeView(ui.lang, ui.freeze);
  box.classList.add(view.tone);
  if (view.tone === 'working') {
    box.setAttribute('aria-busy', 'true');
    box.append(spinner());
  }
  box.append(el('p', { id: 'freeze-text', ...(view.alert ? { role: 'alert' } : {}), ...(view.tone === 'done' ? { class: 'output-title' } : {}) }, view.text));
  for (const note of view.notes) box.append(el('p', { class: 'note' }, note));
  if (view.confirm) {
    box.setAttribute('role', 'group');
    box.setAttribute('aria-labelledby', 'freeze-text');
    const ok = el('button', { type: 'button', id: 'freeze-ok', class: 'primary' }, tr('button.confirm'));
    const cancel = el('button', { type: 'button', id: 'freeze-cancel', class: 'secondary' }, tr('button.cancel'));
    ok.disabled = cancel.disabled = ui.busy;
    ok.addEventListener('click', () => void onFreezeConfirm());
    cancel.addEventListener('click', onFreezeCancel);
    const actions = el('div', { class: 'actions' });
    actions.append(ok, cancel);
    box.append(actions);
  }
}

function setFreeze(state: FreezeState | null, focus: 'output' | 'cancel' | 'button' | null = null): void {
  ui.freeze = state;
  renderFreeze();
  if (focus === 'cancel') document.getElementById('freeze-cancel')?.focus();
  else if (focus === 'button') $('freeze').focus();
  else if (focus === 'output') {
    focusOutput('freeze-output');
  }
}

/** The 校验 output: progress, or the status and the findings by sheet and rule. */
function renderCheck(): void {
  const box = $('check-output');
  box.textContent = '';
  box.className = 'output';
  box.removeAttribute('aria-busy');
  const state = ui.check;
  if (!state) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  if (state.kind !== 'done') {
    box.classList.add(state.kind === 'working' ? 'working' : state.kind === 'error' ? 'error' : 'info');
    if (state.kind === 'working') {
      box.setAttribute('aria-busy', 'true');
      box.append(spinner());
    }
    box.append(el('p', state.kind === 'error' ? { role: 'alert' } : {}, say(ui.lang, state.message)));
    if (state.kind === 'info' && state.marks) for (const note of markNotes(state.marks, ui.lang)) box.append(el('p', { class: 'note' }, say(ui.lang, note)));
    return;
  }
  const { validation, marks } = state;
  box.classList.add(validation.ready ? 'done' : 'error');
  box.append(el('p', { class: 'output-title' }, say(ui.lang, statusMessage(validation))));
  for (const note of markNotes(marks, ui.lang)) box.append(el('p', { class: 'note' }, say(ui.lang, note)));
  for (const sheet of groupFindings(validation.findings, ui.lang)) {
    const details = el('details', { class: 'check-sheet' });
    details.open = true;
    details.append(el('summary', {}, tr('check.sheetCount', { sheet: sheet.sheet, n: sheet.count })));
    for (const rule of sheet.rules) {
      const group = el('div', { class: `check-rule ${rule.severity}`, 'data-rule': rule.rule });
      group.append(el('p', { class: 'check-rule-title' }, `${severityLabel(ui.lang, rule.severity)} · ${tr('check.group', { rule: rule.description, n: rule.findings.length })}`));
      const list = el('ul', { class: 'check-findings' });
      for (const f of rule.findings) {
        const item = el('li');
        // the attributes let tests and assistive tools find a finding without parsing its text
        const go = el('button', { type: 'button', class: 'link', 'data-sheet': f.sheet, 'data-cell': f.cell, title: tr('check.goTo', { sheet: f.sheet, cell: f.cell }) }, `${f.cell}  ${messageAfterCell(f)}`);
        go.addEventListener('click', () => void goToFinding(f));
        item.append(go);
        list.append(item);
      }
      group.append(list);
      details.append(group);
    }
    box.append(details);
  }
}

function setCheck(state: CheckState | null, focus = false): void {
  ui.check = state;
  renderCheck();
  if (focus) {
    focusOutput('check-output');
  }
}

/** Applies the language to every static string and re-renders the dynamic parts. */
function applyLanguage(): void {
  document.documentElement.lang = ui.lang;
  document.title = tr('app.title');
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((node) => {
    node.textContent = tr(node.dataset.i18n as MessageKey);
  });
  document.querySelectorAll<HTMLElement>('[data-i18n-aria-label]').forEach((node) => {
    node.setAttribute('aria-label', tr(node.dataset.i18nAriaLabel as MessageKey));
  });
  // the toggle names the other language, in that language
  $<HTMLButtonElement>('lang-toggle').lang = ui.lang === 'zh-CN' ? 'en' : 'zh-CN';
  const lvl = level();
  $('org-label').textContent = tr(lvl === 'unit' ? 'field.org.unit' : 'field.org.department');
  $('org-hint').textContent = tr(lvl === 'unit' ? 'hint.org.unit' : 'hint.org.department');
  renderBanner();
  renderChecklist();
  renderSamples();
  if (ui.showErrors) renderErrors(validateForm(readState()));
  renderOutput();
  renderFreeze();
  renderCheck();
  renderForms();
}

function refreshValidation(): void {
  if (ui.showErrors) renderErrors(validateForm(readState()));
}

// ---------------------------------------------------------------- actions

function setBusy(busy: boolean): void {
  ui.busy = busy;
  ui.progress?.stop();
  ui.progress = null;
  if (busy) {
    void loadFluentSpinner();
    ui.progress = startProgress(
      () => document.body.classList.add('show-progress'),
      () => document.body.classList.remove('show-progress'),
    );
  }
  for (const id of ['insert', 'load-sample', 'freeze', 'check', 'clear-marks', 'forms-load', 'forms-insert']) $<HTMLButtonElement>(id).disabled = busy;
  document.querySelectorAll<HTMLButtonElement>('#freeze-output button').forEach((b) => (b.disabled = busy));
  document.body.classList.toggle('busy', busy);
}

/** What to insert; made inside `insert` so a failure there is reported like Excel's. */
interface Batch {
  plans: SheetPlan[];
  /** amounts the sample's source lacks (left blank) */
  missing: number;
}

/** Office said the host is Excel and its API is there. */
function inExcel(): boolean {
  return ui.inExcel && typeof Excel !== 'undefined';
}

/**
 * One Excel batch from the pane: every action disabled while it runs, a failure turned into the
 * section's own words by `onError` (and logged for the developer console).
 */
async function excelAction<T>(work: (context: Excel.RequestContext) => Promise<T>, onError: (err: unknown) => T): Promise<T> {
  setBusy(true);
  try {
    return await Excel.run(work);
  } catch (err) {
    console.error(err);
    return onError(err);
  } finally {
    setBusy(false);
  }
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

/** 公式转为数值: count first (changes nothing), then ask in the pane. */
async function onFreeze(): Promise<void> {
  if (ui.busy) return;
  if (!inExcel()) {
    setFreeze({ kind: 'error', message: { key: 'freeze.needsExcel' } }, 'output');
    return;
  }
  setFreeze({ kind: 'counting' });
  const next = await excelAction(async (context) => afterCount(await countBudgetFormulas(context)), afterError);
  // The question takes focus on 取消, so an extra Enter does not convert by accident.
  setFreeze(next, next.kind === 'confirm' ? 'cancel' : 'output');
}

/** 确定: convert. The workbook is read again; the result says what was actually done. */
async function onFreezeConfirm(): Promise<void> {
  if (ui.busy || ui.freeze?.kind !== 'confirm') return;
  setFreeze({ kind: 'working' }, 'output');
  const next = await excelAction(async (context) => afterFreeze(await freezeBudgetFormulas(context)), afterError);
  setFreeze(next, 'output');
}

function onFreezeCancel(): void {
  if (ui.freeze?.kind !== 'confirm') return;
  setFreeze({ kind: 'cancelled' }, 'button');
}

/** 校验: read and check every sheet, then mark the cells (putting back earlier marks first). */
async function onCheck(): Promise<void> {
  if (ui.busy) return;
  if (!inExcel()) {
    setCheck({ kind: 'error', message: { key: 'check.needsExcel' } }, true);
    return;
  }
  setCheck({ kind: 'working', message: { key: 'check.reading' } });
  const next = await excelAction<CheckState>(
    async (context) => {
      const validation = await validateWorkbook(context, (p) =>
        setCheck({ kind: 'working', message: { key: 'check.progress', params: { done: p.done, total: p.total, sheet: p.sheet } } }),
      );
      setCheck({ kind: 'working', message: { key: 'check.marking' } });
      const marks = await applyMarks(context, validation.findings);
      return { kind: 'done', validation, marks };
    },
    (err) => ({ kind: 'error', message: explainCheckError(err) }),
  );
  setCheck(next, true);
}

/** 清除标记: put back every marked cell's fill and comment. */
async function onClearMarks(): Promise<void> {
  if (ui.busy) return;
  if (!inExcel()) {
    setCheck({ kind: 'error', message: { key: 'check.needsExcel' } }, true);
    return;
  }
  setCheck({ kind: 'working', message: { key: 'check.clearing' } });
  const next = await excelAction<CheckState>(
    async (context) => {
      const marks = await clearMarks(context);
      return { kind: 'info', message: { key: marks.restored > 0 ? 'check.cleared' : 'check.nothingToClear' }, marks };
    },
    (err) => ({ kind: 'error', message: explainCheckError(err) }),
  );
  setCheck(next, true);
}

/** Shows a finding's cell: its sheet activated, the cell selected. */
async function goToFinding(f: Finding): Promise<void> {
  if (!inExcel()) return;
  try {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(f.sheet);
      ws.activate();
      ws.getRange(f.cell).select();
      await context.sync();
    });
  } catch (err) {
    console.error(err);
  }
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

// ---------------------------------------------------------------- 绩效表

function readFormsRequest(): FormsRequest {
  const items = ui.forms.items ?? [];
  return {
    projects: items.map((p) => p.name).filter((name) => !ui.forms.unticked.has(name)),
    kinds: {
      target: $<HTMLInputElement>('forms-target').checked,
      self: $<HTMLInputElement>('forms-self').checked,
      statement: $<HTMLInputElement>('forms-statement').checked,
      summary: $<HTMLInputElement>('forms-summary').checked,
    },
    department: $<HTMLInputElement>('forms-department').value,
  };
}

/** The project checkboxes, one per U2 project (name and amount), and the count. */
function renderForms(): void {
  const list = $<HTMLUListElement>('forms-projects');
  const items = ui.forms.items;
  const focused = (document.activeElement as HTMLInputElement | null)?.dataset?.project;
  list.textContent = '';
  list.hidden = !items || items.length === 0;
  const status = $('forms-projects-status');
  status.hidden = !!items && items.length > 0;
  status.textContent = tr(items ? 'forms.noU2' : 'forms.projectsEmpty');
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
  if (ui.forms.showErrors) renderFormsErrors(validateFormsRequest(readFormsRequest(), !!ui.forms.items));
}

function updateFormsCount(): void {
  const items = ui.forms.items ?? [];
  const count = $('forms-projects-count');
  count.textContent = items.length > 0 ? tr('forms.projectsCount', { n: items.length, m: readFormsRequest().projects.length }) : '';
  for (const id of ['forms-select-all', 'forms-select-none']) $<HTMLButtonElement>(id).disabled = items.length === 0;
}

const FORMS_ERROR_BOX: Record<FormsField, string> = { projects: 'forms-projects-error', kinds: 'forms-kinds-error', department: 'forms-department-error' };

function renderFormsErrors(errors: FormsErrors): void {
  for (const [field, id] of Object.entries(FORMS_ERROR_BOX) as [FormsField, string][]) {
    const m = errors[field];
    const box = $(id);
    box.hidden = !m;
    box.textContent = m ? say(ui.lang, m) : '';
  }
  $('forms-department').setAttribute('aria-invalid', errors.department ? 'true' : 'false');
  $('forms-projects-field').classList.toggle('invalid', !!errors.projects);
  $('forms-kinds-field').classList.toggle('invalid', !!errors.kinds);
}

function focusFormsField(field: FormsField): void {
  if (field === 'department') $('forms-department').focus();
  else if (field === 'kinds') $('forms-target').focus();
  else (document.querySelector<HTMLInputElement>('#forms-projects input[type="checkbox"]') ?? $('forms-load')).focus();
}

function setFormsOutput(out: FormsOutput | null, focus = false): void {
  ui.forms.output = out;
  renderInsertOutput('forms-output', out, 'forms.working');
  if (focus && out) focusOutput('forms-output');
}

function refreshFormsValidation(): void {
  updateFormsCount();
  if (ui.forms.showErrors) renderFormsErrors(validateFormsRequest(readFormsRequest(), !!ui.forms.items));
}

/** 读取项目 / 刷新项目: the projects of the workbook's U2 table. */
async function onFormsLoad(): Promise<void> {
  if (ui.busy) return;
  if (!inExcel()) {
    setFormsOutput({ kind: 'error', message: { key: 'forms.needsExcel' } }, true);
    return;
  }
  setFormsOutput({ kind: 'status', message: { key: 'forms.reading' } });
  const next = await excelAction<FormsOutput>(
    async (context) => {
      const items = await listProjects(context);
      ui.forms.items = items;
      return items.length > 0 ? { kind: 'info', message: { key: 'forms.loaded', params: { n: items.length } } } : { kind: 'info', message: { key: 'forms.noU2' } };
    },
    (err) => ({ kind: 'error', message: explainFormsError(err, 'read') }),
  );
  ui.forms.output = next;
  renderForms();
  focusOutput('forms-output');
}

/** 插入绩效表: the chosen forms for the ticked projects, never over an existing sheet. */
async function onFormsInsert(): Promise<void> {
  if (ui.busy) return;
  ui.forms.showErrors = true;
  const req = readFormsRequest();
  const errors = validateFormsRequest(req, !!ui.forms.items);
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
  setFormsOutput({ kind: 'working' });
  const next = await excelAction<FormsOutput>(
    async (context) => {
      const result = await insertProjectForms(context, req);
      const outcomes = formsOutcomes(result.wanted, result.sheets);
      return { kind: 'done', outcomes, notes: [...outcomeNotes(outcomes), ...result.notes] };
    },
    (err) => ({ kind: 'error', message: explainFormsError(err, 'insert') }),
  );
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

function storedLang(): Lang | null {
  try {
    const v = window.localStorage.getItem(LANG_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null; // storage can be blocked in some Office web views
  }
}

function storeLang(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_KEY, lang);
  } catch {
    /* not remembered; the toggle still works for this session */
  }
}

function wire(): void {
  $('template-form').addEventListener('submit', onInsert);
  $('load-sample').addEventListener('click', onLoadSample);
  $('freeze').addEventListener('click', () => void onFreeze());
  $('check').addEventListener('click', () => void onCheck());
  $('clear-marks').addEventListener('click', () => void onClearMarks());
  $('freeze-output').addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && ui.freeze?.kind === 'confirm') {
      e.preventDefault();
      onFreezeCancel();
    }
  });
  $('lang-toggle').addEventListener('click', () => {
    ui.lang = ui.lang === 'zh-CN' ? 'en-US' : 'zh-CN';
    ui.langChosen = true;
    storeLang(ui.lang);
    applyLanguage();
  });
  document.querySelectorAll<HTMLInputElement>('input[name="level"]').forEach((radio) =>
    radio.addEventListener('change', () => {
      applyLanguage(); // the name's label and the checklist depend on the level
    }),
  );
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
  $('select-all').addEventListener('click', () => setTicked(true));
  $('select-none').addEventListener('click', () => setTicked(false));
}

/** Light or dark and Office's colours, on the document element where taskpane.css reads them. */
function applyTheme(officeTheme: OfficeThemeLike | null): void {
  const prefersDark = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
  const theme = paneTheme(officeTheme, prefersDark);
  const root = document.documentElement;
  root.dataset.theme = theme.mode;
  for (const name of THEME_VARS) root.style.removeProperty(name);
  // CSSOM, not a style attribute: the Content-Security-Policy allows no inline styles
  for (const [name, value] of Object.entries(theme.vars)) root.style.setProperty(name, value);
}

function officeTheme(): OfficeThemeLike | null {
  try {
    return (typeof Office !== 'undefined' && (Office.context?.officeTheme as OfficeThemeLike | undefined)) || null;
  } catch {
    return null; // hosts without the theme API throw on access
  }
}

function officeReady(host: Office.HostType | null | undefined, displayLanguage: string | undefined): void {
  if (ui.officeReady) return;
  ui.officeReady = true;
  ui.inExcel = typeof Office !== 'undefined' && host === Office.HostType.Excel;
  applyTheme(ui.inExcel ? officeTheme() : null);
  if (!ui.langChosen && ui.inExcel) ui.lang = pickLanguage(displayLanguage);
  applyLanguage();
}

function start(): void {
  const stored = storedLang();
  if (stored) {
    ui.lang = stored;
    ui.langChosen = true;
  }
  $<HTMLInputElement>('year').value = initialState().year;
  applyTheme(null);
  if (typeof window.matchMedia === 'function') {
    // outside Office, or where Office says nothing about its theme, follow the system as it changes
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener?.('change', () => applyTheme(ui.inExcel ? officeTheme() : null));
  }
  // Excel raises no theme-changed event (Office's is Outlook's alone); the pane looks again
  // whenever it is shown, so a theme changed while it was hidden is picked up.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && ui.officeReady) applyTheme(ui.inExcel ? officeTheme() : null);
  });
  wire();
  applyLanguage();
  window.addEventListener(COMMAND_FAILED_EVENT, (e) => showCommandFailure((e as CustomEvent<CommandFailure>).detail));

  if (typeof Office === 'undefined') {
    officeReady(null, undefined); // office.js did not load: a plain page
    return;
  }
  // Outside Office, onReady reports no host; if it never answers, say so after a while.
  const fallback = window.setTimeout(() => officeReady(null, undefined), 8000);
  Office.onReady()
    .then((info) => {
      window.clearTimeout(fallback);
      let language: string | undefined;
      try {
        language = Office.context?.displayLanguage;
      } catch {
        language = undefined;
      }
      officeReady(info?.host, language);
    })
    .catch(() => {
      window.clearTimeout(fallback);
      officeReady(null, undefined);
    });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
