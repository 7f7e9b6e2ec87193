import { createContext, useContext } from 'react';

/**
 * What the workbench's own parts (reader, top bar, dialogs) share beyond the public
 * WorkbenchApi: where to scroll, the pending flash, which dialogs are open.
 */
export interface FocusRequest {
  documentId: string;
  start: number;
  end: number;
  /** Distinguishes two requests for the same passage. */
  seq: number;
}

export interface ExtentEdit {
  codingId: string;
  codeName: string;
}

export interface WorkbenchInternals {
  /** The saved scroll offset of `documentId`, the first time it opens after the project did (then null). */
  takeInitialScroll(documentId: string): number | null;
  focusRequest: FocusRequest | null;
  /** Remembers the reader's scroll offset (saved to the workspace after a pause). */
  rememberScroll(documentId: string, scrollTop: number): void;
  /** Saves anything still waiting to be saved (before the project closes). */
  flushWorkspace(): Promise<void>;
  /** Shows a message in the status bar. */
  say(message: string): void;

  /** Asks the user for their coder name; resolves true once one is set. */
  requestCoderName(mode: 'first' | 'switch'): Promise<boolean>;

  paletteOpen: boolean;
  setPaletteOpen(open: boolean): void;

  /** A coding whose extent the user is choosing by selecting text, or null. */
  extentEdit: ExtentEdit | null;
  setExtentEdit(edit: ExtentEdit | null): void;
}

export const WorkbenchInternalsContext = createContext<WorkbenchInternals | null>(null);

export function useWorkbenchInternals(): WorkbenchInternals {
  const value = useContext(WorkbenchInternalsContext);
  if (!value) throw new Error('useWorkbenchInternals() is used outside the workbench');
  return value;
}
