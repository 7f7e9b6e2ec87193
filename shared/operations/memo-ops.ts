import { AppError } from '../api/errors';
import type { Patch } from '../domain/patch';
import { emptyCoderPatch } from '../domain/patch';
import type { Memo, MemoTarget } from '../domain/schemas';
import { findCode, findDocument } from './context';
import type { OperationContext } from './context';

function checkTarget(ctx: OperationContext, target: MemoTarget): string {
  switch (target.type) {
    case 'project':
      return 'the project';
    case 'document':
      return findDocument(ctx, target.id).name;
    case 'code':
      return findCode(ctx, target.id).name;
    case 'coding': {
      const exists = ctx.project.coders.some((c) => ctx.coderFile(c.id).codings.some((x) => x.id === target.id));
      if (!exists) throw new AppError('NOT_FOUND', 'That coding no longer exists.');
      return 'a coding';
    }
  }
}

function findOwnMemo(ctx: OperationContext, coderId: string, memoId: string): Memo {
  const memo = ctx.coderFile(coderId).memos.find((m) => m.id === memoId);
  if (!memo) throw new AppError('NOT_FOUND', 'That memo is not yours or no longer exists: you can change only your own memos.');
  return memo;
}

export function createMemo(ctx: OperationContext, coderId: string, target: MemoTarget, text: string): { patch: Patch; memoId: string } {
  const about = checkTarget(ctx, target);
  const now = ctx.now();
  const memo: Memo = { id: ctx.newId(), target, text, createdAt: now, updatedAt: now };
  const change = emptyCoderPatch(coderId);
  change.addedMemos.push(memo);
  return { patch: { label: `Write a memo on ${about}`, coders: [change] }, memoId: memo.id };
}

export function updateMemo(ctx: OperationContext, coderId: string, memoId: string, text: string): Patch {
  const memo = findOwnMemo(ctx, coderId, memoId);
  const change = emptyCoderPatch(coderId);
  change.removedMemos.push(memo);
  change.addedMemos.push({ ...memo, text, updatedAt: ctx.now() });
  return { label: 'Edit a memo', coders: [change] };
}

export function deleteMemo(ctx: OperationContext, coderId: string, memoId: string): Patch {
  const change = emptyCoderPatch(coderId);
  change.removedMemos.push(findOwnMemo(ctx, coderId, memoId));
  return { label: 'Delete a memo', coders: [change] };
}
