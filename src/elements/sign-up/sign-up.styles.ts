import { css } from 'lit';
import { tokens } from '../../theme/tokens.js';
import { cardStyles } from '../shared/card.styles.js';

export const styles = [tokens, cardStyles, css``];

/**
 * The sign-up form's additions to the shared light-DOM form sheet (first and last name side by side, the
 * waitlist link drawn as the primary button). Same rules as that sheet: adopted, never inline, `:where()` so
 * page rules win.
 */
export const SIGN_UP_FORM_CSS = `
:where(.cl-name-row) { display: grid; grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr)); gap: calc(var(--_space) * 0.75); }
:where(a.cl-button) { display: block; text-align: center; text-decoration: none; }
:where(.cl-identity) > :where(span) { overflow-wrap: anywhere; }
`;
