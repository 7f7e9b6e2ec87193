import { Button } from '../../ui/Button';
import styles from './memos.module.css';
import { useProject, useViewActions } from '../workbench/state/contexts';
import { useDocumentSummary } from '../workbench/state/useDocuments';

/**
 * "Memo" for a document (the open one): opens its memos (everyone's) in the docked memo panel,
 * and shows how many there are already.
 */
export function DocumentMemoButton({ documentId, size = 'sm' }: { documentId: string; size?: 'sm' | 'md' }) {
  const { project } = useProject();
  const { openMemos } = useViewActions();
  const doc = useDocumentSummary(documentId);
  if (!doc) return null;
  const count = project.memos.filter((m) => m.target.type === 'document' && m.target.id === doc.id).length;
  return (
    <Button
        size={size}
        variant="ghost"
        className={styles.documentMemoButton}
        onClick={() => openMemos({ type: 'document', id: doc.id })}
        aria-label={count ? `Memos on this document (${count})` : 'Memo on this document'}
        title={`Memos on ${doc.name}`}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M3 2.5h10v8.5l-3 2.5H3z" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
          <path d="M5.5 6h5M5.5 8.5h3.5" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
        </svg>
        Memo{count ? ` (${count})` : ''}
    </Button>
  );
}
