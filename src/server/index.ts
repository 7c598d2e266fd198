// Programmatic entry: start a FAPI server in this process.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { getRequestListener } from '@hono/node-server';
import { createApp } from './app.js';
import { startBackendApi } from './bapi/start.js';
import { loadConfig, type ServerConfig } from './config.js';
import type { ServerContext } from './context.js';
import { loadSigningKey, oldestSigningKey, refreshSigningKey } from './crypto/keys.js';
import { withSecurityHeaders } from './http/headers.js';
import { proxyTrust } from './http/client-ip.js';
import { connectionDrain } from './http/drain.js';
import { metricsResponse } from './http/metrics-endpoint.js';
import { setScrapeSources } from './metrics.js';
import { pendingDeliveryCount } from './store/webhooks.js';
import { openRateLimiter } from './store/rate-limits.js';
import { Mailer } from './mail/mailer.js';
import { openStore, type Store } from './store/db.js';
import { ensureInstance } from './store/instance.js';
import { configureLog, log } from './log.js';

export { loadConfig, type ServerConfig };

export interface RunningServer {
  url: string;
  publishableKey: string;
  store: Store;
  context: ServerContext;
  /** Re-reads the active signing key now (SIGHUP does this); true when the server switched keys. */
  reloadSigningKey(): Promise<boolean>;
  /**
   * Graceful shutdown: stops accepting connections (readiness turns 503), lets the requests in flight finish for up
   * to `shutdownTimeoutSeconds` before cutting what is left, lets the webhook worker finish its current delivery,
   * then closes the database.
   */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Called after the server switched to another signing key (a `rotate-key` was picked up). */
  onSigningKeyChange?(kid: string): void;
}

/** Opens the store (migrating it), loads or creates the instance and its key, and listens. */
export async function startServer(config: ServerConfig = loadConfig(), options: StartOptions = {}): Promise<RunningServer> {
  configureLog(config.logLevel, config.logFormat ?? (config.instanceType === 'production' ? 'json' : 'pretty'));
  const store = await openStore(config.databaseUrl, config.dataDir);
  const key = await loadSigningKey(store.db);
  const pepperKey = await oldestSigningKey(store.db);
  const server: Server = createServer();
  // The port (and so the issuer) is known only after listen: requests that arrive first wait for the handler.
  let handle: ReturnType<typeof createApp> | undefined;
  let ready: () => void = () => undefined;
  const handlerReady = new Promise<void>((resolve) => (ready = resolve));
  const listener = getRequestListener(async (req, env) => {
    if (!handle) await handlerReady;
    return withSecurityHeaders(await handle!(req, env as never));
  });
  const connections = connectionDrain(server);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    connections.onRequest(req, res);
    void listener(req, res);
  });
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
    codePepper: createHash('sha256')
      .update(`codes:${pepperKey.kid}`)
      .update(pepperKey.privateKey.export({ format: 'pem', type: 'pkcs8' }))
      .digest(),
    issuer,
    publishableKey,
    mailer: new Mailer(store.db, { smtpUrl: config.smtpUrl, from: config.mailFrom, log: config.logMail }),
    rateLimiter: openRateLimiter(store, config.rateLimit),
    proxies: proxyTrust(config.trustedProxies),
    now: () => Date.now(),
    draining: false,
  };
  context.backend = await startBackendApi(context);
  setScrapeSources({
    webhookQueueDepth: () => pendingDeliveryCount(store.db),
    pool: () => (store.pool ? { total: store.pool.totalCount, idle: store.pool.idleCount, waiting: store.pool.waitingCount } : undefined),
  });
  // metrics.port: the metrics alone, without a token, on a port of their own (bound to the same host).
  const metricsServer =
    config.metrics.port !== undefined
      ? await new Promise<Server>((resolve, reject) => {
          const s = createServer((req, res) => {
            if (req.url !== '/metrics' || req.method !== 'GET') return void res.writeHead(404).end();
            void metricsResponse().then(async (r) => res.writeHead(200, Object.fromEntries(r.headers)).end(await r.text()));
          });
          s.once('error', reject);
          s.listen(config.metrics.port, config.host, () => resolve(s));
        })
      : undefined;
  handle = createApp(context);
  ready();

  // Key rotation reaches running servers off the hot path: a timer swaps `context.key`; requests only read it.
  let reloading: Promise<boolean> | undefined;
  const reloadSigningKey = (): Promise<boolean> =>
    (reloading ??= refreshSigningKey(store.db, context.key)
      .then((next) => {
        if (next === context.key) return false;
        context.key = next;
        options.onSigningKeyChange?.(next.kid);
        return true;
      })
      .finally(() => (reloading = undefined)));
  const refreshTimer =
    config.keyRefreshSeconds > 0
      ? setInterval(
          () => reloadSigningKey().catch((e: unknown) => log.error({ err: e }, 'could not re-read the signing key')),
          Math.min(config.keyRefreshSeconds * 1000, 2 ** 31 - 1),
        )
      : undefined;
  refreshTimer?.unref();

  return {
    url: issuer,
    publishableKey,
    store,
    context,
    reloadSigningKey,
    async close() {
      context.draining = true;
      clearInterval(refreshTimer);
      const graceMs = config.shutdownTimeoutSeconds * 1000;
      await connections.drain(graceMs);
      metricsServer?.closeAllConnections();
      await new Promise<void>((resolve) => (metricsServer ? metricsServer.close(() => resolve()) : resolve()));
      await context.backend?.stop(graceMs);
      await store.close();
    },
  };
}
