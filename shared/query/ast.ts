/** Where a piece of the query is: [start, end) offsets into the query text, for messages. */
export interface Place {
  start: number;
  end: number;
}

/** A name as written (a code, coder, document or attribute), unquoted. */
export interface NameRef {
  name: string;
  at: Place;
}

/** How close NEAR and FOLLOWED BY want their two sides. */
export type QueryWindow = { kind: 'characters'; count: number } | { kind: 'turn' } | { kind: 'paragraph' };

export type QueryExpr =
  | { kind: 'code'; code: NameRef; at: Place }
  /** `expr BY coder…`: the codes inside count only these coders' codings. */
  | { kind: 'by'; expr: QueryExpr; coders: NameRef[]; at: Place }
  | { kind: 'not'; expr: QueryExpr; at: Place }
  | { kind: 'and' | 'or'; left: QueryExpr; right: QueryExpr; at: Place }
  | { kind: 'near'; left: QueryExpr; right: QueryExpr; window: QueryWindow; at: Place }
  /** `window` null: anywhere later in the same document. */
  | { kind: 'followedBy'; left: QueryExpr; right: QueryExpr; window: QueryWindow | null; at: Place };

export type Comparison = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** CODER, DOCUMENT or SET = / != / IN / NOT IN names. */
interface NamedCondition<Kind extends 'coder' | 'document' | 'set'> {
  kind: Kind;
  negated: boolean;
  names: NameRef[];
  at: Place;
}

export type Condition =
  | NamedCondition<'coder'>
  | NamedCondition<'document'>
  /** Documents in (or not in) the named document sets. */
  | NamedCondition<'set'>
  | { kind: 'attribute'; attribute: NameRef; op: Comparison | 'in' | 'not in'; values: NameRef[]; at: Place };

export interface QueryAst {
  expr: QueryExpr;
  /** The WHERE clause's conditions, all of which must hold. */
  where: Condition[];
}
