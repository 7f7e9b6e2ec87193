import { useEffect, useState } from 'react';
import type { FolderListing } from '../../../../shared/api/contract';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { Button } from '../../ui/Button';
import { DialogModal } from '../../ui/DialogModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import styles from './folderChooser.module.css';

export interface FolderChooserProps {
  /** 'project': pick a project folder to open; 'colleague': a colleague's project folder to import from; 'location': where a new project goes. */
  purpose: 'project' | 'colleague' | 'location';
  /** Where to open (default: where projects are made). */
  startAt?: string;
  onChoose: (path: string) => void;
  onClose: () => void;
}

const TEXTS: Record<FolderChooserProps['purpose'], { title: string; description: string; choose: string }> = {
  project: { title: 'Open a project', description: 'Project folders are marked. Open one, or go into folders to find it.', choose: 'Open this project' },
  colleague: {
    title: 'Import from a colleague’s project folder',
    description: 'Project folders are marked. Every coder in theirs is brought in, except you and coders already working here; their folder is only read, never changed.',
    choose: 'Import from this project',
  },
  location: { title: 'Choose where the project goes', description: 'Go into the folder that should hold the new project, then choose it.', choose: 'Choose this folder' },
};

/**
 * Browser mode's folder chooser: the backend lists the folders of the user's home folder and
 * below (`folders.list`), and the user clicks through them; no path is ever typed.
 */
export function FolderChooser({ purpose, startAt, onChoose, onClose }: FolderChooserProps) {
  const api = useApi();
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  function go(path?: string) {
    api.call('folders.list', path === undefined ? {} : { path }).then(
      (next) => {
        setError(null);
        setListing(next);
      },
      (err: unknown) => setError(ApiError.from(err)),
    );
  }

  useEffect(() => {
    go(startAt);
    // Once, on opening: later moves go through go().
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const picksProject = purpose !== 'location';
  const openable = picksProject && listing?.isProject === true;
  const { title, description, choose } = TEXTS[purpose];

  return (
    <DialogModal
      title={title}
      description={description}
      wide
      onClose={onClose}
      actions={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          {purpose === 'location' ? (
            <Button variant="primary" disabled={!listing} onClick={() => listing && onChoose(listing.path)}>
              {choose}
            </Button>
          ) : (
            <Button variant="primary" disabled={!openable} onClick={() => listing && onChoose(listing.path)}>
              {choose}
            </Button>
          )}
        </>
      }
    >
      {error ? <ErrorAlert error={error} onDismiss={() => setError(null)} /> : null}
      {listing ? (
        <>
          <nav aria-label="Folder path" className={styles.trail}>
            {listing.trail.map((step, i) => (
              <span key={step.path} className={styles.step}>
                {i > 0 ? <span aria-hidden="true" className={styles.separator}>/</span> : null}
                <button
                  type="button"
                  className={styles.crumb}
                  aria-current={i === listing.trail.length - 1 ? 'location' : undefined}
                  onClick={() => go(step.path)}
                >
                  {i === 0 ? 'Home' : step.name}
                </button>
              </span>
            ))}
          </nav>
          {listing.folders.length === 0 ? (
            <p className={styles.empty}>No folders in here.</p>
          ) : (
            <ul className={styles.list} aria-label={`Folders in ${listing.trail.at(-1)?.name ?? 'this folder'}`}>
              {listing.folders.map((folder) => (
                <li key={folder.path}>
                  {folder.isProject && picksProject ? (
                    <button type="button" className={styles.folder} data-project="" onClick={() => onChoose(folder.path)}>
                      <FolderIcon project />
                      <span className={styles.name}>{folder.name}</span>
                      <span className={styles.badge}>{purpose === 'project' ? 'Open project' : 'Import from it'}</span>
                    </button>
                  ) : (
                    <button type="button" className={styles.folder} onClick={() => go(folder.path)}>
                      <FolderIcon project={folder.isProject} />
                      <span className={styles.name}>{folder.name}</span>
                      {folder.isProject ? <span className={styles.badge}>Project</span> : null}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {listing.truncated ? <p className={styles.empty}>Only the first folders are shown.</p> : null}
        </>
      ) : error ? null : (
        <p className={styles.empty}>Reading folders…</p>
      )}
    </DialogModal>
  );
}

function FolderIcon({ project }: { project: boolean }) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" className={project ? styles.iconProject : styles.icon}>
      <path d="M1.5 4.5a1 1 0 0 1 1-1h3.6l1.4 1.5h6a1 1 0 0 1 1 1v6.5a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1z" fill="currentColor" />
    </svg>
  );
}
