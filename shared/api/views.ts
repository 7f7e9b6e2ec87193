import type { AppErrorShape } from './errors';
import type { ResampleSettings } from '../agreement/bootstrap';
import type { Counting } from '../export/matrices';
import type { BandScheme } from '../agreement/interpretation';
import type { AgreementScope } from '../agreement/scope';
import type {
  CharacterCell,
  CharacterReport,
  DisagreementPassage,
  MultiCoderReport,
  PresenceReport,
  SegmentReport,
  UnitizedReport,
} from '../agreement/project';
import type { AttributeDef, Code, Coder, Coding, Decision, DocumentMeta, DocumentSet, MemoTarget, RecentProject, SavedQuery } from '../domain/schemas';
import type { TextEncodingName } from '../text/encodings';
import type { TextOutline } from '../text/outline';
import type { TextPiece } from '../text/text-pieces';
import type { Passage } from '../text/passages';
import type { WordCount } from '../words/frequencies';

export type { OutlineSegment, TextOutline } from '../text/outline';
export type { TextPiece } from '../text/text-pieces';

/** What the UI reads: shapes computed by the backend from the files on disk. */

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

/** One coded passage with what a researcher needs to read it out of its document. */
export interface SegmentView {
  codingId: string;
  coderId: string;
  codeId: string;
  documentId: string;
  start: number;
  end: number;
  text: string;
  /** Up to a sentence or so either side of the passage. */
  before: string;
  after: string;
  /** The speaker of the turn the passage starts in. */
  speaker: string | null;
  createdAt: string;
}

export interface SearchHit {
  documentId: string;
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
  speaker: string | null;
}

export interface SearchResult {
  hits: SearchHit[];
  /** True when there were more hits than the limit; the user should narrow the search. */
  truncated: boolean;
}

/** What "code all results as …" would code, before it is done. */
export interface AutocodeCount {
  /** Matches of the search. */
  matches: number;
  /** Passages they widen to (a sentence with two matches is one), each coded once. */
  passages: number;
  documents: number;
  /** Passages the current coder has already coded at the chosen code: coding them changes nothing. */
  alreadyCoded: number;
}

export interface AutocodePreview extends AutocodeCount {
  /** More matches than can be coded in one step: the search must be narrowed first. */
  truncated: boolean;
}

export type AgreementMode = 'character' | 'unitized' | 'segment' | 'presence';

/** The choices a report was computed with, as used (defaults filled in). */
export interface AgreementSettingsUsed {
  mode: AgreementMode;
  /** Segment mode's overlap threshold (share of the union). */
  threshold: number;
  /** Segment mode's q for κ_n, as used. */
  q: number | null;
  /** The minimum a chance-corrected figure is held to (Krippendorff's 0.800 by default). */
  minimum: number;
  /** Which interpretation bands label the figures. */
  bands: BandScheme;
  /** How the 95 % intervals were drawn; null when none were. */
  resampling: ResampleSettings | null;
}

/**
 * An agreement report with everything needed to read it: names, paths, the settings used, and
 * which documents were compared. Per-code and overall figures only: the code × document cells
 * come from `agreement.cells`, the passages from `agreement.disagreements`.
 */
export interface AgreementResult {
  report: CharacterReport | MultiCoderReport | SegmentReport | PresenceReport | UnitizedReport;
  coders: { id: string; name: string }[];
  codes: { id: string; name: string; path: string[]; color: string }[];
  /** The documents compared (after the scope rule). */
  documents: { id: string; name: string; length: number }[];
  scope: AgreementScope;
  settings: AgreementSettingsUsed;
  /** What was compared and how, in words, for the report's header and exports. */
  description: string[];
}

/** Character mode's code × document tables of one code, each measured. */
export interface AgreementCells {
  codeId: string;
  cells: CharacterCell[];
}

export interface DisagreementView extends DisagreementPassage {
  /** The Consensus coder's latest decision on this passage, from its decision log; null while open. */
  decision: Decision | null;
  text: string;
  before: string;
  after: string;
  speaker: string | null;
}

/** One page of the passages where two coders differ at one code, with the counts over all of them. */
export interface DisagreementPage {
  passages: DisagreementView[];
  /** Where this page starts among all the passages (document order, then position). */
  offset: number;
  /** Every passage where the two differ at the code, in the documents compared. */
  total: number;
  /** How many of them carry a decision in the Consensus coder's log. */
  settled: number;
}

export interface CoderImportReport {
  coder: string;
  codings: number;
  memos: number;
  replacedEarlierImport: boolean;
  unmatchedDocuments: string[];
  unmatchedCodes: string[];
  skippedCodings: number;
  skippedMemos: number;
}

export interface ExchangeImportResult {
  change: ChangeResult;
  reports: CoderImportReport[];
  /** Coders of a colleague's project left out, with why (you; a coder already working here). */
  skippedCoders: { coder: string; reason: string }[];
}

/** A file to import: uploaded and waiting (browser mode, drag and drop), or a path on this computer. */
export type ImportSource = { stagedId: string } | { path: string };

