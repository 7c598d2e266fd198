// Which browser origins may call the FAPI with credentials.
import type { ServerConfig } from '../config.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function originAllowed(config: ServerConfig, issuer: string, origin: string): boolean {
  if (origin === new URL(issuer).origin) return true;
  if (config.allowedOrigins.includes(origin)) return true;
  if (config.instanceType === 'development' && config.allowedOrigins.length === 0) {
    // With no list configured, a development instance trusts pages served from this machine.
    try {
      const u = new URL(origin);
      return (u.protocol === 'http:' || u.protocol === 'https:') && LOCAL_HOSTS.has(u.hostname);
    } catch {
      return false;
    }
  }
  return false;
}
