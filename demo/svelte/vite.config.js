import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The built app is served by the clerk-wc server at /apps/svelte/ (`node dist/server/cli.js --static-dir demo`),
// on the same origin as the Frontend API, under a CSP without 'unsafe-inline': no inline scripts, no inline styles.
export default defineConfig({
  base: '/apps/svelte/',
  plugins: [svelte()], // options in svelte.config.js
  build: {
    outDir: '../apps/svelte',
    emptyOutDir: true,
    // The preload polyfill would be an inline <script>, which `script-src 'self'` blocks.
    modulePreload: { polyfill: false },
  },
  server: {
    // `npm run dev`: the Frontend API of a clerk-wc server on its default port, proxied to the app's origin.
    proxy: { '/v1': 'http://127.0.0.1:4000' },
    // clerk-wc is linked from the repository root (file:../..).
    fs: { allow: ['../..'] },
  },
});
