import type { ApiError } from '../api/client';
import { Button } from '../ui/Button';
import { ErrorAlert } from '../ui/ErrorAlert';
import styles from './app.module.css';

export function BootFailure({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  return (
    <div className={styles.appCenter}>
      <div className={styles.appFailure}>
        <h1 className={styles.appFailureTitle}>Marginalia could not start</h1>
        <ErrorAlert error={error} />
        <div>
          <Button variant="primary" onClick={onRetry}>
            Try again
          </Button>
        </div>
      </div>
    </div>
  );
}
