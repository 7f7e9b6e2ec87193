import styles from './query.module.css';

/** The query language in brief, as the README documents it in full (shared/query/parser.ts is its grammar). */
const FORMS: readonly [write: string, finds: string][] = [
  ['"Tackling stigma"', 'text coded at the code or any of its sub-codes; a code by its name or its path, "Cross-cutting themes/Isolation and loneliness"'],
  ['A AND B, A OR B', 'text coded at both; text coded at either'],
  ['NOT A, A AND NOT B', 'the rest of each document; text coded at A but not at B'],
  ['A NEAR(50) B', 'a passage of A and one of B within 50 characters of each other, as one passage'],
  ['A NEAR(turn) B, A NEAR(paragraph) B', 'both in one speaker turn, or in one paragraph'],
  ['A FOLLOWED BY B', 'each passage of A with the next passage of B after it; FOLLOWED BY(200), (turn) or (paragraph) only when that one is so close'],
  ['A BY "Amara Okafor"', 'only that coder’s codings at A (several: BY ("Amara Okafor", "Tom Reilly"))'],
  ['… WHERE CODER = "Tom Reilly"', 'every code counts only that coder’s codings; also !=, IN (…), NOT IN (…)'],
  ['… WHERE DOCUMENT = "04 Lambeth: commissioners"', 'only these documents; SET = "Round one" for a document set'],
  ['… WHERE Borough = Hackney AND Participants >= 40', 'documents by attribute value; numbers and dates (2017-03-14) also <, <=, >, >='],
];

/** "Query language": every form a query can take, one line each, opened beside the query box. */
export function QueryLanguageHelp() {
  return (
    <details className={styles.queryLanguage}>
      <summary>Query language</summary>
      <table className={styles.queryLanguageTable}>
        <thead>
          <tr>
            <th scope="col">Write</th>
            <th scope="col">Finds</th>
          </tr>
        </thead>
        <tbody>
          {FORMS.map(([write, finds]) => (
            <tr key={write}>
              <th scope="row">
                <code>{write}</code>
              </th>
              <td>{finds}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        A and B stand for codes. NEAR and FOLLOWED BY bind tightest, then NOT, AND, OR; brackets group. Keywords and names are case-insensitive. A name with
        spaces goes in double quotes: inside straight quotes write \" for a quotation mark; a name in curly quotes ends only at the closing ”. A query is only
        ever read, never run as code.
      </p>
    </details>
  );
}
