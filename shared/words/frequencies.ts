import type { Span } from '../text/spans';
import { stemmers } from './stemmers';
import { foldWord, wordTokens } from './tokens';
import type { WordToken } from './tokens';

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

/** Calls `visit` with each counted word of the stretches and its key. */
export function eachCountedWord(stretches: Iterable<TextStretches>, options: WordOptions, visit: (stretch: TextStretches, token: WordToken, key: string) => void): void {
  // Folded as the words are: "don’t" typed in the list leaves out "Don't" in the text.
  const stop = new Set(options.stopWords.map((w) => foldWord(w, options.locale)));
  const keys = new Map<string, string>();
  for (const stretch of stretches) {
    for (const span of stretch.spans) {
      for (const token of wordTokens(stretch.text, span.start, span.end, options.locale)) {
        if (stop.has(token.folded)) continue;
        let key = keys.get(token.folded);
        if (key === undefined) keys.set(token.folded, (key = options.stem ? options.stem(token.folded) : token.folded));
        visit(stretch, token, key);
      }
    }
  }
}

/** Word counts over stretches of text: case folded, stop words left out, optionally stemmed. */
export function wordFrequencies(stretches: Iterable<TextStretches>, options: WordOptions): WordFrequencies {
  const byKey = new Map<string, { count: number; forms: Map<string, number>; documents: Set<string> }>();
  let totalWords = 0;
  eachCountedWord(stretches, options, (stretch, token, key) => {
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { count: 0, forms: new Map(), documents: new Set() }));
    entry.count++;
    entry.forms.set(token.folded, (entry.forms.get(token.folded) ?? 0) + 1);
    entry.documents.add(stretch.documentId);
    totalWords++;
  });
  const words = [...byKey].map(([key, entry]): WordCount => {
    const forms = [...entry.forms].sort(([a, n], [b, m]) => m - n || a.localeCompare(b)).map(([form]) => form);
    return { word: forms[0]!, key, count: entry.count, forms, documents: entry.documents.size };
  });
  words.sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
  return { words, totalWords };
}

/** The options the app counts with: the user's stop words, and English stemming when asked for. */
export function wordOptions(stopWords: readonly string[], stem: boolean): WordOptions {
  return { stopWords, stem: stem ? stemmers.english : null };
}
