#!/usr/bin/env node
// `npm test`: every tier of Duban's tests, in order, with a loud note for any tier that cannot
// run here and how to enable it.
//   1. typecheck, lint tsc over core, server, web, tests; eslint over everything
//   2. sqlite          unit + integration tests (vitest) on the embedded SQLite database
//   3. postgres        the same database-backed suite on PostgreSQL   (needs TEST_DATABASE_URL)
//   4. e2e             end-to-end tests in a real Chromium             (needs /usr/bin/chromium)
// With DUBAN_REQUIRE_ALL_TIERS=1 (set by .ci/run) a skipped tier fails the run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, '.tmp');
fs.mkdirSync(tmp, { recursive: true });
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const requireAll = process.env.DUBAN_REQUIRE_ALL_TIERS === '1';

const results = [];

function runVitest(name, args, env = {}) {
  const out = path.join(tmp, `vitest-${name}.json`);
  fs.rmSync(out, { force: true });
  console.log(`\n━━ ${name} ━━`);
  const r = spawnSync(process.execPath, [vitest, 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (fs.existsSync(out)) {
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed = report.numPassedTests;
    failed = report.numFailedTests;
    skipped = report.numPendingTests + report.numTodoTests;
  }
  // A crash, an unhandled error or a file that failed to load fails the tier even if no test did.
  const ok = r.status === 0 && failed === 0 && passed > 0;
  results.push({ name, status: ok ? 'passed' : 'FAILED', passed, failed: ok ? failed : Math.max(failed, 1), skipped });
}

function skip(name, why, how) {
  console.log(`\n━━ ${name} ━━\n!!!!!!!!!! SKIPPED: ${why}\n!!!!!!!!!! To run it: ${how}`);
  results.push({ name, status: 'SKIPPED', passed: 0, failed: 0, skipped: 1, why, how });
}

// 1. typecheck
console.log('━━ typecheck ━━');
const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', 'tsconfig.json'], {
  cwd: root,
  stdio: 'inherit',
});
results.push({ name: 'typecheck', status: tsc.status === 0 ? 'passed' : 'FAILED', passed: tsc.status === 0 ? 1 : 0, failed: tsc.status === 0 ? 0 : 1, skipped: 0 });

console.log('━━ lint ━━');
const lint = spawnSync(process.execPath, [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.'], { cwd: root, stdio: 'inherit' });
results.push({ name: 'lint', status: lint.status === 0 ? 'passed' : 'FAILED', passed: lint.status === 0 ? 1 : 0, failed: lint.status === 0 ? 0 : 1, skipped: 0 });

// Test files run in parallel: each has its own database (a temporary SQLite file, or a PostgreSQL
// database of its own). Vitest's default of one worker less than the cores is one worker on a 2-core
// machine; the SQLite tier keeps every core busy, and the PostgreSQL tier, which waits on the
// database server much of the time, takes one worker more.
const cores = os.availableParallelism();

// 2. unit + integration on SQLite
runVitest('sqlite', [`--maxWorkers=${Math.max(2, cores)}`], { TEST_DB_ENGINE: 'sqlite' });

// 3. the database-backed suite on PostgreSQL
if (process.env.TEST_DATABASE_URL) {
  // Reading scans (OCR, minutes of CPU, no database) is proven once, in the SQLite tier.
  runVitest('postgres', ['server', '--exclude', 'server/import/ocr/**', `--maxWorkers=${Math.max(2, cores) + 1}`], { TEST_DB_ENGINE: 'postgres' });
} else {
  skip('postgres', 'TEST_DATABASE_URL is not set', 'TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm test');
}

// 4. end-to-end in Chromium
if (fs.existsSync(chromium)) {
  runVitest('e2e', ['--config', 'test/e2e/vitest.config.ts'], { CHROMIUM_PATH: chromium });
} else {
  skip('e2e', `no Chromium at ${chromium}`, 'apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)');
}

console.log('\n━━ summary ━━');
for (const r of results) {
  console.log(`  ${r.name.padEnd(10)} ${r.status.padEnd(8)} ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}${r.why ? `  (${r.why})` : ''}`);
}
const total = (k) => results.reduce((n, r) => n + r[k], 0);
const skippedTiers = results.filter((r) => r.status === 'SKIPPED');
const failedTiers = results.filter((r) => r.status === 'FAILED');
if (skippedTiers.length && requireAll) {
  console.log(`\nDUBAN_REQUIRE_ALL_TIERS=1 and ${skippedTiers.map((r) => r.name).join(', ')} skipped: failing the run.`);
}
console.log(`\n${total('passed')} passed, ${total('failed') + (requireAll ? skippedTiers.length : 0)} failed, ${total('skipped')} skipped`);
process.exit(failedTiers.length || (requireAll && skippedTiers.length) ? 1 : 0);
