import { useCallback, useEffect, useRef } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent, RefObject } from 'react';
import { caretAtWord, caretSpan, caretStep } from '../../../../shared/text/caret';
import type { Caret } from '../../../../shared/text/caret';
import type { DocumentSpan } from '../workbench/types';
import { offsetALineAway } from './domOffsets';

/** The offset of the first run of text showing at the top of the reader. */
function firstVisibleOffset(scroller: HTMLElement): number {
  const top = scroller.getBoundingClientRect().top;
  for (const run of scroller.querySelectorAll<HTMLElement>('[data-start]')) {
    if (run.getBoundingClientRect().bottom > top) return Number(run.dataset.start);
  }
  return 0;
}

/**
 * Coding from the keyboard: F7 (anywhere) or Enter (in the text) puts a caret on a word in the
 * reader; arrows move it a word at a time, Shift+arrows extend the selection by a character,
 * Shift+Ctrl/Cmd+arrows by a word, Shift+Down/Up by a line. 1–9 and Ctrl/Cmd+K then code the selection as usual.
 */
export function useReaderCaret({
  documentId,
  source,
  scrollRef,
  selection,
  setSelection,
}: {
  documentId: string;
  /** The document's text (an object whose identity changes when text arrives: comparing two 20 MB strings in hook dependencies took seconds). */
  source: { readonly text: string };
  scrollRef: RefObject<HTMLElement | null>;
  selection: DocumentSpan | null;
  setSelection: (span: DocumentSpan | null) => void;
}) {
  const caret = useRef<Caret | null>(null);
  // A selection made with the mouse becomes the caret's, so the keys carry on from it.
  useEffect(() => {
    const c = caret.current;
    const mine = c ? caretSpan(source.text, c) : null;
    if (selection && !(mine && mine.start === selection.start && mine.end === selection.end)) caret.current = { anchor: selection.start, focus: selection.end };
  }, [selection, source]);

  const show = useCallback(
    (next: Caret) => {
      caret.current = next;
      const span = caretSpan(source.text, next);
      setSelection(span ? { documentId, ...span } : null);
      window.getSelection()?.removeAllRanges();
      requestAnimationFrame(() => {
        const runs = scrollRef.current?.querySelectorAll<HTMLElement>('[data-selected]');
        runs?.[next.focus >= next.anchor ? runs.length - 1 : 0]?.scrollIntoView({ block: 'nearest' });
      });
    },
    [documentId, scrollRef, setSelection, source],
  );

  const start = useCallback(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    scroller.focus({ preventScroll: true });
    show(caret.current ?? caretAtWord(source.text, firstVisibleOffset(scroller)));
  }, [scrollRef, show, source]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F7' || event.defaultPrevented || document.querySelector('dialog[open]:modal')) return;
      event.preventDefault();
      start();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [start]);

  const onKeyDown = useCallback(
    (event: ReactKeyboardEvent<HTMLElement>) => {
      if (event.target !== event.currentTarget || event.altKey) return;
      if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        start();
        return;
      }
      if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && event.shiftKey && caret.current) {
        // Shift+Down/Up extend by a drawn line; without a caret they scroll, as plain Up/Down do.
        event.preventDefault();
        const focus = offsetALineAway(event.currentTarget, caret.current.focus, event.key === 'ArrowDown');
        if (focus !== null) show({ anchor: caret.current.anchor, focus });
        return;
      }
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      event.preventDefault();
      const from = caret.current ?? caretAtWord(source.text, firstVisibleOffset(event.currentTarget));
      show(caretStep(source.text, from, { key: event.key, shift: event.shiftKey, word: event.ctrlKey || event.metaKey }));
    },
    [show, start, source],
  );

  return { onKeyDown };
}
