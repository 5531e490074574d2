import * as fs from 'fs';
import * as path from 'path';

/* eslint-disable @typescript-eslint/no-require-imports */
const production = require('../../webpack.config.js') as (env: unknown, argv: { mode: string }) => Promise<{ plugins: unknown[] }>;
const preview = require('../../webpack.preview.config.js') as (env: unknown, argv: { mode: string }) => Promise<{ plugins: unknown[] }>;
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { OFFICE_JS_CDN } = require('../../scripts/office-js-source.js') as { OFFICE_JS_CDN: string };
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * taskpane.html (the pane, the function file and the functions' page in the shared runtime) as
 * each build writes it: Office.js from Microsoft's CDN in production, the stand-in from the
 * preview's own origin; the Content-Security-Policy allows exactly what each loads.
 */
const ROOT = path.join(__dirname, '../..');

/** taskpane.html as a build writes it (before the bundles are injected). */
async function page(config: typeof production): Promise<{ html: string; plugins: unknown[] }> {
  const { plugins } = await config({}, { mode: 'production' });
  const html = plugins.find((p) => p instanceof HtmlWebpackPlugin && (p as { userOptions: { filename: string } }).userOptions.filename === 'taskpane.html') as {
    userOptions: { template?: string; templateContent?: string };
  };
  const text = html.userOptions.templateContent ?? fs.readFileSync(path.resolve(ROOT, html.userOptions.template!), 'utf8');
  return { html: text, plugins };
}

const scripts = (html: string) => [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
const policy = (html: string) => {
  const content = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)![1];
  return new Map(content.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v] as const));
};

describe('Office.js in taskpane.html', () => {
  it('production loads it from Microsoft’s CDN, first, and allows that origin for scripts and nothing more', async () => {
    const { html, plugins } = await page(production);
    expect(OFFICE_JS_CDN).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(scripts(html)[0]).toBe(OFFICE_JS_CDN);
    const csp = policy(html);
    expect(csp.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    for (const [k, v] of csp) if (k !== 'script-src' && k !== 'connect-src') expect(v.join(' ')).not.toMatch(/https?:/);
    expect([...csp.values()].flat().join(' ')).not.toMatch(/unsafe-(inline|eval)/);
    // no copy of the npm package's office.js in dist/ (not supported for production)
    const copies = plugins.filter((p) => p instanceof CopyWebpackPlugin) as { patterns: { from: string }[] }[];
    expect(copies.flatMap((c) => c.patterns.map((p) => p.from)).filter((f) => /office|excel-/.test(f) && !/office-fallback/.test(f))).toEqual([]);
  });

  it('the preview loads the stand-in from its own origin, and its policy allows only that', async () => {
    const { html } = await page(preview);
    expect(scripts(html)[0]).toBe('office.js');
    const csp = policy(html);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(html).not.toContain('appsforoffice');
  });
});

describe('one webpack runtime for the shared runtime’s page', () => {
  it('the pane, the commands and the functions share it, so the catalog module is one instance', async () => {
    const { entry } = (await production({}, { mode: 'production' })) as unknown as { entry: Record<string, { runtime?: string }> };
    expect(Object.keys(entry).sort()).toEqual(['commands', 'functions', 'taskpane']);
    const runtimes = new Set(Object.values(entry).map((e) => e.runtime));
    expect(runtimes.size).toBe(1);
    expect([...runtimes][0]).toEqual(expect.any(String));
  });
});
