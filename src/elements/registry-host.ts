// The mount host (core/mount.ts) for Clerk's mount API: one generic piece of DOM work for every component, the tag
// looked up in the registry. The element may not be defined yet: the autoloader (or the app's import) upgrades it.
// Plain DOM, no Lit: the script-tag bundle and the ESM entry install it.
import type { MountHost } from '../core/mount.js';
import { type ClerkElementTag, tagOf } from './registry.js';

const MODAL: ClerkElementTag = 'clerk-modal';

type ModalElement = HTMLElement & { close?: () => void };

function close(component: Parameters<MountHost['close']>[0]): void {
  const modal = document.querySelector<ModalElement>(`${MODAL}[data-component="${tagOf(component, 'open')}"]`);
  if (modal?.close) modal.close();
  else modal?.remove();
}

export const elementMountHost: MountHost = {
  mount(clerk, component, node, props) {
    const tag = tagOf(component, 'mount');
    const el = node.querySelector(`:scope > ${tag}`) ?? document.createElement(tag);
    Object.assign(el, { clerk, ...props });
    if (!el.parentNode) node.append(el);
  },

  unmount(component, node) {
    node.querySelector(`:scope > ${tagOf(component, 'mount')}`)?.remove();
  },

  open(clerk, component, props) {
    close(component);
    const tag = tagOf(component, 'open');
    const modal = document.createElement(MODAL);
    // Which element it shows: close() finds the modal by it (and a sign-in ↔ sign-up switch updates it).
    modal.dataset.component = tag;
    const el = document.createElement(tag);
    Object.assign(el, { clerk, routing: 'virtual', ...props });
    modal.append(el);
    // Focus goes back here when it closes (the modal's code may load after the form inside has taken focus).
    const opener = document.activeElement;
    Object.assign(modal, { opener: opener instanceof HTMLElement ? opener : null });
    document.body.append(modal);
  },

  close,
};
