#!/usr/bin/env node
'use strict';
// Runs the compiled CLI when it exists (after `npm run build:cli`), else compiles on the fly.
const path = require('path');
const fs = require('fs');
const compiled = path.join(__dirname, '..', 'dist-node', 'src', 'cli', 'main.js');
if (!fs.existsSync(compiled)) {
  require('ts-node').register({ transpileOnly: true, project: path.join(__dirname, '..', 'tsconfig.json') });
}
const { main } = require(fs.existsSync(compiled) ? compiled : '../src/cli/main.ts');
main(process.argv.slice(2)).then((code) => process.exit(code));
