import type { AttributeDef, Code, Coder, Coding, DocumentMeta, DocumentSet, MemoTarget, RecentProject, SavedQuery } from '../../domain/schemas';
import type { TextOutline } from '../../text/outline';
import type { TextPiece } from '../../text/text-pieces';
import type { AppErrorShape } from '../errors';

/** The project as the UI holds it: the snapshot, its documents a page at a time, what a change returns, the app state. */

/** A document as the snapshot lists it: what the document list, the filters and the reader's header show. */
export type DocumentSummary = Pick<DocumentMeta, 'id' | 'name' | 'length' | 'turnCount' | 'attributes' | 'rank'>;

/** What the snapshot says of the documents: how many, and the first in the list's order. */
export interface DocumentTally {
  count: number;
  firstId: string | null;
}

/** Rows of the Documents list: documents passing a filter, from `offset`, in rank order. */
export interface DocumentPage {
  rows: DocumentSummary[];
  offset: number;
  /** How many documents pass the filter. */
  total: number;
  /** How many documents the project has. */
  count: number;
}

/** The current user's place in a project, kept in app settings (per user, not in the project). */
export interface Workspace {
  lastDocumentId: string | null;
  /** Reader scroll offset in the last document, in pixels. */
  scrollTop: number;
  /** Code ids pinned as quick codes: keys 1–9 apply them in order. */
  quickCodes: string[];
  /** Whose codings the reader shows: 'me', 'all' or 'coder:<id>'. */
  coderView: string;
  /** A document that began to open and was never shown (the app closed or froze meanwhile). */
  openingDocumentId: string | null;
  /** The word table's stop words as the user edited them; null: the English list as shipped. */
  stopWords: string[] | null;
}

export interface MemoView {
  id: string;
  coderId: string;
  author: string;
  target: MemoTarget;
  text: string;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectSnapshot {
  path: string;
  id: string;
  name: string;
  description: string;
  codebook: Code[];
  attributes: AttributeDef[];
  /**
   * How many documents there are and the first: the documents themselves are asked for a page at
   * a time (`documents.page`, `documents.summaries`), so the snapshot stays small however many
   * there are. A new tally (after any change to a document) tells the UI to ask again.
   */
  documents: DocumentTally;
  coders: Coder[];
  sets: DocumentSet[];
  queries: SavedQuery[];
  /** The coder the current user codes as in this project (matched by name), if they have coded here. */
  currentCoderId: string | null;
  /** Codings per code id, then per coder id. */
  codingCounts: Record<string, Record<string, number>>;
  memos: MemoView[];
  /** Per coder id, the documents they marked done. */
  done: Record<string, string[]>;
  workspace: Workspace;
  /**
   * Set when changes cannot be saved here: another Marginalia window or command holds the
   * project, or its folder cannot be written. The UI shows `reason` in a banner and disables
   * editing; every change request fails with READ_ONLY meanwhile.
   */
  readOnly: { reason: string } | null;
  /**
   * What was repaired when the project was opened (a lock left by a crashed Marginalia
   * cleared, an interrupted change completed), one sentence each; absent when nothing was.
   */
  recoveryNotes?: string[];
  /** Files in the project folder that project.json does not list, offered to re-attach or move aside (`project.repairStrayFiles`); absent when there are none. */
  strayFiles?: StrayFilesView;
}

/** Files project.json does not list, relative to the project folder. */
export interface StrayFilesView {
  /** A coder's files (coders/<id>.json and its change logs) for no coder it lists. */
  coderFiles: string[];
  /** A transcript's files (sources/<id>.txt, sources/<id>.turns.json) for no document it lists. */
  transcripts: string[];
}

/** What a repair did, in words, and the project after it. */
export interface RepairResult {
  message: string;
  snapshot: ProjectSnapshot;
}

/** The reply to `project.restoreBackup`: what was restored, and the project, now open. */
export interface RestoreResult {
  /** The file restored, relative to the project folder ("project.json", "coders/<id>.json"). */
  file: string;
  /** The backup copied into place, relative to the project folder ("backups/…json"). */
  backup: string;
  /** When that backup was taken (ISO 8601): changes made after it are not in the restored file. */
  takenAt: string;
  /** Where the damaged file was kept, relative to the project folder ("damaged/…json"); null if it was missing. */
  damagedCopy: string | null;
  /** Files restored with it from the same backup set (the coder files taken with project.json). */
  alsoRestored: string[];
  /** Every file copied to damaged/ before the restore (relative to the project folder). */
  keptAside: string[];
  /** One or two sentences for the user saying all of the above. */
  message: string;
  snapshot: ProjectSnapshot;
}

export interface CoderCoding extends Coding {
  coderId: string;
}

/**
 * What the reader needs to open a document: its outline (blocks with offsets, speakers, length),
 * the text of a first stretch, and the shown coders' codings overlapping it. The rest of the text
 * comes through document.text, a bounded piece at a time, and its codings through document.codings.
 */
export interface DocumentOutline extends TextOutline {
  id: string;
  name: string;
  first: TextPiece;
  /** The codings overlapping `first` (a coding reaching beyond it comes whole). */
  codings: CoderCoding[];
}

/** The current user's own undo history: each coder undoes only their own changes. */
export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  /** What undo/redo would do, for menus and tooltips ("Code “Zero suicide” in 04 Lambeth"). */
  undoLabel: string | null;
  redoLabel: string | null;
}

