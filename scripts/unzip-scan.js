#!/usr/bin/env node
'use strict';
/**
 * The floor for `npm run bench`: the least any reader of an .xlsx must do to get its cell
 * values. Unzips every worksheet part (Node's native zlib, one shot) and scans the XML for
 * `<c …>…<v>value</v>` with one regular expression; no shared strings, styles, formulas,
 * merges or model. `node scripts/unzip-scan.js FILE` prints the milliseconds and the count.
 */
const fs = require('fs');
const zlib = require('zlib');

/** Worksheet parts straight from the zip's central directory. */
function sheetEntries(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let k = 0; k < count; k++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const local = buf.readUInt32LE(at + 42);
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      out.push({ name, method, data: buf.subarray(start, start + size) });
    }
    at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return out;
}

const VALUE = /<c\b[^>]*>(?:<f\b[^>]*>[^<]*<\/f>)?<v>([^<]*)<\/v>/g;

function unzipScan(file) {
  const buf = fs.readFileSync(file);
  let values = 0;
  for (const e of sheetEntries(buf)) {
    const xml = (e.method === 8 ? zlib.inflateRawSync(e.data) : e.data).toString('utf8');
    VALUE.lastIndex = 0;
    while (VALUE.exec(xml)) values++;
  }
  return values;
}

module.exports = { unzipScan };

if (require.main === module) {
  const t0 = process.hrtime.bigint();
  const values = unzipScan(process.argv[2]);
  console.log(JSON.stringify({ ms: Number(process.hrtime.bigint() - t0) / 1e6, values }));
}
