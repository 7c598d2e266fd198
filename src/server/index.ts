// Programmatic entry: start a FAPI server in this process.
import { createServer, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import { getRequestListener } from '@hono/node-server';
import { createApp } from './app.js';
import { loadConfig, type ServerConfig } from './config.js';
import type { ServerContext } from './context.js';
import { loadSigningKey } from './crypto/keys.js';
import { RateLimiter } from './http/rate-limit.js';
import { Mailer } from './mail/mailer.js';
import { openStore, type Store } from './store/db.js';
import { ensureInstance } from './store/instance.js';

export { loadConfig, type ServerConfig };

export interface RunningServer {
  url: string;
  publishableKey: string;
  store: Store;
  context: ServerContext;
  close(): Promise<void>;
}

/** Opens the store (migrating it), loads or creates the instance and its key, and listens. */
export async function startServer(config: ServerConfig = loadConfig()): Promise<RunningServer> {
  const store = await openStore(config.databaseUrl, config.dataDir);
  const key = await loadSigningKey(store.db);
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host === '0.0.0.0' ? 'localhost' : config.host;
  const issuer = config.publicUrl ?? `http://${host}:${port}`;
  const publishableKey = await ensureInstance(store.db, issuer, config.instanceType);
  const context: ServerContext = {
    db: store.db,
    dbKind: store.kind,
    config,
    key,
    codePepper: createHash('sha256').update(`codes:${key.kid}`).update(key.privateKey.export({ format: 'pem', type: 'pkcs8' })).digest(),
    issuer,
    publishableKey,
    mailer: new Mailer(store.db, { smtpUrl: config.smtpUrl, from: config.mailFrom, log: config.logMail }),
    rateLimiter: new RateLimiter(config.rateLimit.max, config.rateLimit.windowSeconds * 1000),
    now: () => Date.now(),
  };
  const handle = createApp(context);
  server.on('request', getRequestListener((req, env) => handle(req, env as never)));
  return {
    url: issuer,
    publishableKey,
    store,
    context,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await store.close();
    },
  };
}
