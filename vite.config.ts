// The browser side of the package, built with Vite (library mode, Rolldown). One config, one build per mode, because
// the outputs differ in format and splitting (`scripts/build.mjs` runs them in turn and also builds the Node side):
//   iife      dist/clerk.browser.js   the script-tag bundle: loader + headless client, sets window.Clerk
//   esm       dist/index.js           the ESM entry of the headless client (not minified, for apps that bundle)
//   elements  dist/elements/<name>.js one chunk per element folder, Lit and shared code in dist/chunks/: what the
//                                     autoloader imports on first use
//   all       dist/elements.js        every element in one module (`clerk-wc/elements`)
//   pages     dist/pages/account.*    script and stylesheet of the hosted account pages
// The server and backend bundles stay on esbuild (scripts/build.mjs): they are Node code with every dependency
// external, which needs no more than a transpile-and-concatenate step.
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { defineConfig, type UserConfig } from 'vite';

export const BROWSER_MODES = ['iife', 'esm', 'elements', 'all', 'pages'] as const;
type Mode = (typeof BROWSER_MODES)[number];

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
/** Element folders with a `<name>/<name>.ts` entry. */
const ELEMENTS = readdirSync('src/elements', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`src/elements/${d.name}/${d.name}.ts`))
  .map((d) => d.name);

function lib(mode: Mode): NonNullable<UserConfig['build']>['lib'] {
  switch (mode) {
    case 'iife':
      return { entry: 'src/browser.ts', formats: ['iife'], name: 'ClerkWCBundle', fileName: () => 'clerk.browser.js' };
    case 'esm':
      return { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.js' };
    case 'elements':
      return {
        entry: Object.fromEntries(ELEMENTS.map((n) => [`elements/${n}`, `src/elements/${n}/${n}.ts`])),
        formats: ['es'],
        fileName: (_f, name) => `${name}.js`,
      };
    case 'all':
      return { entry: 'src/elements/all.ts', formats: ['es'], fileName: () => 'elements.js' };
    case 'pages':
      return {
        entry: { 'pages/account': 'src/pages/account.ts' },
        formats: ['iife'],
        name: 'ClerkWCAccountPage',
        fileName: (_f, name) => `${name}.js`,
        cssFileName: 'account',
      };
  }
}

export default defineConfig(({ mode }) => {
  const m = (BROWSER_MODES as readonly string[]).includes(mode) ? (mode as Mode) : 'iife';
  return {
    // Nothing from public/ or index.html: a library build of src/ only.
    publicDir: false,
    logLevel: 'warn',
    define: { __CLERK_WC_VERSION__: JSON.stringify(version) },
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      sourcemap: true,
      minify: m !== 'esm',
      reportCompressedSize: false,
      // Styles are constructable sheets in JS (strict CSP); only the pages have a stylesheet file.
      cssCodeSplit: false,
      lib: lib(m),
      rolldownOptions: {
        output: {
          // Vite leaves whitespace in ES library output (to keep pure annotations); Rolldown's own minifier keeps them.
          minify: m !== 'esm',
          // Word characters only: the server serves chunks under /npm/@clerk/clerk-js@<v>/dist/chunks/<name>.js by that pattern.
          chunkFileNames: (chunk) => `chunks/${chunk.name.replace(/[^\w-]/g, '-')}-[hash].js`,
          ...(m === 'pages' ? { assetFileNames: 'pages/[name][extname]' } : {}),
        },
      },
    },
  };
});
