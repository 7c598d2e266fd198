// Framework-neutral readable stores over a Clerk instance. Each honours the Svelte store contract
// (subscribe calls back at once and returns an unsubscribe function), so Svelte reads them as `$store`;
// `toVueRef` and `toAngularSignal` adapt them without either framework in this bundle.
import type { Clerk } from './clerk.js';
import type { Client } from './resources/client.js';
import type { Session } from './resources/session.js';
import type { SignIn } from './resources/sign-in.js';
import type { SignUp } from './resources/sign-up.js';
import type { User } from './resources/user.js';

export interface Readable<T> {
  subscribe(run: (value: T) => void): () => void;
}

export interface AuthState {
  isLoaded: boolean;
  isSignedIn: boolean | undefined;
  userId: string | null | undefined;
  sessionId: string | null | undefined;
  orgId: null;
  orgRole: null;
  orgSlug: null;
}

/** A store whose value is recomputed from the instance on every change; subscribers hear only real changes. */
function fromClerk<T>(clerk: Clerk, read: () => T, same: (a: T, b: T) => boolean = Object.is): Readable<T> {
  return {
    subscribe(run) {
      let last = read();
      run(last);
      const update = () => {
        const next = read();
        if (!same(last, next)) run((last = next));
      };
      const offResources = clerk.addListener(update, { skipInitialEmit: true });
      const offStatus = clerk.on('status', update);
      return () => {
        offResources();
        offStatus();
      };
    },
  };
}

function authState(clerk: Clerk): AuthState {
  const loaded = clerk.loaded;
  return {
    isLoaded: loaded,
    isSignedIn: loaded ? !!clerk.session : undefined,
    userId: loaded ? (clerk.user?.id ?? null) : undefined,
    sessionId: loaded ? (clerk.session?.id ?? null) : undefined,
    orgId: null,
    orgRole: null,
    orgSlug: null,
  };
}

const sameAuth = (a: AuthState, b: AuthState) => a.isLoaded === b.isLoaded && a.userId === b.userId && a.sessionId === b.sessionId;

export interface ClerkStores {
  $authStore: Readable<AuthState>;
  $isLoadedStore: Readable<boolean>;
  $userStore: Readable<User | null | undefined>;
  $sessionStore: Readable<Session | null | undefined>;
  /** The client's signed-in sessions (several in multi-session mode), oldest first. */
  $sessionListStore: Readable<Session[] | undefined>;
  $clientStore: Readable<Client | null | undefined>;
  $organizationStore: Readable<null | undefined>;
  $signInStore: Readable<SignIn | null | undefined>;
  $signUpStore: Readable<SignUp | null | undefined>;
}

/** The stores of one instance, named as Clerk's Astro SDK names them. Before load they hold undefined. */
export function createStores(clerk: Clerk): ClerkStores {
  const whenLoaded =
    <T>(get: () => T) =>
    () =>
      clerk.loaded ? get() : undefined;
  return {
    $authStore: fromClerk(clerk, () => authState(clerk), sameAuth),
    $isLoadedStore: fromClerk(clerk, () => clerk.loaded),
    // Resources are rebuilt on every response, so these notify on each update, as Clerk's stores do.
    $userStore: fromClerk(
      clerk,
      whenLoaded(() => clerk.user),
    ),
    $sessionStore: fromClerk(
      clerk,
      whenLoaded(() => clerk.session),
    ),
    $sessionListStore: fromClerk(
      clerk,
      whenLoaded(() => clerk.client?.activeSessions ?? []),
    ),
    $clientStore: fromClerk(
      clerk,
      whenLoaded(() => clerk.client),
    ),
    $organizationStore: fromClerk(
      clerk,
      whenLoaded(() => null),
    ),
    $signInStore: fromClerk(
      clerk,
      whenLoaded(() => clerk.client?.signIn ?? null),
    ),
    $signUpStore: fromClerk(
      clerk,
      whenLoaded(() => clerk.client?.signUp ?? null),
    ),
  };
}

/** A Vue ref that follows a store: `toVueRef($userStore, { shallowRef, onScopeDispose })` with Vue's own functions. */
export function toVueRef<T>(
  store: Readable<T>,
  vue: { shallowRef: (v: NoInfer<T>) => { value: NoInfer<T> }; onScopeDispose?: (fn: () => void) => void },
): { readonly value: T } {
  let ref: { value: T } | undefined;
  const off = store.subscribe((v) => {
    if (ref) ref.value = v;
    else ref = vue.shallowRef(v);
  });
  vue.onScopeDispose?.(off);
  return ref!;
}

/** An Angular signal that follows a store: `toAngularSignal($userStore, { signal }, destroyRef)`. */
export function toAngularSignal<T>(
  store: Readable<T>,
  ng: { signal: (v: NoInfer<T>) => { set(v: NoInfer<T>): void; asReadonly(): () => NoInfer<T> } },
  destroyRef?: { onDestroy(fn: () => void): void },
): () => T {
  let sig: { set(v: T): void; asReadonly(): () => T } | undefined;
  const off = store.subscribe((v) => {
    if (sig) sig.set(v);
    else sig = ng.signal(v);
  });
  destroyRef?.onDestroy(off);
  return sig!.asReadonly();
}
