// The archive around the real app (target/debug/communique-desktop under Xvfb, mostly --smoke):
// daily backups made at start, one a day, seven kept, and the next day's while the app runs, on a
// clock the test sets (COMMUNIQUE_NOW: where the clock starts; it runs on from there); a damaged
// archive recovered as the user chooses (COMMUNIQUE_RECOVERY_CHOICE answers the dialog).
// Run by tests/e2e/run, which builds both binaries and starts Xvfb.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP, cli, root } from './harness.mjs';

const FISHERIES = join(root, 'core/tests/fixtures/examples/fisheries-en.meeting.json');

/** `communique-desktop --smoke` on `db`: its report, once the UI showed the list and preview. */
function smoke(db, env = {}) {
  const run = spawnSync(APP, ['--smoke'], {
    env: { ...process.env, COMMUNIQUE_DB: db, WEBKIT_DISABLE_COMPOSITING_MODE: '1', ...env },
    encoding: 'utf8',
    timeout: 120000,
  });
  assert.equal(run.status, 0, `the app exited with ${run.status} (${run.signal}): ${run.stderr}`);
  return { report: JSON.parse(run.stdout.trim().split('\n').at(-1)), stderr: run.stderr };
}

/** Noon UTC on day `d` of March 2031: the same date in any zone the machine may be in. */
const day = (d) => `2031-03-${String(d).padStart(2, '0')}T12:00:00Z`;

let dir;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'communique-e2e-archive-'));
});

test('daily backups: one at the first start of a day, another the next day, seven kept', () => {
  const home = join(dir, 'daily');
  mkdirSync(home);
  const db = join(home, 'communique.sqlite3');
  const daily = () => readdirSync(join(home, 'backups')).sort();

  assert.equal(smoke(db, { COMMUNIQUE_NOW: day(1) }).report.meetings, 1, 'first start: the sample');
  assert.deepEqual(daily(), ['communique-daily-2031-03-01.sqlite3']);
  smoke(db, { COMMUNIQUE_NOW: day(1) });
  assert.deepEqual(daily(), ['communique-daily-2031-03-01.sqlite3'], 'one a day');
  smoke(db, { COMMUNIQUE_NOW: day(2) });
  assert.deepEqual(daily(), ['communique-daily-2031-03-01.sqlite3', 'communique-daily-2031-03-02.sqlite3']);
  for (let d = 3; d <= 9; d++) smoke(db, { COMMUNIQUE_NOW: day(d) });
  assert.deepEqual(daily(), [3, 4, 5, 6, 7, 8, 9].map((d) => `communique-daily-2031-03-0${d}.sqlite3`), 'the newest seven');
  // Each is a whole archive the CLI lists with its meeting.
  const listed = cli(db, 'backups').trim().split('\n').map((l) => l.split('\t'));
  assert.equal(listed.length, 7);
  assert.ok(listed.every(([, meetings]) => meetings === '1'), JSON.stringify(listed));
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns a truthy value, which it returns; fails after `timeout` ms. */
async function until(what, check, timeout) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(100);
  }
}

