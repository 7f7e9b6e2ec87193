import type { AttributeFilter, DocumentPage, DocumentSort, DocumentSummary } from '../../../../../shared/api/contract';
import { MAX_DOCUMENT_PAGE } from '../../../../../shared/api/limits';
import type { ApiClient } from '../../../api/client';

/** Rows per page the Documents list asks for: a screenful or two, in one small reply. */
export const LIST_PAGE = 100;

interface Entry<T> {
  value: T;
  /** The directory's generation when it was asked for: older ones are shown until asked for again. */
  generation: number;
}

/** A list's key: its filter (attributes with nothing ticked left out) and its order. */
const makeListKey = (filter: AttributeFilter, sort: DocumentSort | undefined): string =>
  JSON.stringify([Object.entries(filter).filter(([, values]) => values.length > 0).sort(([a], [b]) => (a < b ? -1 : 1)), sort ?? null]);

/**
 * Keys of lists in rank order, made once per filter (filters are never changed in place): a
 * windowed list asks for a row's page, and so its key, for every row each time it lays them out
 * (20,000 times at a survey).
 */
const rankOrderKeys = new WeakMap<AttributeFilter, string>();

function listKey(filter: AttributeFilter, sort: DocumentSort | undefined): string {
  if (sort !== undefined) return makeListKey(filter, sort);
  let key = rankOrderKeys.get(filter);
  if (key === undefined) rankOrderKeys.set(filter, (key = makeListKey(filter, undefined)));
  return key;
}

/**
 * The list's first page, asked for with the app's first state (app/firstState.ts): a reply that
 * arrives while the workbench first renders waits for that render to end (~400 ms at a big
 * project), so the list would come last. Taken once, by the directory made for that project.
 */
let offered: { path: string; page: DocumentPage } | null = null;

export function offerFirstPage(path: string, page: DocumentPage): void {
  offered = { path, page };
}

export function takeFirstPage(path: string): DocumentPage | null {
  const taken = offered;
  offered = null;
  return taken && taken.path === path ? taken.page : null;
}

/**
 * The documents the renderer has been sent, a page or a name at a time: the snapshot carries
 * only their tally (issue 16: a project of 20,000 answers would otherwise send them all at load).
 * Readers ask (`want…`), the directory fetches in batches and tells subscribers; a new tally
 * (any change to a document) starts a new generation: what is held stays on screen until the
 * fresh copy arrives, so a rename or an undo never empties the list.
 */
export class DocumentDirectory {
  private generation = 0;
  private readonly summaries = new Map<string, Entry<DocumentSummary | null>>();
  private readonly pages = new Map<string, Entry<DocumentPage>>();
  private readonly inFlight = new Set<string>();
  private readonly wanted = new Set<string>();
  private flushing = false;
  private readonly listeners = new Set<() => void>();
  /** Bumped whenever anything arrives: what `useSyncExternalStore` compares. */
  version = 0;

  constructor(
    private readonly api: ApiClient,
    private readonly onError: (error: unknown) => void,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /** Bumped when the documents changed: what was fetched before is out of date. */
  getGeneration = (): number => this.generation;

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  /** The documents changed: everything held is kept but asked for again when next read. */
  invalidate(): void {
    this.generation += 1;
    this.changed();
  }

  private fresh(entry: Entry<unknown> | undefined): boolean {
    return entry !== undefined && entry.generation === this.generation;
  }

  /** A document as last sent; null when it no longer exists; undefined while unknown. */
  summary(id: string): DocumentSummary | null | undefined {
    return this.summaries.get(id)?.value;
  }

  /** Every document the renderer has been sent (the open one among them): what a reload must refresh. */
  knownIds(): string[] {
    return [...this.summaries.entries()].flatMap(([id, entry]) => (entry.value ? [id] : []));
  }

  /** Fetches (in one batch per task) the summaries of these documents that are unknown or out of date. */
  wantSummaries(ids: Iterable<string>): void {
    for (const id of ids) if (!this.fresh(this.summaries.get(id)) && !this.inFlight.has(`id:${id}`)) this.wanted.add(id);
    if (this.wanted.size === 0 || this.flushing) return;
    this.flushing = true;
    queueMicrotask(() => {
      this.flushing = false;
      const ids = [...this.wanted].slice(0, MAX_DOCUMENT_PAGE);
      for (const id of ids) this.wanted.delete(id);
      if (this.wanted.size > 0) this.wantSummaries([]);
      const generation = this.generation;
      for (const id of ids) this.inFlight.add(`id:${id}`);
      this.api.call('documents.summaries', { ids }).then(
        (found) => {
          const byId = new Map(found.map((d) => [d.id, d]));
          for (const id of ids) {
            this.inFlight.delete(`id:${id}`);
            this.summaries.set(id, { value: byId.get(id) ?? null, generation });
          }
          this.changed();
        },
        (err: unknown) => {
          for (const id of ids) this.inFlight.delete(`id:${id}`);
          this.onError(err);
        },
      );
    });
  }

  /** Holds a page fetched before this directory was made (the list's first, unfiltered, in rank order). */
  seed(filter: AttributeFilter, page: DocumentPage): void {
    this.hold(`${listKey(filter, undefined)}#${Math.floor(page.offset / LIST_PAGE)}`, page, this.generation);
  }

  /** A page as it came, and its rows as the documents' summaries. */
  private hold(pageKey: string, page: DocumentPage, generation: number): void {
    this.pages.set(pageKey, { value: page, generation });
    for (const row of page.rows) this.summaries.set(row.id, { value: row, generation });
  }

  /** The page holding row `index` of the list under this filter (in rank order, or `sort`'s), if it has come. */
  page(filter: AttributeFilter, index: number, sort?: DocumentSort): DocumentPage | undefined {
    return this.pages.get(`${listKey(filter, sort)}#${Math.floor(index / LIST_PAGE)}`)?.value;
  }

  /** Fetches the pages covering rows first…last of the list under this filter (and order) that are missing or out of date. */
  wantRows(filter: AttributeFilter, first: number, last: number, sort?: DocumentSort): void {
    const key = listKey(filter, sort);
    for (let p = Math.floor(Math.max(0, first) / LIST_PAGE); p <= Math.floor(Math.max(0, last) / LIST_PAGE); p++) {
      const pageKey = `${key}#${p}`;
      if (this.fresh(this.pages.get(pageKey)) || this.inFlight.has(pageKey)) continue;
      this.inFlight.add(pageKey);
      const generation = this.generation;
      this.api.call('documents.page', { filter, offset: p * LIST_PAGE, limit: LIST_PAGE, ...(sort ? { sort } : {}) }).then(
        (page) => {
          this.inFlight.delete(pageKey);
          this.hold(pageKey, page, generation);
          this.changed();
        },
        (err: unknown) => {
          this.inFlight.delete(pageKey);
          this.onError(err);
        },
      );
    }
  }
}
