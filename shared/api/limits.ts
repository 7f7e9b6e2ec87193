/**
 * Sizes and keys the page and the backend both use. Kept apart from the contract, which builds
 * every zod schema when it loads: the renderer imports these and so never loads zod (a faster
 * start; the page only needs the contract's types).
 */

/** The most rows one `documents.page` or `documents.summaries` reply carries (about 300 KB for survey answers). */
export const MAX_DOCUMENT_PAGE = 2000;

/** Disagreements a page holds unless asked otherwise, and at most: a page of 1,000 is about 0.6 MB. */
export const DISAGREEMENT_PAGE = 100;
export const MAX_DISAGREEMENT_PAGE = 1000;

/** The attribute filter's key for document sets: no attribute can have it (names hold no control characters). */
export const SET_FILTER_KEY = '\u0001set';

/** Rows words.frequencies sends back at most (the commonest; export.words writes them all). */
export const WORDS_SHOWN = 2000;
