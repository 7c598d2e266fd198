// The headless client: ClerkJS's public API (load, resources, setActive, signOut, tokens, navigation)
// against any Frontend API — this project's server or a Clerk instance.
import { ClerkAPIResponseError, ClerkRuntimeError } from './errors.js';
import { Emitter } from './events.js';
import { Fapi, type Json, VERSION } from './fapi.js';
import { inBrowser } from './platform.js';
import { frontendApiUrl, isCrossSite, parsePublishableKey } from './publishable-key.js';
import { type ClientStorage, memoryStorage } from './storage.js';
import { type AllowedRedirectOrigin, safeRedirect } from './redirects.js';
import { camelize, type ResourceHost } from './resources/base.js';
import { Client } from './resources/client.js';
import type { Session } from './resources/session.js';
import type { User } from './resources/user.js';
import { type TabMessage, TokenCache } from './tokens.js';

export const CLERK_STATUSES = ['loading', 'ready', 'degraded', 'error'] as const;
export type ClerkStatus = (typeof CLERK_STATUSES)[number];

export interface ClerkOptions {
  /** Send FAPI requests here instead of the host the publishable key names (plain-http localhost works). */
  proxyUrl?: string;
  /** The app's domain in satellite setups; kept for API compatibility. */
  domain?: string;
  /**
   * How the client token travels: the `__client` cookie (`'cookie'`, the default in a browser) or the Authorization
   * header (`'header'`, the default elsewhere: Node, workers, React Native), kept in `storage`.
   */
  transport?: 'cookie' | 'header';
  /** Where the header transport keeps the client token (default: memory; `fileClientStorage` from clerk-wc/backend in Node). */
  storage?: ClientStorage;
}

export interface LoadOptions {
  appearance?: unknown;
  localization?: unknown;
  signInUrl?: string;
  signUpUrl?: string;
  afterSignOutUrl?: string;
  signInFallbackRedirectUrl?: string;
  signUpFallbackRedirectUrl?: string;
  signInForceRedirectUrl?: string;
  signUpForceRedirectUrl?: string;
  allowedRedirectOrigins?: AllowedRedirectOrigin[];
  routerPush?: (to: string) => unknown;
  routerReplace?: (to: string) => unknown;
  /** Write the `__session` cookie on the app's origin (default true). */
  standardBrowser?: boolean;
  /** Touch the session when the tab becomes visible again (default true). */
  touchSession?: boolean;
}

/** The instance settings from GET /v1/environment, camelCased. */
export interface Environment {
  authConfig: { singleSessionMode: boolean; [k: string]: unknown };
  displayConfig: {
    applicationName: string;
    signInUrl: string;
    signUpUrl: string;
    afterSignInUrl: string;
    afterSignUpUrl: string;
    afterSignOutOneUrl: string;
    waitlistUrl: string;
    userProfileUrl: string;
    [k: string]: unknown;
  };
  userSettings: {
    attributes: Record<string, { enabled: boolean; required: boolean }>;
    signUp: { mode: 'public' | 'restricted' | 'waitlist' };
    passwordSettings: { minLength: number; maxLength: number };
    [k: string]: unknown;
  };
  [k: string]: unknown;
}

export interface Resources {
  client: Client | null;
  session: Session | null;
  user: User | null;
  organization: null;
}

export type Listener = (resources: Resources) => void;

export interface SetActiveParams {
  session: Session | string | null;
  redirectUrl?: string;
}

export interface SignOutOptions {
  sessionId?: string;
  redirectUrl?: string;
}

type Events = { status: ClerkStatus; resources: Resources };

export class Clerk implements ResourceHost {
  readonly version = VERSION;
  readonly publishableKey: string;
  readonly instanceType: 'development' | 'production';
  /** The Frontend API origin requests go to. */
  readonly frontendApi: string;
  readonly proxyUrl: string | undefined;
  readonly domain: string | undefined;
  readonly fapi: Fapi;

  loaded = false;
  status: ClerkStatus = 'loading';
  client: Client | null = null;
  session: Session | null = null;
  user: User | null = null;
  organization: null = null;
  environment: Environment | null = null;
  /** Why the last load failed, when it did. */
  loadError: unknown = undefined;

  private options: LoadOptions = {};

