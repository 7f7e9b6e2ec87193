import type { Dispatch } from 'react';
import type { HistoryState, ProjectSnapshot } from '../../../../shared/api/contract';
import type { ApiError } from '../../api/client';
import type { AppAction } from '../../app/appStore';
import { CodebookPanel } from '../codebook/CodebookPanel';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { MemoPanel } from '../memos/MemoPanel';
import { WorkbenchDnd } from '../workbench/WorkbenchDnd';
import { WorkbenchProvider } from '../workbench/WorkbenchProvider';
import { CentreView } from './CentreView';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import styles from './ProjectView.module.css';
import { useProject, useDocumentActions } from '../workbench/state/contexts';

export interface ProjectViewProps {
  project: ProjectSnapshot;
  coderName: string | null;
  /** The undo history when the project view opened (AppState.history). */
  history: HistoryState;
  /** Bumped when the project changed on disk. */
  revision: number;
  onClose: () => Promise<void>;
  onError: (error: ApiError) => void;
  /** Sends the app what the workbench's changes return (the app owns the snapshot). */
  dispatch: Dispatch<AppAction>;
}

/** The workbench: documents on the left, the reader (or a retrieval view) in the middle, the codebook on the right. */
export function ProjectView({ project, coderName, history, revision, onClose, onError, dispatch }: ProjectViewProps) {
  return (
    <WorkbenchProvider project={project} coderName={coderName} history={history} dispatch={dispatch} onError={onError}>
      <Workbench revision={revision} onClose={onClose} />
    </WorkbenchProvider>
  );
}

function Workbench({ revision, onClose }: { revision: number; onClose: () => Promise<void> }) {
  const { project } = useProject();
  const { flushWorkspace } = useDocumentActions();

  return (
    <div className={styles.project}>
      <TopBar
        name={project.name}
        path={project.path}
        onClose={async () => {
          await flushWorkspace();
          await onClose();
        }}
      />
      <WorkbenchDnd>
        <div className={styles.projectPanes}>
          <aside className={styles.projectSide} aria-label="Documents" data-f6-pane="">
            <DocumentsPanel />
          </aside>
          <CentreView revision={revision} />
          <aside className={styles.projectSide} aria-label="Codebook" data-f6-pane="">
            <MemoPanel />
            <CodebookPanel />
          </aside>
        </div>
      </WorkbenchDnd>
      <StatusBar />
    </div>
  );
}
