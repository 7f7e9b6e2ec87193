import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input, ProjectSnapshot } from '../../../../../shared/api/contract';
import { useApi } from '../../../api/context';

/** How long the reader's scroll position rests before it is saved to the workspace. */
const SCROLL_SAVE_DELAY_MS = 500;

/**
 * Where the user is in the project (last document, scroll offset, whose codings shown), saved to the workspace:
 * scroll positions after a pause, and anything pending when the page hides or the workbench goes.
 */
export function useWorkspaceMemory(project: ProjectSnapshot, showError: (error: unknown) => void) {
  const api = useApi();
  // Where the user left off: taken once, by the reader that opens that document first.
  const initialScroll = useRef<{ documentId: string; scrollTop: number } | null>(
    project.workspace.lastDocumentId ? { documentId: project.workspace.lastDocumentId, scrollTop: project.workspace.scrollTop } : null,
  );
  // The last document, if it began to open last time and was never shown: the app froze or was closed on it.
  const [heldAtLaunch] = useState(() => {
    const { openingDocumentId: opening, lastDocumentId: last } = project.workspace;
    // The backend forgets documents deleted since: a remembered one still exists.
    return opening && opening === last ? opening : null;
  });
  const opening = useRef<string | null>(null);
  const pendingScroll = useRef<{ documentId: string; scrollTop: number } | null>(null);
  const scrollTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const takeInitialScroll = useCallback((docId: string) => {
    const saved = initialScroll.current;
    initialScroll.current = null;
    return saved && saved.documentId === docId ? saved.scrollTop : null;
  }, []);

  const save = useCallback(
    (update: Input<'workspace.update'>) => api.call('workspace.update', update).then(() => undefined, showError),
    [api, showError],
  );

  const cancelPending = useCallback(() => {
    if (scrollTimer.current) clearTimeout(scrollTimer.current);
    scrollTimer.current = null;
    pendingScroll.current = null;
  }, []);

  const flushWorkspace = useCallback(async () => {
    const pending = pendingScroll.current;
    cancelPending();
    if (pending) await save({ lastDocumentId: pending.documentId, scrollTop: pending.scrollTop });
  }, [cancelPending, save]);

  const rememberScroll = useCallback(
    (docId: string, scrollTop: number) => {
      pendingScroll.current = { documentId: docId, scrollTop: Math.max(0, Math.round(scrollTop)) };
      if (scrollTimer.current) clearTimeout(scrollTimer.current);
      scrollTimer.current = setTimeout(() => void flushWorkspace(), SCROLL_SAVE_DELAY_MS);
    },
    [flushWorkspace],
  );

  /** Another document opened: the scroll slot belongs to it now (a pending save for the old one is moot). */
  const documentOpened = useCallback(
    (docId: string) => {
      cancelPending();
      opening.current = docId;
      void save({ lastDocumentId: docId, scrollTop: 0, openingDocumentId: docId });
    },
    [cancelPending, save],
  );

  /** The last document is reopening at launch: marked until it is shown, as one opened by hand is. */
  const documentReopening = useCallback(
    (docId: string) => {
      opening.current = docId;
      void save({ openingDocumentId: docId });
    },
    [save],
  );

  /** The document's text is on screen: it did not freeze the app, so it may be reopened at launch. */
  const documentShown = useCallback(
    (docId: string) => {
      if (opening.current !== docId) return;
      opening.current = null;
      void save({ openingDocumentId: null });
    },
    [save],
  );

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flushWorkspace();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      void flushWorkspace();
    };
  }, [flushWorkspace]);

  /** Whose codings the reader shows: kept per project, so it opens as it was left (the sample on all coders). */
  const coderViewChosen = useCallback((view: string) => void save({ coderView: view }), [save]);

  return { heldAtLaunch, takeInitialScroll, rememberScroll, flushWorkspace, documentOpened, documentReopening, documentShown, coderViewChosen };
}
