import { useState } from 'react';
import type { FormEvent } from 'react';
import type { TemplateId } from '../../../../shared/api/contract';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { SelectField } from '../../ui/SelectField';
import styles from './start.module.css';

export interface NewProjectInput {
  path: string;
  name: string;
  template: TemplateId;
}

const templateOptions: ReadonlyArray<{ value: TemplateId; label: string }> = [
  { value: 'thrive-ldn', label: 'Thrive LDN aspirations and themes' },
  { value: 'empty', label: 'Empty codebook' },
];

function isTemplateId(value: string): value is TemplateId {
  return templateOptions.some((o) => o.value === value);
}

export interface NewProjectFormProps {
  busy: boolean;
  onSubmit: (input: NewProjectInput) => void;
  onCancel: () => void;
}

export function NewProjectForm({ busy, onSubmit, onCancel }: NewProjectFormProps) {
  const [path, setPath] = useState('');
  const [name, setName] = useState('');
  const [template, setTemplate] = useState<TemplateId>('thrive-ldn');
  const ready = path.trim() !== '' && name.trim() !== '';

  function submit(event: FormEvent) {
    event.preventDefault();
    if (ready) onSubmit({ path: path.trim(), name: name.trim(), template });
  }

  return (
    <form className={styles.startForm} aria-label="New project" onSubmit={submit}>
      <div className={styles.startFormGrid}>
        <Field
          label="Project folder path"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder="/Users/you/Documents/Thrive LDN coding"
          hint="Where the project's files will be kept."
          className={styles.startFormWide}
          autoFocus
          spellCheck={false}
          autoComplete="off"
        />
        <Field
          label="Project name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="Community conversations 2017"
          maxLength={200}
        />
        <SelectField
          label="Codebook template"
          value={template}
          options={templateOptions}
          onChange={(e) => {
            if (isTemplateId(e.target.value)) setTemplate(e.target.value);
          }}
        />
      </div>
      <div className={styles.startFormButtons}>
        <Button type="submit" variant="primary" disabled={!ready || busy}>
          {busy ? 'Creating…' : 'Create project'}
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