  /** The options `load()` was given (elements read `appearance` and `localization` from here). */
  get loadOptions(): Readonly<LoadOptions> {
    return this.options;
  }
  private readonly events = new Emitter<Events>();
  private readonly tokens: TokenCache;
  private loading: Promise<void> | undefined;
  private touchListening = false;

  constructor(publishableKey = '', options: ClerkOptions = {}) {
    this.publishableKey = publishableKey;
    const parsed = parsePublishableKey(publishableKey);
    if (!parsed && !options.proxyUrl)
      throw new ClerkRuntimeError(
        `"${publishableKey}" is not a publishable key (pk_test_… or pk_live_…); pass a valid key or a proxyUrl.`,
        'invalid_publishable_key',
      );
    this.instanceType = parsed?.instanceType ?? 'development';
    this.proxyUrl = options.proxyUrl;
    this.domain = options.domain;
    this.frontendApi = options.proxyUrl
      ? new URL(options.proxyUrl, globalThis.location?.href).toString().replace(/\/+$/, '')
      : frontendApiUrl(parsed!.frontendApi);
    this.fapi = new Fapi(this.frontendApi);
    this.fapi.onClient = (json) => this.updateClient(json);
    if ((options.transport ?? (inBrowser() ? 'cookie' : 'header')) === 'header') {
      this.fapi.native = { storage: options.storage ?? memoryStorage(), key: `clerk-wc:client:${this.frontendApi}` };
    }
    this.tokens = new TokenCache(this.fapi, `clerk-wc:${this.frontendApi}`);
    this.tokens.onActiveToken = (jwt) => this.writeSessionCookie(jwt);
    this.tokens.onTabMessage = (msg) => this.onTabMessage(msg);
    this.tokens.onSessionInvalid = (id) => void this.dropInvalidSession(id);
  }

  get isSignedIn(): boolean {
    return !!this.session;
  }

  /** Fetches environment and client in parallel. Resolves even when offline: then `status` says what failed. */
  load(options: LoadOptions = {}): Promise<void> {
    this.options = { ...this.options, ...options };
    // A load that failed completely may be tried again (the network came back).
    if (this.status === 'error' && this.loading) this.loading = undefined;
    this.loading ??= this.doLoad();
    return this.loading;
  }

  private async doLoad(): Promise<void> {
    this.setStatus('loading');
    if (this.usesDevBrowser()) await this.setUpDevBrowser().catch(() => undefined);
    const [env, client] = await Promise.allSettled([
      this.fapi.request<Json>({ path: '/environment' }),
      this.fapi.request<{ response: Json | null }>({ path: '/client' }),
    ]);
    if (env.status === 'fulfilled') this.environment = camelize(env.value) as Environment;
    if (client.status === 'rejected') this.updateClient(null);
    const failed = [env, client].filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    this.loadError = failed[0]?.reason;
    this.loaded = failed.length < 2;
    this.setStatus(failed.length === 0 ? 'ready' : failed.length === 1 ? 'degraded' : 'error');
    if (this.options.touchSession !== false && inBrowser() && !this.touchListening) {
      this.touchListening = true;
      document.addEventListener('visibilitychange', () => {
        const session = this.session;
        if (document.visibilityState !== 'visible' || !session) return;
        // A touch refused for the session (revoked or ended elsewhere) signs this tab out as a refused token does.
        session.touch().catch((e: unknown) => {
          if (e instanceof ClerkAPIResponseError && (e.status === 401 || e.status === 404)) void this.dropInvalidSession(session.id);
        });
      });
    }
    this.emit();
  }

  /**
   * Development instances whose FAPI is on another site than the page (a Vite app on localhost against the server on
   * 127.0.0.1, or any app against Clerk's `*.clerk.accounts.dev`) identify the browser by a dev-browser token sent
   * with every request, as clerk-js does, instead of a third-party cookie that browsers may drop.
   */
  private usesDevBrowser(): boolean {
    if (this.instanceType !== 'development' || !inBrowser() || this.fapi.native) return false;
    if (new URL(location.href).searchParams.has('__clerk_db_jwt')) return true; // handed over by the app (withRedirect)
    return /\.clerk\.accounts\.dev$/.test(new URL(this.frontendApi).hostname) || isCrossSite(location.origin, this.frontendApi);
  }

