// Serves dist-preview/ (built by webpack.preview.config.js) on http://localhost:3100, or the
// port given as --port N or PREVIEW_PORT. Plain http on localhost: the stand-in host needs no
// Office, so no certificate. Used by `npm run preview` and the end-to-end tests (port 0).
const http = require('http');
const fs = require('fs');
const path = require('path');
const { URL } = require('url');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** Longest request target served; the preview's own paths are far shorter. */
const MAX_URL = 2048;

/**
 * The decoded path of a request, or null when it is not one the preview could serve: not
 * decodable, too long, with a control character (`%00` made fs throw and the server die), a
 * backslash, or a `..` segment once decoded (`/..%2f`).
 */
function requestPath(url) {
  if (typeof url !== 'string' || url.length > MAX_URL) return null;
  let pathname;
  let asSent;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
    // the URL parser drops `/%2e%2e/` silently; the path as sent says what was asked for
    asSent = decodeURIComponent(url.split(/[?#]/)[0]);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(pathname + asSent)) return null;
  if ([...pathname.split('/'), ...asSent.split('/')].some((segment) => segment === '..')) return null;
  return pathname;
}

function send(res, status, body = '') {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(body);
}

/** Starts the server; resolves with it and its URL once it listens. */
function startPreviewServer({ root = path.resolve(__dirname, '..', 'dist-preview'), port = 3100, host = '127.0.0.1' } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const pathname = requestPath(req.url);
    if (pathname === null) return send(res, 400, 'bad request');
    const file = path.resolve(base, '.' + (pathname.endsWith('/') ? pathname + 'index.html' : pathname));
    // nothing outside dist-preview, whatever the path says
    if (file !== base && !file.startsWith(base + path.sep)) return send(res, 403, 'forbidden');
    try {
      fs.readFile(file, (err, data) => {
        if (err) return send(res, 404, 'not found');
        res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' }).end(data);
      });
    } catch {
      // a path fs refuses outright is a bad request, not the end of the server
      send(res, 400, 'bad request');
    }
  });
  // A request that is not even HTTP gets a 400 and the socket closes; the server stays up.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://localhost:${actual}/` });
    });
  });
}

module.exports = { startPreviewServer };

if (require.main === module) {
  const i = process.argv.indexOf('--port');
  const port = Number(i > 0 ? process.argv[i + 1] : process.env.PREVIEW_PORT || 3100);
  const root = path.resolve(__dirname, '..', 'dist-preview');
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    console.error('dist-preview/ 不存在，请先运行 npm run preview（会先构建）。dist-preview/ is missing: run npm run preview, which builds it first.');
    process.exit(2);
  }
  startPreviewServer({ root, port }).then(
    ({ url }) => console.log(`预算编制助手 预览 preview: ${url}  (Ctrl+C 结束 to stop)`),
    (err) => {
      console.error(`无法在端口 ${port} 启动预览：${err.message}. Could not serve the preview on port ${port}.`);
      process.exit(2);
    },
  );
}
