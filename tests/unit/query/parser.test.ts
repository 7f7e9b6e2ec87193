import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QueryError, formatQuery, formatQueryError, parseQuery } from '../../../shared/query';

/** The query as the parser understood it, every combination bracketed. */
const understood = (query: string) => formatQuery(parseQuery(query));

/** The error a query raises: its message and the text it points at. */
function errorOf(query: string): { message: string; at: string; column: number } {
  try {
    parseQuery(query);
  } catch (err) {
    if (!(err instanceof QueryError)) throw err;
    return { message: err.message, at: query.slice(err.at.start, err.at.end), column: err.at.start + 1 };
  }
  throw new Error(`"${query}" parsed`);
}

describe('query parser', () => {
  it('binds NEAR and FOLLOWED BY tightest, then NOT, AND, OR; brackets group', () => {
    expect(understood('A OR B AND C')).toBe('"A" OR ("B" AND "C")');
    expect(understood('(A OR B) AND C')).toBe('("A" OR "B") AND "C"');
    expect(understood('A AND NOT B NEAR(50) C')).toBe('"A" AND NOT ("B" NEAR(50) "C")');
    expect(understood('NOT A AND B')).toBe('NOT "A" AND "B"');
    expect(understood('A FOLLOWED BY B OR C')).toBe('("A" FOLLOWED BY "B") OR "C"');
    expect(understood('A NEAR(turn) B NEAR(paragraph) C')).toBe('("A" NEAR(turn) "B") NEAR(paragraph) "C"');
  });

  it('reads keywords in any case, quoted names with spaces, escapes and curly quotes, and paths', () => {
    expect(understood('"Tackling stigma" and not “Children and young people”')).toBe('"Tackling stigma" AND NOT "Children and young people"');
    expect(understood('"Cross-cutting themes/Isolation and loneliness" or Themes/Trust')).toBe('"Cross-cutting themes/Isolation and loneliness" OR "Themes/Trust"');
    expect(parseQuery('"She said \\"no\\" \\\\ twice"').expr).toMatchObject({ kind: 'code', code: { name: 'She said "no" \\ twice' } });
    expect(understood('"AND"')).toBe('"AND"');
  });

  it('ends a curly-quoted name only at its closing curly quote, so straight quotes inside need no escape', () => {
    expect(parseQuery('“Say "no" to suicide”').expr).toMatchObject({ kind: 'code', code: { name: 'Say "no" to suicide' } });
    expect(understood('“Say "no" to suicide” OR B')).toBe('"Say \\"no\\" to suicide" OR "B"');
  });

  it('reads NEAR windows and tells FOLLOWED BY\'s window from a bracketed group', () => {
    expect(parseQuery('A NEAR(50) B').expr).toMatchObject({ kind: 'near', window: { kind: 'characters', count: 50 } });
    expect(parseQuery('A NEAR(Turn) B').expr).toMatchObject({ kind: 'near', window: { kind: 'turn' } });
    expect(parseQuery('A FOLLOWED BY (paragraph) B').expr).toMatchObject({ kind: 'followedBy', window: { kind: 'paragraph' } });
    expect(parseQuery('A FOLLOWED BY B').expr).toMatchObject({ kind: 'followedBy', window: null });
    expect(understood('A FOLLOWED BY (B OR C)')).toBe('"A" FOLLOWED BY ("B" OR "C")');
    expect(understood('A FOLLOWED BY(200) B')).toBe('"A" FOLLOWED BY(200) "B"');
  });

  it('reads a bracketed Turn, Paragraph or number after FOLLOWED BY with no code after it as a code of that name', () => {
    expect(parseQuery('A FOLLOWED BY (Turn)').expr).toMatchObject({ kind: 'followedBy', window: null, right: { kind: 'code', code: { name: 'Turn' } } });
    expect(understood('A FOLLOWED BY (paragraph) OR B')).toBe('("A" FOLLOWED BY "paragraph") OR "B"');
    expect(understood('A FOLLOWED BY (2) (B)')).toBe('"A" FOLLOWED BY(2) "B"');
  });

  it('binds BY to the code or bracketed group before it', () => {
    expect(understood('A AND B BY Amara')).toBe('"A" AND "B" BY "Amara"');
    expect(parseQuery('(A AND B) BY ("Amara Okafor", Tom)').expr).toMatchObject({
      kind: 'by',
      expr: { kind: 'and' },
      coders: [{ name: 'Amara Okafor' }, { name: 'Tom' }],
    });
    expect(understood('Stigma BY Amara AND NOT Stigma BY Tom')).toBe('"Stigma" BY "Amara" AND NOT "Stigma" BY "Tom"');
  });

  it('reads WHERE conditions on coders, documents and attributes', () => {
    const { where } = parseQuery(
      'A WHERE coder = Amara AND DOCUMENT NOT IN ("Doc 1", "Doc 2") AND "Stakeholder group" != Commissioners AND Participants >= 40 AND Borough IN (Hackney, Camden)',
    );
    expect(where).toEqual([
      expect.objectContaining({ kind: 'coder', negated: false, names: [expect.objectContaining({ name: 'Amara' })] }),
      expect.objectContaining({ kind: 'document', negated: true, names: [expect.objectContaining({ name: 'Doc 1' }), expect.objectContaining({ name: 'Doc 2' })] }),
      expect.objectContaining({ kind: 'attribute', attribute: expect.objectContaining({ name: 'Stakeholder group' }), op: '!=' }),
      expect.objectContaining({ kind: 'attribute', op: '>=', values: [expect.objectContaining({ name: '40' })] }),
      expect.objectContaining({ kind: 'attribute', op: 'in' }),
    ]);
    expect(parseQuery('A WHERE set IN ("Round one", Pilot)').where[0]).toMatchObject({ kind: 'set', negated: false, names: [{ name: 'Round one' }, { name: 'Pilot' }] });
    // Quoted, "document" is an attribute's name, not the keyword.
    expect(parseQuery('A WHERE "document" = x').where[0]).toMatchObject({ kind: 'attribute', attribute: { name: 'document' } });
  });

  it('writes a query out so that it parses back to the same query (property)', () => {
    const name = fc.constantFrom('A', 'Tackling stigma', 'Themes/Trust', 'say "hi"', 'back\\slash', 'and', 'Near', 'Turn', '50');
    const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        name.map((n) => `"${n.replace(/[\\"]/g, (c) => `\\${c}`)}"`),
        fc.tuple(tie('e'), fc.constantFrom('AND', 'OR', 'NEAR(10)', 'NEAR(turn)', 'FOLLOWED BY', 'FOLLOWED BY(paragraph)'), tie('e')).map(([l, op, r]) => `(${l} ${op} ${r})`),
        tie('e').map((e) => `(NOT ${e})`),
        tie('e').map((e) => `(${e}) BY Amara`),
      ),
    })).e;
    fc.assert(
      fc.property(expr, (query) => {
        const once = understood(query);
        return understood(once) === once;
      }),
    );
  });
});

