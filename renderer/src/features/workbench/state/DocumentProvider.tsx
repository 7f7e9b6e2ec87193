import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { AttributeFilter, ProjectSnapshot } from '../../../../../shared/api/contract';
import { parseViewValue, viewValue, visibleCoders } from '../coderView';
import type { CoderView, DocumentSpan } from '../types';
import { DocumentActionsContext, DocumentStateContext, useChanges, useProject, useViewActions } from './contexts';
import type { DocumentActions, DocumentState, ExtentEdit, FocusRequest } from './contexts';
import { useWorkspaceMemory } from './useWorkspaceMemory';

function firstDocumentId(project: ProjectSnapshot): string | null {
  const last = project.workspace.lastDocumentId;
  if (last && project.documents.some((d) => d.id === last)) return last;
  return project.documents[0]?.id ?? null;
}

function sameSpan(a: DocumentSpan | null, b: DocumentSpan | null): boolean {
  return a === b || (a !== null && b !== null && a.documentId === b.documentId && a.start === b.start && a.end === b.end);
}

/** The open document, the selection in it, and what the workbench shows (coders, attribute filter). */
export function DocumentProvider({ children }: { children: ReactNode }) {
  const { project, coderName } = useProject();
  const { change, refuseReadOnly, requestCoderName, showError } = useChanges();
  const { setCentre, say } = useViewActions();
  const workspace = useWorkspaceMemory(project, showError);

  const [chosenDocumentId, setChosenDocumentId] = useState<string | null>(() => firstDocumentId(project));
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [selection, setSelectionState] = useState<DocumentSpan | null>(null);
  const [extentEdit, setExtentEdit] = useState<ExtentEdit | null>(null);
  const [activeCodeId, setActiveCodeId] = useState<string | null>(null);
  const [coderView, setCoderViewState] = useState<CoderView>(() => parseViewValue(project.workspace.coderView));
  const [attributeFilter, setAttributeFilter] = useState<AttributeFilter>({});

  // The open document: the chosen one while it exists, else the first.
  const documentId =
    chosenDocumentId && project.documents.some((d) => d.id === chosenDocumentId) ? chosenDocumentId : (project.documents[0]?.id ?? null);

  const latest = useRef({ project, documentId, selection, coderName });
  useEffect(() => {
    latest.current = { project, documentId, selection, coderName };
  });

  const focusSeq = useRef(0);
  const { documentOpened } = workspace;
  const openDocument = useCallback(
    (docId: string, focus?: { start: number; end: number }) => {
      const switching = docId !== latest.current.documentId;
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
    [documentOpened, setCentre],
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

  const visibleCoderIds = useMemo(() => visibleCoders(coderView, project.coders, project.currentCoderId), [coderView, project.coders, project.currentCoderId]);

  const { takeInitialScroll, rememberScroll, flushWorkspace, coderViewChosen } = workspace;
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
      flushWorkspace,
    }),
    [openDocument, setSelection, codeSelection, codeSelectionAtNewCode, codeSelectionInVivo, setCoderView, takeInitialScroll, rememberScroll, flushWorkspace],
  );
  const state = useMemo<DocumentState>(
    () => ({ documentId, selection, focusRequest, extentEdit, activeCodeId, coderView, visibleCoderIds, attributeFilter }),
    [documentId, selection, focusRequest, extentEdit, activeCodeId, coderView, visibleCoderIds, attributeFilter],
  );
  return (
    <DocumentActionsContext value={actions}>
      <DocumentStateContext value={state}>{children}</DocumentStateContext>
    </DocumentActionsContext>
  );
}
