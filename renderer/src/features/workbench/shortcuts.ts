/** The workbench's keyboard shortcuts, from a key event's fields (no DOM needed). */

export interface KeyInput {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export type Shortcut =
  | { type: 'palette' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'quickCode'; index: number }
  | { type: 'inVivo' }
  | { type: 'clearSelection' }
  | { type: 'help' }
  | { type: 'cyclePanes'; backwards: boolean };

/** Whether the platform's command key is Cmd (Apple) rather than Ctrl. */
export function isApplePlatform(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

/**
 * The shortcut a key press means, or null. `typing` is true when focus is in a text field,
 * where the field's own undo and digits apply and nothing here does.
 */
export function shortcutFor(e: KeyInput, typing: boolean, apple: boolean): Shortcut | null {
  // F6 leaves a text field too: it is how a keyboard user gets from one pane to the next.
  if (e.key === 'F6' && !e.ctrlKey && !e.metaKey && !e.altKey) return { type: 'cyclePanes', backwards: e.shiftKey };
  if (typing) return null;
  const command = apple ? e.metaKey : e.ctrlKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (command && !e.altKey) {
    if (key === 'k' && !e.shiftKey) return { type: 'palette' };
    // Code in vivo: MAXQDA's key for it.
    if (key === 'i' && !e.shiftKey) return { type: 'inVivo' };
    if (key === 'z') return e.shiftKey ? { type: 'redo' } : { type: 'undo' };
    if (key === 'y' && !apple && !e.shiftKey) return { type: 'redo' };
    return null;
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (!e.shiftKey && (/^[1-9]$/.test(e.key) || /^Digit[1-9]$/.test(e.code ?? ''))) {
    const digit = /^[1-9]$/.test(e.key) ? Number(e.key) : Number((e.code ?? '').slice(5));
    return { type: 'quickCode', index: digit - 1 };
  }
  if (e.key === 'Escape') return { type: 'clearSelection' };
  if (e.key === '?') return { type: 'help' };
  return null;
}
