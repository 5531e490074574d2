#!/usr/bin/env node
// npm start: build, serve the add-in on https://localhost:3000 until Ctrl+C, and either
// sideload it into desktop Excel (Windows, macOS with Excel installed) or explain, in Chinese
// and English, how to upload manifest.xml to Excel on the web. Never ends with a stack trace:
// on failure it prints one line saying what failed and what to do.
/* global setTimeout */
'use strict';

const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const https = require('https');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const PORT = 3000;
const MANIFEST = 'manifest.xml';
const TAG = '[预算编制助手]';

function say(...lines) {
  for (const l of lines) console.log(l === '' ? '' : `${TAG} ${l}`);
}

/** One line, what failed and what to do; then exit. */
function fail(zh, en, code = 1) {
  console.error(`${TAG} ✖ ${zh} / ${en}`);
  stopChildren();
  process.exit(code);
}

function resolveBin(pkg, bin) {
  try {
    return require.resolve(`${pkg}/${bin}`, { paths: [ROOT] });
  } catch {
    return null;
  }
}

const WEBPACK = resolveBin('webpack-cli', 'bin/cli.js');
const DEBUGGING = resolveBin('office-addin-debugging', 'cli.js');

const children = new Set();
function stopChildren() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill('SIGTERM');
      } catch {
        /* already gone */
      }
    }
  }
}

/** Runs a Node CLI to completion with our terminal; resolves with its exit code. */
function runNode(script, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    children.add(child);
    child.on('error', () => resolve(-1));
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve(code === null ? (signal ? 1 : 0) : code);
    });
  });
}

