// The headless client: ClerkJS's public API (load, resources, setActive, signOut, tokens, navigation, mounting)
// against any Frontend API — this project's server or a Clerk instance. This file is the class: loading, state and
// listeners; the rest is delegated by concept: sessions.ts (setActive, signOut, tokens, the `__session` cookie),
// navigation.ts (URLs, redirects, navigate) and mount.ts (mount/open, done by the host the elements install).
import { ClerkRuntimeError } from './errors.js';
import { Emitter } from './events.js';
import { Fapi, type Json, VERSION } from './fapi.js';
import { mountHost } from './mount.js';
import * as nav from './navigation.js';
import { inBrowser } from './platform.js';
import { frontendApiUrl, isCrossSite, parsePublishableKey } from './publishable-key.js';
import { type ClientStorage, memoryStorage } from './storage.js';
import type { AllowedRedirectOrigin } from './redirects.js';
import { camelize, type ResourceHost } from './resources/base.js';
import { Client } from './resources/client.js';
import type { Session } from './resources/session.js';
import type { User } from './resources/user.js';
import { Sessions, type SetActiveParams, type SignOutOptions } from './sessions.js';

export type { SetActiveParams, SignOutOptions } from './sessions.js';

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
  /** Multi-session: where to go after switching accounts (`<clerk-user-button>`'s switcher); nowhere when absent. */
  afterSwitchSessionUrl?: string;
  /**
   * Multi-session: where to go after signing out of the active account while others stay signed in
   * (`signOut({ sessionId })`); when absent the page stays, now on the next account.
   */
  afterMultiSessionSingleSignOutUrl?: string;
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
  private readonly sessionControl: Sessions;
  private loading: Promise<void> | undefined;

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
    this.sessionControl = new Sessions(this, () => this.emit());
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
    if (this.options.touchSession !== false && inBrowser()) this.sessionControl.touchOnVisible();
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
    // The tab's session while it lasts; else the client's last active one, else its first (as clerk-js chooses).
    const keep = active.find((s) => s.id === this.session?.id);
    const next = keep ?? active.find((s) => s.id === client.lastActiveSessionId) ?? active[0] ?? null;
    this.sessionControl.select(next);
    if (this.loaded || this.status !== 'loading') this.emit();
  }

  private emit(): void {
    this.events.emit('resources', { client: this.client, session: this.session, user: this.user, organization: null });
  }

  /** Re-reads the client (GET /v1/client). */
  async reloadClient(): Promise<void> {
    await this.fapi.request({ path: '/client' });
  }

  /** Re-reads the client and makes its last active session this tab's (another tab switched accounts). */
  async followLastActiveSession(): Promise<void> {
    await this.reloadClient();
    const client = this.client;
    const target = client?.activeSessions.find((s) => s.id === client.lastActiveSessionId);
    if (!target || target.id === this.session?.id) return;
    this.sessionControl.select(target);
    this.emit();
  }

  getSessionToken(sessionId: string, template: string | undefined, skipCache: boolean): Promise<string | null> {
    return this.sessionControl.getToken(sessionId, template, skipCache);
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
  setActive(params: SetActiveParams): Promise<void> {
    return this.sessionControl.setActive(params);
  }

  /**
   * Signs out: every session of this client, or (multi-session) only `sessionId`; when that was the active one, the
   * next remaining session becomes active. All tabs follow.
   */
  signOut(callbackOrOptions?: (() => unknown) | SignOutOptions, maybeOptions?: SignOutOptions): Promise<void> {
    return this.sessionControl.signOut(callbackOrOptions, maybeOptions);
  }

  /** Adds an email address to the waitlist (idempotent). */
  async joinWaitlist(params: { emailAddress: string }): Promise<{ id: string }> {
    return this.fapi.request<{ id: string }>({ method: 'POST', path: '/waitlist', body: { emailAddress: params.emailAddress } });
  }

  // Mounting: the same elements, placed into a node by the mount API (the tag's code loads on first use). The DOM
  // work is the mount host's (core/mount.ts), which the elements side installs.

  mountSignIn(node: HTMLElement, props: object = {}): void {
    mountHost().mount(this, 'SignIn', node, props);
  }

  unmountSignIn(node: HTMLElement): void {
    mountHost().unmount('SignIn', node);
  }

  mountSignUp(node: HTMLElement, props: object = {}): void {
    mountHost().mount(this, 'SignUp', node, props);
  }

  unmountSignUp(node: HTMLElement): void {
    mountHost().unmount('SignUp', node);
  }

  mountWaitlist(node: HTMLElement, props: object = {}): void {
    mountHost().mount(this, 'Waitlist', node, props);
  }

  unmountWaitlist(node: HTMLElement): void {
    mountHost().unmount('Waitlist', node);
  }

  mountUserButton(node: HTMLElement, props: object = {}): void {
    mountHost().mount(this, 'UserButton', node, props);
  }

  unmountUserButton(node: HTMLElement): void {
    mountHost().unmount('UserButton', node);
  }

  mountUserProfile(node: HTMLElement, props: object = {}): void {
    mountHost().mount(this, 'UserProfile', node, props);
  }

  unmountUserProfile(node: HTMLElement): void {
    mountHost().unmount('UserProfile', node);
  }

  // Modals: the element in a <clerk-modal> (a <dialog>) appended to <body>; focus goes back to the opener.

  openSignIn(props: object = {}): void {
    mountHost().open(this, 'SignIn', props);
  }

  closeSignIn(): void {
    mountHost().close('SignIn');
  }

  openSignUp(props: object = {}): void {
    mountHost().open(this, 'SignUp', props);
  }

  closeSignUp(): void {
    mountHost().close('SignUp');
  }

  openWaitlist(props: object = {}): void {
    mountHost().open(this, 'Waitlist', props);
  }

  closeWaitlist(): void {
    mountHost().close('Waitlist');
  }

  openUserProfile(props: object = {}): void {
    mountHost().open(this, 'UserProfile', props);
  }

  closeUserProfile(): void {
    mountHost().close('UserProfile');
  }

  // Navigation (core/navigation.ts)

  /** Checks a redirect URL against this page's origin and `allowedRedirectOrigins`; null when refused. */
  checkRedirect(url: string): string | null {
    return nav.checkRedirect(this, url);
  }

  buildSignInUrl(opts: { redirectUrl?: string } = {}): string {
    return nav.buildSignInUrl(this, opts.redirectUrl);
  }

  buildSignUpUrl(opts: { redirectUrl?: string } = {}): string {
    return nav.buildSignUpUrl(this, opts.redirectUrl);
  }

  /** Where to go after signing in: a forced URL, the page's `redirect_url` (when allowed), a fallback, the instance default. */
  buildAfterSignInUrl(kind: 'signIn' | 'signUp' = 'signIn'): string {
    return nav.buildAfterSignInUrl(this, kind);
  }

  buildAfterSignOutUrl(): string {
    return nav.buildAfterSignOutUrl(this);
  }

  /** The instance's account page (`user_profile_url`, the hosted `/user` by default); '' before the environment loads. */
  buildUserProfileUrl(): string {
    return nav.buildUserProfileUrl(this);
  }

  /** Goes to the account page; false when there is none yet (not loaded) or its origin is refused. */
  redirectToUserProfile(): Promise<boolean> {
    return this.navigate(this.buildUserProfileUrl(), { skipIfEmpty: true });
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
  navigate(to: string, opts: nav.NavigateOptions = {}): Promise<boolean> {
    return nav.navigate(this, to, opts);
  }
}
