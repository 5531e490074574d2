#!/usr/bin/env node
'use strict';
/**
 * npm run bench: BUDGET.ROLLUP evaluated the way Excel calls it (one call per formula cell,
 * fresh arrays each time) on tables of 1,000 / 5,000 / 20,000 rows with a parent (款) row
 * every 10, next to the same totals computed in the same run by HyperFormula evaluating
 * SUMIFS. HyperFormula is GPL: a dev dependency for this comparison only, never bundled.
 * Prints figures; asserts only that both engines agree.
 */
require('ts-node').register({ transpileOnly: true, project: require('path').join(__dirname, '..', 'tsconfig.json') });
const { rollup } = require('../src/functions/logic.ts');
const { HyperFormula } = require('hyperformula');

function table(rows) {
  const codes = [];
  const amounts = [];
  const parents = [];
  for (let p = 0; p * 10 < rows; p++) {
    const kuan = `${201 + Math.floor(p / 99)}${String(1 + (p % 99)).padStart(2, '0')}`;
    parents.push({ row: codes.length, code: kuan });
    codes.push(kuan);
    amounts.push(null);
    for (let x = 1; x <= 9 && codes.length < rows; x++) {
      codes.push(`${kuan}${String(x).padStart(2, '0')}`);
      amounts.push(Math.round(((p * 9 + x) * 7919) % 1000000) / 100);
    }
  }
  return { codes, amounts, parents };
}

function ours({ codes, amounts, parents }) {
  const start = process.hrtime.bigint();
  const totals = [];
  for (const p of parents) {
    // Excel hands each call its own copies of the ranges.
    const c = codes.map((v) => [v]);
    const a = amounts.map((v) => [v]);
    totals.push(rollup(c, a, p.code));
  }
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, totals };
}

/** What the fresh copies alone cost (Excel's marshalling, not ours): shown beside the total. */
function copiesOnly({ codes, amounts, parents }) {
  const start = process.hrtime.bigint();
  let keep = 0;
  for (let i = 0; i < parents.length; i++) {
    const c = codes.map((v) => [v]);
    const a = amounts.map((v) => [v]);
    keep += c.length + a.length;
  }
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, keep };
}

function hyperformula({ codes, amounts, parents }) {
  const n = codes.length;
  // A leading apostrophe keeps a code text, as a clerk's text-formatted cell does.
  const sheet = codes.map((c, i) => [`'${c}`, amounts[i], null]);
  for (const p of parents) sheet[p.row][2] = `=SUMIFS($B$1:$B$${n},$A$1:$A$${n},"${p.code}??")`;
  const start = process.hrtime.bigint();
  const hf = HyperFormula.buildFromArray(sheet, { licenseKey: 'gpl-v3', useWildcards: true });
  const totals = parents.map((p) => hf.getCellValue({ sheet: 0, row: p.row, col: 2 }));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  hf.destroy();
  return { ms, totals };
}

console.log('rows    parent cells   BUDGET.ROLLUP ms (per call µs)   HyperFormula SUMIFS ms (per cell µs)   ratio     of which copying ranges');
for (const rows of [1000, 5000, 20000]) {
  const t = table(rows);
  ours(t); // warm up the JIT on this size
  const a = ours(t);
  const b = hyperformula(t);
  const copies = copiesOnly(t);
  const mismatch = a.totals.findIndex((v, i) => Math.abs(v - b.totals[i]) > 1e-6);
  if (mismatch >= 0) {
    console.error(`totals differ at parent ${t.parents[mismatch].code}: ${a.totals[mismatch]} vs ${b.totals[mismatch]}`);
    process.exit(1);
  }
  const per = (ms) => ((ms * 1000) / t.parents.length).toFixed(1);
  console.log(
    `${String(rows).padEnd(8)}${String(t.parents.length).padEnd(15)}${a.ms.toFixed(1).padStart(10)} (${per(a.ms)})`.padEnd(57) +
      `${b.ms.toFixed(1).padStart(10)} (${per(b.ms)})`.padEnd(39) +
      `${(b.ms / a.ms).toFixed(2)}×`.padEnd(10) +
      `${copies.ms.toFixed(1)} ms`,
  );
}
