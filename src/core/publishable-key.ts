// Publishable keys: `pk_test_` or `pk_live_` + base64("<frontend api host>$").

export interface ParsedKey {
  instanceType: 'development' | 'production';
  frontendApi: string;
}

/** Decodes a publishable key; undefined when it is not one. */
export function parsePublishableKey(key: string | undefined): ParsedKey | undefined {
  const m = /^pk_(test|live)_([A-Za-z0-9+/=_-]+)$/.exec(key ?? '');
  if (!m) return undefined;
  let host: string;
  try {
    host = atob(m[2]!.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
  if (!host.endsWith('$') || host.length < 2) return undefined;
  return { instanceType: m[1] === 'live' ? 'production' : 'development', frontendApi: host.slice(0, -1) };
}

/** Loopback hosts speak plain http; every other Frontend API host is https, as Clerk's are. */
export function frontendApiUrl(host: string): string {
  const name = host.replace(/:\d+$/, '');
  const local = name === 'localhost' || name === '127.0.0.1' || name === '[::1]' || name.endsWith('.localhost');
  return `${local ? 'http' : 'https'}://${host}`;
}

/** An origin's site: scheme plus registrable domain, approximated by the last two labels (IPs and localhost whole). */
function siteOf(origin: string): string {
  const u = new URL(origin);
  const host = u.hostname.toLowerCase();
  const whole = host === 'localhost' || host.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
  return `${u.protocol}//${whole ? host : host.split('.').slice(-2).join('.')}`;
}

/** True when requests from a page on `pageOrigin` to `apiUrl` are cross-site (third-party cookies may be dropped). */
export function isCrossSite(pageOrigin: string, apiUrl: string): boolean {
  try {
    return siteOf(pageOrigin) !== siteOf(apiUrl);
  } catch {
    return false;
  }
}
