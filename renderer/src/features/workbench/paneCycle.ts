/**
 * F6 and Shift+F6 move focus from pane to pane (top bar, Documents, the centre view, Codebook),
 * as in most desktop programs, so every region is one key away. A pane is marked
 * `data-f6-pane`; inside it, `data-pane-start` marks where focus lands (the listbox, the tree's
 * current item, the selected tab), else its first focusable element.
 */

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex="0"]';

/** The pane after (or before) `current` among `count`, wrapping; from none (-1), the first (or last). */
export function nextPaneIndex(current: number, count: number, backwards: boolean): number {
  if (count <= 0) return -1;
  if (current < 0) return backwards ? count - 1 : 0;
  return (current + (backwards ? count - 1 : 1)) % count;
}

function landingIn(pane: HTMLElement): HTMLElement | null {
  const start = pane.querySelector<HTMLElement>('[data-pane-start]');
  if (start?.matches(FOCUSABLE)) return start;
  return start?.querySelector<HTMLElement>(FOCUSABLE) ?? pane.querySelector<HTMLElement>(FOCUSABLE);
}

export function focusNextPane(backwards: boolean): void {
  const panes = Array.from(document.querySelectorAll<HTMLElement>('[data-f6-pane]')).filter((p) => p.getClientRects().length > 0);
  const current = panes.findIndex((p) => p.contains(document.activeElement));
  const target = panes[nextPaneIndex(current, panes.length, backwards)];
  if (target) landingIn(target)?.focus();
}
