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
  // The Documents list's first rows are asked for at the same time (documentDirectory.ts): with
  // no project open the backend refuses, and that is all.
  const page = api.call('documents.page', { filter: {}, offset: 0, limit: LIST_PAGE }).catch(() => null);
  const state = api.call('app.getState', {}).then(async (first) => {
    const rows = await page;
    // Kept only if it is this project's: the document count tells another project's page apart.
    if (first.project && rows && rows.count === first.project.documents.count) offerFirstPage(first.project.path, rows);
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
