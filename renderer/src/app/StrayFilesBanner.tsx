import { useState } from 'react';
import type { StrayFilesView } from '../../../shared/api/contract';
import { plural } from '../../../shared/text/plural';
import { ApiError } from '../api/client';
import { useApi } from '../api/context';
import { Button } from '../ui/Button';
import styles from './app.module.css';

export interface StrayFilesBannerProps {
  strays: StrayFilesView;
  /** The repair was made: its message, for a note (the project is read again). */
  onRepaired: (message: string) => void;
  onFailed: (error: ApiError) => void;
}

/**
 * Stays at the top of a project whose folder holds files project.json does not list (a coder's
 * file whose coder it lost, a transcript whose document it lost) and offers, in one click, to
 * re-attach them (one undoable change) or to move them into damaged/.
 */
export function StrayFilesBanner({ strays, onRepaired, onFailed }: StrayFilesBannerProps) {
  const api = useApi();
  const [busy, setBusy] = useState<'reattach' | 'setAside' | null>(null);
  const coders = strays.coderFiles.filter((f) => f.endsWith('.json')).length;
  const transcripts = strays.transcripts.filter((f) => f.endsWith('.txt')).length;
  const what = [coders > 0 ? plural(coders, 'coder file') : '', transcripts > 0 ? plural(transcripts, 'transcript') : ''].filter(Boolean).join(' and ');
  const files = [...strays.coderFiles, ...strays.transcripts];

  async function repair(action: 'reattach' | 'setAside') {
    setBusy(action);
    try {
      const result = await api.call('project.repairStrayFiles', { action });
      onRepaired(result.message);
    } catch (err) {
      onFailed(ApiError.from(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className={styles.readonly} role="status" aria-label="Files the project does not list">
      <svg className={styles.readonlyIcon} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <path d="M2 4.5h4l1.5 1.5H14v7H2z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
        <path d="M8 8v2.5M8 12v.1" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
      </svg>
      <div className={styles.readonlyBody}>
        <p className={styles.readonlyReason}>
          <strong className={styles.readonlyLabel}>{what || plural(files.length, 'file')} in this project folder {files.length === 1 ? 'is' : 'are'} not listed in project.json.</strong>{' '}
          Re-attaching recreates each coder from their file and lists each transcript as a document again (one step you can undo); moving aside puts them in damaged/.
        </p>
        <details className={styles.restoreOlder}>
          <summary>{plural(files.length, 'file')}</summary>
          <ul className={styles.restoreList}>
            {files.map((f) => (
              <li key={f}>
                <code>{f}</code>
              </li>
            ))}
          </ul>
        </details>
        <div className={styles.restore}>
          <Button size="sm" variant="primary" disabled={busy !== null} aria-busy={busy === 'reattach' || undefined} onClick={() => void repair('reattach')}>
            {busy === 'reattach' ? 'Re-attaching…' : 'Re-attach'}
          </Button>
          <Button size="sm" disabled={busy !== null} aria-busy={busy === 'setAside' || undefined} onClick={() => void repair('setAside')}>
            {busy === 'setAside' ? 'Moving…' : 'Move aside'}
          </Button>
        </div>
      </div>
    </section>
  );
}
