/* global Office */
import './polyfills';
import { COMMAND_FAILED_EVENT, type CommandFailure } from '../commands/command-failure';
import { renderCheck, wireCheck } from './check-section';
import { renderConsolidate, wireConsolidate } from './consolidate-section';
import { $ } from './dom';
import { renderDraft, wireDraft } from './draft-section';
import { initialState } from './form';
import { renderForms, wireForms } from './forms-section';
import { isLang, Lang, MessageKey, pickLanguage } from './i18n';
import { level, refreshValidation, renderChecklist, renderOutput, renderSamples, renderTiers, wireInsert } from './insert-section';
import { tr, ui } from './pane-state';
import { renderFreeze, wirePrepare } from './prepare-section';
import { paneTheme, THEME_VARS, type OfficeThemeLike } from './theme';

/**
 * The task pane's entry: language, theme, the banner and Office's readiness, and the sections
 * wired in (insert-section, forms-section, check-section, prepare-section). Validation,
 * messages and result wording live in the pure modules (form.ts, project-forms.ts, check.ts,
 * prepare.ts, result.ts, i18n.ts), tested without a browser.
 */

const LANG_KEY = 'budget-tables.lang';

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

/**
 * The key of a static string: `data-i18n`, with `.unit` or `.department` after it where the
 * element says `data-i18n-level` (the subtitle and the hints that name 单位 or 部门).
 */
function staticKey(node: HTMLElement): MessageKey {
  const key = node.dataset.i18n as string;
  return (node.dataset.i18nLevel !== undefined ? `${key}.${level()}` : key) as MessageKey;
}

/** Applies the language (and the level's wording) to every static string and re-renders the dynamic parts. */
function applyLanguage(): void {
  document.documentElement.lang = ui.lang;
  document.title = tr('app.title');
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((node) => {
    node.textContent = tr(staticKey(node));
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
  renderTiers();
  renderChecklist();
  renderSamples();
  if (ui.showErrors) refreshValidation();
  renderOutput();
  renderFreeze();
  renderCheck();
  renderForms();
  renderConsolidate();
  renderDraft();
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
  $('lang-toggle').addEventListener('click', () => {
    ui.lang = ui.lang === 'zh-CN' ? 'en-US' : 'zh-CN';
    ui.langChosen = true;
    storeLang(ui.lang);
    applyLanguage();
  });
  // the name's label, the checklist and every 单位/部门 wording depend on the level
  wireInsert(applyLanguage);
  wireForms();
  wireConsolidate();
  wireDraft();
  wireCheck();
  wirePrepare();
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
