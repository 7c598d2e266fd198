import { CUSTOM_ELEMENTS_SCHEMA, Component, inject } from '@angular/core';
import { Router } from '@angular/router';
import { appearance } from '../appearance';

@Component({
  selector: 'app-sign-up',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <section class="auth">
      <clerk-sign-up
        routing="virtual"
        sign-in-url="#/sign-in"
        waitlist-url="#/waitlist"
        [appearance]="appearance"
        (clerk-sign-up)="onSignedUp($event)"
      ></clerk-sign-up>
      <p class="hint">The verification code goes to the <a href="/outbox.html" target="_blank" rel="noopener">dev outbox</a>.</p>
    </section>
  `,
})
export class SignUpPage {
  private readonly router = inject(Router);
  protected readonly appearance = appearance;

  protected onSignedUp(event: Event): void {
    event.preventDefault();
    void this.router.navigateByUrl('/dashboard');
  }
}
