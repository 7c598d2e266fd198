import { CUSTOM_ELEMENTS_SCHEMA, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ClerkService } from '../clerk.service';

@Component({
  selector: 'app-home',
  imports: [RouterLink],
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <section class="hero">
      <p class="eyebrow">clerk-wc demo</p>
      <h1>Auth UI as Web Components, in Angular.</h1>
      <p class="lead">
        Sign-in, sign-up, the user button and the waitlist are <code>&lt;clerk-*&gt;</code> custom elements. Angular passes them attributes, properties and
        events like any other element, and reads the auth state as signals.
      </p>
      @if (auth.isSignedIn()) {
        <div class="actions">
          <p class="welcome">
            Welcome back, <strong>{{ auth.displayName() }}</strong>.
          </p>
          <a class="btn btn-primary" routerLink="/dashboard">Open the dashboard</a>
        </div>
      } @else {
        <div class="actions">
          <a class="btn btn-primary" routerLink="/sign-up">Create an account</a>
          <button type="button" class="btn btn-outline" (click)="openSignIn()">Sign in in a modal</button>
          <a class="btn btn-ghost" routerLink="/waitlist">Join the waitlist</a>
        </div>
      }
    </section>
    <section class="features" aria-label="What this demo shows">
      <article class="feature">
        <h2>Signals</h2>
        <p><code>toAngularSignal()</code> turns the kit's stores into signals that templates, guards and effects read.</p>
      </article>
      <article class="feature">
        <h2>A route guard</h2>
        <p>A <code>CanActivateFn</code> sends signed-out visitors from the dashboard to sign-in, and back after.</p>
      </article>
      <article class="feature">
        <h2>Elements</h2>
        <p>Plain attributes, <code>[appearance]</code> property bindings and <code>(clerk-sign-in)</code> event bindings.</p>
      </article>
    </section>
  `,
})
export class HomePage {
  protected readonly auth = inject(ClerkService);

  protected openSignIn(): void {
    // The modal's "Sign up" link switches the modal to sign-up: no route changes.
    this.auth.clerk.openSignIn();
  }
}
