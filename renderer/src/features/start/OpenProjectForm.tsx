import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import styles from './start.module.css';

export interface OpenProjectFormProps {
  busy: boolean;
  onSubmit: (path: string) => void;
  onCancel: () => void;
}

export function OpenProjectForm({ busy, onSubmit, onCancel }: OpenProjectFormProps) {
  const [path, setPath] = useState('');
  const trimmed = path.trim();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (trimmed) onSubmit(trimmed);
  }

  return (
    <form className={styles.startForm} aria-label="Open project" onSubmit={submit}>
      <Field
        label="Project folder path"
        value={path}
        onChange={(e) => setPath(e.target.value)}
        placeholder="/Users/you/Documents/Thrive LDN coding"
        hint="The folder that holds the project's project.json."
        autoFocus
        spellCheck={false}
        autoComplete="off"
      />
      <div className={styles.startFormButtons}>
        <Button type="submit" variant="primary" disabled={!trimmed || busy}>
          {busy ? 'Opening…' : 'Open'}
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
