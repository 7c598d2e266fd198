// What a section of <clerk-user-profile> is (a small descriptor, registered in sections/index.ts) and what the
// profile hands it when it renders. Sections own no element: their state lives in a bag the profile keeps, their
// requests go through `run` (busy state, errors on fields or at the form's top), confirmations through `confirm`.
import type { TemplateResult } from 'lit';
import type { Clerk, Environment } from '../../../core/clerk.js';
import type { User } from '../../../core/resources/user.js';
import type { BuiltInPage } from '../custom-pages.js';

export interface ConfirmOptions {
  title: string;
  lines: string[];
  /** The confirm button's label; without it the dialog only explains (one "Cancel" button). */
  confirmLabel?: string;
  /** The text to type before the confirm button works (Clerk's "Delete account"), with the field's label. */
  typed?: { text: string; label: string; hint: string };
}

export interface SectionHost {
  readonly clerk: Clerk;
  readonly user: User;
  readonly environment: Environment | null;
  /** A request is running (buttons that start one are disabled). */
  readonly busy: boolean;
  t(key: string, vars?: Record<string, string>): string;
  /** The section's own state, kept while the profile exists. */
  bag<T extends object>(id: string, init: () => T): T;
  /** Re-renders after a section changed its bag. */
  update(): void;
  /** Which form is open (one at a time, as in Clerk): `<section>:<form>`, or undefined. */
  readonly editing: string | undefined;
  /** Opens a form (or closes with undefined): errors clear, focus goes to its first field. */
  edit(form: string | undefined): void;
  /** Runs a request for a section: busy, errors on fields (`errors`) or for the section (`sectionError`). True when it succeeded. */
  run(section: string, step: () => Promise<void>): Promise<boolean>;
  /** Field errors of the last request, by API param name (`first_name`, `code`…). */
  readonly errors: Record<string, string>;
  /** Shows `message` on field `name` without a request (a client-side check). */
  setError(name: string, message: string): void;
  /** The error of the last request that had no field, shown by the section that ran it. */
  sectionError(section: string): TemplateResult | typeof import('lit').nothing;
  /** Announces a success message (a polite live region). */
  announce(message: string): void;
  /** An id unique in the document. */
  uid(prefix: string): string;
  /** Shows a modal confirmation dialog; resolves true when confirmed. */
  confirm(options: ConfirmOptions): Promise<boolean>;
  /** The six digits the code field holds. */
  readonly code: string;
  /** The shared verification-code field (six digits, submits itself) and its resend countdown. */
  codeField(id: string, key: string, attempt: () => Promise<void>): TemplateResult;
  resendButton(key: string, resend: () => Promise<void>): TemplateResult;
  startResendCountdown(): void;
  submitButton(label?: string): TemplateResult;
}

export interface ProfileSection {
  /** Unique id (`profile`, `emailAddresses`…); also its Clerk element key suffix (`profileSection__<id>`). */
  id: string;
  /** The built-in page it belongs to. */
  page: BuiltInPage;
  /** Its place on the page (lower first). */
  order: number;
  /** Localization key of its title. */
  title: string;
  /** Whether it shows for this user and instance (always when absent). */
  enabled?(host: SectionHost): boolean;
  /** Called when its page opens (lazy loading). */
  opened?(host: SectionHost): void;
  render(host: SectionHost): TemplateResult;
}
