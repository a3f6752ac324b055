import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Tauri loads ui/dist (frontendDist) in production and http://localhost:5173 (devUrl) in dev.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Tauri's webviews are recent (WebView2, WKWebView, WebKitGTK); no legacy transforms needed.
    target: 'es2022',
    reportCompressedSize: false,
  },
});
