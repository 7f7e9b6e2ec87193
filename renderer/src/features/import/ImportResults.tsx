import type { ImportResult } from '../../../../shared/api/contract';
import { Alert } from '../../ui/Alert';
import { reasonSentence } from './files';
import { summariseResults } from './session';
import styles from './ImportResults.module.css';

const statusLabel: Record<ImportResult['status'], string> = {
  imported: 'Imported',
  skipped: 'Skipped',
  failed: 'Failed',
};

/** How many document names are listed before the rest fold into the details. */
const NAMES_SHOWN = 8;

/** What became of each file: imported (its documents), skipped or failed (why), with details. */
export function ImportResults({ results, runError }: { results: readonly ImportResult[]; runError: string | null }) {
  return (
    <div className={styles.importResults}>
      {runError ? (
        <Alert title="The import stopped before it finished">
          <p>{runError}</p>
          <p>Files imported before the problem are in the project.</p>
        </Alert>
      ) : (
        <p className={styles.importResultsSummary} role="status">
          {summariseResults(results)}
        </p>
      )}
      {results.length > 0 ? (
        <ul className={styles.importResultsList} aria-label="Import results">
          {results.map((result, i) => (
            <ResultItem key={i} result={result} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function ResultItem({ result }: { result: ImportResult }) {
  const message = result.status === 'failed' ? reasonSentence(result.fileName, result.message) : result.message;
  const names = result.documents;
  const shown = names.slice(0, NAMES_SHOWN);
  const more = names.slice(NAMES_SHOWN);
  const details = [...(more.length > 0 ? [`Also imported: ${more.join(', ')}.`] : []), ...result.details];
  return (
    <li className={styles.importResult} data-status={result.status}>
      <div className={styles.importResultHead}>
        <StatusIcon status={result.status} />
        <span className={styles.importResultStatus}>{statusLabel[result.status]}</span>
        <span className={'sr-only'}>: </span>
        <span className={styles.importResultFile}>{result.fileName}</span>
      </div>
      <p className={styles.importResultMessage}>{message}</p>
      {shown.length > 0 ? (
        <p className={styles.importResultDocs}>
          {names.length === 1 ? 'Document: ' : 'Documents: '}
          {shown.map((name, i) => (
            <span key={i}>
              {i > 0 ? ', ' : ''}
              <strong>{name}</strong>
            </span>
          ))}
          {more.length > 0 ? ` and ${more.length} more` : ''}
        </p>
      ) : null}
      {details.length > 0 ? (
        <details className={styles.importResultDetails}>
          <summary>Details ({details.length})</summary>
          <ul>
            {details.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}

function StatusIcon({ status }: { status: ImportResult['status'] }) {
  return (
    <span className={styles.importStatus} data-status={status} aria-hidden="true">
      <svg viewBox="0 0 16 16" width="14" height="14">
        {status === 'imported' ? (
          <path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        ) : status === 'skipped' ? (
          <path d="M3.5 8h9" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        ) : (
          <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        )}
      </svg>
    </span>
  );
}
