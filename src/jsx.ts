// JSX types for the elements (`import type {} from 'clerk-wc/jsx'` once in a React 19 app): every tag with its
// properties (React 19 sets them as properties on custom elements) and its `clerk-*` events as `onclerk-…` props.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { LitElement } from 'lit';
import type { ClerkElementEventMap, ClerkEventName } from './elements/shared/events.js';
import type { ClerkElementTagMap } from './elements/registry.types.js';

/** An element's own public properties (not those every HTMLElement or LitElement has). */
export type ElementProps<E extends HTMLElement> = Partial<Omit<E, keyof LitElement | 'role'>> & { role?: string | null };

/** `onclerk-sign-in` and the others: one prop per event of the elements' event map. */
type Events = { [K in ClerkEventName as `on${K}`]?: (event: ClerkElementEventMap[K]) => void };

type PropsByTag = { [T in keyof ClerkElementTagMap]: ElementProps<ClerkElementTagMap[T]> };

/** Tag → props, framework-neutral, for every tag of the registry; the React augmentation below adds React's HTML attributes. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ClerkElementProps extends PropsByTag {}

type ReactProps<E extends HTMLElement, P> = DetailedHTMLProps<HTMLAttributes<E>, E> & P & Events & { [attribute: `${string}-${string}`]: unknown };
type ReactElements = { [T in keyof ClerkElementTagMap]: ReactProps<ClerkElementTagMap[T], ClerkElementProps[T]> };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends ReactElements {}
  }
}
