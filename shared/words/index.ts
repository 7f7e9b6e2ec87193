/** Word frequencies: tokens, stop words, stemming, counts, and the passages of a word. */
export { foldWord, wordTokens } from './tokens';
export type { WordToken } from './tokens';
export { stopWordLists } from './stop-words';
export type { WordLanguage } from './stop-words';
export { stemmers } from './stemmers';
export { wordFrequencies, wordOptions } from './frequencies';
export type { TextStretches, WordCount, WordFrequencies, WordOptions } from './frequencies';
export { passagesForWord, wordFrequenciesIn } from './word-scope';
export type { WordScope } from './word-scope';
export { nextSort, sortWords } from './word-sort';
export type { WordSort, WordSortKey } from './word-sort';
export { wordSheet } from './word-sheet';