export interface ImportItemOptions {
  /** How speaker turns are found in a document: detected, a given pattern, or none. */
  speakers?: 'auto' | 'none' | 'colon' | 'bracket' | 'dash';
  /** A plain-text or CSV file's encoding, when the detected one is wrong. */
  encoding?: TextEncodingName;
  /** Cut lines longer than LONG_LINE_CHARS into paragraphs (a transcript saved as one line). */
  splitLongLines?: boolean;
  /** For a spreadsheet of texts: which columns hold the text, and rows or groups as documents. */
  spreadsheet?: { sheet?: string; textColumns: string[]; mode: 'row' | 'group'; groupColumn?: string; nameColumn?: string };
  /** For a spreadsheet of attributes: one row per existing document, matched by name. */
  attributeTable?: { sheet?: string; nameColumn: string };
  /**
   * For a REFI-QDA project: whose a coding is when it names another user than its selection, and
   * whether to merge a coder's overlapping codings at one code (kept as the file has them by default).
   */
  refi?: { coderFrom?: 'selection' | 'coding'; mergeOverlaps?: boolean };
}

export interface ImportInspection {
  fileName: string;
  kind: 'document' | 'spreadsheet' | 'refi-project' | 'refi-codebook';
  document?: {
    name: string;
    characters: number;
    /** The length of its longest line: over LONG_LINE_CHARS, the dialog offers to split such lines. */
    longestLine: number;
    speakerPattern: 'colon' | 'bracket' | 'dash' | null;
    /** The encoding the text was read in (detected or chosen); null for formats that carry their own (Word, OpenDocument). */
    encoding: TextEncodingName | null;
    /** The first turns as they would be imported. */
    turns: { speaker: string | null; text: string }[];
    /** A document already in the project with the same text, if any. */
    duplicateOf: string | null;
  };
  spreadsheet?: {
    /** The encoding a CSV file was read in (detected or chosen); null for workbooks (.xlsx). */
    encoding: TextEncodingName | null;
    sheets: {
      name: string;
      columns: string[];
      rowCount: number;
      sample: string[][];
      suggested: { textColumns: string[]; nameColumn?: string; groupColumn?: string };
    }[];
  };
  /**
   * A REFI-QDA project: how many codings name another user than their selection (the dialog then
   * asks whose they are), and how many overlap another of the same coder at the same code (the
   * dialog then offers to merge them).
   */
  refi?: { codingsWithOtherUser: number; codingsOverlapping: number };
}

export interface ImportResult {
  fileName: string;
  status: 'imported' | 'skipped' | 'failed';
  /** Names of the documents added. */
  documents: string[];
  message: string;
  /** Items not imported and other remarks, one per line. */
  details: string[];
}

export interface ImportRunResult {
  results: ImportResult[];
  /** The import as one undoable change; null when nothing was imported. */
  change: ChangeResult | null;
}

/** A file made for the user to save: its suggested name and bytes (base64), with any notes on it. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  base64: string;
  /** What had to be cut or renamed to fit Excel's limits, and similar remarks. */
  notes: string[];
}

/**
 * A large export (a workbook, CSV or REFI-QDA file the export dialog asked for): written by the
 * backend to a file of its own, and read back a piece at a time with export.read, so that no
 * one reply carries the whole file through the backend (which would hold it up for seconds).
 */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  /** What export.read asks for. */
  fileId: string;
  /** Its size in bytes. */
  bytes: number;
  /** What had to be cut or renamed to fit Excel's limits, and similar remarks. */
  notes: string[];
}

/** One piece of an exported file; nextOffset null: that was the last, and the backend has deleted the file. */
export interface ExportChunk {
  base64: string;
  nextOffset: number | null;
}

/** A count table for the matrix view: codes down, documents or attribute values across. */
export interface MatrixView {
  rowKeys: string[];
  columnKeys: string[];
  /** Column headings: document names, or the attribute values themselves. */
  columnLabels: string[];
  cells: number[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
  measure: 'segments' | 'characters' | 'documents';
  /** How several coders' passages were counted, and that rule in a sentence to show above the table. */
  counting: Counting;
  statement: string;
}

export interface CoOccurrenceView {
  codeIds: string[];
  /** Pairs of overlapping codings at two codes by the same coder; the diagonal holds the codings at each code. */
  matrix: number[][];
  /** What the cells count, in a sentence to show above the table. */
  statement: string;
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

/** What a coding query found (query.run), or where and why it cannot be run. */
export type QueryOutcome =
  | {
      ok: true;
      /** The query written out in full, as it was understood. */
      understood: string;
      /** The first QUERY_PASSAGES_SHOWN passages, by document in project order, then by position. */
      passages: Passage[];
      /** Every passage found (more than `passages` holds when the reply was cut). */
      total: number;
      documentsSearched: number;
      documentsWithPassages: number;
      characters: number;
    }
  /** [start, end): the faulty part of the query. */
  | { ok: false; message: string; start: number; end: number };

/** A word table (words.frequencies): the commonest WORDS_SHOWN words, and how many there were. */
export interface WordTable {
  words: WordCount[];
  /** Distinct words counted (more than `words` holds when the reply was cut). */
  distinctWords: number;
  /** Words counted, stop words excluded. */
  totalWords: number;
}

/** A word's occurrences (words.passages): the first WORD_PASSAGES_SHOWN, and how many there were. */
export interface WordPassages {
  passages: Passage[];
  total: number;
}
