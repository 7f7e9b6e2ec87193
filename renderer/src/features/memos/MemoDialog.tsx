import { useMemo } from 'react';
import type { MemoTarget } from '../../../../shared/domain/schemas';
import { Button } from '../../ui/Button';
import { DialogModal } from '../../ui/DialogModal';
import { MemoCard } from './MemoCard';
import { MemoEditor } from './MemoEditor';
import { memosOn } from './memoSubjects';
import { useMemoActions } from './useMemoActions';
import styles from './memos.module.css';
import { useProject } from '../workbench/state/contexts';

export interface MemoDialogProps {
  target: MemoTarget;
  /** What the memos are about, for the title ("Tackling stigma"). */
  subject: string;
  onClose: () => void;
}

/** The memos on one code or document, everyone's, with a box to write a new one. */
export function MemoDialog({ target, subject, onClose }: MemoDialogProps) {
  const { project } = useProject();
  const actions = useMemoActions();
  const memos = useMemo(() => memosOn(project.memos, target), [project.memos, target]);
  const colorOf = new Map(project.coders.map((c) => [c.id, c.color]));

  return (
    <DialogModal
      wide
      title={`Memos on “${subject}”`}
      onClose={onClose}
      actions={<Button onClick={onClose}>Close</Button>}
    >
      <MemoEditor label="New memo" autoFocus onSave={(text) => actions.create(target, text)} />
      {memos.length > 0 ? (
        <ul className={`${styles.memoList} ${styles.memoListDialog}`} aria-label="Memos">
          {memos.map((memo) => (
            <li key={memo.id}>
              <MemoCard
                memo={memo}
                authorColor={colorOf.get(memo.coderId) ?? null}
                own={memo.coderId === project.currentCoderId}
                onSave={(text) => actions.update(memo.id, text)}
                onDelete={() => actions.remove(memo.id)}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.memoDialogNone}>No memos on this yet.</p>
      )}
    </DialogModal>
  );
}
