import type { Dispatch, ReactNode } from 'react';
import type { HistoryState, ProjectSnapshot } from '../../../../shared/api/contract';
import type { ApiError } from '../../api/client';
import type { AppAction } from '../../app/appStore';
import { CodePalette } from './CodePalette';
import { ShortcutSheet } from './ShortcutSheet';
import { DocumentProvider } from './state/DocumentProvider';
import { ProjectProvider } from './state/ProjectProvider';
import { useView, useViewActions } from './state/contexts';
import { DocumentDirectoryProvider } from './state/useDocuments';
import { ViewProvider } from './state/ViewProvider';
import { WorkbenchShortcuts } from './WorkbenchShortcuts';

export interface WorkbenchProviderProps {
  project: ProjectSnapshot;
  coderName: string | null;
  history: HistoryState;
  /** Where the workbench sends what its changes return: the app owns the snapshot. */
  dispatch: Dispatch<AppAction>;
  /** Shows an error in the app's banner stack. */
  onError: (error: ApiError) => void;
  children: ReactNode;
}

/**
 * The workbench's state, in small providers (see state/contexts.ts): the view outermost (the
 * status line is spoken to from everywhere), the project's documents (sent a page at a time),
 * then the project and its changes, then the open document and the selection.
 */
export function WorkbenchProvider({ project, coderName, history, dispatch, onError, children }: WorkbenchProviderProps) {
  return (
    <ViewProvider>
      <DocumentDirectoryProvider path={project.path} tally={project.documents} sets={project.sets} onError={onError}>
        <ProjectProvider project={project} history={history} coderName={coderName} dispatch={dispatch} onError={onError}>
          <DocumentProvider>
            {children}
            <WorkbenchShortcuts />
            <Palette />
            <Shortcuts />
          </DocumentProvider>
        </ProjectProvider>
      </DocumentDirectoryProvider>
    </ViewProvider>
  );
}

function Palette() {
  const { paletteOpen } = useView();
  const { setPaletteOpen } = useViewActions();
  return paletteOpen ? <CodePalette onClose={() => setPaletteOpen(false)} /> : null;
}

function Shortcuts() {
  const { shortcutsOpen } = useView();
  const { setShortcutsOpen } = useViewActions();
  return shortcutsOpen ? <ShortcutSheet onClose={() => setShortcutsOpen(false)} /> : null;
}
