import type { ProjectView, SourceView } from '../../shared/domain/project-view';
import type { AttributeDef, Code, Coder, Coding, DocumentMeta } from '../../shared/domain/schemas';
import { detectSpeakerPattern, splitTurns } from '../../shared/text/turns';

export interface HandBuiltSpec {
  attributes?: Omit<AttributeDef, 'rank'>[];
  /** Paths, parents first: "Themes", "Themes/Isolation". */
  codes: string[];
  coders: string[];
  documents: { name: string; text: string; attributes?: Record<string, string | number> }[];
  /** Document sets: a name and its documents' names. */
  sets?: { name: string; documents: string[] }[];
  /** A coding of the `nth` (default first) occurrence of `quote` in the document. */
  codings: { coder: string; document: string; code: string; quote: string; nth?: number }[];
}

export interface HandBuilt extends ProjectView {
  /** Ids by name (codes by path). */
  codeId(path: string): string;
  documentId(name: string): string;
  /** [start, end) of the nth occurrence of `quote` in a document. */
  spanOf(document: string, quote: string, nth?: number): { start: number; end: number };
  /** How many times each document's text was read. */
  reads: Map<string, number>;
}

const blank = { definition: '', whenToUse: '', whenNotToUse: '', example: '' };

/** A project held in memory, built from names and quotations, for queries and word counts. */
export function handBuiltProject(spec: HandBuiltSpec): HandBuilt {
  const codeIds = new Map<string, string>();
  const codebook: Code[] = spec.codes.map((path, i) => {
    const parts = path.split('/');
    const id = `code-${i + 1}`;
    codeIds.set(path, id);
    const parentId = parts.length > 1 ? codeIds.get(parts.slice(0, -1).join('/'))! : null;
    return { id, name: parts[parts.length - 1]!, color: '#2a9d8f', parentId, codable: true, description: blank, rank: i };
  });
  const coders: Coder[] = spec.coders.map((name, i) => ({ id: `coder-${i + 1}`, name, color: '#1d70b8', rank: i }));
  const sources = new Map<string, SourceView>();
  const documents: DocumentMeta[] = spec.documents.map((d, i) => {
    const id = `doc-${i + 1}`;
    sources.set(id, { text: d.text, turns: splitTurns(d.text, detectSpeakerPattern(d.text)) });
    return { id, name: d.name, hash: '0'.repeat(64), length: d.text.length, turnCount: 0, attributes: d.attributes ?? {}, importedFrom: `${d.name}.txt`, importedAt: '2026-01-05T09:00:00.000Z', rank: i };
  });
  const documentId = (name: string) => documents.find((d) => d.name === name)?.id ?? fail(`no document ${name}`);
  const spanOf = (document: string, quote: string, nth = 1) => {
    const text = sources.get(documentId(document))!.text;
    let start = -1;
    for (let n = 0; n < nth; n++) start = text.indexOf(quote, start + 1);
    if (start === -1) fail(`"${quote}" is not in ${document} ${nth} times`);
    return { start, end: start + quote.length };
  };
  const codings = new Map<string, Coding[]>(coders.map((c) => [c.id, []]));
  spec.codings.forEach((c, i) => {
    const coder = coders.find((x) => x.name === c.coder) ?? fail(`no coder ${c.coder}`);
    codings.get(coder.id)!.push({
      id: `coding-${i + 1}`,
      documentId: documentId(c.document),
      codeId: codeIds.get(c.code) ?? fail(`no code ${c.code}`),
      ...spanOf(c.document, c.quote, c.nth),
      createdAt: '2026-01-05T09:00:00.000Z',
    });
  });
  const reads = new Map<string, number>();
  return {
    codebook,
    coders,
    attributes: (spec.attributes ?? []).map((a, rank) => ({ ...a, rank })),
    documents,
    sets: (spec.sets ?? []).map((set, rank) => ({ id: `set-${rank + 1}`, name: set.name, documentIds: set.documents.map(documentId), rank })),
    codingsOf: (coderId) => codings.get(coderId) ?? [],
    readSource: async (id) => {
      reads.set(id, (reads.get(id) ?? 0) + 1);
      return sources.get(id)!;
    },
    codeId: (path) => codeIds.get(path) ?? fail(`no code ${path}`),
    documentId,
    spanOf,
    reads,
  };
}

function fail(message: string): never {
  throw new Error(`hand-built project: ${message}`);
}
