// A small browser-test harness: builds the app, serves dist/ on 127.0.0.1, drives Debian's
// Chromium through playwright-core (never a downloaded browser), and runs tests in order.

import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import ts from 'typescript';

export const UI = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = join(UI, 'dist');
export const SHOTS = join(UI, 'screenshots');
export const RESULTS = join(UI, '.test-results');
/** The test-only pages (tests/browser/pages), built by run.mjs apart from dist/. */
export const PAGES = join(RESULTS, 'pages');
const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** A TypeScript module of the UI, type-stripped into .test-results/ and imported (the type check is svelte-check's). */
async function importTs(path) {
  mkdirSync(RESULTS, { recursive: true });
  const out = join(RESULTS, path.replace(/[/\\]/g, '_').replace(/\.ts$/, '.mjs'));
  const { outputText } = ts.transpileModule(readFileSync(join(UI, path), 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
  });
  writeFileSync(out, outputText);
  return import(pathToFileURL(out).href);
}

/**
 * How the app invokes each command, read from the generated bindings by calling every accessor
 * with placeholder arguments: command name → the accessor and its argument names in order.
 */
async function readRoutes() {
  const { commands } = await importTs('src/lib/bindings.ts');
  const routes = {};
  let seen;
  globalThis.window = { __TAURI_INTERNALS__: { invoke: async (cmd, args) => void (seen = { cmd, args }) } };
  try {
    for (const [accessor, fn] of Object.entries(commands)) {
      const placeholders = Array.from({ length: fn.length }, (_, i) => `\u0000arg${i}`);
      await fn(...placeholders);
      const args = placeholders.map((p) => Object.keys(seen.args).find((k) => seen.args[k] === p));
      if (args.includes(undefined)) throw new Error(`bindings: cannot read the arguments of ${accessor}`);
      routes[seen.cmd] = { accessor, args };
    }
  } finally {
    delete globalThis.window;
  }
  return routes;
}

const { installFakeBackend } = await importTs('tests/browser/fake-backend.ts');
const ROUTES = await readRoutes();

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json' };

/** Serves dist/ on a free loopback port. */
export function serve(root = DIST) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(path) || statSync(path).isDirectory()) path = join(root, 'index.html');
    if (!existsSync(path)) {
      res.writeHead(404).end(); // the test pages' root has no index.html
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(path));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${server.address().port}/` })));
}

const tests = [];
export function test(name, fn, opts = {}) {
  tests.push({ name, fn, opts });
}

export class AssertionError extends Error {}
export function assert(cond, msg) {
  if (!cond) throw new AssertionError(msg);
}
export function eq(actual, expected, msg) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new AssertionError(`${msg}: expected ${e}, got ${a}`);
}

/** Polls `fn` (in Node) until it returns truthy. */
export async function until(fn, msg, timeout = 5000) {
  const t0 = Date.now();
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() - t0 > timeout) throw new AssertionError(`timed out: ${msg} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Page helpers bound to one test. */
function helpers(page, baseUrl, context, pagesUrl) {
  const h = {
    page,
    context,
    tid: (id) => page.locator(`[data-testid="${id}"]`),
    /** Loads the app with the fake backend seeded, and waits for the readiness hook. */
    async open(seed, { waitReady = true, storage } = {}) {
      await page.addInitScript({ content: `(${installFakeBackend.toString()})(${JSON.stringify(seed)}, ${JSON.stringify(ROUTES)});` });
      if (storage) await page.addInitScript({ content: `try{${Object.entries(storage).map(([k, v]) => `localStorage.setItem(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('')}}catch(e){}` });
      await page.goto(baseUrl);
      if (waitReady) await page.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
    },
    /** Loads a test-only page (tests/browser/pages/<name>.html), no fake shell. */
    async openPage(name, query = '') {
      await page.goto(`${pagesUrl}tests/browser/pages/${name}.html${query}`);
      await page.waitForFunction(() => window.__rt?.ready === true, null, { timeout: 15000 });
    },
    fake: (fn, arg) => page.evaluate(fn, arg),
    calls: (cmd) => page.evaluate((c) => window.__fake.calls(c), cmd),
    savedDoc: (id) => page.evaluate((i) => window.__fake.doc(i), id),
    status: () => page.locator('[data-testid="save-status"]').innerText(),
    // What the preview frame shows now (it is updated in place, so not its srcdoc).
    previewHtml: () =>
      page.locator('[data-testid="preview"]').evaluate((el) => el.shadowRoot?.innerHTML ?? ''),
    async waitSaved(timeout = 5000) {
      await page.waitForSelector('[data-testid="save-status"][data-state="saved"]', { timeout });
    },
    async waitPreviewContains(text, timeout = 5000) {
      await until(async () => ((await h.previewHtml()) ?? '').includes(text), `preview contains ${JSON.stringify(text)}`, timeout);
    },
    async itemTitles() {
      return page.locator('[data-testid="agenda-item"] [data-testid="item-title"]').evaluateAll((els) => els.map((e) => e.value));
    },
    /** axe-core on the current state; fails on serious or critical violations. */
    async axe(label) {
      const has = await page.evaluate(() => typeof window.axe !== 'undefined');
      if (!has) await page.addScriptTag({ content: AXE });
      const res = await page.evaluate(async () => {
        const r = await window.axe.run(document, { iframes: false, resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join(' ')}`) }));
      });
      const bad = res.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      for (const v of res.filter((x) => !bad.includes(x))) console.log(`      axe (${label}) ${v.impact}: ${v.id} — ${v.help}`);
      assert(bad.length === 0, `axe (${label}): ${bad.map((v) => `\n  [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.join('\n    ')}`).join('')}`);
    },
    mod: process.platform === 'darwin' ? 'Meta' : 'Control',
  };
  return h;
}

export async function runAll({ baseUrl, pagesUrl, filter }) {
  mkdirSync(RESULTS, { recursive: true });
  mkdirSync(SHOTS, { recursive: true });
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const results = [];
  try {
    for (const t of tests) {
      if (filter && !t.name.includes(filter)) continue;
      // `locale` and `timezoneId`: the desktop's language and time zone, as the page sees them.
      const desktop = Object.fromEntries(['locale', 'timezoneId'].filter((k) => t.opts[k]).map((k) => [k, t.opts[k]]));
      const context = await browser.newContext({ viewport: t.opts.viewport ?? { width: 1280, height: 800 }, colorScheme: t.opts.colorScheme ?? 'light', reducedMotion: 'reduce', ...desktop });
      const page = await context.newPage();
      const pageErrors = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`);
      });
      const t0 = Date.now();
      let error = null;
      try {
        await Promise.race([
          t.fn(helpers(page, baseUrl, context, pagesUrl)),
          new Promise((_, no) => setTimeout(() => no(new AssertionError('test timed out after 60 s')), t.opts.timeout ?? 60000)),
        ]);
        const fatal = pageErrors.filter((e) => !(t.opts.allowConsoleErrors ?? []).some((re) => re.test(e)));
        if (fatal.length) throw new AssertionError(`errors in the page:\n  ${fatal.join('\n  ')}`);
      } catch (e) {
        error = e;
        try {
          await page.screenshot({ path: join(RESULTS, `${t.name.replace(/[^a-z0-9]+/gi, '-')}.png`) });
        } catch {
          /* the page may be gone */
        }
      }
      const ms = Date.now() - t0;
      results.push({ name: t.name, ok: !error, ms });
      console.log(`  ${error ? '✗' : '✓'} ${t.name} (${ms} ms)`);
      if (error) console.log(`      ${String(error.stack || error).split('\n').slice(0, 6).join('\n      ')}`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}
