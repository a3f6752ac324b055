// `npm test`: type check, unit tests (vitest, jsdom), browser tests (Chromium + fake shell).
// Runs all three even if one fails, then prints one summary line `ui: N passed, M failed` and
// exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const UI = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(UI, '.test-results');
mkdirSync(RESULTS, { recursive: true });
for (const f of ['unit.json', 'browser.json']) rmSync(join(RESULTS, f), { force: true });

const run = (label, args) => {
  console.log(`\n── ${label} ${'─'.repeat(Math.max(0, 70 - label.length))}`);
  return spawnSync(process.execPath, args, { cwd: UI, stdio: 'inherit' }).status ?? 1;
};
const readJson = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);

const rows = [];

const tc = run('type check (svelte-check)', ['node_modules/svelte-check/bin/svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']);
rows.push({ name: 'typecheck', passed: tc === 0 ? 1 : 0, failed: tc === 0 ? 0 : 1 });

const unitStatus = run('unit tests (vitest)', ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(RESULTS, 'unit.json')}`]);
const unit = readJson(join(RESULTS, 'unit.json'));
rows.push({
  name: 'unit',
  passed: unit?.numPassedTests ?? 0,
  failed: unit ? unit.numFailedTests + (unitStatus !== 0 && unit.numFailedTests === 0 ? 1 : 0) : 1,
});

const browserStatus = run('browser tests (Chromium)', ['tests/browser/run.mjs']);
const browser = readJson(join(RESULTS, 'browser.json'));
rows.push({
  name: 'browser',
  passed: browser?.passed ?? 0,
  failed: browser ? browser.failed + (browserStatus !== 0 && browser.failed === 0 ? 1 : 0) : 1,
});

console.log('');
for (const r of rows) console.log(`  ${r.name.padEnd(10)} ${r.passed} passed, ${r.failed} failed`);
const passed = rows.reduce((n, r) => n + r.passed, 0);
const failed = rows.reduce((n, r) => n + r.failed, 0);
console.log(`ui: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
