// Moving focus among a menu's items from the keyboard (WAI-ARIA menu pattern): arrows wrap, Home/End jump, a
// typed character goes to the next item starting with it, Space activates a link item as it does a button.

/** Handles `e` when it is a movement key for `items` (focus is on `items[current]`, or -1); true when handled. */
export function moveInMenu(e: KeyboardEvent, items: HTMLElement[], current: number): boolean {
  const focus = (to: number) => {
    e.preventDefault();
    items[(to + items.length) % items.length]?.focus();
    return true;
  };
  switch (e.key) {
    case 'ArrowDown':
      return focus(current + 1);
    case 'ArrowUp':
      return focus(current < 0 ? -1 : current - 1);
    case 'Home':
      return focus(0);
    case 'End':
      return focus(-1);
    case ' ': {
      // Buttons take Space natively; links only take Enter.
      const item = items[current];
      if (!(item instanceof HTMLAnchorElement)) return false;
      e.preventDefault();
      item.click();
      return true;
    }
    default: {
      if (e.key.length !== 1 || !/\S/.test(e.key) || e.ctrlKey || e.metaKey || e.altKey) return false;
      const key = e.key.toLocaleLowerCase();
      const order = [...items.slice(current + 1), ...items.slice(0, current + 1)];
      const hit = order.find((el) => visibleText(el).trim().toLocaleLowerCase().startsWith(key));
      return hit ? focus(items.indexOf(hit)) : false;
    }
  }
}

/** An item's text as a screen reader reads it: without `aria-hidden` parts (an account's avatar initials). */
function visibleText(node: Node): string {
  if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  return Array.from(node.childNodes, visibleText).join('');
}
