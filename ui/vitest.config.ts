import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Unit tests of the pure logic, in jsdom (tests/unit, and beside a module in src/ for the
// release editor, src/lib/prose). The browser suite (tests/browser) is separate.
export default defineConfig({
  plugins: [svelte()],
  // Svelte's browser build, so a test can mount a component (tests/unit/ReleaseText.svelte.test.ts).
  resolve: { conditions: ['browser'] },
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
  },
});