/** New and changed entities of one list of the snapshot, and the keys of those gone. */
export interface Upserts<T> {
  upsert: T[];
  remove: string[];
}

/**
 * What a change did to the project snapshot: apply it with `applyDelta` (snapshot-delta.ts).
 * Lists are kept in rank order, as the snapshot has them.
 */
export interface SnapshotDelta {
  info?: { name: string; description: string };
  codebook?: Upserts<Code>;
  /** Keyed by attribute name. */
  attributes?: Upserts<AttributeDef>;
  /** The tally after a change to any document: the UI then asks again for the rows it shows. */
  documentTally?: DocumentTally;
  coders?: Upserts<Coder>;
  sets?: Upserts<DocumentSet>;
  queries?: Upserts<SavedQuery>;
  memos?: Upserts<MemoView>;
  /** The done documents of every coder whose marks changed, in full. */
  done?: Record<string, string[]>;
  /** The new counts of every code whose codings changed (a code absent here kept its counts). */
  codingCounts?: Record<string, Record<string, number>>;
  currentCoderId?: string | null;
}

/** The reply to every change: what changed in the project, the undo history, and which documents' codings changed. */
export interface ChangeResult {
  delta: SnapshotDelta;
  history: HistoryState;
  /** Documents whose codings changed, so an open reader knows to reload them. */
  affectedDocumentIds: string[];
  /** Ids the change created (a new code, new codings, a new memo, the documents imported), for follow-up actions. */
  createdIds: string[];
  /** A short account of the change, for a status line ("Coded 1 passage at Tackling stigma"). */
  message: string;
}

export interface AppState {
  /** 'electron' when native dialogs exist; 'browser' when the UI is served by `npm run web`. */
  shell: 'electron' | 'browser';
  /** The user's name as a coder; null until they have given it (asked on first launch). */
  coderName: string | null;
  recentProjects: RecentProject[];
  /** Where new projects go unless the user chooses otherwise: Documents/Marginalia. */
  projectsDir: string;
  project: ProjectSnapshot | null;
  history: HistoryState;
  /** Problems met at start-up (a damaged settings file, a last project that would not open). */
  notices: AppErrorShape[];
}

/** One folder in the folder chooser. */
export interface FolderEntry {
  name: string;
  path: string;
  /** It holds a Marginalia project (a project.json). */
  isProject: boolean;
}

/** A folder's sub-folders, for browser mode's folder chooser (home folder and below only). */
export interface FolderListing {
  /** The user's home folder: the chooser's top. */
  home: string;
  path: string;
  /** From the home folder down to `path`, for the breadcrumbs. */
  trail: { name: string; path: string }[];
  /** `path` itself holds a project. */
  isProject: boolean;
  /** Sub-folders, hidden ones left out, sorted by name. */
  folders: FolderEntry[];
  /** More sub-folders than are listed. */
  truncated: boolean;
}
