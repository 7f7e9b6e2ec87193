import { stemmer as englishStemmer } from '@orama/stemmers/english';
import type { WordLanguage } from './stop-words';

/**
 * Stemming folds a word's forms together ("services", "service" → "servic") so a word table
 * counts a word, not each spelling. The stemmers are @orama/stemmers: plain JavaScript with
 * no dependencies (so the same code runs in the renderer and in Node, with no network),
 * maintained with the Orama search engine, one import per language. English is Porter's.
 */
export const stemmers: Record<WordLanguage, (word: string) => string> = {
  // Porter's algorithm knows nothing of apostrophes: "carer's" is stemmed as "carer".
  english: (word) => englishStemmer(word.replace(/'s$/, '')),
};
