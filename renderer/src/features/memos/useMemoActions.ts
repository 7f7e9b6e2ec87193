import type { MemoTarget } from '../../../../shared/domain/schemas';
import { useChanges } from '../workbench/state/contexts';

/** Memo changes through the workbench (history, status and errors included); each resolves true on success. */
export function useMemoActions() {
  const { change } = useChanges();
  return {
    create: async (target: MemoTarget, text: string) => (await change('memo.create', { target, text })) !== null,
    update: async (memoId: string, text: string) => (await change('memo.update', { memoId, text })) !== null,
    remove: async (memoId: string) => (await change('memo.delete', { memoId })) !== null,
  };
}
