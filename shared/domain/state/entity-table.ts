import type { Change } from '../patch';

/**
 * One collection of entities held by key, with its list in order kept ready for readers. Applying
 * a change costs one map operation; the ordered list is rebuilt only when someone reads it after
 * a change, so coding a passage in a coder file of 80,000 codings never sorts them.
 */
export class EntityTable<T extends object> {
  private readonly rows = new Map<string, T>();
  private listed: readonly T[] | null = null;

  constructor(
    readonly keyOf: (entity: T) => string,
    private readonly compare: ((a: T, b: T) => number) | null,
    entities: Iterable<T> = [],
  ) {
    for (const entity of entities) this.rows.set(keyOf(entity), entity);
  }

  get(key: string): T | undefined {
    return this.rows.get(key);
  }

  has(key: string): boolean {
    return this.rows.has(key);
  }

  get size(): number {
    return this.rows.size;
  }

  values(): IterableIterator<T> {
    return this.rows.values();
  }

  /** Every entity, in the collection's order. */
  list(): readonly T[] {
    if (!this.listed) {
      const all = [...this.rows.values()];
      if (this.compare) all.sort(this.compare);
      this.listed = all;
    }
    return this.listed;
  }

  /**
   * Applies one change as it stands, and returns the entity before and after it. Applying a change
   * twice leaves the same result, so a change completed after a crash can safely be applied again.
   */
  apply(change: Change<T>): { before: T | undefined; after: T | undefined } {
    const before = this.rows.get(change.id);
    let after: T | undefined;
    if (change.after === null) {
      this.rows.delete(change.id);
    } else if (change.before === null) {
      after = change.after as T;
      this.rows.set(change.id, after);
    } else if (before) {
      after = { ...before, ...change.after };
      this.rows.set(change.id, after);
    }
    // An update of an entity that is not there can only come from replaying a change already
    // superseded: there is nothing for it to change.
    this.listed = null;
    return { before, after };
  }
}

/** Lists kept by rank (ties by key): undoing a removal puts the entity back where it was. */
export function byRank<T extends { rank: number }>(keyOf: (entity: T) => string): (a: T, b: T) => number {
  return (a, b) => a.rank - b.rank || compareText(keyOf(a), keyOf(b));
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
