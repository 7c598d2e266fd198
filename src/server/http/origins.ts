// Which browser origins may call the FAPI with credentials.
import type { ServerConfig } from '../config.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * True when `origin` is exactly how a browser serializes a web origin: `http(s)://host[:port]`, lower-case host,
 * no default port, no userinfo (`http://evil.example@localhost`), path, trailing slash or list. `null` (sandboxed
 * frames, file: pages), other schemes, port 0 and anything a URL parser would have to repair are not origins.
 */
export function isCanonicalOrigin(origin: string): boolean {
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    return false;
  }
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === origin && u.port !== '0';
}

export function originAllowed(config: ServerConfig, issuer: string, origin: string): boolean {
  if (!isCanonicalOrigin(origin)) return false;
  if (origin === new URL(issuer).origin) return true;
  if (config.allowedOrigins.includes(origin)) return true;
  // With no list configured, a development instance trusts pages served from this machine (hostname as parsed:
  // `localhost.`, `127.1` or `0x7f.1` are not canonical and never get here).
  return config.instanceType === 'development' && config.allowedOrigins.length === 0 && LOCAL_HOSTS.has(new URL(origin).hostname);
}
