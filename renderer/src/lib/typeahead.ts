/**
 * Type-ahead in a list or tree: the next item after `current` (wrapping) whose name starts with
 * the typed character, or -1. Repeating a letter steps through the items starting with it.
 */
export function typeaheadIndex(count: number, nameAt: (index: number) => string, current: number, char: string): number {
  const needle = char.toLocaleLowerCase();
  if (!needle.trim() || count === 0) return -1;
  for (let step = 1; step <= count; step++) {
    const i = (((current + step) % count) + count) % count;
    if (nameAt(i).toLocaleLowerCase().startsWith(needle)) return i;
  }
  return -1;
}
