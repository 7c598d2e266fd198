import { DatePipe } from '@angular/common';
import { CUSTOM_ELEMENTS_SCHEMA, Component, inject } from '@angular/core';
import { ClerkService } from '../clerk.service';

@Component({
  selector: 'app-dashboard',
  imports: [DatePipe],
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <section class="page">
      <header class="page-head">
        <h1>Dashboard</h1>
        <p class="lead">
          Signed in as <strong class="user-email">{{ auth.email() }}</strong>
        </p>
      </header>
      <div class="grid">
        <article class="panel">
          <h2>Your account</h2>
          <dl class="facts">
            <dt>Name</dt>
            <dd>{{ auth.displayName() }}</dd>
            <dt>User ID</dt>
            <dd>
              <code>{{ auth.state().userId }}</code>
            </dd>
            <dt>Session ID</dt>
            <dd>
              <code>{{ auth.state().sessionId }}</code>
            </dd>
            <dt>Member since</dt>
            <dd>{{ auth.user()?.createdAt | date: 'mediumDate' }}</dd>
          </dl>
        </article>
        <article class="panel">
          <h2>Protected content</h2>
          <clerk-protect>
            <p class="notice notice-ok">Only signed-in users see this: <code>&lt;clerk-protect&gt;</code> checked your session.</p>
            <p slot="fallback" class="notice">Sign in to see this.</p>
          </clerk-protect>
          <h3>Organization admins</h3>
          <clerk-protect role="org:admin">
            <p class="notice notice-ok">Admin tools would go here.</p>
            <p slot="fallback" class="notice notice-muted">You are not an <code>org:admin</code>, so this is the element's <code>fallback</code> slot.</p>
          </clerk-protect>
        </article>
      </div>
    </section>
  `,
})
export class DashboardPage {
  protected readonly auth = inject(ClerkService);
}
