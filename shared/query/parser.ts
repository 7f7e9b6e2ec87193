import type { Comparison, Condition, NameRef, Place, QueryAst, QueryExpr, QueryWindow } from './ast';
import { INNER_QUOTE_HINT, tokenize } from './lexer';
import type { Token } from './lexer';
import { QueryError } from './query-error';

/**
 * The coding query language: a query combines codes and says where to look. It is only ever
 * parsed and evaluated over spans, never executed.
 *
 *   "Tackling stigma" AND "Children and young people" WHERE "Stakeholder group" != Commissioners
 *
 * Grammar (keywords are case-insensitive, and so are names):
 *
 *   query     = expr [ WHERE condition { AND condition } ]
 *   expr      = term { OR term }
 *   term      = factor { AND factor }
 *   factor    = NOT factor | sequence
 *   sequence  = primary { ( NEAR window | FOLLOWED BY [ window ] ) primary }
 *   window    = "(" ( count | TURN | PARAGRAPH ) ")"   (after FOLLOWED BY, only when a code follows it)
 *   primary   = ( name | "(" expr ")" ) [ BY names ]
 *   condition = ( CODER | DOCUMENT | SET ) ( "=" name | "!=" name | [ NOT ] IN list )
 *             | name ( "=" | "!=" | "<" | "<=" | ">" | ">=" ) name
 *             | name [ NOT ] IN list
 *   names     = name | list
 *   list      = "(" name { "," name } ")"
 *   name      = word | "quoted text"
 *
 * NEAR and FOLLOWED BY bind tightest, then NOT, AND, OR; brackets group. A word is anything
 * without spaces, brackets, commas, quotes or comparison signs (Zero-suicide, Themes/Isolation);
 * a name with spaces, or one spelt like a keyword (AND OR NOT NEAR FOLLOWED BY WHERE), is
 * quoted with straight or curly double quotes (\" for a quote inside). A code is named by its
 * name or its path ("Cross-cutting themes/Isolation and loneliness"); BY binds to the code or
 * bracketed group just before it. Left of a condition, CODER, DOCUMENT and SET (a document set;
 * unquoted) are keywords; any other name is a document attribute. What each part means is in
 * ./evaluate.ts and the README.
 */
export function parseQuery(source: string): QueryAst {
  if (source.length > MAX_QUERY_LENGTH) {
    throw new QueryError(`The query is too long (${source.length} characters; at most ${MAX_QUERY_LENGTH})`, { start: MAX_QUERY_LENGTH, end: source.length });
  }
  if (source.trim() === '') throw new QueryError('The query is empty: write a code to look for, or codes joined with AND, OR, NEAR…', { start: 0, end: source.length });
  return new Parser(tokenize(source)).query();
}

const MAX_QUERY_LENGTH = 10_000;
/** Deeper nesting than any person writes; it keeps a hostile query from exhausting the stack. */
const MAX_DEPTH = 100;
const MAX_WINDOW = 1_000_000;
const RESERVED = new Set(['AND', 'OR', 'NOT', 'NEAR', 'FOLLOWED', 'BY', 'WHERE']);
const COMPARISONS = new Set(['=', '!=', '<', '<=', '>', '>=']);
const WINDOW_HELP = 'NEAR(50) for within 50 characters, NEAR(turn) for the same speaker turn, NEAR(paragraph) for the same paragraph';

function span(from: Place, to: Place): Place {
  return { start: from.start, end: to.end };
}

