import { z } from 'zod';
import { codePath } from '../domain/codebook';
import { replaceAll } from '../domain/patch';
import type { CoderChanges } from '../domain/patch';
import { coderSchema, codingSchema, memoSchema } from '../domain/schemas';
import type { Coder, CoderFile, Coding, Memo, ProjectFile } from '../domain/schemas';
import type { CoderImportReport } from '../api/views';

/**
 * A coder's work as a file to send to a colleague: their codings and memos, with enough of the
 * project (document hashes, code paths) to place them in another copy of it.
 */
export const CODER_EXCHANGE_FORMAT = 'marginalia-coder';

/**
 * Ids in a colleague's file become ids in this project (their coder, codings and memos) or are
 * looked up (documents, codes): only GUIDs, which is what Marginalia makes, are accepted, so
 * no file can bring an id such as "__proto__".
 */
const guid = z.guid('ids in a coder file are GUIDs');

export const coderExchangeSchema = z.object({
  format: z.literal(CODER_EXCHANGE_FORMAT),
  version: z.literal(1),
  exportedAt: z.iso.datetime({ offset: true }),
  project: z.object({ id: z.string(), name: z.string() }),
  coder: coderSchema.pick({ name: true, color: true }).extend({ id: guid }),
  documents: z.array(z.object({ id: guid, name: z.string(), hash: z.string(), length: z.number().int().nonnegative() })),
  codes: z.array(z.object({ id: guid, path: z.array(z.string()).min(1) })),
  codings: z.array(codingSchema.extend({ id: guid, documentId: guid, codeId: guid })),
  memos: z.array(
    memoSchema.extend({ id: guid }).superRefine((memo, ctx) => {
      if (memo.target.type !== 'project' && !guid.safeParse(memo.target.id).success) {
        ctx.addIssue({ code: 'custom', path: ['target', 'id'], message: 'ids in a coder file are GUIDs', input: memo.target.id });
      }
    }),
  ),
});

export type CoderExchange = z.infer<typeof coderExchangeSchema>;

export function buildCoderExchange(project: ProjectFile, coder: Coder, file: CoderFile, exportedAt: string): CoderExchange {
  const usedDocs = new Set(file.codings.map((c) => c.documentId));
  for (const m of file.memos) if (m.target.type === 'document') usedDocs.add(m.target.id);
  return {
    format: CODER_EXCHANGE_FORMAT,
    version: 1,
    exportedAt,
    project: { id: project.id, name: project.name },
    coder: { id: coder.id, name: coder.name, color: coder.color },
    documents: project.documents.filter((d) => usedDocs.has(d.id)).map(({ id, name, hash, length }) => ({ id, name, hash, length })),
    codes: project.codebook.map((c) => ({ id: c.id, path: codePath(project.codebook, c.id) })),
    codings: file.codings,
    memos: file.memos,
  };
}

export interface CoderImportPlan {
  /** The colleague's work mapped onto this project, replacing what an earlier import of theirs brought. */
  change: CoderChanges;
  report: CoderImportReport;
}

const pathKey = (path: string[]) => path.map((p) => p.toLocaleLowerCase()).join('\u0000');

/**
 * Places a colleague's codings in this project: documents by id, then by content hash; codes by
 * id, then by path. Anything that cannot be placed is reported and left out; the caller's own
 * coders are never touched. `previous` is the file of an earlier import of the same coder.
 */
export function planCoderImport(project: ProjectFile, exchange: CoderExchange, previous: CoderFile | null): CoderImportPlan {
  const docById = new Map(project.documents.map((d) => [d.id, d]));
  const docByHash = new Map(project.documents.map((d) => [d.hash, d]));
  const docMap = new Map<string, string>();
  const unmatchedDocuments: string[] = [];
  for (const d of exchange.documents) {
    const same = docById.get(d.id);
    const match = same && same.hash === d.hash ? same : docByHash.get(d.hash);
    if (match) docMap.set(d.id, match.id);
    else unmatchedDocuments.push(d.name);
  }
  const codeIds = new Set(project.codebook.map((c) => c.id));
  const codeByPath = new Map(project.codebook.map((c) => [pathKey(codePath(project.codebook, c.id)), c.id]));
  const codeMap = new Map<string, string>();
  const unmatchedCodes: string[] = [];
  for (const c of exchange.codes) {
    const match = codeIds.has(c.id) ? c.id : codeByPath.get(pathKey(c.path));
    if (match) codeMap.set(c.id, match);
    else if (exchange.codings.some((x) => x.codeId === c.id)) unmatchedCodes.push(c.path.join(' › '));
  }
  const codings: Coding[] = [];
  const memos: Memo[] = [];
  let skippedCodings = 0;
  for (const coding of exchange.codings) {
    const documentId = docMap.get(coding.documentId);
    const codeId = codeMap.get(coding.codeId);
    const doc = documentId ? docById.get(documentId) : undefined;
    if (!documentId || !codeId || !doc || coding.end > doc.length) {
      skippedCodings++;
      continue;
    }
    codings.push({ ...coding, documentId, codeId });
  }
  const placedCodings = new Set(codings.map((c) => c.id));
  let skippedMemos = 0;
  for (const memo of exchange.memos) {
    const target = placeMemoTarget(memo, docMap, codeMap, placedCodings);
    if (target) memos.push({ ...memo, target });
    else skippedMemos++;
  }
  const change: CoderChanges = {
    coderId: exchange.coder.id,
    codings: replaceAll(previous?.codings ?? [], codings),
    memos: replaceAll(previous?.memos ?? [], memos),
  };
  return {
    change,
    report: {
      coder: exchange.coder.name,
      codings: codings.length,
      memos: memos.length,
      replacedEarlierImport: previous !== null,
      unmatchedDocuments,
      unmatchedCodes,
      skippedCodings,
      skippedMemos,
    },
  };
}

function placeMemoTarget(memo: Memo, docMap: Map<string, string>, codeMap: Map<string, string>, codings: Set<string>): Memo['target'] | null {
  switch (memo.target.type) {
    case 'project':
      return memo.target;
    case 'document': {
      const id = docMap.get(memo.target.id);
      return id ? { type: 'document', id } : null;
    }
    case 'code': {
      const id = codeMap.get(memo.target.id);
      return id ? { type: 'code', id } : null;
    }
    case 'coding':
      return codings.has(memo.target.id) ? memo.target : null;
  }
}
