// Session tokens: cached until a few seconds before expiry, one request per (session, template) at a time,
// refreshed ahead of expiry by one tab for all tabs (navigator.locks + BroadcastChannel). A session the server
// no longer knows (401/404 on a mint) is dropped once, for every tab, instead of being retried.
import { isClerkAPIResponseError } from './errors.js';
import type { Fapi } from './fapi.js';
import { unref } from './platform.js';

/** A cached token is served while it has more than this left. */
export const TOKEN_LEEWAY_MS = 10_000;
/** The background refresh runs this long before the cache would stop serving the token. */
export const REFRESH_LEAD_MS = 1_000;

interface Entry {
  jwt: string;
  /** Expiry in ms since the epoch, from the `exp` claim. */
  exp: number;
}

export type TabMessage =
  | { type: 'token'; sessionId: string; jwt: string }
  | { type: 'signed-out' }
  | { type: 'client-changed' }
  | { type: 'session-invalid'; sessionId: string }
  /** `setActive` switched to another session (multi-session): the other tabs follow the client's last active one. */
  | { type: 'session-changed'; sessionId: string | null };

function expiry(jwt: string): number {
  try {
    const payload = JSON.parse(atob(jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return (payload.exp ?? 0) * 1000;
  } catch {
    return 0;
  }
}

export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<string | null>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly channel: BroadcastChannel | undefined;
  /** The session whose token is kept fresh and written to the `__session` cookie. */
  activeSessionId: string | null = null;
  /** Told about every new token of the active session (cookie writing, listeners). */
  onActiveToken: ((jwt: string | null) => void) | undefined;
  /** Told about what other tabs did. */
  onTabMessage: ((msg: TabMessage) => void) | undefined;
  /** Told once when the server refused to mint for a session (revoked, ended, gone), here or in another tab. */
  onSessionInvalid: ((sessionId: string) => void) | undefined;
  /** Sessions the server refused: no further requests for them. */
  private readonly invalid = new Set<string>();

  constructor(
    private readonly fapi: Fapi,
    channelName: string,
  ) {
    if (typeof BroadcastChannel === 'function') {
      this.channel = unref(new BroadcastChannel(channelName));
      this.channel.onmessage = (e: MessageEvent<TabMessage>) => this.receive(e.data);
    }
  }

  private key(sessionId: string, template: string | undefined): string {
    return template ? `${sessionId}:${template}` : sessionId;
  }

  private fresh(entry: Entry | undefined): entry is Entry {
    return !!entry && entry.exp - Date.now() > TOKEN_LEEWAY_MS;
  }

  /** Time for the background refresh (a little before the token stops being fresh). */
  private due(entry: Entry | undefined): boolean {
    return !entry || entry.exp - Date.now() <= TOKEN_LEEWAY_MS + REFRESH_LEAD_MS;
  }

  /** Remembers a token (from `last_active_token`, a mint, or another tab). */
  set(sessionId: string, jwt: string, template?: string): void {
    if (this.invalid.has(sessionId)) return;
    const exp = expiry(jwt);
    const key = this.key(sessionId, template);
    const current = this.entries.get(key);
    if (current && current.exp > exp) return;
    this.entries.set(key, { jwt, exp });
    if (!template && sessionId === this.activeSessionId) {
      this.onActiveToken?.(jwt);
      this.schedule();
    }
  }

  /** A token for the session: cached when fresh, else one shared request. */
  get(sessionId: string, template?: string, skipCache = false): Promise<string | null> {
    const key = this.key(sessionId, template);
    const cached = this.entries.get(key);
    if (!skipCache && this.fresh(cached)) return Promise.resolve(cached.jwt);
    // Signed out on the server: like any signed-out getToken(), null, and no request that would fail again.
    if (this.invalid.has(sessionId)) return Promise.resolve(null);
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.mint(sessionId, template).finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  private async mint(sessionId: string, template: string | undefined): Promise<string | null> {
    const path = `/client/sessions/${sessionId}/tokens${template ? `/${encodeURIComponent(template)}` : ''}`;
    let res: { jwt?: string };
    try {
      res = await this.fapi.request<{ jwt?: string }>({ method: 'POST', path });
    } catch (e) {
      // 401: the session is over (revoked, ended, expired); 404: this client has no such session. A template's 404
      // only says the template is unknown.
      if (isClerkAPIResponseError(e) && (e.status === 401 || (e.status === 404 && !template))) {
        this.invalidate(sessionId);
        this.post({ type: 'session-invalid', sessionId });
        return null;
      }
      throw e;
    }
    if (!res?.jwt) return null;
    this.set(sessionId, res.jwt, template);
    if (!template) this.post({ type: 'token', sessionId, jwt: res.jwt });
    return res.jwt;
  }

  /** Forgets every token (sign-out) and stops refreshing. */
  clear(): void {
    this.entries.clear();
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  post(msg: TabMessage): void {
    this.channel?.postMessage(msg);
  }

  /** Stops serving and refreshing a session the server refused, then tells the owner (it re-reads the client). */
  private invalidate(sessionId: string): void {
    if (this.invalid.has(sessionId)) return;
    this.invalid.add(sessionId);
    for (const key of [...this.entries.keys()]) if (key === sessionId || key.startsWith(`${sessionId}:`)) this.entries.delete(key);
    if (sessionId === this.activeSessionId) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.onSessionInvalid?.(sessionId);
  }

  private receive(msg: TabMessage): void {
    if (msg.type === 'token') this.set(msg.sessionId, msg.jwt);
    if (msg.type === 'session-invalid') this.invalidate(msg.sessionId);
    this.onTabMessage?.(msg);
  }

  /** Refreshes the active session's token just before it stops being served from the cache. */
  private schedule(): void {
    clearTimeout(this.timer);
    const sid = this.activeSessionId;
    const entry = sid ? this.entries.get(sid) : undefined;
    if (!sid || !entry) return;
    const delay = Math.max(0, entry.exp - TOKEN_LEEWAY_MS - REFRESH_LEAD_MS - Date.now());
    this.timer = unref(setTimeout(() => void this.refresh(sid), delay));
  }

  private async refresh(sessionId: string): Promise<void> {
    if (sessionId !== this.activeSessionId) return;
    if (!this.due(this.entries.get(sessionId))) return this.schedule();
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    try {
      if (!locks) {
        await this.get(sessionId, undefined, true);
        return;
      }
      // One tab mints; the others find the lock taken and wait for its broadcast.
      await locks.request(`clerk-wc:refresh:${sessionId}`, { ifAvailable: true }, async (lock) => {
        if (lock && this.due(this.entries.get(sessionId))) await this.get(sessionId, undefined, true);
      });
      if (this.due(this.entries.get(sessionId))) {
        // The broadcast did not come (the other tab closed?): give it a moment, then mint here.
        await new Promise((r) => setTimeout(r, 1500));
        if (sessionId === this.activeSessionId && this.due(this.entries.get(sessionId))) await this.get(sessionId, undefined, true);
      }
    } catch {
      // Offline or signed out: the next getToken() call reports it; try again later.
      this.timer = unref(setTimeout(() => void this.refresh(sessionId), 5000));
    }
  }
}
