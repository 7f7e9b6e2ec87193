import { useState } from 'react';
import type { AppState, ProjectSnapshot, RestoreResult, TemplateId } from '../../../../shared/api/contract';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { AppErrorAlert } from '../../app/AppErrorAlert';
import { BrandMark } from './BrandMark';
import { NewProjectForm } from './NewProjectForm';
import { FolderChooser } from './FolderChooser';
import { RecentProjects } from './RecentProjects';
import { StartAction } from './StartAction';
import styles from './start.module.css';

type Mode = 'none' | 'open' | 'new';
/** What is in flight: an action name, or the path of a recent project. */
type Busy = { kind: 'sample' | 'open' | 'new' } | { kind: 'recent'; path: string } | null;

/** A stable ref callback: runs once when the alert appears. */
function scrollIntoView(el: HTMLElement | null) {
  el?.scrollIntoView({ block: 'nearest' });
}

export interface StartScreenProps {
  state: AppState;
  onOpened: (project: ProjectSnapshot) => void;
  /** A damaged file was restored from its backup (offered by an error) and its project opened. */
  onRestored: (result: RestoreResult) => void;
}

export function StartScreen({ state, onOpened, onRestored }: StartScreenProps) {
  const api = useApi();
  const [mode, setMode] = useState<Mode>('none');
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function run(next: NonNullable<Busy>, task: () => Promise<ProjectSnapshot | null>) {
    setBusy(next);
    setError(null);
    try {
      const project = await task();
      if (project) onOpened(project);
    } catch (err) {
      setError(ApiError.from(err));
    } finally {
      setBusy(null);
    }
  }

  function openSample() {
    setMode('none');
    void run({ kind: 'sample' }, () => api.call('project.openSample', {}));
  }

  function openProject() {
    if (mode === 'open') {
      setMode('none');
      return;
    }
    if (state.shell !== 'electron') {
      setMode('open');
      return;
    }
    void run({ kind: 'open' }, async () => {
      const picked = await api.call('dialog.pickProjectFolder', {});
      return picked ? api.call('project.open', { path: picked }) : null;
    });
  }

  function openPath(path: string) {
    setMode('none');
    void run({ kind: 'open' }, () => api.call('project.open', { path }));
  }

  function openRecent(path: string) {
    void run({ kind: 'recent', path }, () => api.call('project.open', { path }));
  }

  function createProject(input: { path: string; name: string; template: TemplateId }) {
    void run({ kind: 'new' }, () => api.call('project.create', input));
  }

  const isBusy = busy !== null;

  return (
    <main className={styles.start}>
      <div className={styles.startInner}>
        <header className={styles.startBrand}>
          <BrandMark />
          <div>
            <h1 className={styles.startTitle}>Marginalia</h1>
            <p className={styles.startTagline}>
              Code transcripts of interviews and community conversations, compare coders and export to Excel.
            </p>
          </div>
        </header>

        {error ? (
          // Scrolled into view: the action that failed may be far down the page.
          <div ref={scrollIntoView}>
            <AppErrorAlert error={error} onDismiss={() => setError(null)} onRestored={onRestored} onRestoreFailed={setError} />
          </div>
        ) : null}

        <section className={styles.startCard} aria-label="Get started">
          <div className={styles.startActions}>
            <StartAction
              title="Open the sample project"
              description="Look around with example transcripts and a ready-made codebook."
              busyLabel="Opening the sample…"
              busy={busy?.kind === 'sample'}
              disabled={isBusy}
              primary
              onClick={openSample}
            />
            <StartAction
              title="Open project…"
              description="Continue a Marginalia project folder on this computer."
              busyLabel="Waiting for a folder…"
              busy={busy?.kind === 'open' && mode !== 'open'}
              active={mode === 'open'}
              disabled={isBusy}
              onClick={openProject}
            />
            <StartAction
              title="New project…"
              description="An empty codebook or the Thrive LDN one, in Documents/Marginalia."
              active={mode === 'new'}
              disabled={isBusy}
              onClick={() => setMode(mode === 'new' ? 'none' : 'new')}
            />
          </div>

          {mode === 'open' ? <FolderChooser purpose="project" onChoose={openPath} onClose={() => setMode('none')} /> : null}
          {mode === 'new' ? (
            <NewProjectForm state={state} busy={busy?.kind === 'new'} onSubmit={createProject} onCancel={() => setMode('none')} />
          ) : null}
        </section>

        <RecentProjects
          projects={state.recentProjects}
          busyPath={busy?.kind === 'recent' ? busy.path : null}
          disabled={isBusy}
          onOpen={openRecent}
        />

        <p className={styles.startNote}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <rect x="3" y="7" width="10" height="7" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
            <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" strokeWidth="1.4" />
          </svg>
          Your data stays on this computer.
        </p>
      </div>
    </main>
  );
}
