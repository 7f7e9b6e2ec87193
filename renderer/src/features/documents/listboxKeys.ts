/**
 * Where a single-select listbox's selection goes for a key, or null when the key is not a
 * movement key. Movement stops at the ends (no wrapping), like native lists.
 */
export function nextListIndex(key: string, current: number, count: number, pageSize = 10): number | null {
  if (count === 0) return null;
  const from = current < 0 ? -1 : current;
  switch (key) {
    case 'ArrowDown':
      return Math.min(from + 1, count - 1);
    case 'ArrowUp':
      return from < 0 ? 0 : Math.max(from - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return Math.min(Math.max(from, 0) + pageSize, count - 1);
    case 'PageUp':
      return Math.max(from - pageSize, 0);
    default:
      return null;
  }
}
