// The app's fonts, bundled by Vite from npm (offline; SIL Open Font License 1.1, see
// ui/README.md). The UI and the release preview use these and nothing the machine happens to
// have, so the layout is the same on every machine (a fresh Debian has DejaVu only).
import '@fontsource-variable/inter/wght.css';
import '@fontsource-variable/source-serif-4/wght.css';
import '@fontsource-variable/source-serif-4/wght-italic.css';
import '@fontsource-variable/jetbrains-mono/wght.css';

/** The faces the first screen uses, with text that picks the Latin subsets (French included). */
const FIRST_SCREEN = [
  '16px "Inter Variable"',
  '16px "Source Serif 4 Variable"',
  'italic 16px "Source Serif 4 Variable"',
  '16px "JetBrains Mono Variable"',
];
const SAMPLE = 'Aa é « » ’';

/**
 * Resolves once the first screen's faces are loaded (local files: a few milliseconds), so the
 * first layout is the final one: no swap from a fallback, no jump. Never rejects and never waits
 * long: a missing face must not keep the app from starting.
 */
export function fontsReady(timeoutMs = 1500): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return Promise.resolve();
  const loads = Promise.all(FIRST_SCREEN.map((f) => document.fonts.load(f, SAMPLE))).then(
    () => undefined,
    () => undefined,
  );
  return Promise.race([loads, new Promise<void>((done) => setTimeout(done, timeoutMs))]);
}
