import { AppError } from '../api/errors';
import { codePath, isDescendant, nextCodeColor, ranksForMove, subtreeIds } from '../domain/codebook';
import { added, removed, updated } from '../domain/patch';
import type { CoderChanges, Patch } from '../domain/patch';
import type { Code, CodeDescription, Coding } from '../domain/schemas';
import { plural } from '../text/plural';
import { mergeCodings } from './coding-ops';
import type { CodingChanges } from './coding-ops';
import { findCode, nextRank } from './context';
import type { OperationContext } from './context';

function assertNameFree(ctx: OperationContext, name: string, parentId: string | null, exceptId?: string): void {
  const clash = ctx.project.codebook.find(
    (c) => c.parentId === parentId && c.id !== exceptId && c.name.toLocaleLowerCase() === name.toLocaleLowerCase(),
  );
  if (clash) {
    const where = parentId ? `inside "${findCode(ctx, parentId).name}"` : 'at the top level';
    throw new AppError('ALREADY_EXISTS', `A code named "${clash.name}" already exists ${where}.`);
  }
}

export function createCode(
  ctx: OperationContext,
  input: { name: string; parentId: string | null; color?: string; codable?: boolean },
): { patch: Patch; codeId: string } {
  if (input.parentId) findCode(ctx, input.parentId);
  assertNameFree(ctx, input.name, input.parentId);
  const code: Code = {
    id: ctx.newId(),
    name: input.name,
    color: input.color ?? nextCodeColor(ctx.project.codebook),
    parentId: input.parentId,
    codable: input.codable ?? true,
    description: { definition: '', whenToUse: '', whenNotToUse: '', example: '' },
    rank: nextRank(ctx.project.codebook),
  };
  return { patch: { label: `Create code “${code.name}”`, project: { codes: [added(code.id, code)] } }, codeId: code.id };
}

export function updateCode(
  ctx: OperationContext,
  input: { codeId: string; name?: string; color?: string; description?: Partial<CodeDescription> },
): Patch {
  const code = findCode(ctx, input.codeId);
  if (input.name !== undefined) assertNameFree(ctx, input.name, code.parentId, code.id);
  const next: Code = {
    ...code,
    ...(input.name !== undefined && { name: input.name }),
    ...(input.color !== undefined && { color: input.color }),
    description: { ...code.description, ...input.description },
  };
  const label =
    input.name !== undefined && input.name !== code.name
      ? `Rename “${code.name}” to “${input.name}”`
      : input.color !== undefined && input.color !== code.color
        ? `Recolour “${code.name}”`
        : `Describe “${code.name}”`;
  const change = updated(code.id, code, next);
  return change ? { label, project: { codes: [change] } } : { label };
}

/** For every coder: their codings at `codeIds` and the memos on those codes and codings, removed. */
function removeWorkAt(ctx: OperationContext, codeIds: ReadonlySet<string>): CoderChanges[] {
  return ctx.state.coderIds().flatMap((coderId) => {
    const coder = ctx.state.coder(coderId)!;
    const codings = [...coder.codings.values()].filter((c) => codeIds.has(c.codeId));
    const codingIds = new Set(codings.map((c) => c.id));
    const memos = [...coder.memos.values()].filter(
      (m) => (m.target.type === 'code' && codeIds.has(m.target.id)) || (m.target.type === 'coding' && codingIds.has(m.target.id)),
    );
    if (codings.length === 0 && memos.length === 0) return [];
    return [{ coderId, codings: codings.map((c) => removed(c.id, c)), memos: memos.map((m) => removed(m.id, m)) }];
  });
}

/** How many codings deleting a code removes (it and its sub-codes, all coders): for the confirmation. */
export function codingsUnder(ctx: OperationContext, codeId: string): number {
  return subtreeIds(ctx.project.codebook, codeId).reduce((n, id) => n + ctx.state.codingsAt(id), 0);
}

export function deleteCode(ctx: OperationContext, codeId: string): Patch {
  const code = findCode(ctx, codeId);
  const ids = new Set(subtreeIds(ctx.project.codebook, codeId));
  const coders = removeWorkAt(ctx, ids);
  const count = coders.reduce((n, c) => n + (c.codings?.length ?? 0), 0);
  const codes = ctx.project.codebook.filter((c) => ids.has(c.id)).map((c) => removed(c.id, c));
  return { label: `Delete “${code.name}” and ${plural(count, 'coding')}`, project: { codes }, ...(coders.length > 0 && { coders }) };
}

export function mergeCode(ctx: OperationContext, sourceId: string, targetId: string): Patch {
  const source = findCode(ctx, sourceId);
  const target = findCode(ctx, targetId);
  if (sourceId === targetId || isDescendant(ctx.project.codebook, targetId, sourceId)) {
    throw new AppError('INVALID_INPUT', `"${source.name}" cannot be merged into itself or into one of its own sub-codes.`);
  }
  if (!target.codable) throw new AppError('INVALID_INPUT', `"${target.name}" is a folder: merge into a code that can hold codings.`);
  let moved = 0;
  const coders: CoderChanges[] = [];
  for (const coderId of ctx.state.coderIds()) {
    const coder = ctx.state.coder(coderId)!;
    const codings = [...coder.codings.values()].filter((c) => c.codeId === sourceId);
    const out: CodingChanges = { codings: [], memos: [] };
    // A moved coding overlapping the coder's codings at the target merges with them, as coding does.
    const byDocument = new Map<string, Coding[]>();
    for (const c of codings) byDocument.set(c.documentId, [...(byDocument.get(c.documentId) ?? []), c]);
    for (const [documentId, incoming] of byDocument) mergeCodings(ctx, coderId, targetId, documentId, { incoming }, out);
    for (const m of coder.memos.values()) {
      if (m.target.type === 'code' && m.target.id === sourceId) out.memos.push(updated(m.id, m, { ...m, target: { type: 'code', id: targetId } })!);
    }
    if (out.codings.length === 0 && out.memos.length === 0) continue;
    moved += codings.length;
    coders.push({ coderId, codings: out.codings, memos: out.memos });
  }
  const children = ctx.project.codebook.filter((c) => c.parentId === sourceId).map((c) => updated(c.id, c, { ...c, parentId: targetId })!);
  return {
    label: `Merge “${source.name}” into “${target.name}” (${plural(moved, 'coding')})`,
    project: { codes: [removed(source.id, source), ...children] },
    ...(coders.length > 0 && { coders }),
  };
}

export function moveCode(ctx: OperationContext, codeId: string, parentId: string | null, index: number): Patch {
  const code = findCode(ctx, codeId);
  if (parentId) findCode(ctx, parentId);
  if (parentId !== code.parentId) assertNameFree(ctx, code.name, parentId, code.id);
  const ranks = ranksForMove(ctx.project.codebook, codeId, parentId, index);
  if (!ranks) throw new AppError('INVALID_INPUT', `"${code.name}" cannot be moved inside itself.`);
  const codes = [...ranks].flatMap(([id, rank]) => {
    const current = findCode(ctx, id);
    const change = updated(id, current, { ...current, rank, ...(id === codeId && { parentId }) });
    return change ? [change] : [];
  });
  const where = parentId ? `into ${codePath(ctx.project.codebook, parentId).join(' › ')}` : 'to the top level';
  return { label: `Move “${code.name}” ${where}`, ...(codes.length > 0 && { project: { codes } }) };
}
