import type { DocumentOutline } from '../../../../shared/api/contract';
import type { ApiClient } from '../../api/client';
import type { FocusRequest } from '../workbench/state/contexts';

/**
 * document.get, asked for as early as the click that opens a document: before React renders
 * the workbench for it (15–35 ms on the benchmark, issue 16), so that the request and the
 * server's reading of the text overlap that render. The reader takes the reply when it asks for
 * the same thing; one early request is kept at a time, and a stale one is never used.
 */

export interface DocumentAsk {
  documentId: string;
  /** The coders whose codings come with the first stretch (those shown). */
  coderIds: readonly string[];
  /** Where the reader goes first (a passage opened from elsewhere), or null for the top. */
  from: number | null;
}

/** An early reply older than this is not taken (the reader mounts within one render of the click). */
const FRESH_MS = 1000;

let early: { api: ApiClient; key: string; at: number; reply: Promise<DocumentOutline> } | null = null;

const keyOf = (ask: DocumentAsk): string => JSON.stringify([ask.documentId, ask.coderIds, ask.from]);

const call = (api: ApiClient, { documentId, coderIds, from }: DocumentAsk): Promise<DocumentOutline> =>
  api.call('document.get', { documentId, coderIds: [...coderIds], ...(from !== null && { from }) });

/** Where the reader of `documentId` goes first: the passage the last focus request asked for in it. */
export function readerStart(focus: FocusRequest | null, documentId: string): number | null {
  return focus?.documentId === documentId ? focus.start : null;
}

/** Sends the request the reader of a document about to open will make. */
export function askDocumentEarly(api: ApiClient, ask: DocumentAsk): void {
  const reply = call(api, ask);
  // Not taken, its failure is nobody's to report: the reader asks again and reports its own.
  reply.catch(() => undefined);
  early = { api, key: keyOf(ask), at: performance.now(), reply };
}

/** The reader's request: the early one when it asked for the same thing just now, else a new one. */
export function askDocument(api: ApiClient, ask: DocumentAsk): Promise<DocumentOutline> {
  const taken = early;
  early = null;
  if (taken && taken.api === api && taken.key === keyOf(ask) && performance.now() - taken.at < FRESH_MS) return taken.reply;
  return call(api, ask);
}
