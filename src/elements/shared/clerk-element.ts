// Base class of every element: the Clerk instance, its state as reactive properties, typed events,
// localization, appearance variables, and an idempotent define().
import { ContextConsumer } from '@lit/context';
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Clerk, Resources } from '../../core/clerk.js';
import type { ClerkAPIError } from '../../core/errors.js';
import { errorMessage, translate } from '../../localization/translate.js';
import type { LocalizationResource } from '../../localization/en-US.js';
import { appearanceSheet, lightAppearanceSheet, type Appearance } from '../../theme/appearance.js';
import { clerkContext } from './context.js';
import type { ClerkEventDetail, ClerkEventName } from './events.js';

declare global {
  interface Window {
    Clerk?: Clerk;
  }
}

/** Options Clerk.load() was given that elements read (appearance, localization). */
interface LoadedOptions {
  appearance?: Appearance;
  localization?: LocalizationResource;
}

/** What an element shows without an instance, or before a new one emits. */
const NO_RESOURCES: Resources = Object.freeze({ client: null, session: null, user: null, organization: null });

/** Built outside the class so the manifest lists each element's own `@event` tags, not this generic one. */
function clerkEvent<T>(name: string, detail: T): CustomEvent<T> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true });
}

export abstract class ClerkElement extends LitElement {
  /** Defines the tag with this class unless it is already defined (two bundle copies must not throw). */
  static define(tag: string): void {
    if (!customElements.get(tag)) customElements.define(tag, this as unknown as CustomElementConstructor);
  }

  /** The Clerk instance; when not set, the nearest provider's (`provideClerk`, else `window.Clerk`). */
  @property({ attribute: false }) clerk: Clerk | undefined;
  /** Clerk's `appearance` object for this element (merged over the one given to `Clerk.load`). */
  @property({ attribute: false }) appearance: Appearance | undefined;
  /** Localization overrides for this element (merged over the one given to `Clerk.load`). */
  @property({ attribute: false }) localization: LocalizationResource | undefined;
  /** `light` or `dark`; follows the system when absent. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  /** The instance's resources, refreshed on every change. */
  @state() protected resources: Resources = NO_RESOURCES;
  @state() protected loaded = false;

  private unsubscribe: (() => void) | undefined;
  /** The instance `unsubscribe` follows. */
  private attached: Clerk | undefined;
  private internalsRef: ElementInternals | undefined;
  /** The instance from the nearest provider, followed as it appears or changes (see ./context.ts). */
  private readonly provided = new ContextConsumer(this, { context: clerkContext, subscribe: true, callback: () => this.isConnected && this.attach() });

  override connectedCallback(): void {
    super.connectedCallback();
    this.attach();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.detach();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('clerk') && this.isConnected) this.attach();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('appearance') || (changed as Map<PropertyKey, unknown>).has('loaded')) {
      const sheet = appearanceSheet(this.loadOptions.appearance, this.appearance);
      const base = (this.constructor as typeof LitElement).elementStyles
        .map((s) => ('styleSheet' in s ? s.styleSheet : s))
        .filter((s): s is CSSStyleSheet => s instanceof CSSStyleSheet);
      if (this.shadowRoot) this.shadowRoot.adoptedStyleSheets = sheet ? [...base, sheet] : base;
      // Parts in the light DOM (the forms) get the same `elements` rules from a sheet on the page's root.
      const light = lightAppearanceSheet(this.loadOptions.appearance, this.appearance);
      if (light) {
        this.dataset.clAppearance = light.scope;
        const root = this.getRootNode() as Document | ShadowRoot;
        if ('adoptedStyleSheets' in root && !root.adoptedStyleSheets.includes(light.sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, light.sheet];
      } else delete this.dataset.clAppearance;
    }
  }

  protected get instance(): Clerk | undefined {
    return this.clerk ?? this.provided.value;
  }

  private get loadOptions(): LoadedOptions {
    return (this.instance?.loadOptions ?? {}) as LoadedOptions;
  }

  private detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.attached = undefined;
  }

  /** Follows the current instance (no-op when it already does). With none yet, the provider calls back later. */
  private attach(): void {
    const clerk = this.instance;
    if (clerk === this.attached && this.unsubscribe) return;
    this.detach();
    // Another instance (or none): until it emits, show its state, not the previous one's.
    this.loaded = clerk?.loaded ?? false;
    if (!clerk?.loaded) this.resources = NO_RESOURCES;
    if (!clerk) return;
    this.attached = clerk;
    const offResources = clerk.addListener((r) => {
      this.resources = r;
      this.loaded = clerk.loaded;
    });
    // A load that fails completely never emits resources: follow the status too.
    const offStatus = clerk.on('status', () => (this.loaded = clerk.loaded));
    this.unsubscribe = () => {
      offResources();
      offStatus();
    };
    if (!clerk.loaded) void clerk.load();
  }

  /** A localized string (element overrides, then Clerk.load's, then en-US). */
  protected t(key: string, vars: Record<string, string> = {}): string {
    const applicationName = (this.instance?.environment?.displayConfig.applicationName as string | undefined) ?? '';
    return translate(key, { applicationName, ...vars }, this.localization, this.loadOptions.localization);
  }

  /** The message to show for an API error: localized by code, else the server's long message. */
  protected errorText(e: ClerkAPIError): string {
    const resources = [this.localization, this.loadOptions.localization] as const;
    if (e.code === 'user_locked') {
      // How long the lock lasts is in the error's meta (`lockout_expires_in_seconds`, as Clerk sends it).
      const seconds = Number(e.meta?.lockoutExpiresInSeconds);
      if (Number.isFinite(seconds) && seconds > 0) return this.t('unstable__errors.user_locked', { duration: this.minutes(seconds) });
      return e.longMessage ?? e.message;
    }
    // Clerk's resources name some messages per field first: `form_identifier_exists__email_address`.
    const perField = e.meta?.paramName ? errorMessage(`${e.code}__${e.meta.paramName}`, ...resources) : undefined;
    return perField ?? errorMessage(e.code, ...resources) ?? e.longMessage ?? e.message;
  }

  /** `15 minutes`, in the localization's locale: a lockout's remaining time, rounded up to whole minutes. */
  private minutes(seconds: number): string {
    const n = Math.max(1, Math.ceil(seconds / 60));
    try {
      return new Intl.NumberFormat(this.t('locale'), { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(n);
    } catch {
      return new Intl.NumberFormat('en-US', { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(n);
    }
  }

  /** Dispatches a `clerk-*` event that bubbles out of shadow roots; false when a listener cancelled it. */
  protected emit<K extends ClerkEventName>(name: K, detail: ClerkEventDetail<K>): boolean {
    return this.dispatchEvent(clerkEvent(name, detail));
  }

  /** Custom states (`:state(loading)`) where the browser has them. */
  protected setState(name: string, on: boolean): void {
    this.internalsRef ??= this.attachInternals?.();
    const states = this.internalsRef?.states as Set<string> | undefined;
    if (!states) return;
    try {
      if (on) states.add(name);
      else states.delete(name);
    } catch {
      /* older engines without CustomStateSet */
    }
  }
}
