// Keystroke → preview in the real window: the release build of communique-desktop (WebKitGTK,
// the Rust core behind Tauri's IPC), driven through tauri-driver and WebKitWebDriver. Run by
// bench.py (`scripts/bench --only typing-real`), which starts Xvfb and makes the database.
//
//   node bench/typing-real.mjs --app PATH [--item N] [--keys N] [--pause MS]
//   env: COMMUNIQUE_DB (a database whose newest meeting is the 300-item one), DISPLAY
//
// Types one key at a time, with WebDriver's element send keys, (a) at the end of the summary of
// agenda item N (scrolled to, far down the windowed agenda) and (b) at the end of the release
// headline. Each letter is timed inside the page: from its keydown (performance.now() in a
// capturing listener) to the moment a MutationObserver on the preview's shadow root sees the text
// typed so far in the preview (`shown`), and to the next animation frame after that (`frame`:
// the frame that paints it). The next key is sent `--pause` ms after the last one was shown, so
// keys never queue; spaces are typed but not timed (the preview may not change for a trailing
// space), and every sentence ends with a second's pause, as a writer's would (autosave runs then).
//
// Each timed key also gets its stages from a wrapper around window.fetch (Tauri's IPC is a fetch
// of ipc://localhost/<command>): keydown → the preview request sent (`ui_before`: input event,
// the editor's change, serialising the document), request → answer's body read (`ipc`: Tauri,
// core's compose and render, the transfers), answer → shown (`ui_after`: the preview's update).
//
// Prints one JSON line: {"fields": {"item": {...}, "headline": {...}}, "request_bytes": …}.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { Session, sleep, untilDriver } from '../tests/e2e/webdriver.mjs';

const { values: opts } = parseArgs({
  options: {
    app: { type: 'string' },
    item: { type: 'string', default: '250' },
    keys: { type: 'string', default: '110' },
    pause: { type: 'string', default: '150' },
    driver: { type: 'string', default: 'tauri-driver' },
    'native-driver': { type: 'string', default: '/usr/bin/WebKitWebDriver' },
  },
});
if (!opts.app) throw new Error('--app PATH is required');
const ITEM = Number(opts.item);
const KEYS = Number(opts.keys);
const PAUSE = Number(opts.pause);
const sel = (id) => `[data-testid="${id}"]`;

// Plain lowercase words: nothing the release's typography would change.
const WORDS = 'the council agreed on a common plan for river cities and their ports while ministers asked for more data on floods before the next meeting'.split(' ');

