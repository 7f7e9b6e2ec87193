import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Span } from '../../../../shared/text/spans';
import { unionSpans } from '../../../../shared/text/spans';
import { addPieces, missingIn, nextMissing, partialText, sliceText } from '../../../../shared/text/text-pieces';
import type { PartialText, TextPiece } from '../../../../shared/text/text-pieces';
import { useApi } from '../../api/context';
import { useChanges } from '../workbench/state/contexts';
import type { LoadedDocument } from './useDocumentContent';

/** Pieces loaded in the background are shown together at most this often (each showing renders the reader). */
const BACKGROUND_SHOW_MS = 1000;

export interface DocumentText {
  length: number;
  loaded: readonly Span[];
  /** [start, end) of the text (spaces where it has not arrived). */
  slice: (start: number, end: number) => string;
  /** The whole text as one string, put together when first read (for a keyboard or pointer action, never a render). */
  readonly text: string;
}

/** Asks for [start, end) of the text before anything else (what the reader is about to show). */
export type NeedText = (start: number, end: number) => void;

function holder(partial: PartialText): DocumentText {
  let whole: string | null = null;
  return {
    length: partial.length,
    loaded: partial.loaded,
    slice: (start, end) => sliceText(partial, start, end),
    get text() {
      whole ??= sliceText(partial, 0, partial.length);
      return whole;
    },
  };
}

/**
 * The open document's text as it arrives: the first stretch came with the outline; the rest is
 * asked for a bounded piece at a time (document.text), what the reader needs first (need()),
 * then onwards in the background, yielding to the page between pieces. Offsets hold throughout:
 * text not yet arrived reads as spaces (text-pieces.ts), and the reader shows its blocks as loading.
 */
export function useDocumentText(doc: LoadedDocument | null): { text: DocumentText | null; need: NeedText } {
  const api = useApi();
  const { showError } = useChanges();
  const initial = useMemo(() => (doc ? partialText(doc.length, doc.first) : null), [doc]);
  const [arrived, setArrived] = useState<{ doc: LoadedDocument; value: PartialText } | null>(null);
  const wanted = useRef<Span | null>(null);

  useEffect(() => {
    wanted.current = null;
    if (!doc || !initial) return undefined;
    let live = true;
    let shown = initial;
    let loaded = initial.loaded;
    let cursor = doc.first.start + doc.first.text.length;
    // Pieces arrived but not shown yet: counted as loaded, so they are not asked for again.
    let held: TextPiece[] = [];
    let shownAt = performance.now();
    const show = () => {
      shown = addPieces(shown, held);
      held = [];
      shownAt = performance.now();
      setArrived({ doc, value: shown });
    };
    void (async () => {
      while (live) {
        const w = wanted.current;
        const wantedGap = w ? missingIn(loaded, w.start, w.end) : null;
        const wantedHeld = w !== null && wantedGap === null && missingIn(shown.loaded, w.start, w.end) !== null;
        if (held.length > 0 && (wantedHeld || performance.now() - shownAt > BACKGROUND_SHOW_MS)) show();
        const gap = wantedGap ?? nextMissing(loaded, doc.length, cursor);
        if (!gap) {
          if (held.length > 0) show();
          return;
        }
        try {
          const piece = await api.call('document.text', { documentId: doc.id, start: gap.start, end: gap.end });
          if (!live || piece.text.length === 0) return;
          held.push(piece);
          loaded = unionSpans([...loaded, { start: piece.start, end: piece.start + piece.text.length }]);
          cursor = piece.start + piece.text.length;
        } catch (err) {
          if (live) showError(err);
          return;
        }
        // Input and paint first: the next piece is asked for in a task of its own.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    })();
    return () => {
      live = false;
    };
  }, [api, doc, initial, showError]);

  const need = useCallback<NeedText>((start, end) => {
    wanted.current = { start, end };
  }, []);
  const value = arrived && arrived.doc === doc ? arrived.value : initial;
  const text = useMemo(() => (value ? holder(value) : null), [value]);
  return { text, need };
}
