import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Dispatch, ReactNode } from 'react';
import type { ChangeChannel, ChangeResult, HistoryState, Input, ProjectSnapshot } from '../../../../../shared/api/contract';
import { ApiError } from '../../../api/client';
import { useApi } from '../../../api/context';
import type { AppAction } from '../../../app/appStore';
import { CoderNameDialog } from '../CoderNameDialog';
import { ChangeActionsContext, ProjectStateContext, useViewActions } from './contexts';
import type { ChangeActions, ProjectState } from './contexts';
import { useChangeRunner } from './useChangeRunner';
import { useDocumentDirectory } from './useDocuments';

export interface ProjectProviderProps {
  /** The app's project, history and coder name: the app owns them, this reads them. */
  project: ProjectSnapshot;
  history: HistoryState;
  coderName: string | null;
  dispatch: Dispatch<AppAction>;
  onError: (error: ApiError) => void;
  children: ReactNode;
}

type NameRequest = { mode: 'first' | 'switch' };

function bumped(revisions: ReadonlyMap<string, number>, documentIds: readonly string[]): ReadonlyMap<string, number> {
  if (documentIds.length === 0) return revisions;
  const next = new Map(revisions);
  for (const id of documentIds) next.set(id, (next.get(id) ?? 0) + 1);
  return next;
}

/** Changes to the project: every one goes through change() (or undo/redo), and the app takes its reply. */
export function ProjectProvider({ project, history, coderName, dispatch, onError, children }: ProjectProviderProps) {
  const api = useApi();
  const { say } = useViewActions();
  const [quickCodes, setQuickCodesState] = useState<string[]>(() => project.workspace.quickCodes);
  const [codingRevisions, setCodingRevisions] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [nameRequest, setNameRequest] = useState<NameRequest | null>(() => (coderName ? null : { mode: 'first' }));
  // Read by actions that must keep their identity (so that dispatching never re-renders).
  const latest = useRef({ history });
  useEffect(() => {
    latest.current = { history };
  });
  const directory = useDocumentDirectory();

  const showError = useCallback((error: unknown) => onError(ApiError.from(error)), [onError]);

  const nameWaiters = useRef<((ok: boolean) => void)[]>([]);
  const requestCoderName = useCallback((mode: 'first' | 'switch') => {
    setNameRequest({ mode });
    return new Promise<boolean>((resolve) => nameWaiters.current.push(resolve));
  }, []);
  const settleNameRequest = useCallback((ok: boolean) => {
    setNameRequest(null);
    const waiters = nameWaiters.current;
    nameWaiters.current = [];
    for (const resolve of waiters) resolve(ok);
  }, []);

  const onApplied = useCallback(
    (result: ChangeResult) => {
      setCodingRevisions((r) => bumped(r, result.affectedDocumentIds));
      say(result.message);
    },
    [say],
  );
  // Rolled back: every document a reader may show reloads its codings (those never sent load fresh when opened).
  const onRolledBack = useCallback(() => setCodingRevisions((r) => bumped(r, directory.knownIds())), [directory]);
  const { run, apply, refuseReadOnly } = useChangeRunner({ project, dispatch, onError, onApplied, requestCoderName, onRolledBack });

  const change = useCallback(<C extends ChangeChannel>(channel: C, input: Input<C>) => run(() => api.call(channel, input) as Promise<ChangeResult>), [api, run]);

  const stepHistory = useCallback(
    async (direction: 'undo' | 'redo') => {
      const state = latest.current.history;
      if (direction === 'undo' ? !state.canUndo : !state.canRedo) {
        say(direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
        return;
      }
      await run(() => api.call(direction === 'undo' ? 'history.undo' : 'history.redo', {}));
    },
    [api, run, say],
  );

  const takeSnapshot = useCallback(
    (snapshot: ProjectSnapshot) => {
      dispatch({ type: 'snapshot', project: snapshot });
      // An attribute-table import is an undoable step: the history may have changed too.
      api.call('history.state', {}).then((h) => dispatch({ type: 'history', history: h }), showError);
    },
    [api, dispatch, showError],
  );

  /** Sets the coder name; resolves true when the backend took it. */
  const applyCoderName = useCallback(
    async (name: string): Promise<boolean> => {
      try {
        const state = await api.call('app.setCoderName', { name });
        dispatch({ type: 'loaded', state });
        say(`Coding as ${state.coderName ?? name}.`);
        return true;
      } catch (err) {
        showError(err);
        return false;
      }
    },
    [api, dispatch, say, showError],
  );

  const setQuickCodes = useCallback(
    (codeIds: string[]) => {
      const next = codeIds.slice(0, 9);
      setQuickCodesState(next);
      api.call('workspace.update', { quickCodes: next }).then(() => undefined, showError);
    },
    [api, showError],
  );

  const actions = useMemo<ChangeActions>(
    () => ({
      change,
      undo: () => stepHistory('undo'),
      redo: () => stepHistory('redo'),
      refuseReadOnly,
      applyChange: apply,
      takeSnapshot,
      setCoderName: async (name) => void (await applyCoderName(name)),
      requestCoderName,
      setQuickCodes,
      showError,
    }),
    [change, stepHistory, refuseReadOnly, apply, takeSnapshot, applyCoderName, requestCoderName, setQuickCodes, showError],
  );
  const state = useMemo<ProjectState>(
    () => ({ project, history, coderName, quickCodes, codingRevisions }),
    [project, history, coderName, quickCodes, codingRevisions],
  );

  return (
    <ChangeActionsContext value={actions}>
      <ProjectStateContext value={state}>
        {children}
        {nameRequest ? (
          <CoderNameDialog
            mode={nameRequest.mode}
            current={coderName}
            onDone={async (name) => {
              if (name === null) settleNameRequest(false);
              else if (await applyCoderName(name)) settleNameRequest(true);
            }}
          />
        ) : null}
      </ProjectStateContext>
    </ChangeActionsContext>
  );
}
