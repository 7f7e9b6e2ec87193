import { createContext, useContext } from 'react';
import type { Context } from 'react';
import type { AttributeFilter, ChangeChannel, ChangeResult, HistoryState, Input, ProjectSnapshot } from '../../../../../shared/api/contract';
import type { MemoTarget } from '../../../../../shared/domain/schemas';
import type { CentreView, CoderView, DocumentSpan } from '../types';

/**
 * The workbench's state, split by how often it changes, so that a component re-renders only
 * for what it shows. Each group has a state context (values) and an actions context (functions
 * whose identity never changes): a component that only dispatches never re-renders for state.
 *
 * * project: the snapshot, the undo history, the coder name (owned by the app), and changes;
 * * document: which document is open, the selection, what is shown (coders, attribute filter);
 * * view: the centre view and the palette; the status line has a context of its own.
 */

export interface ProjectState {
  project: ProjectSnapshot;
  history: HistoryState;
  coderName: string | null;
  /** Pinned code ids, in key order 1–9. */
  quickCodes: string[];
  /** Per document id, bumped whenever that document's codings changed (a change, an undo, a reload). */
  codingRevisions: ReadonlyMap<string, number>;
}

export interface ChangeActions {
  /** Applies a change through the backend; on failure shows the error and resolves null. */
  change<C extends ChangeChannel>(channel: C, input: Input<C>): Promise<ChangeResult | null>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** True when the project cannot be changed here; the banner then says why it was refused. */
  refuseReadOnly(): boolean;
  /** Takes a change made through another channel (a colleague's coding imported), as change() would. */
  applyChange(result: ChangeResult): void;
  /** Takes a project snapshot handed back outside change() (after an import). */
  takeSnapshot(snapshot: ProjectSnapshot): void;
  /** Switches the user's coder name (asks the backend; the project then shows them as that coder). */
  setCoderName(name: string): Promise<void>;
  /** Asks the user for their coder name; resolves true once one is set. */
  requestCoderName(mode: 'first' | 'switch'): Promise<boolean>;
  setQuickCodes(codeIds: string[]): void;
  showError(error: unknown): void;
}

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

export interface DocumentState {
  documentId: string | null;
  /** The last document, not reopened at launch because last time it began to open and was never shown. */
  heldDocumentId: string | null;
  /** The text the user has selected in the reader, trimmed of white space; null when none. */
  selection: DocumentSpan | null;
  /** A passage opened from elsewhere, to scroll to and flash. */
  focusRequest: FocusRequest | null;
  /** A coding whose extent the user is choosing by selecting text, or null. */
  extentEdit: ExtentEdit | null;
  /** The code selected in the codebook tree. */
  activeCodeId: string | null;
  coderView: CoderView;
  /** Coder ids whose codings are shown under the current coder view. */
  visibleCoderIds: string[];
  attributeFilter: AttributeFilter;
}

export interface DocumentActions {
  /** Opens a document in the reader, optionally scrolling to and flashing a passage. */
  openDocument(documentId: string, focus?: { start: number; end: number }): void;
  setSelection(selection: DocumentSpan | null): void;
  /** Codes the current selection at `codeId` for the current coder (asks for a name first if needed). */
  codeSelection(codeId: string): Promise<void>;
  /** Creates a code named as typed ("Parent/Child": under another) and codes the selection at it, in one step. */
  codeSelectionAtNewCode(typed: string): Promise<void>;
  /** Codes the selection in vivo: its words name a new code, at which it is coded, in one step. */
  codeSelectionInVivo(): Promise<void>;
  setExtentEdit(edit: ExtentEdit | null): void;
  setActiveCodeId(codeId: string | null): void;
  setCoderView(view: CoderView): void;
  setAttributeFilter(filter: AttributeFilter): void;
  /** The saved scroll offset of `documentId`, the first time it opens after the project did (then null). */
  takeInitialScroll(documentId: string): number | null;
  /** Remembers the reader's scroll offset (saved to the workspace after a pause). */
  rememberScroll(documentId: string, scrollTop: number): void;
  /** The reader has shown the document's text (it did not freeze the app opening it). */
  documentShown(documentId: string): void;
  /** Saves anything still waiting to be saved (before the project closes). */
  flushWorkspace(): Promise<void>;
}

export interface ViewState {
  centre: CentreView;
  paletteOpen: boolean;
  /** What the docked memo panel shows memos on; null when it is closed. */
  memoTarget: MemoTarget | null;
  /** Selections in the reader widen to whole words (Alt held while selecting keeps the exact characters). */
  snapWords: boolean;
  /** The sheet of keyboard shortcuts is open. */
  shortcutsOpen: boolean;
}

export interface ViewActions {
  setCentre(view: CentreView): void;
  setPaletteOpen(open: boolean): void;
  /** Opens the docked memo panel on a subject (null closes it). */
  openMemos(target: MemoTarget | null): void;
  setSnapWords(on: boolean): void;
  setShortcutsOpen(open: boolean): void;
  /**
   * Shows a message in the status bar, whose line is the workbench's one polite live region:
   * screen readers announce every message said here (coding, undo and redo, import results).
   */
  say(message: string | null): void;
}

export const ProjectStateContext = createContext<ProjectState | null>(null);
export const ChangeActionsContext = createContext<ChangeActions | null>(null);
export const DocumentStateContext = createContext<DocumentState | null>(null);
export const DocumentActionsContext = createContext<DocumentActions | null>(null);
export const ViewStateContext = createContext<ViewState | null>(null);
export const ViewActionsContext = createContext<ViewActions | null>(null);
/**
 * The status line alone: a message re-renders the status bar and nothing else. Each message
 * is numbered so that saying the same words twice (undo, undo) is announced twice.
 */
export interface StatusMessage {
  text: string;
  serial: number;
}
export const StatusContext = createContext<StatusMessage | null>(null);

function useRequired<T>(context: Context<T | null>, hook: string): T {
  const value = useContext(context);
  if (value === null) throw new Error(`${hook}() is used outside the workbench`);
  return value;
}

export const useProject = () => useRequired(ProjectStateContext, 'useProject');
export const useChanges = () => useRequired(ChangeActionsContext, 'useChanges');
export const useDocument = () => useRequired(DocumentStateContext, 'useDocument');
export const useDocumentActions = () => useRequired(DocumentActionsContext, 'useDocumentActions');
export const useView = () => useRequired(ViewStateContext, 'useView');
export const useViewActions = () => useRequired(ViewActionsContext, 'useViewActions');
export const useStatus = () => useContext(StatusContext);
