import { useState } from 'react';
import type { RestoreResult } from '../../../shared/api/contract';
import type { RestoreOffer } from '../../../shared/api/errors';
import { ApiError } from '../api/client';
import { useApi } from '../api/context';
import { Button } from '../ui/Button';
import { backupButtons } from './reliability';
import styles from './app.module.css';

export interface RestoreActionsProps {
  offer: RestoreOffer;
  /** The file was restored and the project opened. */
  onRestored: (result: RestoreResult) => void;
  /** Restoring failed: the new error (it may carry another offer). */
  onFailed: (error: ApiError) => void;
}

/**
 * "Restore the backup of <when>" for an error that carries a restore offer, and the older
 * backups when there are more. Calls project.restoreBackup, which keeps the damaged file in
 * damaged/ and opens the project.
 */
export function RestoreActions({ offer, onRestored, onFailed }: RestoreActionsProps) {
  const api = useApi();
  const [busy, setBusy] = useState<string | null>(null);
  const [newest, ...older] = backupButtons(offer.backups);
  if (!newest) return null;

  async function restore(backup: string, chosen: boolean) {
    setBusy(backup);
    try {
      const result = await api.call('project.restoreBackup', {
        path: offer.projectPath,
        file: offer.file,
        ...(chosen && { backup }),
      });
      setBusy(null);
      onRestored(result);
    } catch (err) {
      setBusy(null);
      onFailed(ApiError.from(err));
    }
  }

  return (
    <div className={styles.restore}>
      <Button size="sm" variant="primary" disabled={busy !== null} aria-busy={busy === newest.backup || undefined} onClick={() => void restore(newest.backup, false)}>
        {busy === newest.backup ? 'Restoring…' : newest.label}
      </Button>
      {older.length > 0 ? (
        <details className={styles.restoreOlder}>
          <summary>
            {older.length === 1 ? '1 older backup' : `${older.length} older backups`} of {offer.file}
          </summary>
          <ul className={styles.restoreList}>
            {older.map((b) => (
              <li key={b.backup}>
                <Button size="sm" disabled={busy !== null} aria-busy={busy === b.backup || undefined} onClick={() => void restore(b.backup, true)}>
                  {busy === b.backup ? 'Restoring…' : b.label}
                </Button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
