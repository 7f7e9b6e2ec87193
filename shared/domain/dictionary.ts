/**
 * An empty object without a prototype, for records keyed by ids or names that come from files:
 * there "__proto__" or "constructor" is a key like any other, never Object.prototype's.
 * (Map is the other choice; a record is kept where the value crosses the API as JSON.)
 */
export function dictionary<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}
