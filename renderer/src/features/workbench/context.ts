import { createContext, useContext } from 'react';
import type { WorkbenchApi } from './types';

export const WorkbenchContext = createContext<WorkbenchApi | null>(null);

export function useWorkbench(): WorkbenchApi {
  const api = useContext(WorkbenchContext);
  if (!api) throw new Error('useWorkbench() is used outside the workbench');
  return api;
}
