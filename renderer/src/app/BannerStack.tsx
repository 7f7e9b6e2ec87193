import type { ReactNode } from 'react';
import type { RestoreResult } from '../../../shared/api/contract';
import type { ApiError } from '../api/client';
import { AppErrorAlert } from './AppErrorAlert';
import { Notice } from './Notice';
import type { BannerError, InfoNote, StartupNotice } from './useAppState';
import styles from './app.module.css';

export interface BannerStackProps {
  /** A lasting banner shown first (the read-only banner of the open project). */
  lead?: ReactNode;
  notes: InfoNote[];
  notices: StartupNotice[];
  banners: BannerError[];
  onDismissNote: (key: string) => void;
  onDismissNotice: (key: string) => void;
  onDismiss: (id: number) => void;
  onRestored: (result: RestoreResult) => void;
  /** A restore offered by a notice (string key) or a banner (id) failed with this error. */
  onRestoreFailed: (source: number | string, error: ApiError) => void;
}

/**
 * The strip above every screen: the read-only banner, what was repaired or restored, problems
 * met at start-up, and errors (pushed by the backend or met anywhere), newest last, each
 * dismissible; an error that offers a backup offers to restore it.
 */
export function BannerStack(props: BannerStackProps) {
  const { lead, notes, notices, banners, onDismissNote, onDismissNotice, onDismiss, onRestored, onRestoreFailed } = props;
  if (!lead && notes.length === 0 && notices.length === 0 && banners.length === 0) return null;
  return (
    <div className={styles.appBanners}>
      {lead}
      {notes.map((n) => (
        <Notice key={n.key} text={n.text} onDismiss={() => onDismissNote(n.key)} />
      ))}
      {notices.map((n) => (
        <AppErrorAlert
          key={n.key}
          error={n.error}
          onDismiss={() => onDismissNotice(n.key)}
          onRestored={onRestored}
          onRestoreFailed={(error) => onRestoreFailed(n.key, error)}
        />
      ))}
      {banners.map((b) => (
        <AppErrorAlert
          key={b.id}
          error={b.error}
          onDismiss={() => onDismiss(b.id)}
          onRestored={onRestored}
          onRestoreFailed={(error) => onRestoreFailed(b.id, error)}
        />
      ))}
    </div>
  );
}
