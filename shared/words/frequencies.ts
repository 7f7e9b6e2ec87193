import type { Span } from '../text/spans';
import { stemmers } from './stemmers';
import { cachedFold, eachWordToken } from './tokens';

/** How words are counted. */
export interface WordOptions {
  /** Folded words to leave out (see stopWordLists; pass the user's edited list as it is). */
  stopWords: readonly string[];
  /** Folds a word's forms together (see stemmers), or null to count each form on its own. */
  stem: ((folded: string) => string) | null;
  /** For case folding; the runtime's default when absent. */
  locale?: string;
}

/** Stretches of one document's text to count in: whole documents, or coded passages. */
export interface TextStretches {
  documentId: string;
  text: string;
  spans: readonly Span[];
}

export interface WordCount {
  /** What the table shows: the word's commonest form. */
  word: string;
  /** What passagesForWord looks for: the stem, or the folded word without stemming. */
  key: string;
  count: number;
  /** Every form counted under this word, commonest first ("services", "service"). */
  forms: string[];
  /** Documents the word occurs in. */
  documents: number;
}

export interface WordFrequencies {
  /** Commonest first; ties in alphabetical order. */
  words: WordCount[];
  /** Words counted (stop words excluded). */
  totalWords: number;
}

type WordVisitor = (stretch: TextStretches, start: number, end: number, folded: string, key: string) => void;

/**
 * Reads stretches one at a time, calling `visit` with each counted word and its key; folds and
 * stems are remembered across every stretch it reads (one count over many documents).
 */
export function wordReader(options: WordOptions): (stretch: TextStretches, visit: WordVisitor) => void {
  const fold = cachedFold(options.locale);
  // Folded as the words are: "don’t" typed in the list leaves out "Don't" in the text.
  const stop = new Set(options.stopWords.map(fold));
  const keys = new Map<string, string>();
  return (stretch, visit) => {
    for (const span of stretch.spans) {
      eachWordToken(stretch.text, span.start, span.end, fold, (start, end, folded) => {
        if (stop.has(folded)) return;
        let key = keys.get(folded);
        if (key === undefined) keys.set(folded, (key = options.stem ? options.stem(folded) : folded));
        visit(stretch, start, end, folded, key);
      });
    }
  };
}

/**
 * A word count that takes stretches as they come (a project's documents one by one, none kept
 * once counted) and gives the table when asked: case folded, stop words left out, optionally stemmed.
 */
export function wordCounter(options: WordOptions): { add: (stretch: TextStretches) => void; result: () => WordFrequencies } {
  const byKey = new Map<string, { count: number; forms: Map<string, number>; documents: Set<string> }>();
  let totalWords = 0;
  const read = wordReader(options);
  const count: WordVisitor = (stretch, _start, _end, folded, key) => {
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { count: 0, forms: new Map(), documents: new Set() }));
    entry.count++;
    entry.forms.set(folded, (entry.forms.get(folded) ?? 0) + 1);
    entry.documents.add(stretch.documentId);
    totalWords++;
  };
  const result = (): WordFrequencies => {
    const words = [...byKey].map(([key, entry]): WordCount => {
      const forms = [...entry.forms].sort(([a, n], [b, m]) => m - n || a.localeCompare(b)).map(([form]) => form);
      return { word: forms[0]!, key, count: entry.count, forms, documents: entry.documents.size };
    });
    words.sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
    return { words, totalWords };
  };
  return { add: (stretch) => read(stretch, count), result };
}

/** Word counts over stretches of text: case folded, stop words left out, optionally stemmed. */
export function wordFrequencies(stretches: Iterable<TextStretches>, options: WordOptions): WordFrequencies {
  const counter = wordCounter(options);
  for (const stretch of stretches) counter.add(stretch);
  return counter.result();
}

/** The options the app counts with: the user's stop words, and English stemming when asked for. */
export function wordOptions(stopWords: readonly string[], stem: boolean): WordOptions {
  return { stopWords, stem: stem ? stemmers.english : null };
}