/** Letters and spaces to type, `keys` letters in all, a sentence break every nine words. */
function script(keys) {
  const out = [];
  let letters = 0;
  for (let w = 0; letters < keys; w += 1) {
    const word = WORDS[w % WORDS.length];
    out.push({ key: ' ', timed: false, rest: w > 0 && w % 9 === 0 });
    for (const ch of word) {
      if (letters >= keys) break;
      out.push({ key: ch, timed: true });
      letters += 1;
    }
  }
  return out;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Installed in the page once: the probe that times each armed keystroke.
const PROBE = `
  const host = document.querySelector('[data-testid="preview"]');
  const root = host && host.shadowRoot;
  if (!root) return 'no preview shadow root';
  const t = (window.__typing = { armed: null, done: [], requests: [] });
  document.addEventListener('keydown', () => {
    if (t.armed && t.armed.keydown === null) t.armed.keydown = performance.now();
  }, { capture: true });
  const realFetch = window.fetch.bind(window);
  window.fetch = (url, init) => {
    const a = String(url).endsWith('/preview_edit_v2') ? t.armed : null;
    if (a && a.request === null) {
      a.request = performance.now();
      a.requestBytes = init && init.body ? (init.body.length ?? init.body.byteLength ?? 0) : 0;
    }
    const p = realFetch(url, init);
    if (!a) return p;
    return p.then((res) => {
      a.response = a.response ?? performance.now();
      return res;
    });
  };
  // The text typed so far is in the preview: in the node a mutation touched (its block), or, if
  // a whole block was replaced, in the preview's document.
  const holds = (node, text) => {
    const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    return !!el && (el.textContent || '').includes(text);
  };
  new MutationObserver((records) => {
    const a = t.armed;
    if (!a || a.keydown === null || a.shown !== null) return;
    if (!records.some((r) => holds(r.target, a.expected))) return;
    a.shown = performance.now();
    requestAnimationFrame(() => {
      a.frame = performance.now();
      t.done.push(a);
      t.armed = null;
    });
  }).observe(root, { subtree: true, childList: true, characterData: true });
  return 'ok';
`;

async function typeField(s, el, label, marker) {
  // Untimed: the caret to the end, then a marker word that makes the typed text unique.
  await el.type('\uE010');
  await el.type(` ${marker}`);
  await s.until(`${label}: the marker in the preview`, async () =>
    s.execute(`return document.querySelector('[data-testid="preview"]').shadowRoot.textContent.includes(arguments[0])`, [marker]),
  );
  await sleep(500);
  let typed = marker;
  const samples = [];
  for (const step of script(KEYS)) {
    typed += step.key;
    if (!step.timed) {
      await el.type(step.key);
      await sleep(step.rest ? 1000 : PAUSE);
      continue;
    }
    await s.execute(
      `window.__typing.armed = { key: arguments[0], expected: arguments[1], keydown: null, request: null, requestBytes: 0, response: null, shown: null, frame: null }; return true`,
      [step.key, typed],
    );
    await el.type(step.key);
    const got = await s.until(`${label}: "${typed.slice(-12)}" in the preview`, async () =>
      s.execute(`return window.__typing.done.length ? window.__typing.done.shift() : null`),
    5000);
    const since = (t) => (t === null ? null : t - got.keydown);
    samples.push({
      key: got.key,
      shown_ms: since(got.shown),
      frame_ms: since(got.frame),
      ui_before_ms: since(got.request),
      ipc_ms: got.request === null || got.response === null ? null : got.response - got.request,
      ui_after_ms: got.response === null ? null : got.shown - got.response,
      request_bytes: got.requestBytes,
    });
    await sleep(PAUSE);
  }
  return samples;
}

async function main() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const driver = spawn(opts.driver, ['--port', String(port), '--native-driver', opts['native-driver']], {
    env: { ...process.env, WEBKIT_DISABLE_COMPOSITING_MODE: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await untilDriver(base);
    const s = await Session.start(base, opts.app);
    try {
      await s.until('the app ready', async () => s.execute(`return document.body.dataset.ready === '1'`), 60000);
      const probe = await s.execute(PROBE);
      if (probe !== 'ok') throw new Error(`probe: ${probe}`);
      const count = await s.execute(`return document.querySelectorAll('[data-testid="preview"]')[0].shadowRoot.querySelectorAll('p').length`);

      // (a) An agenda item far down: scroll the windowed agenda until it is rendered.
      await s.until(`agenda item ${ITEM} rendered`, async () =>
        s.execute(
          `const i = arguments[0];
           const el = document.querySelector('[data-testid="agenda-item"][data-index="' + i + '"]');
           if (el) { el.scrollIntoView({ block: 'center' }); return true; }
           const sc = document.querySelector('.editor .scroll');
           const shown = [...document.querySelectorAll('[data-testid="agenda-item"]')].map((e) => Number(e.dataset.index));
           if (sc.scrollTop === 0) sc.scrollTop = sc.scrollHeight * i / 300 - sc.clientHeight / 2;
           else sc.scrollBy(0, (i > Math.max(...shown) ? 1 : -1) * sc.clientHeight);
           return false;`,
          [ITEM],
        ),
      20000);
      await sleep(500);
      const summary = await s.find(`[data-testid="agenda-item"][data-index="${ITEM}"] ${sel('item-summary')}`);
      await summary.click();
      const item = await typeField(s, summary, `item ${ITEM}`, 'Zqvitem');

      // (b) The headline (the release pane's fields are open by default).
      const headline = await s.find(sel('release-headline'));
      await headline.click();
      const head = await typeField(s, headline, 'headline', 'Zqvhead');

      const scroller = await s.execute(`const sc = document.querySelector('.editor .scroll'); return { top: sc.scrollTop, height: sc.scrollHeight }`);
      process.stdout.write(`${JSON.stringify({ item: ITEM, preview_paragraphs: count, scroller, fields: { item, headline: head } })}\n`);
    } finally {
      await s.end();
    }
  } finally {
    driver.kill('SIGTERM');
    await new Promise((r) => (driver.exitCode !== null ? r() : driver.once('exit', r)));
  }
}

main().catch((e) => {
  console.error(`typing-real: ${e.stack ?? e}`);
  process.exit(1);
});
