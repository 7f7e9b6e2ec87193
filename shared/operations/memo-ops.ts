import { AppError } from '../api/errors';
import { added, removed, updated } from '../domain/patch';
import type { Patch } from '../domain/patch';
import type { Memo, MemoTarget } from '../domain/schemas';
import { findCode, findDocument } from './context';
import type { OperationContext } from './context';

function checkTarget(ctx: OperationContext, target: MemoTarget): string {
  switch (target.type) {
    case 'project':
      return 'the project';
    case 'document':
      return `“${findDocument(ctx, target.id).name}”`;
    case 'code':
      return `“${findCode(ctx, target.id).name}”`;
    case 'coding': {
      const coding = ctx.state.coderIds().map((id) => ctx.state.coder(id)!.codings.get(target.id)).find(Boolean);
      if (!coding) throw new AppError('NOT_FOUND', 'That coding no longer exists.');
      return `a coding at “${findCode(ctx, coding.codeId).name}”`;
    }
  }
}

function findOwnMemo(ctx: OperationContext, coderId: string, memoId: string): Memo {
  const memo = ctx.state.coder(coderId)?.memos.get(memoId);
  if (!memo) throw new AppError('NOT_FOUND', 'That memo is not yours or no longer exists: you can change only your own memos.');
  return memo;
}

export function createMemo(ctx: OperationContext, coderId: string, target: MemoTarget, text: string): { patch: Patch; memoId: string } {
  const about = checkTarget(ctx, target);
  const now = ctx.now();
  const memo: Memo = { id: ctx.newId(), target, text, createdAt: now, updatedAt: now };
  return { patch: { label: `Write a memo on ${about}`, coders: [{ coderId, memos: [added(memo.id, memo)] }] }, memoId: memo.id };
}

export function updateMemo(ctx: OperationContext, coderId: string, memoId: string, text: string): Patch {
  const memo = findOwnMemo(ctx, coderId, memoId);
  const change = updated(memo.id, memo, { ...memo, text, updatedAt: ctx.now() });
  return { label: 'Edit a memo', ...(memo.text !== text && change && { coders: [{ coderId, memos: [change] }] }) };
}

export function deleteMemo(ctx: OperationContext, coderId: string, memoId: string): Patch {
  const memo = findOwnMemo(ctx, coderId, memoId);
  return { label: 'Delete a memo', coders: [{ coderId, memos: [removed(memo.id, memo)] }] };
}
