import { DevHost } from './office-host';

/**
 * Served as `office.js` in the preview (dist-preview/), so taskpane.html runs unchanged on
 * the stand-in host. Inside the preview page the pane uses the page's host, so the workbook
 * outlives a reload of the pane (a language switch); opened on its own it makes one.
 */
declare global {
  interface Window {
    __budgetDevHost?: DevHost;
  }
}

function findHost(): DevHost {
  try {
    if (window.parent !== window && window.parent.__budgetDevHost) return window.parent.__budgetDevHost;
  } catch {
    // a parent on another origin: not the preview page
  }
  const language = new URLSearchParams(window.location.search).get('displayLanguage') ?? undefined;
  return new DevHost({ displayLanguage: language });
}

const host = findHost();
window.__budgetDevHost = host;
host.install(window);
