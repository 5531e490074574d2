'use strict';
/**
 * Where the pages get Office.js, and the Content-Security-Policy that lets exactly that in.
 *
 * Production: Microsoft's CDN, the supported way (the npm package is not supported for
 * production and is not updated by Office; Office.js then loads the host's own files, e.g.
 * excel-web-16.00.js and its strings, from beside itself on the same CDN).
 * - script-src: 'self' (the add-in's bundles) and https://appsforoffice.microsoft.com, where
 *   office.js and every file it loads come from. Nothing else: no inline script, no eval.
 * - connect-src: 'self' and the same CDN (Office.js may fetch its files rather than insert a
 *   script). Microsoft's telemetry endpoints are left out on purpose: Office.js works without
 *   them, and a clerk's workbook need not be reported anywhere.
 * The preview (dist-preview/) serves the stand-in host as office.js from its own origin, so its
 * policy is 'self' alone, and the e2e tests intercept the CDN address in the browser: no test
 * reaches the internet.
 */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_ORIGINS = ['https://appsforoffice.microsoft.com'];

/** The page's policy, with `origins` allowed for scripts and connections besides the add-in's own. */
function contentSecurityPolicy(origins) {
  const extra = origins.length ? ` ${origins.join(' ')}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${extra}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${extra}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * taskpane.html for a build. The file itself is the production page (Office.js from the CDN,
 * the policy allowing it); the preview's page loads the stand-in `office.js` from its own
 * origin under a policy of 'self' alone. Throws when the file no longer says what is replaced.
 */
function taskpaneFor(target, html) {
  if (target !== 'preview') return html;
  const script = `<script src="${OFFICE_JS_CDN}"></script>`;
  const policy = `content="${contentSecurityPolicy(OFFICE_JS_ORIGINS)}"`;
  if (!html.includes(script) || !html.includes(policy)) {
    throw new Error('taskpane.html must load Office.js from the CDN under the policy scripts/office-js-source.js gives');
  }
  return html.replace(script, '<script src="office.js"></script>').replace(policy, `content="${contentSecurityPolicy([])}"`);
}

module.exports = { OFFICE_JS_CDN, OFFICE_JS_ORIGINS, contentSecurityPolicy, taskpaneFor };
