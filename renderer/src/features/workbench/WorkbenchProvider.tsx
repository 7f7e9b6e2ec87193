import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { AppState, AttributeFilter, ChangeResult, HistoryState, Input, ProjectSnapshot } from '../../../../shared/api/contract';
import { applyDelta } from '../../../../shared/api/snapshot-delta';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { CodePalette } from './CodePalette';
import { CoderNameDialog } from './CoderNameDialog';
import { visibleCoders } from './coderView';
import { WorkbenchContext } from './context';
import { WorkbenchInternalsContext } from './internals';
import type { ExtentEdit, FocusRequest, WorkbenchInternals } from './internals';
import type { CentreView, ChangeChannel, CoderView, DocumentSpan, WorkbenchApi } from './types';
import { WorkbenchShortcuts } from './WorkbenchShortcuts';

export interface WorkbenchProviderProps {
  project: ProjectSnapshot;
  coderName: string | null;
  /** The undo history as the app last heard it (AppState.history). */
  history: HistoryState;
  /** Shows an error in the app's banner stack. */
  onError: (error: ApiError) => void;
  /** The app state changed here (the coder name was set): the app keeps it. */
  onAppState: (state: AppState) => void;
  children: ReactNode;
}

/** How long the reader's scroll position rests before it is saved to the workspace. */
const SCROLL_SAVE_DELAY_MS = 500;

type NameRequest = { mode: 'first' | 'switch' };

function firstDocumentId(project: ProjectSnapshot): string | null {
  const last = project.workspace.lastDocumentId;
  if (last && project.documents.some((d) => d.id === last)) return last;
  return project.documents[0]?.id ?? null;
}

/**
 * The workbench's state and actions (WorkbenchApi) over the ApiClient. Every change goes
 * through `change()`, so the project snapshot, the undo history, the status line and the open
 * reader all follow it the same way.
 */
