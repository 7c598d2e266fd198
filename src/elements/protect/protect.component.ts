import { css, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ClerkElement } from '../shared/clerk-element.js';

/** What `has()` answers from the session's claims: an organization role or permission. */
export interface HasParams {
  role?: string;
  permission?: string;
}
export type HasFunction = (params: HasParams) => boolean;

function claims(jwt: string | undefined): Record<string, unknown> {
  try {
    return jwt ? (JSON.parse(atob(jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * @tagname clerk-protect
 * @summary Shows its content to signed-in users who pass a role, permission or condition check; else the fallback.
 *
 * @slot - Content for users who pass.
 * @slot fallback - Content for everyone else (signed out, or without the role or permission).
 *
 */
export class ClerkProtect extends ClerkElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** An organization role (`org:admin`); the session's `org_role` claim must match. (Clerk's prop name; it shadows the ARIA `role`.) */
  @property() override role: string | null = null;
  /** An organization permission (`org:invoices:create`); must be in the session's `org_permissions` claim. */
  @property() permission: string | undefined;
  /** Custom logic: called with `has` and shows the content when it returns true. */
  @property({ attribute: false }) condition: ((has: HasFunction) => boolean) | undefined;

  /** The check Clerk's `has()` does, against the active session's token claims. */
  private has: HasFunction = ({ role, permission }) => {
    const c = claims(this.resources.session?.lastActiveToken?.jwt);
    // No organizations yet: a session without org claims has no role and no permission.
    if (role) return c.org_role === role;
    if (permission) return Array.isArray(c.org_permissions) && (c.org_permissions as unknown[]).includes(permission);
    return false;
  };

  private get allowed(): boolean {
    if (!this.loaded || !this.resources.session) return false;
    if (this.condition) return this.condition(this.has);
    if (this.role || this.permission)
      return this.has({ ...(this.role ? { role: this.role } : {}), ...(this.permission ? { permission: this.permission } : {}) });
    return true;
  }

  protected override render(): TemplateResult {
    return this.allowed ? html`<slot></slot>` : html`<slot name="fallback"></slot>`;
  }
}
