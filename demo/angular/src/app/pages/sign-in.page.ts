import { CUSTOM_ELEMENTS_SCHEMA, Component, inject } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { appearance } from '../appearance';

@Component({
  selector: 'app-sign-in',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <section class="auth">
      <clerk-sign-in routing="virtual" sign-up-url="#/sign-up" [appearance]="appearance" (clerk-sign-in)="onSignedIn($event)"></clerk-sign-in>
      <p class="hint">Addresses with <code>+clerk_test</code> (<code>ada+clerk_test&#64;example.com</code>) accept the code <code>424242</code>.</p>
    </section>
  `,
})
export class SignInPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly appearance = appearance;

  /** The element signed the user in: the router takes it from here (no page load). */
  protected onSignedIn(event: Event): void {
    event.preventDefault();
    const back = this.route.snapshot.queryParamMap.get('redirect');
    void this.router.navigateByUrl(back?.startsWith('/') && !back.startsWith('//') ? back : '/dashboard');
  }
}