/** A token as a message shows it. */
function shown(token: Token): string {
  if (token.type === 'end') return 'the end of the query';
  if (token.type === 'string') return `"${token.text}"`;
  return token.type === 'word' && RESERVED.has(token.text.toUpperCase()) ? token.text.toUpperCase() : `"${token.text}"`;
}

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  private get token(): Token {
    return this.tokens[this.pos]!;
  }

  private peek(ahead = 1): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)]!;
  }

  private isWord(word: string, token = this.token): boolean {
    return token.type === 'word' && token.text.toUpperCase() === word;
  }

  private isSymbol(symbol: string, token = this.token): boolean {
    return token.type === 'symbol' && token.text === symbol;
  }

  private fail(expected: string, token = this.token, hint = ''): never {
    throw new QueryError(`Expected ${expected}, found ${shown(token)}${hint || this.quoteHint(token)}`, token.at);
  }

  /** Names touching each other ("Say "no" to it") are most likely one name with quotes inside. */
  private quoteHint(token: Token): string {
    const before = this.tokens[this.tokens.indexOf(token) - 1];
    const named = (t: Token) => t.type === 'word' || t.type === 'string';
    return before && named(before) && named(token) && (before.type === 'string' || token.type === 'string') && before.at.end === token.at.start ? `: ${INNER_QUOTE_HINT}` : '';
  }

  private expectSymbol(symbol: string, expected = `"${symbol}"`): Token {
    if (!this.isSymbol(symbol)) this.fail(expected);
    return this.tokens[this.pos++]!;
  }

  query(): QueryAst {
    const expr = this.expr();
    const where: Condition[] = [];
    if (this.isWord('WHERE')) {
      this.pos++;
      where.push(this.condition());
      while (this.isWord('AND')) {
        this.pos++;
        where.push(this.condition());
      }
      if (this.isWord('OR')) this.fail('AND or the end of the query', this.token, ': conditions are joined with AND; for one of several values write IN ("A", "B")');
    }
    if (this.token.type !== 'end') {
      const previous = this.tokens[this.pos - 1]!;
      const hint =
        this.token.type === 'word' && previous.type === 'word' && !RESERVED.has(this.token.text.toUpperCase())
          ? `: put a name with spaces in quotes, "${previous.text} ${this.token.text}"`
          : this.isSymbol(')')
            ? ': this ")" closes no "("'
            : '';
      this.fail(where.length ? 'AND or the end of the query' : 'AND, OR, NEAR, FOLLOWED BY, WHERE or the end of the query', this.token, hint);
    }
    return { expr, where };
  }

  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_DEPTH) throw new QueryError(`The query is nested too deeply (more than ${MAX_DEPTH} levels)`, this.token.at);
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private expr(): QueryExpr {
    return this.nested(() => this.chain('OR', () => this.term()));
  }

  private term(): QueryExpr {
    return this.chain('AND', () => this.factor());
  }

  /** Operands joined by one keyword, grouped from the left. */
  private chain(keyword: 'AND' | 'OR', operand: () => QueryExpr): QueryExpr {
    let left = operand();
    while (this.isWord(keyword)) {
      this.pos++;
      const right = operand();
      left = { kind: keyword === 'AND' ? 'and' : 'or', left, right, at: span(left.at, right.at) };
    }
    return left;
  }

  private factor(): QueryExpr {
    if (!this.isWord('NOT')) return this.sequence();
    const not = this.tokens[this.pos++]!;
    const expr = this.nested(() => this.factor());
    return { kind: 'not', expr, at: span(not.at, expr.at) };
  }

  private sequence(): QueryExpr {
    let left = this.primary();
    for (;;) {
      if (this.isWord('NEAR')) {
        this.pos++;
        if (!this.isSymbol('(')) this.fail(`"(" after NEAR (${WINDOW_HELP})`);
        const window = this.window();
        const right = this.operand();
        left = { kind: 'near', left, right, window, at: span(left.at, right.at) };
      } else if (this.isWord('FOLLOWED')) {
        this.pos++;
        if (!this.isWord('BY')) this.fail('BY after FOLLOWED');
        this.pos++;
        const window = this.startsWindow() ? this.window() : null;
        const right = this.operand();
        left = { kind: 'followedBy', left, right, window, at: span(left.at, right.at) };
      } else {
        return left;
      }
    }
  }

  /**
   * "(" count | TURN | PARAGRAPH ")" followed by a code, told apart from a bracketed group by
   * what it holds and what follows: A FOLLOWED BY (Turn) is the code Turn, as nothing else could be meant.
   */
  private startsWindow(): boolean {
    const inside = this.peek();
    const after = this.peek(3);
    const startsOperand = after.type === 'string' || this.isSymbol('(', after) || (after.type === 'word' && (!RESERVED.has(after.text.toUpperCase()) || this.isWord('NOT', after)));
    return this.isSymbol('(') && this.isSymbol(')', this.peek(2)) && inside.type === 'word' && /^(\d+|turns?|paragraphs?)$/i.test(inside.text) && startsOperand;
  }

  private window(): QueryWindow {
    this.expectSymbol('(');
    const inside = this.token;
    let window: QueryWindow;
    if (inside.type === 'word' && /^\d+$/.test(inside.text)) {
      const count = Number(inside.text);
      if (count > MAX_WINDOW) throw new QueryError(`The distance is too large: at most ${MAX_WINDOW.toLocaleString('en-GB')} characters`, inside.at);
      window = { kind: 'characters', count };
    } else if (inside.type === 'word' && /^turns?$/i.test(inside.text)) {
      window = { kind: 'turn' };
    } else if (inside.type === 'word' && /^paragraphs?$/i.test(inside.text)) {
      window = { kind: 'paragraph' };
    } else {
      this.fail(`a number of characters, TURN or PARAGRAPH (${WINDOW_HELP})`);
    }
    this.pos++;
    this.expectSymbol(')');
    return window;
  }

  /** The right side of NEAR or FOLLOWED BY. */
  private operand(): QueryExpr {
    if (this.isWord('NOT')) this.fail('a code or "("', this.token, ': NEAR and FOLLOWED BY take a code or a bracketed group, (NOT …)');
    return this.primary();
  }

  private primary(): QueryExpr {
    let expr: QueryExpr;
    if (this.isSymbol('(')) {
      const open = this.tokens[this.pos++]!;
      const inner = this.expr();
      if (!this.isSymbol(')')) this.fail(`")" to close the "(" at character ${open.at.start + 1}`);
      const close = this.tokens[this.pos++]!;
      expr = { ...inner, at: span(open.at, close.at) };
    } else {
      const code = this.name('a code or "("');
      expr = { kind: 'code', code, at: code.at };
    }
    if (!this.isWord('BY')) return expr;
    this.pos++;
    const coders = this.names('a coder');
    return { kind: 'by', expr, coders, at: span(expr.at, coders[coders.length - 1]!.at) };
  }

  private name(expected: string): NameRef {
    const token = this.token;
    if (token.type === 'string') {
      if (token.text.trim() === '') throw new QueryError('An empty name ("") names nothing', token.at);
    } else if (token.type !== 'word') {
      this.fail(expected);
    } else if (RESERVED.has(token.text.toUpperCase())) {
      this.fail(expected, token, `: a name spelt like a keyword goes in quotes, "${token.text}"`);
    }
    this.pos++;
    return { name: token.text.trim(), at: token.at };
  }

  /** One name, or several in brackets: Amara, ("Amara Okafor", Tom). */
  private names(what: string): NameRef[] {
    return this.isSymbol('(') ? this.list(what) : [this.name(`${what}, or a list in brackets`)];
  }

  private list(what: string): NameRef[] {
    this.expectSymbol('(');
    const names = [this.name(what)];
    while (this.isSymbol(',')) {
      this.pos++;
      names.push(this.name(what));
    }
    this.expectSymbol(')', `"," or ")" to close the list`);
    return names;
  }

  private condition(): Condition {
    const first = this.token;
    const keyword = first.type === 'word' && (this.isWord('CODER') || this.isWord('DOCUMENT') || this.isWord('SET')) ? (first.text.toLowerCase() as 'coder' | 'document' | 'set') : null;
    const attribute = this.name('CODER, DOCUMENT, SET or an attribute name');
    const what = keyword ?? 'a value';
    let op: Comparison | 'in' | 'not in';
    if (this.token.type === 'symbol' && COMPARISONS.has(this.token.text)) {
      op = this.token.text as Comparison;
      if (keyword && op !== '=' && op !== '!=') this.fail(`=, != or IN after ${keyword.toUpperCase()}`);
      this.pos++;
    } else if (this.isWord('IN')) {
      op = 'in';
      this.pos++;
    } else if (this.isWord('NOT') && this.isWord('IN', this.peek())) {
      op = 'not in';
      this.pos += 2;
    } else {
      this.fail(keyword ? `=, != or IN after ${keyword.toUpperCase()}` : `=, !=, <, <=, >, >= or IN after the attribute "${attribute.name}"`);
    }
    const values = op === 'in' || op === 'not in' ? this.list(what) : [this.name(what)];
    const at = span(first.at, values[values.length - 1]!.at);
    if (keyword) return { kind: keyword, negated: op === '!=' || op === 'not in', names: values, at };
    return { kind: 'attribute', attribute, op, values, at };
  }
}
