import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { codePath } from '../../../../shared/domain/codebook';
import type { Code } from '../../../../shared/domain/schemas';
import { Button } from '../../ui/Button';
import styles from './CodebookPanel.module.css';
import uiStyles from '../../ui/ui.module.css';

export function PlusIcon() {
  return (
    <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
      <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

/** The name box for a new code, above the tree: Enter creates, Escape cancels. */
export function NewCodeForm({
  parent,
  codes,
  onCreate,
  onCancel,
}: {
  parent: Code | null;
  codes: readonly Code[];
  onCreate: (name: string) => Promise<boolean>;
  onCancel: () => void;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const where = parent ? `inside “${codePath(codes, parent.id).join(' › ')}”` : 'at the top level';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim() || busy) return;
    setBusy(true);
    try {
      if (await onCreate(name.trim())) setName('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.newCode} onSubmit={submit} aria-label={parent ? 'New child code' : 'New code'}>
      <label htmlFor={id} className={styles.newCodeLabel}>
        {parent ? 'New child code' : 'New code'} <span className={styles.newCodeWhere}>{where}</span>
      </label>
      <div className={styles.newCodeRow}>
        <input
          id={id}
          className={`${uiStyles.fieldInput} ${styles.newCodeInput}`}
          value={name}
          maxLength={200}
          placeholder="Code name"
          autoFocus
          autoComplete="off"
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => {
            event.stopPropagation();
            if (event.key === 'Escape') {
              event.preventDefault();
              onCancel();
            }
          }}
        />
        <Button size="sm" variant="primary" type="submit" disabled={!name.trim() || busy}>
          Create
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
