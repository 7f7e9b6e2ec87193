import styles from './query.module.css';

/** Why a query cannot be run, under the query with the faulty part marked. */
export function QueryErrorNote({ query, message, start, end }: { query: string; message: string; start: number; end: number }) {
  const to = Math.max(end, start + 1);
  return (
    <div className={styles.queryError} role="alert">
      <p className={styles.queryErrorMessage}>{message}</p>
      <pre className={styles.queryErrorText} aria-label="Where in the query">
        {query.slice(0, start)}
        <mark className={styles.queryErrorMark}>{query.slice(start, to) || ' '}</mark>
        {query.slice(to)}
      </pre>
    </div>
  );
}
