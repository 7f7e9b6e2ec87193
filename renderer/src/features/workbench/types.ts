import type { AttributeFilter, ChangeChannel, ChangeResult, HistoryState, Input, ProjectSnapshot } from '../../../../shared/api/contract';

/**
 * The workbench's shared state and actions, as every panel sees them through `useWorkbench()`.
 * Panels render from this and dispatch through it; they never call the API for a change directly,
 * so every change updates the project state, the history and the open reader the same way.
 */

/** A passage of a document: [start, end) UTF-16 offsets into its normalised text. */
export interface DocumentSpan {
  documentId: string;
  start: number;
  end: number;
}

/** Whose codings are shown: the user's own, everyone's, or one chosen coder's. */
export type CoderView = { mode: 'me' } | { mode: 'all' } | { mode: 'coder'; coderId: string };

/** The centre of the workbench: the reader, or one of the retrieval views. */
export type CentreView =
  | { kind: 'reader' }
  | { kind: 'segments'; codeId: string }
  | { kind: 'search' }
  | { kind: 'memos' }
  | { kind: 'agreement' }
  | { kind: 'analysis' };

/** Channels that change the project, as the contract declares them: each returns a ChangeResult. */
export type { ChangeChannel };

export interface WorkbenchApi {
  project: ProjectSnapshot;
  history: HistoryState;
  coderName: string | null;

  /** Applies a change through the backend; on failure shows the error and resolves null. */
  change<C extends ChangeChannel>(channel: C, input: Input<C>): Promise<ChangeResult | null>;
  undo(): Promise<void>;
  redo(): Promise<void>;

  documentId: string | null;
  /** Opens a document in the reader, optionally scrolling to and flashing a passage. */
  openDocument(documentId: string, focus?: { start: number; end: number }): void;
  /** Bumped whenever the codings of the open document changed (by any change, undo or redo). */
  codingsRevision: number;

  /** The text the user has selected in the reader, trimmed of white space; null when none. */
  selection: DocumentSpan | null;
  setSelection(selection: DocumentSpan | null): void;
  /** Codes the current selection at `codeId` for the current coder (asks for a name first if needed). */
  codeSelection(codeId: string): Promise<void>;

  /** The code selected in the codebook tree. */
  activeCodeId: string | null;
  setActiveCodeId(codeId: string | null): void;

  coderView: CoderView;
  setCoderView(view: CoderView): void;
  /** Coder ids whose codings are shown under the current coder view. */
  visibleCoderIds: string[];
  /** Switches the user's coder name (asks the backend; the project then shows them as that coder). */
  setCoderName(name: string): Promise<void>;

  attributeFilter: AttributeFilter;
  setAttributeFilter(filter: AttributeFilter): void;

  /** Pinned code ids, in key order 1–9. */
  quickCodes: string[];
  setQuickCodes(codeIds: string[]): void;

  centre: CentreView;
  setCentre(view: CentreView): void;

  /** A short message about the last action ("Coded 1 passage at Tackling stigma"), shown in the status bar. */
  status: string | null;
  showError(error: unknown): void;
  /** Takes a project snapshot handed back outside change() (after an import). */
  takeSnapshot(snapshot: ProjectSnapshot): void;
  /** Takes a change made through another channel (a colleague's coding imported), as change() would. */
  applyChange(result: ChangeResult): void;
}

/**
 * Drag and drop (@dnd-kit/core). One DndContext for the workbench; these are the `data`
 * objects of draggables and droppables. Dropping a selection (or a code onto a selection)
 * codes it; dropping a code on a code or a slot moves it in the tree.
 */
export type DragData = { kind: 'selection'; span: DocumentSpan } | { kind: 'code'; codeId: string };

export type DropData =
  /** A code row in the tree: a selection dropped here is coded; a code dropped here becomes its child. */
  | { kind: 'code'; codeId: string }
  /** A gap between rows: a code dropped here moves to `index` among the children of `parentId`. */
  | { kind: 'code-slot'; parentId: string | null; index: number }
  /** The current selection in the reader: a code dropped here codes it. */
  | { kind: 'selection' };
