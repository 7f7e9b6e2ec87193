import { useState } from 'react';
import type { MemoView } from '../../../../shared/api/contract';
import { formatDateTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { DialogModal } from '../../ui/DialogModal';
import { MemoEditor } from './MemoEditor';
import styles from './memos.module.css';
import overlayStyles from '../../ui/overlay.module.css';

export interface MemoCardProps {
  memo: MemoView;
  authorColor: string | null;
  /** The user wrote it: they may edit and delete it. Others' memos are read-only. */
  own: boolean;
  /** What it is about, shown above the text; omitted inside a dialog about that subject. */
  subject?: { kind: string; label: string; onOpen?: () => void };
  onSave: (text: string) => Promise<boolean>;
  onDelete: () => Promise<boolean>;
}

/** One memo: its subject, author, date and text; the author's own can be edited or deleted. */
export function MemoCard({ memo, authorColor, own, subject, onSave, onDelete }: MemoCardProps) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const edited = memo.updatedAt !== memo.createdAt;

  return (
    <article className={styles.memoCard} aria-label={`Memo by ${memo.author}${subject ? ` on ${subject.label}` : ''}`}>
      {subject ? (
        <p className={styles.memoCardSubject}>
          <span className={styles.memoCardKind}>{subject.kind}</span>
          {/* The project journal's chip says it all. */}
          {subject.kind === subject.label ? null : subject.onOpen ? (
            <button type="button" className={styles.memoCardSubjectLink} onClick={subject.onOpen}>
              {subject.label}
            </button>
          ) : (
            <span className={styles.memoCardSubjectText}>{subject.label}</span>
          )}
        </p>
      ) : null}
      <p className={styles.memoCardByline}>
        <span className={styles.memoCardDot} style={{ backgroundColor: authorColor ?? 'var(--c-text-subtle)' }} aria-hidden="true" />
        <span className={styles.memoCardAuthor}>{memo.author}</span>
        <span aria-hidden="true">·</span>
        <time dateTime={memo.createdAt}>
          {formatDateTime(memo.createdAt)}
        </time>
        {edited ? (
          <span className={styles.memoCardEdited} title={`Edited ${formatDateTime(memo.updatedAt)}`}>
            (edited)
          </span>
        ) : null}
        {own && !editing ? (
          <span className={styles.memoCardActions}>
            <Button size="sm" variant="ghost" onClick={() => setEditing(true)} aria-label="Edit memo">
              Edit
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label="Delete memo">
              Delete
            </Button>
          </span>
        ) : null}
      </p>
      {editing ? (
        <MemoEditor
          label="Edit memo"
          initialText={memo.text}
          saveLabel="Save changes"
          autoFocus
          onCancel={() => setEditing(false)}
          onSave={async (text) => {
            const ok = await onSave(text);
            if (ok) setEditing(false);
            return ok;
          }}
        />
      ) : (
        <p className={styles.memoCardText}>{memo.text}</p>
      )}
      {confirming ? (
        <DialogModal
          title="Delete this memo?"
          description="You can undo this (Ctrl+Z)."
          onClose={() => setConfirming(false)}
          onSubmit={async () => {
            if (await onDelete()) setConfirming(false);
          }}
          actions={
            <>
              <Button onClick={() => setConfirming(false)}>Cancel</Button>
              <Button type="submit" className={overlayStyles.btnDanger} data-autofocus="">
                Delete memo
              </Button>
            </>
          }
        >
          <blockquote className={styles.memoCardQuote}>{memo.text.length > 280 ? `${memo.text.slice(0, 280)}…` : memo.text}</blockquote>
        </DialogModal>
      ) : null}
    </article>
  );
}
