import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { AttributeFilter, ProjectSnapshot } from '../../../../../shared/api/contract';
import { codersSeenBy } from '../../../../../shared/domain/second-round';
import { useApi } from '../../../api/context';
import { askDocumentEarly, readerStart } from '../../reader/documentRequest';
import { parseViewValue, viewValue, visibleCoders } from '../coderView';
import type { CoderView, DocumentSpan } from '../types';
import { DocumentActionsContext, DocumentStateContext, useChanges, useProject, useViewActions } from './contexts';
import type { DocumentActions, DocumentState, ExtentEdit, FocusRequest } from './contexts';
import { useWorkspaceMemory } from './useWorkspaceMemory';
import { useDocumentSummary } from './useDocuments';

/** The document to open at launch: the last one (the backend forgets it once deleted), else the first. */
function firstDocumentId(project: ProjectSnapshot, held: string | null): string | null {
  if (held) return null;
  return project.workspace.lastDocumentId ?? project.documents.firstId;
}

function sameSpan(a: DocumentSpan | null, b: DocumentSpan | null): boolean {
  return a === b || (a !== null && b !== null && a.documentId === b.documentId && a.start === b.start && a.end === b.end);
}

/** The open document, the selection in it, and what the workbench shows (coders, attribute filter). */
export function DocumentProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { project, coderName } = useProject();
  const { change, refuseReadOnly, requestCoderName, showError } = useChanges();
  const { setCentre, say } = useViewActions();
  const workspace = useWorkspaceMemory(project, showError);

  const [heldDocumentId, setHeldDocumentId] = useState(workspace.heldAtLaunch);
  const [chosenDocumentId, setChosenDocumentId] = useState<string | null>(() => firstDocumentId(project, heldDocumentId));
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [selection, setSelectionState] = useState<DocumentSpan | null>(null);
  const [extentEdit, setExtentEdit] = useState<ExtentEdit | null>(null);
  const [activeCodeId, setActiveCodeId] = useState<string | null>(null);
  const [coderView, setCoderViewState] = useState<CoderView>(() => parseViewValue(project.workspace.coderView));
  const [attributeFilter, setAttributeFilter] = useState<AttributeFilter>({});

  // The open document: the chosen one while it exists, else the first (none while one is held back at launch).
  const chosen = useDocumentSummary(chosenDocumentId);
  const documentId = chosenDocumentId && chosen !== null ? chosenDocumentId : heldDocumentId ? null : project.documents.firstId;

  // A second round is blind to its first: those codings are never shown, whatever the view.
  const visibleCoderIds = useMemo(
    () => visibleCoders(coderView, codersSeenBy(project.coders, coderName), project.currentCoderId),
    [coderView, project.coders, project.currentCoderId, coderName],
  );

  const latest = useRef({ project, documentId, selection, coderName, visibleCoderIds, focusRequest });
  useEffect(() => {
    latest.current = { project, documentId, selection, coderName, visibleCoderIds, focusRequest };
  });

  const focusSeq = useRef(0);
  const { documentOpened, documentReopening } = workspace;
  const launchDocument = useRef(documentId);
  useEffect(() => {
    if (launchDocument.current) documentReopening(launchDocument.current);
  }, [documentReopening]);
  const openDocument = useCallback(
    (docId: string, focus?: { start: number; end: number }) => {
      const switching = docId !== latest.current.documentId;
      if (switching) {
        // Before anything renders: the reader about to mount asks for this, and takes the reply.
        const from = focus ? focus.start : readerStart(latest.current.focusRequest, docId);
        askDocumentEarly(api, { documentId: docId, coderIds: latest.current.visibleCoderIds, from });
      }
      setHeldDocumentId(null);
      setChosenDocumentId(docId);
      setCentre({ kind: 'reader' });
      if (focus) {
        focusSeq.current += 1;
        setFocusRequest({ documentId: docId, start: focus.start, end: focus.end, seq: focusSeq.current });
      }
      if (switching) {
        setSelectionState((current) => (current && current.documentId !== docId ? null : current));
        setExtentEdit(null);
        documentOpened(docId);
      }
    },
    [api, documentOpened, setCentre],
  );

  const setSelection = useCallback((next: DocumentSpan | null) => setSelectionState((current) => (sameSpan(current, next) ? current : next)), []);

  /** The selection, once it may be coded by the user (the project writable, their name given), or null with the reason said. */
  const codableSelection = useCallback(
    async (what: string): Promise<DocumentSpan | null> => {
      if (refuseReadOnly()) return null;
      const { selection: span, coderName: name } = latest.current;
      if (!span) {
        say(`Select a passage in the text first, then ${what}.`);
        return null;
      }
      if (!name && !(await requestCoderName('first'))) return null;
      return span;
    },
    [refuseReadOnly, requestCoderName, say],
  );

  const codeSelection = useCallback(
    async (codeId: string) => {
      const code = latest.current.project.codebook.find((c) => c.id === codeId);
      if (!code) return say('That code no longer exists.');
      if (!code.codable) return say(`“${code.name}” is a folder: choose one of the codes inside it.`);
      const span = await codableSelection(`code it at “${code.name}”`);
      if (!span) return;
      const done = await change('coding.apply', { documentId: span.documentId, codeId, start: span.start, end: span.end });
      // Coded: the selection (and its chip) goes, unless the user has already selected elsewhere.
      if (done && sameSpan(latest.current.selection, span)) {
        setSelectionState(null);
        window.getSelection()?.removeAllRanges();
      }
    },
    [change, codableSelection, say],
  );

  const codeSelectionAtNewCode = useCallback(
    async (typed: string) => {
      const span = await codableSelection('code it at a new code');
      if (span) await change('coding.createCodeAndApply', { name: typed, documentId: span.documentId, start: span.start, end: span.end });
    },
    [change, codableSelection],
  );

  const codeSelectionInVivo = useCallback(async () => {
    const span = await codableSelection('code its words in vivo');
    if (span) await change('coding.inVivo', { documentId: span.documentId, start: span.start, end: span.end });
  }, [change, codableSelection]);

  const { takeInitialScroll, rememberScroll, flushWorkspace, documentShown, coderViewChosen } = workspace;
  const setCoderView = useCallback(
    (view: CoderView) => {
      setCoderViewState(view);
      coderViewChosen(viewValue(view));
    },
    [coderViewChosen],
  );
  const actions = useMemo<DocumentActions>(
    () => ({
      openDocument,
      setSelection,
      codeSelection,
      codeSelectionAtNewCode,
      codeSelectionInVivo,
      setExtentEdit,
      setActiveCodeId,
      setCoderView,
      setAttributeFilter,
      takeInitialScroll,
      rememberScroll,
      documentShown,
      flushWorkspace,
    }),
    [openDocument, setSelection, codeSelection, codeSelectionAtNewCode, codeSelectionInVivo, setCoderView, takeInitialScroll, rememberScroll, documentShown, flushWorkspace],
  );
  const state = useMemo<DocumentState>(
    () => ({ documentId, heldDocumentId, selection, focusRequest, extentEdit, activeCodeId, coderView, visibleCoderIds, attributeFilter }),
    [documentId, heldDocumentId, selection, focusRequest, extentEdit, activeCodeId, coderView, visibleCoderIds, attributeFilter],
  );
  return (
    <DocumentActionsContext value={actions}>
      <DocumentStateContext value={state}>{children}</DocumentStateContext>
    </DocumentActionsContext>
  );
}
