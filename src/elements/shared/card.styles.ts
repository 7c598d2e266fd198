// The card every form element draws in its shadow root: header, slotted light-DOM form, footer.
import { css } from 'lit';

export const cardStyles = css`
  :host {
    display: block;
    inline-size: min(100%, var(--clerk-card-max-width, 25rem));
  }
  .card {
    box-sizing: border-box;
    display: grid;
    gap: calc(var(--_space) * 1.5);
    padding-block: calc(var(--_space) * 2);
    padding-inline: calc(var(--_space) * 2.5);
    background: var(--_bg);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    box-shadow: var(--_shadow);
  }
  header {
    display: grid;
    gap: 0.25rem;
    text-align: center;
  }
  h1 {
    margin: 0;
    font-size: 1.0625rem;
    font-weight: 700;
  }
  .subtitle {
    margin: 0;
    color: var(--_muted);
  }
  footer {
    text-align: center;
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  footer a,
  footer button {
    font: inherit;
    font-weight: 500;
    color: var(--_link);
    background: none;
    border: 0;
    padding: 0;
    cursor: pointer;
    text-decoration: none;
  }
  footer a:hover,
  footer button:hover {
    text-decoration: underline;
  }
  footer a:focus-visible,
  footer button:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
    border-radius: 2px;
  }
`;
