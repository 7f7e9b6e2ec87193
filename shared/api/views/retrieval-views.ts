import type { Counting } from '../../export/matrices';
import type { Passage } from '../../text/passages';
import type { WordCount } from '../../words/frequencies';

/** Passages found: retrieved segments, search hits, coding queries, word frequencies and matrices. */

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
