import { AppError } from '../api/errors';
import { added, removed, updated } from '../domain/patch';
import type { Change, Patch } from '../domain/patch';
import type { Coding, Memo } from '../domain/schemas';
import { plural } from '../text/plural';
import { unionSpans } from '../text/spans';
import type { Span } from '../text/spans';
import { codingsIn, findCode, findDocument } from './context';
import type { OperationContext } from './context';

export interface DocumentSpan extends Span {
  documentId: string;
}

export function checkSpan(ctx: OperationContext, span: DocumentSpan): void {
  const doc = findDocument(ctx, span.documentId);
  if (!(span.start >= 0 && span.end > span.start && span.end <= doc.length)) {
    throw new AppError('INVALID_INPUT', `The passage [${span.start}, ${span.end}) lies outside "${doc.name}" (${doc.length} characters).`);
  }
}

function findOwnCoding(ctx: OperationContext, coderId: string, codingId: string): Coding {
  const coding = ctx.state.coder(coderId)?.codings.get(codingId);
  if (!coding) {
    throw new AppError('NOT_FOUND', 'That coding is not yours or no longer exists: you can change only your own codings.');
  }
  return coding;
}

function memosOn(ctx: OperationContext, coderId: string, codingIds: ReadonlySet<string>): Memo[] {
  const memos = ctx.state.coder(coderId)?.memos.values() ?? [];
  return [...memos].filter((m) => m.target.type === 'coding' && codingIds.has(m.target.id));
}

export interface CodingChanges {
  codings: Change<Coding>[];
  memos: Change<Memo>[];
}

export interface MergeInput {
  /** Passages to code. */
  spans?: Span[];
  /** Codings (at another code) moving to this one, as a code merge does. */
  incoming?: Coding[];
  /** A stored coding that takes the group whatever else merges into it (changing its extent); `spans` holds its new extent. */
  keep?: Coding;
}

/**
 * Codes passages in one document at `codeId` for one coder so that their codings at that code
 * never overlap: each passage (or incoming coding) is merged with the codings it overlaps into one
 * coding. The earliest coding of a group keeps its id and memos; the others go, their memos moving
 * to the one kept. A passage already inside one coding changes nothing.
 */
export function mergeCodings(ctx: OperationContext, coderId: string, codeId: string, documentId: string, input: MergeInput, out: CodingChanges): void {
  type Item = { span: Span; coding?: Coding };
  const { spans = [], incoming = [], keep } = input;
  const existing = codingsIn(ctx, coderId, documentId).filter((c) => c.codeId === codeId && c.id !== keep?.id);
  const items: Item[] = [...existing, ...incoming].map((c) => ({ span: c, coding: c }));
  items.push(...spans.map((span) => ({ span })));
  items.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  // Sweep in order of start: an item starting before the group's end overlaps it (touching does not).
  const groups: Item[][] = [];
  let groupEnd = -1;
  for (const item of items) {
    if (groups.length > 0 && item.span.start < groupEnd) {
      groups[groups.length - 1]!.push(item);
      groupEnd = Math.max(groupEnd, item.span.end);
    } else {
      groups.push([item]);
      groupEnd = item.span.end;
    }
  }
  for (const group of groups) {
    const codings = group.flatMap((i) => (i.coding ? [i.coding] : []));
    const moving = codings.some((c) => c.codeId !== codeId);
    if (!moving && codings.length === group.length) continue;
    const inside = codings.length === 1 && group.every((i) => i.coding || (i.span.start >= codings[0]!.start && i.span.end <= codings[0]!.end));
    if (!keep && !moving && inside) continue;
    const extent = unionSpans(group.map((i) => i.span))[0]!;
    codings.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
    const keeper = keep ?? codings.shift();
    if (!keeper) {
      const coding: Coding = { id: ctx.newId(), documentId, codeId, start: extent.start, end: extent.end, createdAt: ctx.now() };
      out.codings.push(added(coding.id, coding));
      continue;
    }
    const change = updated(keeper.id, keeper, { ...keeper, codeId, start: extent.start, end: extent.end });
    if (change) out.codings.push(change);
    out.codings.push(...codings.map((c) => removed(c.id, c)));
    for (const memo of memosOn(ctx, coderId, new Set(codings.map((c) => c.id)))) {
      out.memos.push(updated(memo.id, memo, { ...memo, target: { type: 'coding', id: keeper.id } })!);
    }
  }
}

function codingPatch(coderId: string, label: string, out: CodingChanges): Patch {
  return { label, coders: [{ coderId, codings: out.codings, ...(out.memos.length > 0 && { memos: out.memos }) }] };
}

/** "in 04 Lambeth" for passages in one document, "in 3 documents" otherwise. */
export function where(ctx: OperationContext, spans: readonly DocumentSpan[]): string {
  const docs = new Set(spans.map((s) => s.documentId));
  return docs.size === 1 ? `in ${findDocument(ctx, spans[0]!.documentId).name}` : `in ${plural(docs.size, 'document')}`;
}

/**
 * Codes passages at one code for one coder, in one step. Passages overlapping each other or the
 * coder's existing codings at that code are merged with them, so the same text is never coded
 * twice at one code by one coder; a passage already coded there changes nothing.
 */
export function applyCodings(ctx: OperationContext, coderId: string, codeId: string, spans: DocumentSpan[]): Patch {
  const code = findCode(ctx, codeId);
  if (!code.codable) throw new AppError('INVALID_INPUT', `"${code.name}" is a folder: code the passage at one of the codes inside it.`);
  spans.forEach((s) => checkSpan(ctx, s));
  const out: CodingChanges = { codings: [], memos: [] };
  const byDocument = new Map<string, Span[]>();
  for (const { documentId, start, end } of spans) byDocument.set(documentId, [...(byDocument.get(documentId) ?? []), { start, end }]);
  for (const [documentId, list] of byDocument) mergeCodings(ctx, coderId, codeId, documentId, { spans: list }, out);
  const n = spans.length;
  if (out.codings.length === 0) return { label: `Already coded at “${code.name}”` };
  return codingPatch(coderId, n === 1 ? `Code “${code.name}” ${where(ctx, spans)}` : `Code ${plural(n, 'passage')} at “${code.name}” ${where(ctx, spans)}`, out);
}

export function removeCoding(ctx: OperationContext, coderId: string, codingId: string): Patch {
  const coding = findOwnCoding(ctx, coderId, codingId);
  const memos = memosOn(ctx, coderId, new Set([codingId]));
  return {
    label: `Remove a coding at “${findCode(ctx, coding.codeId).name}” ${where(ctx, [coding])}`,
    coders: [{ coderId, codings: [removed(coding.id, coding)], ...(memos.length > 0 && { memos: memos.map((m) => removed(m.id, m)) }) }],
  };
}

/** Changes a coding's extent; other codings of the coder at its code that it comes to overlap merge into it. */
export function setCodingExtent(ctx: OperationContext, coderId: string, codingId: string, span: Span): Patch {
  const coding = findOwnCoding(ctx, coderId, codingId);
  checkSpan(ctx, { documentId: coding.documentId, ...span });
  const out: CodingChanges = { codings: [], memos: [] };
  mergeCodings(ctx, coderId, coding.codeId, coding.documentId, { spans: [span], keep: coding }, out);
  return codingPatch(coderId, `Change the extent of a coding at “${findCode(ctx, coding.codeId).name}”`, out);
}
