import type { Place } from './ast';

/**
 * A query that cannot be run: a syntax error (with what was expected there) or a name that
 * names nothing in the project. `at` points into the query text.
 */
export class QueryError extends Error {
  constructor(
    /** What is wrong, without the position. */
    readonly reason: string,
    readonly at: Place,
  ) {
    super(`${reason} (at character ${at.start + 1}).`);
    this.name = 'QueryError';
  }
}

/** The query with a caret line under the faulty part and the message: for a terminal or a tooltip. */
export function formatQueryError(query: string, error: QueryError): string {
  // Show the line the error is on (queries are usually one line).
  const lineStart = query.lastIndexOf('\n', Math.max(0, error.at.start - 1)) + 1;
  const newline = query.indexOf('\n', error.at.start);
  const line = query.slice(lineStart, newline === -1 ? query.length : newline);
  const from = error.at.start - lineStart;
  const width = Math.max(1, Math.min(error.at.end, lineStart + line.length) - error.at.start);
  return `${line}\n${' '.repeat(from)}${'^'.repeat(width)}\n${error.message}`;
}
