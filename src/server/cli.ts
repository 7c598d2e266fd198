#!/usr/bin/env node
// `npm start`: run the FAPI server with the config from clerk-wc.config.json and the environment.
// `clerk-wc-server rotate-key`: make a new signing key the active one in the same store, print its kid, exit.
import { rotateSigningKey } from './crypto/keys.js';
import { openStore } from './store/db.js';
import { accountPortalEnabled } from './config.js';
import { loadConfig, startServer, type ServerConfig } from './index.js';

function config(): ServerConfig {
  try {
    const c = loadConfig();
    // `--static-dir <folder>` serves a site (the demo) next to the FAPI on the same origin.
    const i = process.argv.indexOf('--static-dir');
    if (i > 0 && process.argv[i + 1]) c.staticDir = process.argv[i + 1];
    return c;
  } catch (e) {
    console.error(`clerk-wc: ${(e as Error).message}`);
    process.exit(2);
  }
}

async function rotateKey(): Promise<void> {
  const c = config();
  const store = await openStore(c.databaseUrl, c.dataDir);
  try {
    const key = await rotateSigningKey(store.db);
    const when = c.keyRefreshSeconds > 0 ? `within ${c.keyRefreshSeconds} s (KEY_REFRESH_SECONDS) or on SIGHUP` : 'on SIGHUP (KEY_REFRESH_SECONDS=0)';
    console.log(`clerk-wc: new signing key ${key.kid} is active; running servers sign with it ${when}. Older keys stay in the JWKS.`);
    console.log(JSON.stringify({ event: 'rotated', kid: key.kid }));
  } finally {
    await store.close();
  }
}

async function serve(): Promise<void> {
  const c = config();
  const server = await startServer(c, {
    onSigningKeyChange: (kid) => console.log(JSON.stringify({ event: 'signing-key', kid })),
  });
  const where = server.store.kind === 'sqlite' ? `SQLite ${server.store.where}` : `PostgreSQL ${server.store.where}`;
  console.log(
    [
      `clerk-wc FAPI server listening on ${server.url}`,
      `  publishable key: ${server.publishableKey}`,
      ...(server.context.backend ? [`  secret key:      ${server.context.backend.secretKeyNote}`] : []),
      `  database:        ${where}`,
      `  mail:            ${c.smtpUrl ? 'SMTP + outbox' : `outbox (${server.url}/v1/dev/outbox)`}`,
      ...(accountPortalEnabled(c) ? [`  account pages:   ${server.url}/sign-in, /sign-up, /waitlist, /user`] : []),
      ...(c.staticDir ? [`  demo:            ${server.url}/ (from ${c.staticDir}/)`] : []),
    ].join('\n'),
  );
  // A machine-readable line for scripts and tests.
  console.log(JSON.stringify({ event: 'listening', url: server.url, publishableKey: server.publishableKey, pid: process.pid }));
  // SIGTERM/SIGINT: a graceful shutdown (index.ts close()), then exit 0; a second signal stops at once.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(JSON.stringify({ event: 'stopping', signal, graceSeconds: c.shutdownTimeoutSeconds }));
    server.close().then(
      () => {
        console.log(JSON.stringify({ event: 'stopped' }));
        process.exit(0);
      },
      (e: unknown) => {
        console.error('clerk-wc: shutdown failed:', e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // `kill -HUP <pid>` after `rotate-key`: switch keys now instead of at the next refresh.
  process.on('SIGHUP', () => {
    server.reloadSigningKey().catch((e: unknown) => console.error('clerk-wc: could not re-read the signing key:', e));
  });
}

const command = process.argv[2] && !process.argv[2].startsWith('-') ? process.argv[2] : 'serve';
const commands: Record<string, () => Promise<void>> = { serve, 'rotate-key': rotateKey };
const run = commands[command];
if (!run) {
  console.error(`clerk-wc: unknown command "${command}". Commands: ${Object.keys(commands).join(', ')}`);
  process.exit(2);
}
run().catch((e) => {
  console.error(`clerk-wc: ${command} failed:`, e);
  process.exit(1);
});
