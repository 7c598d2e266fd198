import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The built app is served by the clerk-wc server at /apps/vue/ (`node dist/server/cli.js --static-dir demo`),
// on the same origin as the Frontend API, under a CSP without 'unsafe-inline'.
export default defineConfig({
  base: '/apps/vue/',
  plugins: [
    vue({
      template: {
        // <clerk-*> tags are custom elements (defined by `import 'clerk-wc/elements'`), not Vue components.
        compilerOptions: { isCustomElement: (tag) => tag.startsWith('clerk-') },
      },
    }),
  ],
  build: {
    outDir: '../apps/vue',
    emptyOutDir: true,
    // The polyfill is an inline <script>, which `script-src 'self'` blocks.
    modulePreload: { polyfill: false },
  },
  server: {
    // `npm run dev`: the Frontend API of a clerk-wc server on its default port, same origin as the app.
    proxy: { '/v1': 'http://127.0.0.1:4000' },
  },
});
