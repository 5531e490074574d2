#!/usr/bin/env node
'use strict';
// The CLI compiled to dist-node/ by `npm run build:cli` (run at install by `prepare`).
const path = require('path');
const compiled = path.join(__dirname, '..', 'dist-node', 'src', 'cli', 'main.js');
let cli;
try {
  cli = require(compiled);
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes(compiled)) {
    console.error('错误：命令行尚未编译，请先运行 npm run build:cli（npm install / npm ci 时会自动编译）。The CLI is not built: run npm run build:cli.');
    process.exit(2);
  }
  throw e;
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
