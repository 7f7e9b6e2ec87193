import type { AppState, ChangeResult, HistoryState, ProjectSnapshot } from '../../../shared/api/contract';
import { applyDelta } from '../../../shared/api/snapshot-delta';
import type { ApiError } from '../api/client';

/**
 * The one owner of the app's state: the AppState the backend reported, with the open project's
 * snapshot kept up to date by every change's reply. Everything below the app reads it; the
 * workbench sends it what its changes return.
 */
export type AppBoot = { status: 'loading' } | { status: 'failed'; error: ApiError } | { status: 'ready'; state: AppState };

export type AppAction =
  | { type: 'loading' }
  | { type: 'failed'; error: ApiError }
  /** The whole AppState, as app.getState (or app.setCoderName) returned it. */
  | { type: 'loaded'; state: AppState }
  /** A project just opened: its history starts empty. */
  | { type: 'opened'; project: ProjectSnapshot }
  /** A change's reply (a coding, an undo, a colleague's work imported). */
  | { type: 'changed'; result: ChangeResult }
  /** A snapshot handed back outside a change (an import run). */
  | { type: 'snapshot'; project: ProjectSnapshot }
  | { type: 'history'; history: HistoryState };

export const NO_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

/** The project after a change: its reply carries what changed (a delta), applied to the snapshot held here. */
export function projectAfter(project: ProjectSnapshot, result: ChangeResult): ProjectSnapshot {
  return applyDelta(project, result.delta);
}

function withState(boot: AppBoot, update: (state: AppState) => AppState): AppBoot {
  return boot.status === 'ready' ? { status: 'ready', state: update(boot.state) } : boot;
}

export function appReducer(boot: AppBoot, action: AppAction): AppBoot {
  switch (action.type) {
    case 'loading':
      return { status: 'loading' };
    case 'failed':
      return { status: 'failed', error: action.error };
    case 'loaded':
      return { status: 'ready', state: action.state };
    case 'opened':
      return withState(boot, (s) => ({ ...s, project: action.project, history: NO_HISTORY }));
    case 'changed':
      return withState(boot, (s) => (s.project ? { ...s, project: projectAfter(s.project, action.result), history: action.result.history } : s));
    case 'snapshot':
      return withState(boot, (s) => ({ ...s, project: action.project }));
    case 'history':
      return withState(boot, (s) => ({ ...s, history: action.history }));
  }
}
