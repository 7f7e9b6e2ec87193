import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { CoderCoding, MemoView } from '../../../../shared/api/contract';
import { formatDateTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import styles from './CodingPopover.module.css';
import overlayStyles from '../../ui/overlay.module.css';
import { useProject, useChanges, useDocument, useDocumentActions, useViewActions } from '../workbench/state/contexts';
import type { DocumentText } from './useDocumentText';

export interface CodingPopoverProps {
  codings: readonly CoderCoding[];
  text: Pick<DocumentText, 'slice'>;
  /** Viewport point the popover opens at. */
  anchor: { x: number; y: number };
  onClose: () => void;
}

function excerpt(text: Pick<DocumentText, 'slice'>, start: number, end: number, max = 140): string {
  const slice = text.slice(start, Math.min(end, start + max * 4)).replace(/\s+/g, ' ').trim();
  return slice.length > max ? `${slice.slice(0, max)}…` : slice;
}

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(
    root.querySelectorAll<HTMLElement>('button:not(:disabled), textarea:not(:disabled), input:not(:disabled), [tabindex="0"]'),
  );
}

/**
 * The codings at a passage (from a click in the text or on a stripe): code, coder, passage and
 * memo. The user's own codings can be removed, re-extended and memoed here; others' are shown
 * read-only. A light dialog: focus moves in, Tab stays in, Escape or a click outside closes it.
 */
export function CodingPopover({ codings, text, anchor, onClose }: CodingPopoverProps) {
  const { project } = useProject();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const [position, setPosition] = useState({ left: anchor.x, top: anchor.y });
  const onCloseRef = useRef(onClose);
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  });

  // Keep it inside the window, below the anchor when there is room, else above.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const rect = el.getBoundingClientRect();
    const left = Math.max(8, Math.min(anchor.x, window.innerWidth - rect.width - 8));
    const below = anchor.y + 14;
    const top = below + rect.height <= window.innerHeight - 8 ? below : Math.max(8, anchor.y - rect.height - 10);
    setPosition({ left, top });
  }, [anchor.x, anchor.y, codings.length]);

  useEffect(() => {
    const el = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    (el?.querySelector<HTMLElement>('[data-autofocus]') ?? el)?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (el && !el.contains(event.target as Node)) onCloseRef.current();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      if (opener?.isConnected && el?.contains(document.activeElement)) opener.focus();
    };
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // The workbench's keys (1–9, Ctrl+Z) do not apply while working in here.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key === 'Tab' && ref.current) {
      const all = focusables(ref.current);
      const first = all[0];
      const last = all[all.length - 1];
      if (!first || !last) return;
      if (event.shiftKey && (document.activeElement === first || document.activeElement === ref.current)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
  }

  const title = codings.length === 1 ? 'Coding here' : `${codings.length} codings here`;
  return createPortal(
    <div
      ref={ref}
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      className={styles.codingPopover}
      style={{ left: position.left, top: position.top }}
      onKeyDown={onKeyDown}
    >
      <div className={styles.codingPopoverHead}>
        <h2 className={styles.codingPopoverTitle} id={titleId}>
          {title}
        </h2>
        <button type="button" className={overlayStyles.iconButton} aria-label="Close" onClick={onClose}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
      </div>
      <ul>
        {codings.map((coding, i) => (
          <CodingItem
            key={coding.id}
            coding={coding}
            text={text}
            first={i === 0}
            memo={project.memos.find((m) => m.target.type === 'coding' && m.target.id === coding.id) ?? null}
            onClose={onClose}
          />
        ))}
      </ul>
    </div>,
    document.body,
  );
}

interface CodingItemProps {
  coding: CoderCoding;
  text: Pick<DocumentText, 'slice'>;
  first: boolean;
  memo: MemoView | null;
  onClose: () => void;
}

function CodingItem({ coding, text, first, memo, onClose }: CodingItemProps) {
  const { project } = useProject();
  const { change } = useChanges();
  const { selection } = useDocument();
  const { setExtentEdit, setSelection } = useDocumentActions();
  const { openMemos } = useViewActions();
  const code = project.codebook.find((c) => c.id === coding.codeId);
  const parent = code?.parentId ? project.codebook.find((c) => c.id === code.parentId) : null;
  const coder = project.coders.find((c) => c.id === coding.coderId);
  const own = coding.coderId === project.currentCoderId;
  const [busy, setBusy] = useState(false);
  const codeName = code?.name ?? 'Deleted code';
  const sameDocSelection = selection && selection.documentId === coding.documentId ? selection : null;
  const selectionDiffers = sameDocSelection && (sameDocSelection.start !== coding.start || sameDocSelection.end !== coding.end);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className={styles.codingItem} style={{ ['--code' as string]: code?.color ?? 'var(--c-unknown)' }}>
      <div className={styles.codingItemHead}>
        <span className={styles.codingItemSwatch} aria-hidden="true" />
        <span className={styles.codingItemCode}>
          {parent ? <span className={styles.codingItemParent}>{parent.name} › </span> : null}
          {codeName}
        </span>
      </div>
      <p className={styles.codingItemMeta}>
        <span className={styles.codingItemCoderDot} style={{ backgroundColor: coder?.color ?? 'var(--c-unknown)' }} aria-hidden="true" />
        {coder?.name ?? 'Unknown coder'}
        {own ? ' (you)' : ''} · {formatDateTime(coding.createdAt)}
      </p>
      <blockquote className={styles.codingItemQuote}>{excerpt(text, coding.start, coding.end)}</blockquote>
      {memo ? (
        <p className={styles.codingItemMemo}>
          <span className={styles.codingItemMemoLabel}>Memo{memo.coderId !== coding.coderId ? ` by ${memo.author}` : ''}:</span> {memo.text}
        </p>
      ) : null}
      {own ? (
        <div className={styles.codingItemActions}>
          <Button
            size="sm"
            data-autofocus={first ? '' : undefined}
            onClick={() => {
              openMemos({ type: 'coding', id: coding.id });
              onClose();
            }}
          >
            {memo ? 'Memos…' : 'Write memo'}
          </Button>
          {selectionDiffers ? (
            <Button
              size="sm"
              disabled={busy}
              title="Make this coding cover exactly the passage selected in the text"
              onClick={() =>
                void run(async () => {
                  if (await change('coding.setExtent', { codingId: coding.id, start: sameDocSelection.start, end: sameDocSelection.end })) onClose();
                })
              }
            >
              Set to selection
            </Button>
          ) : (
            <Button
              size="sm"
              title="Select the new passage in the text, then apply it"
              onClick={() => {
                setExtentEdit({ codingId: coding.id, codeName });
                setSelection(null);
                onClose();
              }}
            >
              Change extent…
            </Button>
          )}
          <Button
            size="sm"
            variant="ghost"
            className={styles.codingItemRemove}
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await change('coding.remove', { codingId: coding.id });
              })
            }
          >
            Remove
          </Button>
        </div>
      ) : null}
      {!own ? <p className={styles.codingItemReadonly}>{coder ? `${coder.name}’s coding: read only.` : 'Read only.'}</p> : null}
    </li>
  );
}
