/**
 * A colour token's value as the page has it (tokens.css is the only place colours are written),
 * for the few computations that need a surface colour as a value, e.g. making a user's code
 * colour readable on it. Read once per name: tokens do not change while the app runs.
 */
const cache = new Map<string, string>();

export function tokenColour(name: `--c-${string}`): string {
  let value = cache.get(name);
  if (value === undefined) {
    value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    cache.set(name, value);
  }
  return value;
}
