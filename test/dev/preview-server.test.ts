import fs from 'fs';
import type { Server } from 'http';
import os from 'os';
import path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPreviewServer } = require('../../scripts/preview-server.js') as {
  startPreviewServer: (o: { root: string; port: number }) => Promise<{ server: Server; url: string }>;
};

describe('scripts/preview-server.js', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-root-'));
  fs.writeFileSync(path.join(root, 'index.html'), '<p>预览</p>');
  fs.writeFileSync(path.join(root, 'office.js'), 'var x;');
  fs.writeFileSync(path.join(os.tmpdir(), 'preview-secret.txt'), 'secret');
  let server: Server;
  let url: string;
  beforeAll(async () => ({ server, url } = await startPreviewServer({ root, port: 0 })));
  afterAll(() => new Promise((r) => server.close(r)));

  it('serves the folder with types, index.html for /', async () => {
    const page = await fetch(url);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe('<p>预览</p>');
    expect((await fetch(new URL('office.js', url))).headers.get('content-type')).toContain('text/javascript');
    expect((await fetch(new URL('missing.js', url))).status).toBe(404);
  });

  it('serves nothing outside the folder', async () => {
    const res = await fetch(`${url}..%2Fpreview-secret.txt`);
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toContain('secret');
  });
});
