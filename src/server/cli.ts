#!/usr/bin/env node
// `npm start`: run the FAPI server with the config from clerk-wc.config.json and the environment.
import { loadConfig, startServer } from './index.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
    // `--static-dir <folder>` serves a site (the demo) next to the FAPI on the same origin.
    const i = process.argv.indexOf('--static-dir');
    if (i > 0 && process.argv[i + 1]) config.staticDir = process.argv[i + 1];
  } catch (e) {
    console.error(`clerk-wc: ${(e as Error).message}`);
    process.exit(2);
  }
  const server = await startServer(config);
  const where = server.store.kind === 'sqlite' ? `SQLite ${server.store.where}` : `PostgreSQL ${server.store.where}`;
  console.log(
    [
      `clerk-wc FAPI server listening on ${server.url}`,
      `  publishable key: ${server.publishableKey}`,
      `  database:        ${where}`,
      `  mail:            ${config.smtpUrl ? 'SMTP + outbox' : `outbox (${server.url}/v1/dev/outbox)`}`,
      ...(config.staticDir ? [`  demo:            ${server.url}/ (from ${config.staticDir}/)`] : []),
    ].join('\n'),
  );
  // A machine-readable line for scripts and tests.
  console.log(JSON.stringify({ event: 'listening', url: server.url, publishableKey: server.publishableKey }));
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e) => {
  console.error('clerk-wc: failed to start:', e);
  process.exit(1);
});
