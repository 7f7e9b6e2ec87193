/** Shapes the workbench's state is made of (the state itself: state/contexts.ts). */

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
  | { kind: 'query' }
  | { kind: 'words' }
  | { kind: 'memos' }
  | { kind: 'agreement' }
  | { kind: 'analysis' }
  | { kind: 'attributes' };

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
