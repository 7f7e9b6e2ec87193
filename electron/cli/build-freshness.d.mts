/** See build-freshness.mjs. */
export function builtCliIsFresh(root: string): boolean;