  private async setUpDevBrowser(): Promise<void> {
    const key = `clerk-wc:db-jwt:${this.frontendApi}`;
    const store = (token: string | undefined) => {
      if (token) globalThis.localStorage?.setItem(key, token);
      return token;
    };
    const create = async () => {
      const res = await fetch(`${this.frontendApi}/v1/dev_browser`, { method: 'POST' });
      return store(res.ok ? ((await res.json()) as { id?: string }).id : undefined);
    };
    this.fapi.onDevBrowserToken = store;
    this.fapi.renewDevBrowser = create;
    // A hosted page hands its dev browser over in the redirect URL (`?__clerk_db_jwt=`): adopt it and tidy the URL.
    const url = new URL(location.href);
    const handed = url.searchParams.get('__clerk_db_jwt');
    if (handed) {
      url.searchParams.delete('__clerk_db_jwt');
      history.replaceState(history.state, '', url);
    }
    this.fapi.devBrowserToken = store(handed ?? undefined) ?? globalThis.localStorage?.getItem(key) ?? (await create());
  }

  private setStatus(status: ClerkStatus): void {
    if (this.status === status && status !== 'loading') return;
    this.status = status;
    this.events.emit('status', status);
  }

  /** Adopts a client from a FAPI response: resources, the active session, its first token. */
  private updateClient(json: Json | null): void {
    const client = new Client(this, json);
    this.client = client;
    const active = client.activeSessions;
    const keep = active.find((s) => s.id === this.session?.id);
    const next = keep ?? active.find((s) => s.id === client.lastActiveSessionId) ?? null;
    this.setSession(next);
    if (this.loaded || this.status !== 'loading') this.emit();
  }

  private setSession(session: Session | null): void {
    const changed = (session?.id ?? null) !== (this.session?.id ?? null);
    this.session = session;
    this.user = session?.user ?? null;
    if (changed) {
      this.tokens.clear();
      this.tokens.activeSessionId = session?.id ?? null;
      if (!session) this.writeSessionCookie(null);
    }
    const jwt = session?.lastActiveToken?.jwt;
    if (session && jwt) this.tokens.set(session.id, jwt);
  }

  private emit(): void {
    this.events.emit('resources', { client: this.client, session: this.session, user: this.user, organization: null });
  }

  private writeSessionCookie(jwt: string | null): void {
    if (this.options.standardBrowser === false || !inBrowser()) return;
    const secure = globalThis.location?.protocol === 'https:' ? '; Secure' : '';
    document.cookie = jwt ? `__session=${jwt}; path=/; SameSite=Lax${secure}` : `__session=; path=/; Max-Age=0; SameSite=Lax${secure}`;
  }

  private onTabMessage(msg: TabMessage): void {
    // Another tab signed in or out: this tab's copy of the client is stale.
    if (msg.type === 'signed-out' || msg.type === 'client-changed') void this.reloadClient().catch(() => undefined);
  }

  /**
   * A token request for this session was refused (401/404; here or in another tab): the session was revoked or
   * ended elsewhere. Re-read the client, which signs this tab out and tells the listeners; if that read fails
   * (offline) or still names the session, stop treating it as signed in anyway.
   */
  private async dropInvalidSession(sessionId: string): Promise<void> {
    await this.reloadClient().catch(() => undefined);
    if (this.session?.id !== sessionId) return;
    this.setSession(null);
    this.emit();
  }

  /** Re-reads the client (GET /v1/client). */
  async reloadClient(): Promise<void> {
    await this.fapi.request({ path: '/client' });
  }

  getSessionToken(sessionId: string, template: string | undefined, skipCache: boolean): Promise<string | null> {
    return this.tokens.get(sessionId, template, skipCache);
  }

  /** Calls `listener` with `{client, session, user, organization}` now (once loaded) and on every change. */
  addListener(listener: Listener, opts: { skipInitialEmit?: boolean } = {}): () => void {
    const off = this.events.on('resources', listener);
    if (this.loaded && !opts.skipInitialEmit) listener({ client: this.client, session: this.session, user: this.user, organization: null });
    return off;
  }

  on(event: 'status', handler: (status: ClerkStatus) => void): () => void {
    return this.events.on(event, handler);
  }

  off(event: 'status', handler: (status: ClerkStatus) => void): void {
    this.events.off(event, handler);
  }

