// Browser tests: build the app, serve it, drive Chromium. Prints `browser: N passed, M failed`
// and exits non-zero on failure. `node tests/browser/run.mjs [name filter] [--no-build]`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { PAGES, RESULTS, runAll, serve, UI } from './harness.mjs';
import './specs.mjs';
import './releaseText.spec.mjs';

const args = process.argv.slice(2);
const filter = args.find((a) => !a.startsWith('--'));
if (!args.includes('--no-build')) {
  console.log('browser: building the app (vite build)…');
  await build({ root: UI, logLevel: 'warn' });
  // The test-only pages (tests/browser/pages: a component on fixture data), built apart from the
  // app so that dist/ never holds them.
  await build({
    root: UI,
    logLevel: 'warn',
    build: { outDir: PAGES, emptyOutDir: true, rollupOptions: { input: { 'release-text': join(UI, 'tests/browser/pages/release-text.html') } } },
  });
}
const { server, url } = await serve();
const pages = await serve(PAGES);
let results = [];
try {
  results = await runAll({ baseUrl: url, pagesUrl: pages.url, filter });
} catch (e) {
  console.error(`browser: ${e.message}`);
  results.push({ name: 'harness', ok: false, ms: 0 });
} finally {
  server.close();
  pages.server.close();
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
writeFileSync(join(RESULTS, 'browser.json'), JSON.stringify({ passed, failed, results }, null, 2));
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed || results.length === 0 ? 1 : 0);
