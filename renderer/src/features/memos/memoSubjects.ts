import type { DocumentSummary, MemoView, ProjectSnapshot } from '../../../../shared/api/contract';
import type { MemoTarget } from '../../../../shared/domain/schemas';

/** What a memo is about, for the list's kind filter. */
export type MemoKind = MemoTarget['type'];

export const memoKindLabels: Record<MemoKind, string> = {
  project: 'Project journal',
  document: 'Documents',
  code: 'Codes',
  coding: 'Codings',
};

/** Where a coding is, for labelling and opening memos written on it. */
export interface CodingPlace {
  documentId: string;
  codeId: string;
  start: number;
  end: number;
  /** The coded passage. */
  text: string;
}

/** The passage's first words (up to `words`, whole words only), with an ellipsis when there is more. */
export function passageOpening(text: string, words = 8): string {
  const all = text.trim().split(/\s+/).filter(Boolean);
  const head = all.slice(0, words).join(' ');
  const short = head.length > 60 ? `${head.slice(0, 60).replace(/\s+\S*$/, '')}` : head;
  return short.length < all.join(' ').length ? `${short}…` : short;
}

/** What memos can be about: the codebook, and the documents (looked up by id, as they come: see useDocumentSummaries). */
export interface MemoSubjects {
  codebook: ProjectSnapshot['codebook'];
  documentOf: (id: string) => DocumentSummary | null | undefined;
}

/** A document's name, "…" while it is on its way, or that it is gone. */
function documentName(doc: DocumentSummary | null | undefined): string {
  return doc === undefined ? '…' : (doc?.name ?? 'A document no longer in the project');
}

/**
 * A memo's subject in words: "Project journal", the document's or code's name, or for a coding
 * its code and the passage's first words ("Tackling stigma: “the waiting list was…” in 03 Newham").
 */
export function memoSubjectLabel(target: MemoTarget, subjects: MemoSubjects, codings: ReadonlyMap<string, CodingPlace>): string {
  const { codebook, documentOf } = subjects;
  switch (target.type) {
    case 'project':
      return 'Project journal';
    case 'document':
      return documentName(documentOf(target.id));
    case 'code':
      return codebook.find((c) => c.id === target.id)?.name ?? 'A code no longer in the codebook';
    case 'coding': {
      const place = codings.get(target.id);
      if (!place) return 'A coding';
      const code = codebook.find((c) => c.id === place.codeId)?.name ?? 'Deleted code';
      const doc = documentOf(place.documentId);
      return `${code}: “${passageOpening(place.text)}”${doc ? ` in ${doc.name}` : ''}`;
    }
  }
}

/** The label's lead-in, so a code and a document of the same name read apart. */
export function memoSubjectKind(target: MemoTarget): string {
  switch (target.type) {
    case 'project':
      return 'Project journal';
    case 'document':
      return 'Document';
    case 'code':
      return 'Code';
    case 'coding':
      return 'Coding';
  }
}

export interface MemoFilter {
  kind: MemoKind | 'all';
  /** A coder id, or 'all'. */
  authorId: string;
}

/** The memos passing the filter, newest first (by when they were written; edits do not reorder). */
export function visibleMemos(memos: readonly MemoView[], filter: MemoFilter): MemoView[] {
  return memos
    .filter((m) => (filter.kind === 'all' || m.target.type === filter.kind) && (filter.authorId === 'all' || m.coderId === filter.authorId))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
}

/** The people who wrote memos, in coder order, for the author filter. */
export function memoAuthors(memos: readonly MemoView[], coders: ProjectSnapshot['coders']): ProjectSnapshot['coders'] {
  const ids = new Set(memos.map((m) => m.coderId));
  return coders.filter((c) => ids.has(c.id));
}

/** Memos on one subject, newest first. */
export function memosOn(memos: readonly MemoView[], target: MemoTarget): MemoView[] {
  return visibleMemos(
    memos.filter((m) => m.target.type === target.type && (target.type === 'project' || (m.target.type !== 'project' && m.target.id === target.id))),
    { kind: 'all', authorId: 'all' },
  );
}
