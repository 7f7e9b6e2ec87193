import { AppError } from '../api/errors';
import { codePath, isDescendant, moveCode as moveInCodebook, nextCodeColor, subtreeIds } from '../domain/codebook';
import type { CoderPatch, Patch } from '../domain/patch';
import { emptyCoderPatch } from '../domain/patch';
import type { Code, CodeDescription } from '../domain/schemas';
import { findCode } from './context';
import { plural } from '../text/plural';
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
  };
  const before = [...ctx.project.codebook];
  const after = moveInCodebook([...before, code], code.id, code.parentId, Number.MAX_SAFE_INTEGER)!;
  return { patch: { label: `Create code ${code.name}`, codebook: { before, after } }, codeId: code.id };
}

export function updateCode(
  ctx: OperationContext,
  input: { codeId: string; name?: string; color?: string; description?: Partial<CodeDescription> },
): Patch {
  const code = findCode(ctx, input.codeId);
  if (input.name !== undefined) assertNameFree(ctx, input.name, code.parentId, code.id);
  const updated: Code = {
    ...code,
    ...(input.name !== undefined && { name: input.name }),
    ...(input.color !== undefined && { color: input.color }),
    description: { ...code.description, ...input.description },
  };
  const label =
    input.name !== undefined && input.name !== code.name
      ? `Rename ${code.name} to ${input.name}`
      : input.color !== undefined
        ? `Recolour ${code.name}`
        : `Describe ${code.name}`;
  const before = [...ctx.project.codebook];
  return { label, codebook: { before, after: before.map((c) => (c.id === code.id ? updated : c)) } };
}

/** Removes, for every coder, the codings at `codeIds` and the memos written on those codes and codings. */
function removeCodingsAt(ctx: OperationContext, codeIds: Set<string>): CoderPatch[] {
  return ctx.project.coders.map((coder) => {
    const file = ctx.coderFile(coder.id);
    const change = emptyCoderPatch(coder.id);
    change.removedCodings = file.codings.filter((c) => codeIds.has(c.codeId));
    const codingIds = new Set(change.removedCodings.map((c) => c.id));
    change.removedMemos = file.memos.filter(
      (m) => (m.target.type === 'code' && codeIds.has(m.target.id)) || (m.target.type === 'coding' && codingIds.has(m.target.id)),
    );
    return change;
  });
}

/** How many codings deleting a code removes (it and its sub-codes, all coders): for the confirmation. */
export function codingsUnder(ctx: OperationContext, codeId: string): number {
  const ids = new Set(subtreeIds(ctx.project.codebook, codeId));
  return ctx.project.coders.reduce((n, coder) => n + ctx.coderFile(coder.id).codings.filter((c) => ids.has(c.codeId)).length, 0);
}

export function deleteCode(ctx: OperationContext, codeId: string): Patch {
  const code = findCode(ctx, codeId);
  const ids = new Set(subtreeIds(ctx.project.codebook, codeId));
  const coders = removeCodingsAt(ctx, ids);
  const removed = coders.reduce((n, c) => n + c.removedCodings.length, 0);
  const before = [...ctx.project.codebook];
  return {
    label: `Delete ${code.name} and ${plural(removed, 'coding')}`,
    codebook: { before, after: before.filter((c) => !ids.has(c.id)) },
    coders,
  };
}

export function mergeCode(ctx: OperationContext, sourceId: string, targetId: string): Patch {
  const source = findCode(ctx, sourceId);
  const target = findCode(ctx, targetId);
  if (sourceId === targetId || isDescendant(ctx.project.codebook, targetId, sourceId)) {
    throw new AppError('INVALID_INPUT', `"${source.name}" cannot be merged into itself or into one of its own sub-codes.`);
  }
  if (!target.codable) throw new AppError('INVALID_INPUT', `"${target.name}" is a folder: merge into a code that can hold codings.`);
  const coders = ctx.project.coders.map((coder) => {
    const file = ctx.coderFile(coder.id);
    const change = emptyCoderPatch(coder.id);
    const atTarget = new Set(file.codings.filter((c) => c.codeId === targetId).map((c) => `${c.documentId}:${c.start}:${c.end}`));
    for (const coding of file.codings.filter((c) => c.codeId === sourceId)) {
      change.removedCodings.push(coding);
      // The same passage already coded at the target would be a duplicate: it counts once.
      if (!atTarget.has(`${coding.documentId}:${coding.start}:${coding.end}`)) change.addedCodings.push({ ...coding, codeId: targetId });
    }
    for (const memo of file.memos.filter((m) => m.target.type === 'code' && m.target.id === sourceId)) {
      change.removedMemos.push(memo);
      change.addedMemos.push({ ...memo, target: { type: 'code', id: targetId } });
    }
    return change;
  });
  const before = [...ctx.project.codebook];
  const after = before
    .filter((c) => c.id !== sourceId)
    .map((c) => (c.parentId === sourceId ? { ...c, parentId: targetId } : c));
  const moved = coders.reduce((n, c) => n + c.removedCodings.length, 0);
  return { label: `Merge ${source.name} into ${target.name} (${plural(moved, 'coding')})`, codebook: { before, after }, coders };
}

export function moveCode(ctx: OperationContext, codeId: string, parentId: string | null, index: number): Patch {
  const code = findCode(ctx, codeId);
  if (parentId) findCode(ctx, parentId);
  if (parentId !== code.parentId) assertNameFree(ctx, code.name, parentId, code.id);
  const after = moveInCodebook(ctx.project.codebook, codeId, parentId, index);
  if (!after) throw new AppError('INVALID_INPUT', `"${code.name}" cannot be moved inside itself.`);
  const where = parentId ? `into ${codePath(ctx.project.codebook, parentId).join(' › ')}` : 'to the top level';
  return { label: `Move ${code.name} ${where}`, codebook: { before: [...ctx.project.codebook], after } };
}
