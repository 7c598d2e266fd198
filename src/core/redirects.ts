// Redirect URLs are checked before any navigation: same origin, or an origin the app allowed.

export type AllowedRedirectOrigin = string | RegExp;

/** The absolute URL to go to, or null when `target` would leave for an origin that is not allowed. */
export function safeRedirect(target: string | URL, base: string, allowed: AllowedRedirectOrigin[] = []): string | null {
  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const origin = url.origin;
  if (origin === new URL(base).origin) return url.toString();
  const ok = allowed.some((a) => (typeof a === 'string' ? new URL(a, base).origin === origin : a.test(origin)));
  return ok ? url.toString() : null;
}
