import type { Change } from '../patch';

/**
 * Above this many changes in one go (an import), the kept order is sorted once afterwards rather
 * than moved entry by entry: each move costs a binary search and shifting the entries after it,
 * a sort n log n comparisons.
 */
const REORDER_LIMIT = 1000;

/**
 * One collection of entities held by key, with its list in order kept ready for readers. Applying
 * a change costs one map operation, one binary search and one splice to keep the list in order:
 * coding a passage in a coder file of 80,000 codings never sorts them, and neither does saving
 * that file (which reads the list), in the background, while the user goes on coding.
 *
 * A list handed to a reader never changes afterwards: the next change works on a copy.
 */
export class EntityTable<T extends object> {
  private readonly rows = new Map<string, T>();
  /** The entities in order; kept up to date for an ordered table, rebuilt on reading otherwise. */
  private listed: T[] | null = null;
  private shared = false;
  private batch = false;

  constructor(
    readonly keyOf: (entity: T) => string,
    private readonly compare: ((a: T, b: T) => number) | null,
    entities: Iterable<T> = [],
  ) {
    for (const entity of entities) this.rows.set(keyOf(entity), entity);
    // Files are saved in order: a list read from a file is kept as it is (not copied: it is
    // shared, so the first change works on a copy), after one pass to be sure.
    if (compare) {
      const unique = Array.isArray(entities) && entities.length === this.rows.size;
      const all = unique ? (entities as T[]) : [...this.rows.values()];
      if (inOrder(all, compare)) {
        this.listed = all;
        this.shared = unique;
      } else {
        this.listed = unique ? all.slice().sort(compare) : all.sort(compare);
      }
    }
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
    this.listed ??= [...this.rows.values()];
    this.shared = true;
    return this.listed;
  }

  /**
   * The entities of one stretch of the order, found by binary search (a fresh list): `place`
   * says whether an entity comes before the stretch (< 0), is in it (0) or comes after it (> 0).
   */
  stretch(place: (entity: T) => number): T[] {
    const list = (this.listed ??= [...this.rows.values()]);
    return list.slice(firstIndex(list, (e) => place(e) >= 0), firstIndex(list, (e) => place(e) > 0));
  }

  /** Applies changes in order, each as `apply` does; a large batch sorts the kept list once at the end. */
  applyAll(changes: readonly Change<T>[], each?: (before: T | undefined, after: T | undefined) => void): void {
    this.batch = changes.length > REORDER_LIMIT;
    try {
      for (const change of changes) {
        const { before, after } = this.apply(change);
        each?.(before, after);
      }
    } finally {
      if (this.batch && this.compare) {
        this.listed = [...this.rows.values()].sort(this.compare);
        this.shared = false;
      }
      this.batch = false;
    }
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

  /** Moves one entity's place in the kept list (an unordered table's list is rebuilt on reading). */
  private reorder(before: T | undefined, after: T | undefined): void {
    const compare = this.compare;
    if (!compare) this.listed = null;
    if (!compare || this.batch || (!before && !after)) return;
    if (this.shared) {
      this.listed = this.listed!.slice();
      this.shared = false;
    }
    const list = this.listed!;
    if (before) {
      const at = lowerBound(list, before, compare);
      if (list[at] !== before) {
        // Out of step with the rows (it cannot be, but a list in the wrong order would be saved).
        this.listed = [...this.rows.values()].sort(compare);
        return;
      }
      list.splice(at, 1);
    }
    if (after) list.splice(lowerBound(list, after, compare), 0, after);
  }
}

function inOrder<T>(list: readonly T[], compare: (a: T, b: T) => number): boolean {
  for (let i = 1; i < list.length; i++) if (compare(list[i - 1]!, list[i]!) >= 0) return false;
  return true;
}

/** The first index whose entity does not come before `entity`. */
function lowerBound<T>(list: readonly T[], entity: T, compare: (a: T, b: T) => number): number {
  return firstIndex(list, (e) => compare(e, entity) >= 0);
}

/** The first index of an ordered list at which `from` holds (it holds from there to the end). */
function firstIndex<T>(list: readonly T[], from: (entity: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (from(list[mid]!)) hi = mid;
    else lo = mid + 1;
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
