// Sessions and tokens of a Clerk instance: which session is active, setActive and signOut, the `__session` cookie,
// and what other tabs (over tokens.ts) and a refused token or touch say about the active session.
import type { Clerk } from './clerk.js';
import { ClerkAPIResponseError, ClerkRuntimeError } from './errors.js';
import { inBrowser } from './platform.js';
import type { Session } from './resources/session.js';
import { type TabMessage, TokenCache } from './tokens.js';

export interface SetActiveParams {
  session: Session | string | null;
  redirectUrl?: string;
}

export interface SignOutOptions {
  sessionId?: string;
  redirectUrl?: string;
}

/** The session side of one Clerk instance; `emit` tells the instance's listeners that the resources changed. */
export class Sessions {
  private readonly tokens: TokenCache;
  private touchListening = false;

  constructor(
    private readonly clerk: Clerk,
    private readonly emit: () => void,
  ) {
    this.tokens = new TokenCache(clerk.fapi, `clerk-wc:${clerk.frontendApi}`);
    this.tokens.onActiveToken = (jwt) => this.writeSessionCookie(jwt);
    this.tokens.onTabMessage = (msg) => this.onTabMessage(msg);
    this.tokens.onSessionInvalid = (id) => void this.dropInvalidSession(id);
  }

  /** Makes `session` the instance's active one (its user too); a new one starts with a fresh token cache. */
  select(session: Session | null): void {
    const clerk = this.clerk;
    const changed = (session?.id ?? null) !== (clerk.session?.id ?? null);
    clerk.session = session;
    clerk.user = session?.user ?? null;
    const jwt = session?.lastActiveToken?.jwt;
    if (changed) {
      // Tokens are kept per session; a switch forgets them all, so no other session's token is ever served for this one.
      this.tokens.clear();
      this.tokens.activeSessionId = session?.id ?? null;
      // The `__session` cookie follows the active session: the new one's token below, or none until it mints one.
      if (!jwt) this.writeSessionCookie(null);
    }
    if (session && jwt) this.tokens.set(session.id, jwt);
  }

  getToken(sessionId: string, template: string | undefined, skipCache: boolean): Promise<string | null> {
    return this.tokens.get(sessionId, template, skipCache);
  }

  /** Touches the session when the tab becomes visible again (once per instance). */
  touchOnVisible(): void {
    if (this.touchListening) return;
    this.touchListening = true;
    document.addEventListener('visibilitychange', () => {
      const session = this.clerk.session;
      if (document.visibilityState !== 'visible' || !session) return;
      // A touch refused for the session (revoked or ended elsewhere) signs this tab out as a refused token does.
      session.touch().catch((e: unknown) => {
        if (e instanceof ClerkAPIResponseError && (e.status === 401 || e.status === 404)) void this.dropInvalidSession(session.id);
      });
    });
  }

  async setActive({ session, redirectUrl }: SetActiveParams): Promise<void> {
    const clerk = this.clerk;
    const id = typeof session === 'string' ? session : (session?.id ?? null);
    const before = clerk.session?.id ?? null;
    if (id) {
      const target = clerk.client?.sessions.find((s) => s.id === id);
      if (!target) throw new ClerkRuntimeError(`Session ${id} is not a session of this client.`, 'session_not_found');
      // The touch makes it the client's last active session, which the other tabs then follow.
      await target.touch();
      this.select(clerk.client?.activeSessions.find((s) => s.id === id) ?? null);
    } else {
      this.select(null);
    }
    this.emit();
    const switched = before !== null && id !== null && before !== id;
    this.tokens.post(switched ? { type: 'session-changed', sessionId: id } : { type: 'client-changed' });
    if (redirectUrl) await clerk.navigate(redirectUrl);
  }

  /**
   * As clerk-js: without `sessionId`, or when it names the client's only session, every session ends
   * (`DELETE /v1/client/sessions`) and the callback or `redirectUrl` / `afterSignOutUrl` follows. With `sessionId`
   * (multi-session) that session alone is removed; when it was the active one the next remaining session becomes
   * active and the callback or `redirectUrl` / `afterMultiSessionSingleSignOutUrl` follows; otherwise nothing else
   * changes and nothing follows.
   */
  async signOut(callbackOrOptions?: (() => unknown) | SignOutOptions, maybeOptions?: SignOutOptions): Promise<void> {
    const clerk = this.clerk;
    const options = typeof callbackOrOptions === 'function' ? (maybeOptions ?? {}) : (callbackOrOptions ?? {});
    const callback = typeof callbackOrOptions === 'function' ? callbackOrOptions : undefined;
    const signedIn = clerk.client?.activeSessions ?? [];
    if (options.sessionId && signedIn.length > 1) {
      const target = signedIn.find((s) => s.id === options.sessionId);
      if (!target) return;
      const wasActive = target.id === clerk.session?.id;
      // The response's client drops the session; the instance then selects the client's last active one.
      await target.remove();
      this.tokens.post({ type: 'signed-out' });
      if (!wasActive) return;
      if (callback) await callback();
      else await clerk.navigate(options.redirectUrl ?? clerk.loadOptions.afterMultiSessionSingleSignOutUrl ?? '', { skipIfEmpty: true });
      return;
    }
    await clerk.fapi.request({ method: 'DELETE', path: '/client/sessions' });
    this.tokens.clear();
    this.select(null);
    this.emit();
    this.tokens.post({ type: 'signed-out' });
    if (callback) await callback();
    else await clerk.navigate(options.redirectUrl ?? clerk.loadOptions.afterSignOutUrl ?? '', { skipIfEmpty: true });
  }

  private writeSessionCookie(jwt: string | null): void {
    if (this.clerk.loadOptions.standardBrowser === false || !inBrowser()) return;
    const secure = globalThis.location?.protocol === 'https:' ? '; Secure' : '';
    document.cookie = jwt ? `__session=${jwt}; path=/; SameSite=Lax${secure}` : `__session=; path=/; Max-Age=0; SameSite=Lax${secure}`;
  }

  private onTabMessage(msg: TabMessage): void {
    // Another tab signed in or out: this tab's copy of the client is stale.
    if (msg.type === 'signed-out' || msg.type === 'client-changed') void this.clerk.reloadClient().catch(() => undefined);
    // Another tab switched accounts: this one follows (the client's last active session is the one it chose).
    if (msg.type === 'session-changed') void this.clerk.followLastActiveSession().catch(() => undefined);
  }

  /**
   * A token request for this session was refused (401/404; here or in another tab): the session was revoked or
   * ended elsewhere. Re-read the client, which signs this tab out and tells the listeners; if that read fails
   * (offline) or still names the session, stop treating it as signed in anyway.
   */
  private async dropInvalidSession(sessionId: string): Promise<void> {
    await this.clerk.reloadClient().catch(() => undefined);
    if (this.clerk.session?.id !== sessionId) return;
    this.select(null);
    this.emit();
  }
}
