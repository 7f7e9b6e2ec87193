import { useCallback } from 'react';
import type { ProjectSnapshot } from '../../../../shared/api/contract';
import { useChanges, useViewActions } from '../workbench/state/contexts';

/** Hands the project as an import left it to the workbench, and says what happened in the status bar. */
export function useApplyImport(): (snapshot: ProjectSnapshot, message: string) => void {
  const { takeSnapshot } = useChanges();
  const { say } = useViewActions();
  return useCallback(
    (snapshot: ProjectSnapshot, message: string) => {
      takeSnapshot(snapshot);
      say(message);
    },
    [takeSnapshot, say],
  );
}