describe('query errors say where and what was expected', () => {
  it.each([
    ['', 'The query is empty: write a code to look for, or codes joined with AND, OR, NEAR… (at character 1).', '', 1],
    ['  \n ', 'The query is empty: write a code to look for, or codes joined with AND, OR, NEAR… (at character 1).', '  \n ', 1],
    ['A) OR B', 'Expected AND, OR, NEAR, FOLLOWED BY, WHERE or the end of the query, found ")": this ")" closes no "(" (at character 2).', ')', 2],
    ['A WHERE Borough = Hackney Camden', 'Expected AND or the end of the query, found "Camden": put a name with spaces in quotes, "Hackney Camden" (at character 27).', 'Camden', 27],
    ['A NEAR(1000001) B', 'The distance is too large: at most 1,000,000 characters (at character 8).', '1000001', 8],
    [
      '"Say "no" to suicide"',
      'Expected AND, OR, NEAR, FOLLOWED BY, WHERE or the end of the query, found "no": to put a " inside a name, write \\" ("Say \\"no\\" to it") or quote the name with curly quotes “…” (at character 7).',
      'no',
      7,
    ],
    [
      'A WHERE Borough IN ("Hack"ney", Camden)',
      'This quotation mark is never closed: end the name with "; to put a " inside a name, write \\" ("Say \\"no\\" to it") or quote the name with curly quotes “…” (at character 30).',
      '"',
      30,
    ],
    ['“Tackling stigma"', 'This quotation mark is never closed: end the name with ” (at character 1).', '“', 1],
    ['"Tackling stigma" AND AND x', 'Expected a code or "(", found AND: a name spelt like a keyword goes in quotes, "AND" (at character 23).', 'AND', 23],
    ['Tackling stigma', 'Expected AND, OR, NEAR, FOLLOWED BY, WHERE or the end of the query, found "stigma": put a name with spaces in quotes, "Tackling stigma" (at character 10).', 'stigma', 10],
    ['"Tackling stigma', 'This quotation mark is never closed: end the name with " (at character 1).', '"', 1],
    ['(A OR B AND C', 'Expected ")" to close the "(" at character 1, found the end of the query (at character 14).', '', 14],
    ['A NEAR B', 'Expected "(" after NEAR (NEAR(50) for within 50 characters, NEAR(turn) for the same speaker turn, NEAR(paragraph) for the same paragraph), found "B" (at character 8).', 'B', 8],
    ['A NEAR(sentence) B', 'Expected a number of characters, TURN or PARAGRAPH (NEAR(50) for within 50 characters, NEAR(turn) for the same speaker turn, NEAR(paragraph) for the same paragraph), found "sentence" (at character 8).', 'sentence', 8],
    ['A FOLLOWED B', 'Expected BY after FOLLOWED, found "B" (at character 12).', 'B', 12],
    ['A ! B', 'A lone "!" means nothing here: write != for "is not" (at character 3).', '!', 3],
    ['A WHERE Borough = Hackney OR Borough = Camden', 'Expected AND or the end of the query, found OR: conditions are joined with AND; for one of several values write IN ("A", "B") (at character 27).', 'OR', 27],
    ['A WHERE CODER < Tom', 'Expected =, != or IN after CODER, found "<" (at character 15).', '<', 15],
    ['A WHERE Borough Hackney', 'Expected =, !=, <, <=, >, >= or IN after the attribute "Borough", found "Hackney" (at character 17).', 'Hackney', 17],
    ['A WHERE Borough IN (Hackney Camden)', 'Expected "," or ")" to close the list, found "Camden" (at character 29).', 'Camden', 29],
    ['A NEAR(5) NOT B', 'Expected a code or "(", found NOT: NEAR and FOLLOWED BY take a code or a bracketed group, (NOT …) (at character 11).', 'NOT', 11],
    ['A BY', 'Expected a coder, or a list in brackets, found the end of the query (at character 5).', '', 5],
    ['""', 'An empty name ("") names nothing (at character 1).', '""', 1],
  ])('%j', (query, message, at, column) => {
    expect(errorOf(query)).toEqual({ message, at, column });
  });

  it('refuses nesting deeper than anyone writes, and overlong queries, without overflowing the stack', () => {
    expect(errorOf(`${'('.repeat(500)}A${')'.repeat(500)}`).message).toMatch(/nested too deeply/);
    expect(errorOf(`${'NOT '.repeat(500)}A`).message).toMatch(/nested too deeply/);
    expect(errorOf('A OR '.repeat(3000) + 'A').message).toMatch(/too long/);
  });

  it('shows the query with a caret under the faulty part', () => {
    const query = '"Tackling stigma" AND AND x';
    try {
      parseQuery(query);
    } catch (err) {
      expect(formatQueryError(query, err as QueryError).split('\n').slice(0, 2)).toEqual([query, '                      ^^^']);
    }
    expect.assertions(1);
  });
});