  /** Makes a session of this client the active one (or none), then optionally navigates. */
  async setActive({ session, redirectUrl }: SetActiveParams): Promise<void> {
    const id = typeof session === 'string' ? session : (session?.id ?? null);
    if (id) {
      const target = this.client?.sessions.find((s) => s.id === id);
      if (!target) throw new ClerkRuntimeError(`Session ${id} is not a session of this client.`, 'session_not_found');
      await target.touch();
      this.setSession(this.client?.activeSessions.find((s) => s.id === id) ?? null);
    } else {
      this.setSession(null);
    }
    this.emit();
    this.tokens.post({ type: 'client-changed' });
    if (redirectUrl) await this.navigate(redirectUrl);
  }

  /** Signs out: one session (`sessionId`) or every session of this client; all tabs follow. */
  async signOut(callbackOrOptions?: (() => unknown) | SignOutOptions, maybeOptions?: SignOutOptions): Promise<void> {
    const options = typeof callbackOrOptions === 'function' ? (maybeOptions ?? {}) : (callbackOrOptions ?? {});
    if (options.sessionId && options.sessionId !== this.session?.id) {
      await this.fapi.request({ method: 'POST', path: `/client/sessions/${options.sessionId}/end` });
    } else {
      await this.fapi.request({ method: 'DELETE', path: '/client/sessions' });
      this.tokens.clear();
      this.setSession(null);
      this.emit();
    }
    this.tokens.post({ type: 'signed-out' });
    if (typeof callbackOrOptions === 'function') await callbackOrOptions();
    else await this.navigate(options.redirectUrl ?? this.options.afterSignOutUrl ?? '', { skipIfEmpty: true });
  }

  /** Adds an email address to the waitlist (idempotent). */
  async joinWaitlist(params: { emailAddress: string }): Promise<{ id: string }> {
    return this.fapi.request<{ id: string }>({ method: 'POST', path: '/waitlist', body: { emailAddress: params.emailAddress } });
  }

  // Mounting: the same elements, placed into a node by the mount API (the tag's code loads on first use).

  private mount(tag: string, node: HTMLElement, props: object = {}): void {
    const el = node.querySelector(`:scope > ${tag}`) ?? document.createElement(tag);
    Object.assign(el, { clerk: this, ...props });
    if (!el.parentNode) node.append(el);
  }

  private unmount(tag: string, node: HTMLElement): void {
    node.querySelector(`:scope > ${tag}`)?.remove();
  }

  mountSignIn(node: HTMLElement, props?: object): void {
    this.mount('clerk-sign-in', node, props);
  }

  unmountSignIn(node: HTMLElement): void {
    this.unmount('clerk-sign-in', node);
  }

  mountSignUp(node: HTMLElement, props?: object): void {
    this.mount('clerk-sign-up', node, props);
  }

  unmountSignUp(node: HTMLElement): void {
    this.unmount('clerk-sign-up', node);
  }

  mountWaitlist(node: HTMLElement, props?: object): void {
    this.mount('clerk-waitlist', node, props);
  }

  unmountWaitlist(node: HTMLElement): void {
    this.unmount('clerk-waitlist', node);
  }

  // Modals: a <clerk-modal> (a <dialog>) around the element, appended to <body>.

  private open(tag: string, props: object = {}): void {
    this.close(tag);
    const modal = document.createElement('clerk-modal');
    modal.dataset.component = tag;
    const el = document.createElement(tag);
    Object.assign(el, { clerk: this, routing: 'virtual', ...props });
    modal.append(el);
    // Focus goes back here when it closes (the modal's code may load after the form inside has taken focus).
    const opener = document.activeElement;
    Object.assign(modal, { opener: opener instanceof HTMLElement ? opener : null });
    document.body.append(modal);
  }

  private close(tag: string): void {
    const modal = document.querySelector<HTMLElement & { close?: () => void }>(`clerk-modal[data-component="${tag}"]`);
    if (modal?.close) modal.close();
    else modal?.remove();
  }

  openSignIn(props?: object): void {
    this.open('clerk-sign-in', props);
  }

  closeSignIn(): void {
    this.close('clerk-sign-in');
  }

  openSignUp(props?: object): void {
    this.open('clerk-sign-up', props);
  }

  closeSignUp(): void {
    this.close('clerk-sign-up');
  }

  openWaitlist(props?: object): void {
    this.open('clerk-waitlist', props);
  }

  closeWaitlist(): void {
    this.close('clerk-waitlist');
  }

  mountUserButton(node: HTMLElement, props?: object): void {
    this.mount('clerk-user-button', node, props);
  }

