// A test-only page (tests/browser/run.mjs builds it apart from the app, into .test-results/pages;
// it is never in dist/): ReleaseText mounted on fixture data, the blocks it emits kept on
// `window.__rt` for the browser spec to read.
import { mount } from 'svelte';
import { fontsReady } from '../../../src/fonts';
import '../../../src/app.css';
import ReleaseTextPage from './ReleaseTextPage.svelte';
import type { Block } from '../../../src/lib/bindings';

declare global {
  interface Window {
    __rt: { emitted: Block[] | null; changes: number; ready: boolean; view?: unknown; ids?: (n: number) => string[] };
  }
}

window.__rt = { emitted: null, changes: 0, ready: false };
void fontsReady().then(() => {
  mount(ReleaseTextPage, { target: document.getElementById('app')! });
  window.__rt.ready = true;
});
