// Keeps a popover next to its trigger with floating-ui. The popover goes to the top layer where the browser has
// the Popover API (no ancestor's overflow or z-index can clip it); coordinates are set through CSSOM, which a
// strict CSP allows (a `style="…"` attribute it would not).
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';

/** Shows `popover` below `trigger`, end-aligned, and follows scrolling and resizing; resolves once placed. Returns the stop function. */
export function anchor(trigger: HTMLElement, popover: HTMLElement): { placed: Promise<void>; stop: () => void } {
  if (typeof popover.showPopover === 'function') {
    try {
      popover.showPopover();
    } catch {
      /* already shown, or disconnected */
    }
  }
  const rtl = getComputedStyle(trigger).direction === 'rtl';
  let resolve: () => void = () => undefined;
  const placed = new Promise<void>((r) => (resolve = r));
  const stop = autoUpdate(trigger, popover, () => {
    void computePosition(trigger, popover, {
      strategy: 'fixed',
      placement: rtl ? 'bottom-start' : 'bottom-end',
      middleware: [offset(8), flip({ padding: 8 }), shift({ padding: 8 })],
    }).then(({ x, y, placement }) => {
      popover.style.left = `${x}px`;
      popover.style.top = `${y}px`;
      popover.dataset.placement = placement;
      resolve();
    });
  });
  return { placed, stop };
}
