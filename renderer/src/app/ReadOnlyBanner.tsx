import { useState } from 'react';
import type { ProjectSnapshot } from '../../../shared/api/contract';
import { ApiError } from '../api/client';
import { useApi } from '../api/context';
import { Button } from '../ui/Button';
import styles from './app.module.css';

export interface ReadOnlyBannerProps {
  path: string;
  reason: string;
  /** Set (a new value each time) when a change was just refused because of this: said once under the reason. */
  refusal: number | null;
  /** The project opened again (read-only still, or now writable). */
  onReopened: (snapshot: ProjectSnapshot) => void;
  /** Opening it again failed (the project is then closed here). */
  onFailed: (error: ApiError) => void;
}

/**
 * Stays at the top of the project while changes cannot be saved here: says why (another
 * window holds the project, or its folder cannot be written) and offers to try again, which
 * opens the project anew and so takes its lock if it was freed.
 */
export function ReadOnlyBanner({ path, reason, refusal, onReopened, onFailed }: ReadOnlyBannerProps) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [stillAt, setStillAt] = useState<string | null>(null);

  async function tryAgain() {
    setBusy(true);
    try {
      const snapshot = await api.call('project.open', { path });
      setStillAt(snapshot.readOnly ? new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : null);
      onReopened(snapshot);
    } catch (err) {
      onFailed(ApiError.from(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={[styles.readonly, refusal === null ? '' : styles.readonlyRefused].filter(Boolean).join(' ')} role="status" aria-label="Read-only project">
      <svg className={styles.readonlyIcon} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <rect x="3" y="7" width="10" height="7" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
        <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" strokeWidth="1.4" />
      </svg>
      <div className={styles.readonlyBody}>
        <p className={styles.readonlyReason}>
          <strong className={styles.readonlyLabel}>Read-only.</strong> {reason}
        </p>
        {refusal === null ? null : (
          // Keyed by the refusal, so each new one is announced (and flagged) again.
          <p key={refusal} className={styles.readonlyRefused} role="alert">
            Your change was not saved.
          </p>
        )}
        {stillAt ? <p className={styles.readonlyStill}>Tried again at {stillAt}: still read-only.</p> : null}
      </div>
      <Button size="sm" onClick={() => void tryAgain()} disabled={busy} aria-busy={busy || undefined}>
        {busy ? 'Trying…' : 'Try again'}
      </Button>
    </section>
  );
}
