import { CUSTOM_ELEMENTS_SCHEMA, Component } from '@angular/core';
import { appearance } from '../appearance';

@Component({
  selector: 'app-waitlist',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <section class="auth">
      <clerk-waitlist sign-in-url="#/sign-in" [appearance]="appearance"></clerk-waitlist>
    </section>
  `,
})
export class WaitlistPage {
  protected readonly appearance = appearance;
}
