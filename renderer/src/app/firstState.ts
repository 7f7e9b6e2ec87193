import type { AppState } from '../../../shared/api/contract';
import type { ApiClient, ApiEvent } from '../api/client';
import { LIST_PAGE, offerFirstPage } from '../features/workbench/state/documentDirectory';

/**
 * The app's first state, asked for as soon as the page's script has run rather than from an
 * effect after React's first paint (which put a tenth of a second or more into app load), with
 * the Documents list's first page when a project is open. It listens from the start, because a
 * startup error is pushed right after the first reply; what it heard before the app listens is
 * handed over.
 */
export interface FirstState {
  state: Promise<AppState>;
  /** Stops listening and returns the events heard so far (call once the app listens itself). */
  takeEvents(): ApiEvent[];
}

export function askFirstState(api: ApiClient): FirstState {
  const heard: ApiEvent[] = [];
  const stop = api.onEvent((event) => heard.push(event));
  const state = api.call('app.getState', {}).then(async (first) => {
    const project = first.project;
    if (project && project.documents.count > 0) {
      // The Documents list's first rows too, before the workbench renders (documentDirectory.ts).
      try {
        offerFirstPage(project.path, await api.call('documents.page', { filter: {}, offset: 0, limit: LIST_PAGE }));
      } catch {
        // The list asks again, and reports its own failure.
      }
    }
    return first;
  });
  // Read by the app; a failure is its to show (unhandled here only until then).
  state.catch(() => undefined);
  return {
    state,
    takeEvents() {
      stop();
      return heard.splice(0);
    },
  };
}