function portAnswers(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: 'localhost' });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** GETs a page from the dev server; the dev middleware answers once the first build is done. */
function fetchStatus(protocol, pathname) {
  return new Promise((resolve) => {
    const lib = protocol === 'https' ? https : http;
    const req = lib.get(
      { host: 'localhost', port: PORT, path: pathname, rejectUnauthorized: false, timeout: 120000 },
      (res) => {
        res.resume();
        resolve(res.statusCode || 0);
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits for the dev server to listen and finish its first build; tells whether it speaks https. */
async function waitForServer(server, seconds = 180) {
  for (let i = 0; i < seconds * 2; i++) {
    if (server.exitCode !== null || server.signalCode !== null) return null;
    if (await portAnswers(PORT)) {
      for (const protocol of ['https', 'http']) {
        const status = await fetchStatus(protocol, '/taskpane.html');
        if (status === 200) return protocol;
      }
    }
    await delay(500);
  }
  return null;
}

/** A desktop Excel this machine could sideload into. Linux has none. */
function desktopExcel() {
  if (process.env.BUDGET_TABLES_TARGET === 'web') return false;
  if (process.platform === 'darwin') {
    return ['/Applications/Microsoft Excel.app', path.join(os.homedir(), 'Applications/Microsoft Excel.app')].some((p) => fs.existsSync(p));
  }
  if (process.platform === 'win32') {
    for (const hive of ['HKLM', 'HKCU']) {
      const r = spawnSync('reg', ['query', `${hive}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe`], { stdio: 'ignore' });
      if (r.error) return true; // cannot tell; let office-addin-debugging try
      if (r.status === 0) return true;
    }
    return false;
  }
  return false;
}

function webInstructions(protocol) {
  const base = `${protocol}://localhost:${PORT}`;
  const manifest = path.join(ROOT, MANIFEST);
  say(
    '',
    `开发服务器已在 ${base} 运行，按 Ctrl+C 停止。`,
    '在网页版 Excel 中加载本加载项：',
    `  1. 先在同一台电脑的浏览器中打开 ${base}/taskpane.html；如提示证书不受信任，请信任开发证书`,
    '     （以管理员身份运行 npx office-addin-dev-certs install，或把 ~/.office-addin-dev-certs/ca.crt 导入为受信任的根证书）。',
    '  2. 打开 https://www.office.com ，新建或打开一个 Excel 工作簿。',
    '  3. 依次点击 插入 → 加载项 → 我的加载项 → 上传我的加载项，选择：',
    `     ${manifest}`,
    '  4. 在“开始”选项卡点击“插入预算表”打开任务窗格。',
    '',
    `The dev server is running at ${base}; press Ctrl+C to stop it.`,
    'To load the add-in in Excel on the web:',
    `  1. In a browser on this computer, open ${base}/taskpane.html first; if it warns about the certificate, trust the`,
    '     dev certificate (run `npx office-addin-dev-certs install` as an administrator, or import ~/.office-addin-dev-certs/ca.crt as a trusted root).',
    '  2. Go to https://www.office.com and create or open an Excel workbook.',
    '  3. Choose Insert → Add-ins → My Add-ins → Upload My Add-in, and pick:',
    `     ${manifest}`,
    '  4. On the Home tab, choose Insert tables (插入预算表) to open the task pane.',
    '',
  );
  if (protocol !== 'https') {
    say(
      '注意：服务器现在用的是 http，Excel 只从 https 加载加载项；请先解决上面关于证书的警告。',
      'Note: the server is on plain http, and Excel loads add-ins only over https; fix the certificate warning above first.',
      '',
    );
  }
}

async function main() {
  if (!WEBPACK) fail('找不到 webpack-cli', 'webpack-cli is missing; run npm install first');
  if (!fs.existsSync(path.join(ROOT, MANIFEST))) fail(`找不到 ${MANIFEST}`, `${MANIFEST} is missing from ${ROOT}`);
  if (await portAnswers(PORT)) {
    fail(
      `端口 ${PORT} 已被占用，可能已有开发服务器在运行；请先停止它（在那个窗口按 Ctrl+C，或运行 npm run stop）再运行 npm start`,
      `port ${PORT} is already in use, perhaps by another dev server; stop it (Ctrl+C in its window, or npm run stop) and run npm start again`,
    );
  }

  say('构建中… / Building…');
  const built = await runNode(WEBPACK, ['--mode', 'development']);
  if (built !== 0) fail('构建失败，错误见上面 webpack 的输出；改正后重新运行 npm start', 'the build failed (see webpack’s output above); fix it and run npm start again');

  say(`启动开发服务器… / Starting the dev server on port ${PORT}…`);
  const server = spawn(process.execPath, [WEBPACK, 'serve', '--mode', 'development'], { cwd: ROOT, stdio: 'inherit' });
  children.add(server);
  server.on('error', () => fail('开发服务器无法启动', 'the dev server could not start; run npm run dev-server to see why'));

  const protocol = await waitForServer(server);
  if (!protocol) {
    fail(
      '开发服务器没有启动成功，原因见上面的输出；可运行 npm run dev-server 单独查看',
      'the dev server did not come up (see the output above); run npm run dev-server to look at it alone',
    );
  }
  server.on('exit', async (code) => {
    children.delete(server);
    await delay(300); // Ctrl+C reaches the server too; let our own handler speak first
    if (stopping) return;
    fail(`开发服务器意外退出（代码 ${code}）；请重新运行 npm start`, `the dev server stopped unexpectedly (code ${code}); run npm start again`, code || 1);
  });

  if (desktopExcel() && DEBUGGING) {
    say('正在把加载项旁加载到 Excel 桌面版… / Sideloading into desktop Excel…');
    const sideloaded = await runNode(DEBUGGING, ['start', MANIFEST, 'desktop', '--app', 'excel', '--dev-server-port', String(PORT), '--no-debug']);
    if (sideloaded === 0) {
      say(
        `Excel 已打开并加载本加载项；开发服务器在 ${protocol}://localhost:${PORT} 运行，按 Ctrl+C 停止，npm run stop 可移除旁加载。`,
        `Excel is open with the add-in; the dev server runs at ${protocol}://localhost:${PORT}. Ctrl+C stops it; npm run stop removes the sideloaded add-in.`,
      );
      return;
    }
    console.error(
      `${TAG} ✖ 未能旁加载到 Excel 桌面版，可改用网页版，步骤如下 / Could not sideload into desktop Excel; use Excel on the web as below`,
    );
  } else if (process.platform !== 'win32' && process.platform !== 'darwin') {
    say('这台电脑没有可旁加载的 Excel 桌面版，请用网页版 Excel。 / No desktop Excel to sideload into here; use Excel on the web.');
  }
  webInstructions(protocol);
}

let stopping = false;
function shutdown() {
  if (stopping) return;
  stopping = true;
  stopChildren();
  say('已停止。 / Stopped.');
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
process.on('uncaughtException', (err) => fail(`启动脚本出错：${String(err && err.message).split('\n')[0]}`, 'the start script failed; run npm run build and npm run dev-server separately to see more'));
process.on('unhandledRejection', (err) => fail(`启动脚本出错：${String(err && err.message).split('\n')[0]}`, 'the start script failed; run npm run build and npm run dev-server separately to see more'));

main().catch((err) => fail(`启动脚本出错：${String(err && err.message).split('\n')[0]}`, 'the start script failed; run npm run build and npm run dev-server separately to see more'));
