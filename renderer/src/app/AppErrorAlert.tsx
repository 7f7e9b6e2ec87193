import type { RestoreResult } from '../../../shared/api/contract';
import type { ApiError } from '../api/client';
import { Alert } from '../ui/Alert';
import { RestoreActions } from './RestoreActions';

export interface AppErrorAlertProps {
  error: ApiError;
  onDismiss?: () => void;
  onRestored: (result: RestoreResult) => void;
  /** Restoring failed: the new error replaces this one. */
  onRestoreFailed: (error: ApiError) => void;
}

/** An error as an alert, with "Restore the backup of …" when it carries a restore offer. */
export function AppErrorAlert({ error, onDismiss, onRestored, onRestoreFailed }: AppErrorAlertProps) {
  return (
    <Alert title={error.message} file={error.file} {...(onDismiss ? { onDismiss } : {})}>
      {error.restore ? <RestoreActions key={error.restore.backups[0]?.backup} offer={error.restore} onRestored={onRestored} onFailed={onRestoreFailed} /> : null}
    </Alert>
  );
}