  unmountUserButton(node: HTMLElement): void {
    this.unmount('clerk-user-button', node);
  }

  // Navigation

  private here(): string {
    return globalThis.location?.href ?? this.frontendApi;
  }

  /** Checks a redirect URL against this page's origin and `allowedRedirectOrigins`; null when refused. */
  checkRedirect(url: string): string | null {
    // The instance's own hosted pages (the FAPI origin) are always a safe place to go.
    return safeRedirect(url, this.here(), [...(this.options.allowedRedirectOrigins ?? []), this.frontendApi]);
  }

  private withRedirect(base: string, redirectUrl: string | undefined): string {
    // A hash route of this page (`#/sign-in`) stays one: a query string would reload the page.
    if (base.startsWith('#')) return new URL(base, this.here()).toString();
    const u = new URL(base, this.here());
    const back = redirectUrl !== undefined ? this.checkRedirect(redirectUrl) : this.here();
    if (back) u.searchParams.set('redirect_url', back);
    // A hosted page on the FAPI's site signs in this page's dev browser, not a client of its own.
    const token = this.fapi.devBrowserToken;
    if (token && u.origin === new URL(this.frontendApi).origin) u.searchParams.set('__clerk_db_jwt', token);
    return u.toString();
  }

  buildSignInUrl(opts: { redirectUrl?: string } = {}): string {
    return this.withRedirect(this.options.signInUrl ?? this.environment?.displayConfig.signInUrl ?? '/sign-in', opts.redirectUrl);
  }

  buildSignUpUrl(opts: { redirectUrl?: string } = {}): string {
    return this.withRedirect(this.options.signUpUrl ?? this.environment?.displayConfig.signUpUrl ?? '/sign-up', opts.redirectUrl);
  }

  /** Where to go after signing in: a forced URL, the page's `redirect_url` (when allowed), a fallback, the instance default. */
  buildAfterSignInUrl(kind: 'signIn' | 'signUp' = 'signIn'): string {
    const o = this.options;
    const forced = kind === 'signIn' ? o.signInForceRedirectUrl : o.signUpForceRedirectUrl;
    const fromQuery = globalThis.location ? new URL(this.here()).searchParams.get('redirect_url') : null;
    const fallback = kind === 'signIn' ? o.signInFallbackRedirectUrl : o.signUpFallbackRedirectUrl;
    const env = kind === 'signIn' ? this.environment?.displayConfig.afterSignInUrl : this.environment?.displayConfig.afterSignUpUrl;
    for (const candidate of [forced, fromQuery, fallback, env, '/']) {
      const ok = candidate ? this.checkRedirect(candidate) : null;
      if (ok) return ok;
    }
    return '/';
  }

  buildAfterSignOutUrl(): string {
    return this.checkRedirect(this.options.afterSignOutUrl ?? this.environment?.displayConfig.afterSignOutOneUrl ?? '/') ?? '/';
  }

  redirectToSignIn(opts: { redirectUrl?: string } = {}): Promise<boolean> {
    return this.navigate(this.buildSignInUrl(opts));
  }

  redirectToSignUp(opts: { redirectUrl?: string } = {}): Promise<boolean> {
    return this.navigate(this.buildSignUpUrl(opts));
  }

  redirectToAfterSignIn(): Promise<boolean> {
    return this.navigate(this.buildAfterSignInUrl('signIn'));
  }

  redirectToAfterSignOut(): Promise<boolean> {
    return this.navigate(this.buildAfterSignOutUrl());
  }

  /** Navigates with the app's router when it has one; refuses URLs on origins that are not allowed. */
  async navigate(to: string, opts: { replace?: boolean; skipIfEmpty?: boolean } = {}): Promise<boolean> {
    if (!to && opts.skipIfEmpty) return false;
    const url = this.checkRedirect(to);
    if (!url) {
      console.warn(`[clerk-wc] refused to navigate to ${to}: its origin is not in allowedRedirectOrigins.`);
      return false;
    }
    const target = new URL(url);
    const sameOrigin = target.origin === new URL(this.here()).origin;
    const router = opts.replace ? this.options.routerReplace : this.options.routerPush;
    if (router && sameOrigin) await router(target.pathname + target.search + target.hash);
    else if (opts.replace) globalThis.location?.replace(url);
    else globalThis.location?.assign(url);
    return true;
  }
}
