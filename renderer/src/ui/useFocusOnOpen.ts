import { useEffect } from 'react';
import type { RefObject } from 'react';

/**
 * Focuses the view's first field when it opens by a click or a shortcut, ready to type; but a
 * keyboard user walking the view tabs with the arrow keys keeps focus on the tab (WAI-ARIA tabs).
 */
export function useFocusOnOpen(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const active = document.activeElement;
    const walkingTabs = active?.getAttribute('role') === 'tab' && active.matches(':focus-visible');
    if (!walkingTabs) ref.current?.focus();
  }, [ref]);
}
