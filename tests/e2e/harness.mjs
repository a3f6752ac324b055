// What the real-window tests share: the binaries under test, the app started through
// tauri-driver on a database of the test's own (and made to exit after), the CLI that reads the
// database back, and the few WebDriver steps every test takes (find by test id, type into a
// field, wait for "Saved").

import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Session, sleep, untilDriver } from './webdriver.mjs';

export const root = resolve(import.meta.dirname, '../..');
export const TARGET = resolve(root, process.env.CARGO_TARGET_DIR ?? 'target');
export const APP = join(TARGET, 'debug/communique-desktop');
export const CLI = join(TARGET, 'debug/communique');
// Ports of this run's own (two runs on one machine must not meet): tauri-driver and WebKitWebDriver.
const PORT = Number(process.env.E2E_PORT ?? 20000 + Math.floor(Math.random() * 20000));
const BASE = `http://127.0.0.1:${PORT}`;
/** Where screenshots go. */
export const artifacts = process.env.E2E_ARTIFACTS ?? join(TARGET, 'e2e');
mkdirSync(artifacts, { recursive: true });

export const cli = (db, ...args) => execFileSync(CLI, ['--db', db, ...args], { encoding: 'utf8' });
export const sel = (id) => `[data-testid="${id}"]`;

/**
 * tauri-driver with the app's environment: the database under test, Xvfb, no compositing, and a
 * home of the database's own (window size and position, WebView storage: a test's resized window
 * or remembered choice never reaches another test or another run; a restart on the same
 * database finds them as a user would).
 */
export async function withApp(db, body, { env = {} } = {}) {
  const home = `${db}.home`;
  const homes = { XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache') };
  for (const d of Object.values(homes)) mkdirSync(d, { recursive: true });
  const driver = spawn('tauri-driver', ['--port', String(PORT), '--native-port', String(PORT + 1), '--native-driver', '/usr/bin/WebKitWebDriver'], {
    env: { ...process.env, COMMUNIQUE_DB: db, WEBKIT_DISABLE_COMPOSITING_MODE: '1', ...homes, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await untilDriver(BASE);
    const s = await Session.start(BASE, APP);
    try {
      await body(s);
    } finally {
      await s.end();
    }
  } finally {
    driver.kill('SIGTERM');
    await new Promise((r) => driver.once('exit', r));
  }
  await closeLeftover();
}

/**
 * After a session the app must be gone: ending the session asks its window to close, and the app
 * exits once what is typed is stored. Ending a session does not always reach the app (once
 * tauri-driver itself panicked on the way), so an app still running after a while is closed as
 * a user would close it, through its window (the close handshake under test elsewhere); an app
 * that does not exit then is a failure.
 */
async function closeLeftover() {
  const started = Date.now();
  const gone = async (ms) => {
    for (const end = Date.now() + ms; Date.now() < end; ) {
      if (appPids().length === 0) return true;
      await sleep(100);
    }
    return appPids().length === 0;
  };
  if (await gone(10000)) return;
  const left = appPids();
  console.log(`the app was still running ${Date.now() - started} ms after its session ended (pids ${left}): closing its window`);
  for (const pid of left) {
    try {
      closeWindow(pid);
    } catch (e) {
      console.log(`no window to close for ${pid}: ${e.stderr ?? e.message}`);
    }
  }
  if (await gone(30000)) return;
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  for (const pid of appPids()) process.kill(pid, 'SIGKILL');
  assert.fail(`the app did not exit when its window was closed (load average ${load})`);
}

/** The app's processes (those of the binary under test). */
export function appPids() {
  try {
    return execFileSync('pgrep', ['-f', APP], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** An app left running when a file's tests end (a test that failed half-way) is killed. */
export function killLeftovers() {
  for (const pid of appPids()) process.kill(pid, 'SIGKILL');
}

export const PYTHON = '/usr/bin/python3'; // Debian's, with python3-xlib (scripts/install-deps --test)

/** The window manager's close button: WM_DELETE_WINDOW to the app's window (close-window.py). */
export function closeWindow(pid) {
  return execFileSync(PYTHON, [join(root, 'tests/e2e/close-window.py'), '--pid', String(pid), '--title', 'Communiqué', '--wait', '10'], {
    encoding: 'utf8',
    timeout: 20000,
  });
}

/** What a rich-text field shows. */
export const shownText = async (el) => String(await el.property('textContent'));

/** The text the preview (a shadow root) shows. */
export const previewText = async (s) => String(await s.execute(`return document.querySelector('[data-testid="preview"]')?.shadowRoot?.textContent ?? ''`));

/** The test id of what has the focus (or of the nearest element around it that has one). */
export const focusedTestid = (s) => s.execute('return document.activeElement?.closest("[data-testid]")?.dataset.testid ?? null');

export async function untilTitle(s, expected) {
  const title = await s.find(sel('meeting-title'));
  await s.until('the meeting', async () => (await title.property('value')) === expected);
}

/** Clicks the field (the last matching `css`, or the one at `index`) and types `text` into it. */
export async function typeInto(s, css, text, index = -1) {
  const all = await s.findAll(css, { atLeast: 1 });
  const el = all.at(index);
  await el.click();
  await el.type(text);
  return el;
}

export async function waitSaved(s) {
  await s.until('Saved', async () => (await (await s.find(sel('save-status'))).attribute('data-state')) === 'saved', 20000);
}
