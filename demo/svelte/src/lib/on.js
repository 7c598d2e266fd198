import { on as listen } from 'svelte/events';

/**
 * An attachment that listens to a DOM event by its exact name: `<clerk-sign-in {@attach on('clerk-sign-in', f)}>`.
 * (Svelte's `on…` attributes do not fit dashed event names such as `clerk-sign-in`.)
 */
export const on = (type, handler) => (node) => listen(node, type, handler);
