// `npm run dev`: the FAPI server (SQLite in .clerk-wc/, as `npm start`) plus a Vite dev server for the demo pages
// with hot reload. Edit demo/*.html, *.css or *.js and the browser updates. The FAPI paths (/v1, /npm, /.well-known,
// the hosted pages) are proxied to the server, so the pages work as they do under `npm start`.
//   PORT       the FAPI server's port (default 4000);  DEV_PORT  the Vite dev server's port (default 5173)
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createServer } from 'vite';

const build = spawn(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if ((await new Promise((r) => build.on('exit', r))) !== 0) process.exit(1);

const server = spawn(process.execPath, ['dist/server/cli.js', '--static-dir', 'demo'], {
  env: { ...process.env, PORT: process.env.PORT ?? '4000', HOST: process.env.HOST ?? '127.0.0.1' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const stop = () => server.kill('SIGTERM');
process.on('SIGINT', () => (stop(), process.exit(130)));
process.on('SIGTERM', () => (stop(), process.exit(143)));
server.on('exit', (code) => process.exit(code ?? 1));

/** The server's `listening` line: its URL and publishable key. */
const listening = await new Promise((resolve) => {
  createInterface({ input: server.stdout }).on('line', (line) => {
    if (line.startsWith('{"event":"listening"')) resolve(JSON.parse(line));
    else console.log(line);
  });
});

const target = listening.url;
const proxied = ['/v1', '/npm', '/.well-known', '/__clerk-wc', '/sign-in', '/sign-up', '/waitlist'];
const vite = await createServer({
  configFile: false,
  root: 'demo',
  publicDir: false,
  logLevel: 'info',
  server: {
    host: process.env.HOST ?? '127.0.0.1',
    port: Number(process.env.DEV_PORT ?? 5173),
    strictPort: false,
    proxy: Object.fromEntries(proxied.map((p) => [p, { target, changeOrigin: false }])),
  },
  plugins: [
    {
      name: 'clerk-wc-publishable-key',
      // The same placeholder the server fills in when it serves demo/ itself.
      transformIndexHtml: (html) => html.replaceAll('%CLERK_PUBLISHABLE_KEY%', listening.publishableKey),
    },
  ],
});
await vite.listen();
console.log(`\nclerk-wc dev: demo pages with hot reload on ${vite.resolvedUrls?.local[0] ?? ''} (the FAPI server: ${target})\n`);
