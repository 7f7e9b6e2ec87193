import { AppError } from '../api/errors';
import type { Patch } from '../domain/patch';
import { emptyCoderPatch } from '../domain/patch';
import type { Coding } from '../domain/schemas';
import type { Span } from '../text/spans';
import { findCode, findDocument } from './context';
import { plural } from '../text/plural';
import type { OperationContext } from './context';

export interface DocumentSpan extends Span {
  documentId: string;
}

function checkSpan(ctx: OperationContext, span: DocumentSpan): void {
  const doc = findDocument(ctx, span.documentId);
  if (!(span.start >= 0 && span.end > span.start && span.end <= doc.length)) {
    throw new AppError('INVALID_INPUT', `The passage [${span.start}, ${span.end}) lies outside "${doc.name}" (${doc.length} characters).`);
  }
}

function findOwnCoding(ctx: OperationContext, coderId: string, codingId: string): Coding {
  const coding = ctx.coderFile(coderId).codings.find((c) => c.id === codingId);
  if (!coding) {
    throw new AppError('NOT_FOUND', 'That coding is not yours or no longer exists: you can change only your own codings.');
  }
  return coding;
}

/** Codes passages at one code for one coder. A passage the coder already coded there exactly is skipped. */
export function applyCodings(ctx: OperationContext, coderId: string, codeId: string, spans: DocumentSpan[]): Patch {
  const code = findCode(ctx, codeId);
  if (!code.codable) throw new AppError('INVALID_INPUT', `"${code.name}" is a folder: code the passage at one of the codes inside it.`);
  spans.forEach((s) => checkSpan(ctx, s));
  const existing = new Set(
    ctx.coderFile(coderId).codings.filter((c) => c.codeId === codeId).map((c) => `${c.documentId}:${c.start}:${c.end}`),
  );
  const change = emptyCoderPatch(coderId);
  for (const s of spans) {
    const key = `${s.documentId}:${s.start}:${s.end}`;
    if (existing.has(key)) continue;
    existing.add(key);
    change.addedCodings.push({ id: ctx.newId(), documentId: s.documentId, codeId, start: s.start, end: s.end, createdAt: ctx.now() });
  }
  const n = change.addedCodings.length;
  const label = n === 0 ? `Already coded at ${code.name}` : `Code ${plural(n, 'passage')} at ${code.name}`;
  return { label, coders: [change] };
}

export function removeCoding(ctx: OperationContext, coderId: string, codingId: string): Patch {
  const coding = findOwnCoding(ctx, coderId, codingId);
  const change = emptyCoderPatch(coderId);
  change.removedCodings.push(coding);
  change.removedMemos.push(...ctx.coderFile(coderId).memos.filter((m) => m.target.type === 'coding' && m.target.id === codingId));
  return { label: `Remove coding at ${findCode(ctx, coding.codeId).name}`, coders: [change] };
}

export function setCodingExtent(ctx: OperationContext, coderId: string, codingId: string, span: Span): Patch {
  const coding = findOwnCoding(ctx, coderId, codingId);
  checkSpan(ctx, { documentId: coding.documentId, ...span });
  const change = emptyCoderPatch(coderId);
  change.removedCodings.push(coding);
  change.addedCodings.push({ ...coding, start: span.start, end: span.end });
  return { label: `Change the extent of a coding at ${findCode(ctx, coding.codeId).name}`, coders: [change] };
}
