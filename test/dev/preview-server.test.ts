import fs from 'fs';
import type { Server } from 'http';
import net from 'net';
import os from 'os';
import path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPreviewServer } = require('../../scripts/preview-server.js') as {
  startPreviewServer: (o: { root: string; port: number }) => Promise<{ server: Server; url: string }>;
};

/** A request sent byte for byte as written (fetch and http.request normalise or refuse some paths). */
function rawGet(url: string, target: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
  });
}

/** A small deterministic generator, so a failing path can be found again. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['..', '%2e%2e', '%2E%2E', '%2f', '%2F', '%5c', '\\\\', '%00', '%0a', '%0d', '%ff', '%e4%b8', '%', '%zz', '.', '/', '//', 'index.html', 'office.js', '预览', '%E9%A2%84', '?a=1', '#x', ';', '~', "'", '"', '<', ' ', '%20', 'a'.repeat(300)];

describe('scripts/preview-server.js', () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-test-'));
  const root = path.join(parent, 'root');
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, 'index.html'), '<p>预览</p>');
  fs.writeFileSync(path.join(root, 'office.js'), 'var x;');
  // beside the served folder, where a path escaping it would land
  fs.writeFileSync(path.join(parent, 'preview-secret.txt'), 'secret');
  let server: Server;
  let url: string;
  beforeAll(async () => ({ server, url } = await startPreviewServer({ root, port: 0 })));
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    fs.rmSync(parent, { recursive: true, force: true });
  });

  it('serves the folder with types, index.html for /', async () => {
    const page = await fetch(url);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe('<p>预览</p>');
    expect((await fetch(new URL('office.js', url))).headers.get('content-type')).toContain('text/javascript');
    expect((await fetch(new URL('missing.js', url))).status).toBe(404);
  });

  it('answers a bad path with 400 and stays up: %00, ..%2f, overlong, a control character', async () => {
    for (const target of ['/%00', '/office.js%00.html', '/..%2f', '/..%2Fpreview-secret.txt', '/%2e%2e/preview-secret.txt', '/%E0%A4%A', '/a%0ab', `/${'x'.repeat(5000)}`]) {
      const res = await rawGet(url, target);
      expect({ target, status: res.status }).toEqual({ target, status: 400 });
      expect(res.body).not.toContain('secret');
    }
    expect((await rawGet(url, '/')).status).toBe(200);
  });

  it('serves nothing outside the folder, for 400 fuzzed paths, and is up after each', async () => {
    const next = prng(12);
    const seen = new Map<number, number>();
    for (let i = 0; i < 400; i++) {
      const parts = Array.from({ length: 1 + Math.floor(next() * 6) }, () => PIECES[Math.floor(next() * PIECES.length)]);
      const target = '/' + parts.join(next() < 0.5 ? '/' : '');
      const res = await rawGet(url, target);
      seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
      expect({ target, status: [200, 400, 403, 404].includes(res.status) }).toEqual({ target, status: true });
      expect({ target, secret: res.body.includes('secret') }).toEqual({ target, secret: false });
    }
    expect((await rawGet(url, '/office.js')).body).toContain('var x;');
    // the fuzzing reached both the good paths and the refused ones
    expect(seen.get(400)).toBeGreaterThan(0);
    expect(seen.get(404)).toBeGreaterThan(0);
  });
});
