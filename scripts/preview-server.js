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

/** Starts the server; resolves with it and its URL once it listens. */
function startPreviewServer({ root = path.resolve(__dirname, '..', 'dist-preview'), port = 3100, host = '127.0.0.1' } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = path.resolve(base, '.' + (pathname.endsWith('/') ? pathname + 'index.html' : pathname));
    // nothing outside dist-preview, whatever the path says
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' }).end(data);
    });
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
