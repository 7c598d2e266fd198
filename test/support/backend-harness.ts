// Helpers for the backend tests: tokens minted by the real server, forged tokens, a counting JWKS proxy,
// and the `rotate-key` CLI run against a test server's store.
import { execFile } from 'node:child_process';
import { generateKeyPairSync, createHmac, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import assert from 'node:assert/strict';
import { Browser, jwtPayload, type TestServer } from './server-harness.ts';

export const ORIGIN = 'http://localhost:5173';
const CLI = resolve(import.meta.dirname, '../../dist/server/cli.js');

/** A fresh session token for `sessionId`, minted by the real server (`azp` = the browser's Origin). */
export async function mint(browser: Browser, sessionId: string): Promise<string> {
  const res = await browser.post(`/v1/client/sessions/${sessionId}/tokens`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.jwt as string;
}

export function jwtHeader(jwt: string): Record<string, any> {
  return JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString()) as Record<string, any>;
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** The token with its payload changed and the original signature kept. */
export function tamper(jwt: string, change: Record<string, unknown>): string {
  const [h, , s] = jwt.split('.') as [string, string, string];
  return `${h}.${b64({ ...jwtPayload(jwt), ...change })}.${s}`;
}

/** An unsigned token (`alg: none`) with the real token's claims and kid. */
export function algNone(jwt: string): string {
  return `${b64({ ...jwtHeader(jwt), alg: 'none' })}.${jwt.split('.')[1]}.`;
}

/** HS256 with `secret` as the HMAC key: the classic confusion attack uses the server's public key here. */
export function hs256(jwt: string, secret: string): string {
  const body = `${b64({ ...jwtHeader(jwt), alg: 'HS256' })}.${jwt.split('.')[1]}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

let forgeKey: KeyObject | undefined;
/** The real token's claims, validly RS256-signed by a key the server never had, under `kid`. */
export function signedByOtherKey(jwt: string, kid: string, change: Record<string, unknown> = {}): string {
  forgeKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const body = `${b64({ ...jwtHeader(jwt), kid })}.${b64({ ...jwtPayload(jwt), ...change })}`;
  return `${body}.${sign('RSA-SHA256', Buffer.from(body), forgeKey).toString('base64url')}`;
}

/** Resolves once the wall clock is past the token's `exp` (plus `extraMs`). */
export async function waitPastExpiry(jwt: string, extraMs = 50): Promise<void> {
  const ms = jwtPayload(jwt).exp * 1000 + extraMs - Date.now();
  if (ms > 0) await new Promise((r) => setTimeout(r, ms));
}

export interface CountingProxy {
  /** The JWKS URL through the proxy. */
  jwksUrl: string;
  /** Requests the proxy has forwarded. */
  count: number;
  close(): Promise<void>;
}

/** A tiny HTTP proxy in front of the server's JWKS that counts every request reaching it. */
export async function countingJwksProxy(server: { url: string }): Promise<CountingProxy> {
  const proxy: CountingProxy = { jwksUrl: '', count: 0, close: async () => undefined };
  const http: Server = createServer(async (req, res) => {
    proxy.count++;
    const upstream = await fetch(`${server.url}/.well-known/jwks.json`);
    res.writeHead(upstream.status, { 'content-type': 'application/json' });
    res.end(await upstream.text());
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  proxy.jwksUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}/.well-known/jwks.json`;
  proxy.close = () => new Promise<void>((r) => http.close(() => r()));
  return proxy;
}

/** Runs `clerk-wc-server rotate-key` against the test server's store; returns the new kid. */
export async function rotateKey(server: TestServer): Promise<string> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), CLERK_WC_DATA_DIR: server.dataDir, CLERK_WC_CONFIG: '' };
  if (server.databaseUrl) env.DATABASE_URL = server.databaseUrl;
  else delete env.DATABASE_URL;
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'rotate-key'], { env });
  const line = stdout.split('\n').find((l) => l.startsWith('{"event":"rotated"'));
  assert.ok(line, `rotate-key printed no kid:\n${stdout}`);
  return (JSON.parse(line) as { kid: string }).kid;
}

/** The test server's process id, from its `listening` line. */
export function serverPid(server: TestServer): number {
  const line = [...server.output].reverse().find((l) => l.startsWith('{"event":"listening"'));
  const pid = line ? (JSON.parse(line) as { pid?: number }).pid : undefined;
  assert.ok(pid, 'the server printed no pid');
  return pid;
}

/** Mints until the server signs with `kid` (it re-reads its key on SIGHUP or its refresh timer). */
export async function mintWithKid(browser: Browser, sessionId: string, kid: string, timeoutMs = 10_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const jwt = await mint(browser, sessionId);
    if (jwtHeader(jwt).kid === kid) return jwt;
    assert.ok(Date.now() < until, `the server still signs with ${jwtHeader(jwt).kid}, not ${kid}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Listens on a random port; returns the base URL and a closer. */
export async function listen(server: Server): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
