import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Unit tests of the pure logic, in jsdom (tests/unit, and beside a module in src/ for the
// release editor, src/lib/prose). The browser suite (tests/browser) is separate.
export default defineConfig({
  plugins: [svelte()],
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
  },
});
