import { useState } from 'react';
import type { FormEvent } from 'react';
import type { AppState, TemplateId } from '../../../../shared/api/contract';
import { useApi } from '../../api/context';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { SelectField } from '../../ui/SelectField';
import { FolderChooser } from './FolderChooser';
import { projectFolderPath } from './projectFolder';
import styles from './start.module.css';

export interface NewProjectInput {
  path: string;
  name: string;
  template: TemplateId;
}

// Empty first and chosen: most studies bring their own codebook.
const templateOptions: ReadonlyArray<{ value: TemplateId; label: string }> = [
  { value: 'empty', label: 'Empty codebook' },
  { value: 'thrive-ldn', label: 'Thrive LDN aspirations and themes' },
];

function isTemplateId(value: string): value is TemplateId {
  return templateOptions.some((o) => o.value === value);
}

export interface NewProjectFormProps {
  state: Pick<AppState, 'shell' | 'projectsDir'>;
  busy: boolean;
  onSubmit: (input: NewProjectInput) => void;
  onCancel: () => void;
}

/**
 * A name, where it goes (Documents/Marginalia unless the user chooses another folder: the native
 * dialog on the desktop, the folder chooser in browser mode; never a typed path) and a codebook.
 */
export function NewProjectForm({ state, busy, onSubmit, onCancel }: NewProjectFormProps) {
  const api = useApi();
  const [name, setName] = useState('');
  const [location, setLocation] = useState(state.projectsDir);
  const [choosing, setChoosing] = useState(false);
  const [template, setTemplate] = useState<TemplateId>('empty');
  const path = projectFolderPath(location, name);
  const ready = name.trim() !== '';

  function submit(event: FormEvent) {
    event.preventDefault();
    if (ready) onSubmit({ path, name: name.trim(), template });
  }

  async function chooseLocation() {
    if (state.shell !== 'electron') {
      setChoosing(true);
      return;
    }
    const picked = await api.call('dialog.pickProjectFolder', {});
    if (picked) setLocation(picked);
  }

  return (
    <form className={styles.startForm} aria-label="New project" onSubmit={submit}>
      <div className={styles.startFormGrid}>
        <Field
          label="Project name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="Community conversations 2017"
          maxLength={200}
          autoFocus
        />
        <SelectField
          label="Codebook"
          value={template}
          options={templateOptions}
          onChange={(e) => {
            if (isTemplateId(e.target.value)) setTemplate(e.target.value);
          }}
        />
        <div className={styles.startFormWide}>
          <p className={styles.locationLabel}>Saved as</p>
          <div className={styles.location}>
            <code className={styles.locationPath} title={path} data-testid="new-project-path">
              {path}
            </code>
            <Button size="sm" onClick={() => void chooseLocation()} disabled={busy}>
              Change folder…
            </Button>
          </div>
        </div>
      </div>
      <div className={styles.startFormButtons}>
        <Button type="submit" variant="primary" disabled={!ready || busy}>
          {busy ? 'Creating…' : 'Create project'}
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
      {choosing ? (
        <FolderChooser
          purpose="location"
          startAt={location}
          onChoose={(folder) => {
            setLocation(folder);
            setChoosing(false);
          }}
          onClose={() => setChoosing(false)}
        />
      ) : null}
    </form>
  );
}