test('the day changes while the app runs: the new day gets its backup, the app still open', { timeout: 180000 }, async () => {
  const home = join(dir, 'midnight');
  mkdirSync(home);
  const db = join(home, 'communique.sqlite3');
  const daily = () => {
    try {
      return readdirSync(join(home, 'backups')).filter((n) => n.endsWith('.sqlite3')).sort();
    } catch {
      return [];
    }
  };
  // Five seconds before midnight, in the zone the clock is set in; not --smoke: it stays open.
  const app = spawn(APP, [], {
    env: { ...process.env, COMMUNIQUE_DB: db, WEBKIT_DISABLE_COMPOSITING_MODE: '1', COMMUNIQUE_NOW: '2031-03-01T23:59:55+02:00' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  app.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((r) => app.once('exit', r));
  try {
    await until('the first backup', () => daily().length > 0 || app.exitCode !== null, 60000);
    const first = Date.now();
    assert.deepEqual(daily(), ['communique-daily-2031-03-01.sqlite3'], `at start, the day it started on: ${stderr}`);
    await until('the next day’s backup', () => daily().length > 1 || app.exitCode !== null, 30000);
    const gap = Date.now() - first;
    console.log(`the second backup ${gap} ms after the first`);
    assert.deepEqual(daily(), ['communique-daily-2031-03-01.sqlite3', 'communique-daily-2031-03-02.sqlite3'], stderr);
    assert.ok(gap > 3000, `made once the day changed (5 s after the start), not ${gap} ms after the first`);
    assert.equal(app.exitCode, null, `the app is still running: ${stderr}`);
    await sleep(1500);
    assert.equal(daily().length, 2, 'one for each day, no more');
    // The CLI lists both, each a whole archive with the sample meeting of the first start.
    const listed = cli(db, 'backups').trim().split('\n').map((l) => l.split('\t'));
    assert.deepEqual(listed.map((l) => l.at(-1).split('/').at(-1)).sort(), daily(), JSON.stringify(listed));
    assert.ok(listed.every(([, meetings]) => meetings === '1'), JSON.stringify(listed));
    assert.doesNotMatch(stderr, /backup/, 'no backup failed');
  } finally {
    app.kill('SIGKILL');
    await exited;
  }
});

/** Garbage over pages 2 to 5 of the file, as a failing disk would leave them. */
function garble(file) {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(4 * 4096, 0xa5), 0, 4 * 4096, 4096);
  closeSync(fd);
}

function setAside(home) {
  return readdirSync(home).filter((n) => n.includes('.damaged-') && !n.endsWith('-wal') && !n.endsWith('-shm'));
}

test('a damaged archive: the app starts on its newest backup, the damaged file set aside byte for byte', () => {
  const home = join(dir, 'damaged');
  mkdirSync(home);
  const db = join(home, 'communique.sqlite3');
  for (let i = 0; i < 3; i++) cli(db, 'import', FISHERIES);
  smoke(db, { COMMUNIQUE_NOW: day(1) }); // today's backup: three meetings
  cli(db, 'import', FISHERIES); // a fourth, after the backup
  garble(db);
  const damaged = readFileSync(db);

  const { report, stderr } = smoke(db, { COMMUNIQUE_NOW: day(2), COMMUNIQUE_RECOVERY_CHOICE: 'restore' });
  assert.equal(report.meetings, 3, "the backup's meetings");
  assert.equal(report.preview_paragraphs, 4, 'and its latest meeting shown');
  const aside = setAside(home);
  assert.equal(aside.length, 1, JSON.stringify(readdirSync(home)));
  assert.ok(readFileSync(join(home, aside[0])).equals(damaged), 'the damaged file, byte for byte');
  assert.match(stderr, /set aside as .*communique\.sqlite3\.damaged-/);
  assert.equal(cli(db, 'list').trim().split('\n').length, 3, 'the CLI sees the restored archive');
});

test('damage deep in the file, past what opening reads: found before the day’s backup, the newest backup offered', () => {
  const home = join(dir, 'deep');
  mkdirSync(home);
  const db = join(home, 'communique.sqlite3');
  for (let i = 0; i < 10; i++) cli(db, 'import', FISHERIES);
  smoke(db, { COMMUNIQUE_NOW: day(1) }); // today's backup: ten meetings
  cli(db, 'import', FISHERIES);
  // The last four pages: leaves of the search index, which opening does not read.
  const pages = readFileSync(db).length / 4096;
  const fd = openSync(db, 'r+');
  writeSync(fd, Buffer.alloc(4 * 4096, 0xa5), 0, 4 * 4096, (pages - 4) * 4096);
  closeSync(fd);
  assert.equal(cli(db, 'list').trim().split('\n').length, 11, 'it opens: the damage is deep');
  const damaged = readFileSync(db);

  const { report, stderr } = smoke(db, { COMMUNIQUE_NOW: day(2), COMMUNIQUE_RECOVERY_CHOICE: 'restore' });
  assert.equal(report.meetings, 10, "the backup's meetings");
  const aside = setAside(home);
  assert.equal(aside.length, 1, JSON.stringify(readdirSync(home)));
  assert.ok(readFileSync(join(home, aside[0])).equals(damaged), 'the damaged file, byte for byte');
  assert.match(stderr, /set aside as /);
  const daily = readdirSync(join(home, 'backups')).filter((n) => n.endsWith('.sqlite3')).sort();
  assert.deepEqual(daily, ['communique-daily-2031-03-01.sqlite3', 'communique-daily-2031-03-02.sqlite3'], 'the restored archive backed up, not the damaged one');
});

test('a damaged archive: a new archive instead, the damaged file kept', () => {
  const home = join(dir, 'fresh');
  mkdirSync(home);
  const db = join(home, 'communique.sqlite3');
  for (let i = 0; i < 4; i++) cli(db, 'import', FISHERIES);
  garble(db);
  const damaged = readFileSync(db);
  assert.equal(smoke(db, { COMMUNIQUE_RECOVERY_CHOICE: 'new' }).report.meetings, 0, 'an empty archive');
  const aside = setAside(home);
  assert.equal(aside.length, 1);
  assert.ok(readFileSync(join(home, aside[0])).equals(damaged));
});

test('a damaged archive and no answer: the app quits and leaves it exactly as it was', () => {
  const home = join(dir, 'quit');
  mkdirSync(home);
  const db = join(home, 'communique.sqlite3');
  for (let i = 0; i < 4; i++) cli(db, 'import', FISHERIES);
  garble(db);
  const damaged = readFileSync(db);
  const run = spawnSync(APP, ['--smoke'], {
    env: { ...process.env, COMMUNIQUE_DB: db, WEBKIT_DISABLE_COMPOSITING_MODE: '1', COMMUNIQUE_RECOVERY_CHOICE: 'quit' },
    encoding: 'utf8',
    timeout: 120000,
  });
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /the archive is damaged \(.*\); left untouched/);
  assert.deepEqual(setAside(home), []);
  assert.ok(readFileSync(db).equals(damaged));
});
