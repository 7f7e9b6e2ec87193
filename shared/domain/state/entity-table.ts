import type { Change } from '../patch';

/**
 * Changes folded into a kept order one by one before it is cheaper to sort the list again on
 * its next read (an import of thousands of documents): each costs a binary search and moving the
 * entries after it, a sort costs n log n comparisons.
 */
const REORDER_LIMIT = 1000;

/**
 * One collection of entities held by key, with its list in order kept ready for readers. Applying
 * a change costs one map operation and, once the list has been read, one binary search and splice
 * to keep it in order: coding a passage in a coder file of 80,000 codings never sorts them, and
 * saving that file (which reads the list) never has to either.
 *
 * A list handed to a reader never changes afterwards: the next change works on a copy.
 */
export class EntityTable<T extends object> {
  private readonly rows = new Map<string, T>();
  private listed: T[] | null = null;
  private shared = false;
  private reorders = 0;

  constructor(
    readonly keyOf: (entity: T) => string,
    private readonly compare: ((a: T, b: T) => number) | null,
    entities: Iterable<T> = [],
  ) {
    for (const entity of entities) this.rows.set(keyOf(entity), entity);
    // Files are saved in order: a list read from one is kept as it is, after one pass to be sure.
    const all = [...this.rows.values()];
    if (compare && all.every((e, i) => i === 0 || compare(all[i - 1]!, e) < 0)) this.listed = all;
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

  /** Every entity, in the collection's order. The list returned never changes. */
  list(): readonly T[] {
    if (!this.listed) {
      const all = [...this.rows.values()];
      if (this.compare) all.sort(this.compare);
      this.listed = all;
      this.reorders = 0;
    }
    this.shared = true;
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
    this.reorder(before, after);
    return { before, after };
  }

  /** Moves one entity's place in the kept list, or lets the list be rebuilt when that is cheaper or unsure. */
  private reorder(before: T | undefined, after: T | undefined): void {
    if (!this.listed || (!before && !after)) return;
    const compare = this.compare;
    if (!compare || ++this.reorders > REORDER_LIMIT) {
      this.listed = null;
      return;
    }
    if (this.shared) {
      this.listed = this.listed.slice();
      this.shared = false;
    }
    const list = this.listed;
    if (before) {
      const at = lowerBound(list, before, compare);
      if (list[at] !== before) {
        this.listed = null;
        return;
      }
      list.splice(at, 1);
    }
    if (after) list.splice(lowerBound(list, after, compare), 0, after);
  }
}

/** The first index whose entity does not come before `entity`. */
function lowerBound<T>(list: readonly T[], entity: T, compare: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(list[mid]!, entity) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Lists kept by rank (ties by key): undoing a removal puts the entity back where it was. */
export function byRank<T extends { rank: number }>(keyOf: (entity: T) => string): (a: T, b: T) => number {
  return (a, b) => a.rank - b.rank || compareText(keyOf(a), keyOf(b));
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
