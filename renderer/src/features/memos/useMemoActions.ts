import type { MemoTarget } from '../../../../shared/domain/schemas';
import { useWorkbench } from '../workbench/context';

/** Memo changes through the workbench (history, status and errors included); each resolves true on success. */
export function useMemoActions() {
  const workbench = useWorkbench();
  return {
    create: async (target: MemoTarget, text: string) => (await workbench.change('memo.create', { target, text })) !== null,
    update: async (memoId: string, text: string) => (await workbench.change('memo.update', { memoId, text })) !== null,
    remove: async (memoId: string) => (await workbench.change('memo.delete', { memoId })) !== null,
  };
}
