import { useCallback } from 'react';
import type { ProjectSnapshot } from '../../../../shared/api/contract';
import { useWorkbench } from '../workbench/context';
import { useWorkbenchInternals } from '../workbench/internals';

/** Hands the project as an import left it to the workbench, and says what happened in the status bar. */
export function useApplyImport(): (snapshot: ProjectSnapshot, message: string) => void {
  const { takeSnapshot } = useWorkbench();
  const { say } = useWorkbenchInternals();
  return useCallback(
    (snapshot: ProjectSnapshot, message: string) => {
      takeSnapshot(snapshot);
      say(message);
    },
    [takeSnapshot, say],
  );
}
