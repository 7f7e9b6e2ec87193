import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Span } from '../../../../shared/text/spans';
import { addPiece, missingIn, nextMissing, partialText } from '../../../../shared/text/text-pieces';
import type { PartialText } from '../../../../shared/text/text-pieces';
import { useApi } from '../../api/context';
import { useChanges } from '../workbench/state/contexts';
import type { LoadedDocument } from './useDocumentContent';

export interface DocumentText extends PartialText {
  /** Asks for [start, end) before anything else (what the reader is about to show). */
  need: (start: number, end: number) => void;
}

/**
 * The open document's text as it arrives: the first stretch came with the outline; the rest is
 * asked for a bounded piece at a time (document.text), what the reader needs first (need()),
 * then onwards in the background, yielding to the page between pieces. Offsets hold throughout:
 * text not yet arrived is spaces (text-pieces.ts), and the reader shows its blocks as loading.
 */
export function useDocumentText(doc: LoadedDocument | null): DocumentText | null {
  const api = useApi();
  const { showError } = useChanges();
  const initial = useMemo(() => (doc ? partialText(doc.length, doc.first) : null), [doc]);
  const [arrived, setArrived] = useState<{ doc: LoadedDocument; value: PartialText } | null>(null);
  const wanted = useRef<Span | null>(null);

  useEffect(() => {
    wanted.current = null;
    if (!doc || !initial) return undefined;
    let live = true;
    let value = initial;
    let cursor = doc.first.start + doc.first.text.length;
    void (async () => {
      while (live) {
        const w = wanted.current;
        const gap = (w && missingIn(value.loaded, w.start, w.end)) ?? nextMissing(value.loaded, doc.length, cursor);
        if (!gap) return;
        try {
          const piece = await api.call('document.text', { documentId: doc.id, start: gap.start, end: gap.end });
          if (!live || piece.text.length === 0) return;
          value = addPiece(value, piece);
          cursor = piece.start + piece.text.length;
          setArrived({ doc, value });
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

  const need = useCallback((start: number, end: number) => {
    wanted.current = { start, end };
  }, []);
  const value = arrived && arrived.doc === doc ? arrived.value : initial;
  return useMemo(() => (value ? { ...value, need } : null), [value, need]);
}
