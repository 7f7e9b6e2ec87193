/** The coding query language: parse, bind to a project, evaluate on spans. See parser.ts for the grammar. */
export type { QueryAst, QueryExpr, QueryWindow, Condition, NameRef, Place } from './ast';
export { parseQuery } from './parser';
export { formatQuery, quoteName } from './format';
export { QueryError, formatQueryError } from './query-error';
export { bindQuery } from './resolve';
export type { BoundQuery, ProjectNames, QueryPlan } from './resolve';
export { runQuery } from './evaluate';
export type { QueryResult } from './evaluate';
export { querySummary } from './summary';