export function WorkbenchProvider({ project: projectProp, coderName: coderNameProp, history: historyProp, onError, onAppState, children }: WorkbenchProviderProps) {
  const api = useApi();

  // Props win whenever the app hands down a new value (a reload from disk, a new coder name).
  const [project, setProject] = useState(projectProp);
  const [seenProject, setSeenProject] = useState(projectProp);
  const [history, setHistory] = useState(historyProp);
  const [seenHistory, setSeenHistory] = useState(historyProp);
  const [coderName, setCoderNameState] = useState(coderNameProp);
  const [seenCoderName, setSeenCoderName] = useState(coderNameProp);
  if (projectProp !== seenProject) {
    setSeenProject(projectProp);
    setProject(projectProp);
  }
  if (historyProp !== seenHistory) {
    setSeenHistory(historyProp);
    setHistory(historyProp);
  }
  if (coderNameProp !== seenCoderName) {
    setSeenCoderName(coderNameProp);
    setCoderNameState(coderNameProp);
  }

  const [chosenDocumentId, setChosenDocumentId] = useState<string | null>(() => firstDocumentId(projectProp));
  // Where the user left off: taken once, by the reader that opens that document first.
  const initialScroll = useRef<{ documentId: string; scrollTop: number } | null>(
    projectProp.workspace.lastDocumentId ? { documentId: projectProp.workspace.lastDocumentId, scrollTop: projectProp.workspace.scrollTop } : null,
  );
  const takeInitialScroll = useCallback((docId: string) => {
    const saved = initialScroll.current;
    initialScroll.current = null;
    return saved && saved.documentId === docId ? saved.scrollTop : null;
  }, []);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [codingsRevision, setCodingsRevision] = useState(0);
  const [selection, setSelectionState] = useState<DocumentSpan | null>(null);
  const [activeCodeId, setActiveCodeId] = useState<string | null>(null);
  const [coderView, setCoderView] = useState<CoderView>({ mode: 'me' });
  const [attributeFilter, setAttributeFilter] = useState<AttributeFilter>({});
  const [quickCodes, setQuickCodesState] = useState<string[]>(() => projectProp.workspace.quickCodes);
  const [centre, setCentre] = useState<CentreView>({ kind: 'reader' });
  const [status, setStatus] = useState<string | null>(null);
  const [nameRequest, setNameRequest] = useState<NameRequest | null>(() => (coderNameProp ? null : { mode: 'first' }));
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [extentEdit, setExtentEdit] = useState<ExtentEdit | null>(null);

  // The open document: the chosen one while it exists, else the first.
  const documentId =
    chosenDocumentId && project.documents.some((d) => d.id === chosenDocumentId)
      ? chosenDocumentId
      : (project.documents[0]?.id ?? null);

  const projectRef = useRef(project);
  const documentIdRef = useRef(documentId);
  const selectionRef = useRef(selection);
  const coderNameRef = useRef(coderName);
  const historyRef = useRef(history);
  useEffect(() => {
    projectRef.current = project;
    documentIdRef.current = documentId;
    selectionRef.current = selection;
    coderNameRef.current = coderName;
    historyRef.current = history;
  });

  const showError = useCallback((error: unknown) => onError(ApiError.from(error)), [onError]);

  // ---------- Changes ----------

  const applyResult = useCallback((result: ChangeResult) => {
    setProject((current) => applyDelta(current, result.delta));
    setHistory(result.history);
    if (documentIdRef.current && result.affectedDocumentIds.includes(documentIdRef.current)) {
      setCodingsRevision((r) => r + 1);
    }
    setStatus(result.message);
  }, []);

  const takeSnapshot = useCallback(
    (snapshot: ProjectSnapshot) => {
      setProject(snapshot);
      // An attribute-table import is an undoable step: the history may have changed too.
      api.call('history.state', {}).then(setHistory, showError);
    },
    [api, showError],
  );

  /** While the project is read-only here, a change is refused with the banner's reason, without asking the backend. */
  const refuseReadOnly = useCallback((): boolean => {
    const readOnly = projectRef.current.readOnly;
    if (readOnly) onError(new ApiError('READ_ONLY', readOnly.reason));
    return readOnly !== null;
  }, [onError]);

  /** After a failed save (IO) the backend rolled the change back: take its state again. */
  const adoptBackendState = useCallback(async () => {
    try {
      const state = await api.call('app.getState', {});
      if (state.project) setProject(state.project);
      setHistory(state.history);
      setCodingsRevision((r) => r + 1);
      onAppState(state);
    } catch (err) {
      showError(err);
    }
  }, [api, onAppState, showError]);

  const changeFailed = useCallback(
    (err: unknown) => {
      const error = ApiError.from(err);
      showError(error);
      if (error.code === 'IO') void adoptBackendState();
    },
    [adoptBackendState, showError],
  );

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

  const change = useCallback(
    async <C extends ChangeChannel>(channel: C, input: Input<C>): Promise<ChangeResult | null> => {
      if (refuseReadOnly()) return null;
      try {
        const result = (await api.call(channel, input)) as ChangeResult;
        applyResult(result);
        return result;
      } catch (err) {
        const error = ApiError.from(err);
        if (error.code === 'NO_CODER') {
          // The change needs a coder: ask for the name, then try once more.
          if (await requestCoderName('first')) {
            try {
              const result = (await api.call(channel, input)) as ChangeResult;
              applyResult(result);
              return result;
            } catch (again) {
              changeFailed(again);
            }
          }
          return null;
        }
        changeFailed(error);
        return null;
      }
    },
    [api, applyResult, changeFailed, refuseReadOnly, requestCoderName],
  );

  const stepHistory = useCallback(
    async (direction: 'undo' | 'redo') => {
      const state = historyRef.current;
      if (direction === 'undo' ? !state.canUndo : !state.canRedo) {
        setStatus(direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
        return;
      }
      if (refuseReadOnly()) return;
      try {
        applyResult(await api.call(direction === 'undo' ? 'history.undo' : 'history.redo', {}));
      } catch (err) {
        changeFailed(err);
      }
    },
    [api, applyResult, changeFailed, refuseReadOnly],
  );
  const undo = useCallback(() => stepHistory('undo'), [stepHistory]);
  const redo = useCallback(() => stepHistory('redo'), [stepHistory]);

  // ---------- Coder ----------

  /** Sets the coder name; resolves true when the backend took it. */
  const applyCoderName = useCallback(
    async (name: string): Promise<boolean> => {
      try {
        const state = await api.call('app.setCoderName', { name });
        setCoderNameState(state.coderName);
        if (state.project) setProject(state.project);
        setHistory(state.history);
        onAppState(state);
        setStatus(`Coding as ${state.coderName ?? name}.`);
        return true;
      } catch (err) {
        showError(err);
        return false;
      }
    },
    [api, onAppState, showError],
  );
  const setCoderName = useCallback(
    async (name: string) => {
      await applyCoderName(name);
    },
    [applyCoderName],
  );

  // ---------- Workspace (where the user is, saved per user) ----------

  const pendingScroll = useRef<{ documentId: string; scrollTop: number } | null>(null);
  const scrollTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const saveWorkspace = useCallback(
    (update: Input<'workspace.update'>) => api.call('workspace.update', update).then(() => undefined, showError),
    [api, showError],
  );

  const flushWorkspace = useCallback(async () => {
    if (scrollTimer.current) clearTimeout(scrollTimer.current);
    scrollTimer.current = null;
    const pending = pendingScroll.current;
    pendingScroll.current = null;
    if (pending) await saveWorkspace({ lastDocumentId: pending.documentId, scrollTop: pending.scrollTop });
  }, [saveWorkspace]);

  const rememberScroll = useCallback(
    (docId: string, scrollTop: number) => {
      pendingScroll.current = { documentId: docId, scrollTop: Math.max(0, Math.round(scrollTop)) };
      if (scrollTimer.current) clearTimeout(scrollTimer.current);
      scrollTimer.current = setTimeout(() => void flushWorkspace(), SCROLL_SAVE_DELAY_MS);
    },
    [flushWorkspace],
  );

  // Save a pending scroll when the page is hidden or the workbench goes away.
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

  const focusSeq = useRef(0);
  const openDocument = useCallback(
    (docId: string, focus?: { start: number; end: number }) => {
      const switching = docId !== documentIdRef.current;
      setChosenDocumentId(docId);
      setCentre({ kind: 'reader' });
      if (focus) {
        focusSeq.current += 1;
        setFocusRequest({ documentId: docId, start: focus.start, end: focus.end, seq: focusSeq.current });
      }
      if (switching) {
        setSelectionState((current) => (current && current.documentId !== docId ? null : current));
        setExtentEdit(null);
        // The scroll slot belongs to the last document: a pending save for the old one is moot.
        if (scrollTimer.current) clearTimeout(scrollTimer.current);
        scrollTimer.current = null;
        pendingScroll.current = null;
        void saveWorkspace({ lastDocumentId: docId, scrollTop: 0 });
      }
    },
    [saveWorkspace],
  );

  const setQuickCodes = useCallback(
    (codeIds: string[]) => {
      const next = codeIds.slice(0, 9);
      setQuickCodesState(next);
      void saveWorkspace({ quickCodes: next });
    },
    [saveWorkspace],
  );

  // ---------- Selection ----------

  const setSelection = useCallback((next: DocumentSpan | null) => {
    setSelectionState((current) => {
      if (current === next) return current;
      if (current && next && current.documentId === next.documentId && current.start === next.start && current.end === next.end) {
        return current;
      }
      return next;
    });
  }, []);

  const codeById = useMemo(() => new Map(project.codebook.map((c) => [c.id, c])), [project.codebook]);

  const codeSelection = useCallback(
    async (codeId: string) => {
      if (refuseReadOnly()) return;
      const span = selectionRef.current;
      const code = codeById.get(codeId);
      if (!code) {
        setStatus('That code no longer exists.');
        return;
      }
      if (!code.codable) {
        setStatus(`“${code.name}” is a folder: choose one of the codes inside it.`);
        return;
      }
      if (!span) {
        setStatus(`Select a passage in the text first, then code it at “${code.name}”.`);
        return;
      }
      if (!coderNameRef.current && !(await requestCoderName('first'))) return;
      await change('coding.apply', { documentId: span.documentId, codeId, start: span.start, end: span.end });
    },
    [change, codeById, refuseReadOnly, requestCoderName],
  );

  const visibleCoderIds = useMemo(
    () => visibleCoders(coderView, project.coders, project.currentCoderId),
    [coderView, project.coders, project.currentCoderId],
  );

  const workbench = useMemo<WorkbenchApi>(
    () => ({
      project,
      history,
      coderName,
      change,
      undo,
      redo,
      documentId,
      openDocument,
      codingsRevision,
      selection,
      setSelection,
      codeSelection,
      activeCodeId,
      setActiveCodeId,
      coderView,
      setCoderView,
      visibleCoderIds,
      setCoderName,
      attributeFilter,
      setAttributeFilter,
      quickCodes,
      setQuickCodes,
      centre,
      setCentre,
      status,
      showError,
      takeSnapshot,
      applyChange: applyResult,
    }),
    [
      project,
      history,
      coderName,
      change,
      undo,
      redo,
      documentId,
      openDocument,
      codingsRevision,
      selection,
      setSelection,
      codeSelection,
      activeCodeId,
      coderView,
      visibleCoderIds,
      setCoderName,
      attributeFilter,
      quickCodes,
      setQuickCodes,
      centre,
      status,
      showError,
      takeSnapshot,
      applyResult,
    ],
  );

  const internals = useMemo<WorkbenchInternals>(
    () => ({
      takeInitialScroll,
      focusRequest,
      rememberScroll,
      flushWorkspace,
      say: setStatus,
      requestCoderName,
      paletteOpen,
      setPaletteOpen,
      extentEdit,
      setExtentEdit,
    }),
    [takeInitialScroll, focusRequest, rememberScroll, flushWorkspace, requestCoderName, paletteOpen, extentEdit],
  );

  return (
    <WorkbenchContext value={workbench}>
      <WorkbenchInternalsContext value={internals}>
        {children}
        <WorkbenchShortcuts />
        {paletteOpen ? <CodePalette onClose={() => setPaletteOpen(false)} /> : null}
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
      </WorkbenchInternalsContext>
    </WorkbenchContext>
  );
}
