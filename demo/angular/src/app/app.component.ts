import { CUSTOM_ELEMENTS_SCHEMA, Component, DestroyRef, effect, inject } from '@angular/core';
import { NavigationStart, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ClerkService } from './clerk.service';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <header class="topbar">
      <a class="brand" routerLink="/">
        <img src="favicon.svg" alt="" width="28" height="28" />
        <span>clerk-wc</span>
        <span class="badge">Angular</span>
      </a>
      <nav class="nav" aria-label="Main">
        <a routerLink="/" routerLinkActive="active" [routerLinkActiveOptions]="{ exact: true }">Home</a>
        <a routerLink="/dashboard" routerLinkActive="active">Dashboard</a>
        <a routerLink="/waitlist" routerLinkActive="active">Waitlist</a>
      </nav>
      <div class="session">
        <clerk-signed-out>
          <a class="btn btn-ghost" routerLink="/sign-in">Sign in</a>
          <a class="btn btn-primary" routerLink="/sign-up">Sign up</a>
        </clerk-signed-out>
        <clerk-signed-in>
          <clerk-user-button show-name></clerk-user-button>
        </clerk-signed-in>
      </div>
    </header>
    <main class="main">
      <router-outlet />
    </main>
    <footer class="footer">
      <span>Angular 21 · zoneless · signals · <code>&lt;clerk-*&gt;</code> elements from <code>clerk-wc/elements</code></span>
      <span><a href="/">All demos</a> · <a href="/outbox.html" target="_blank" rel="noopener">Dev outbox</a></span>
    </footer>
  `,
})
export class AppComponent {
  private readonly auth = inject(ClerkService);
  private readonly router = inject(Router);

  constructor() {
    // Signed out elsewhere (the user button, another tab): leave the pages that need an account.
    effect(() => {
      if (this.auth.isLoaded() && !this.auth.isSignedIn() && this.router.url.startsWith('/dashboard')) void this.router.navigateByUrl('/');
    });
    // A route change (the back button, a link in the page) closes an open modal: it belongs to the page it opened on.
    const sub = this.router.events.subscribe((e) => {
      if (e instanceof NavigationStart) {
        this.auth.clerk.closeSignIn();
        this.auth.clerk.closeSignUp();
      }
    });
    inject(DestroyRef).onDestroy(() => sub.unsubscribe());
  }
}
