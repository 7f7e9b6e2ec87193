import { useId, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type { AttributeDef, AttributeType, AttributeValue } from '../../../../shared/domain/schemas';
import { plural } from '../../../../shared/text/plural';
import { Button } from '../../ui/Button';
import { DialogModal } from '../../ui/DialogModal';
import { DocumentMemoButton } from '../memos/DocumentMemoButton';
import { parseAttributeInput, valueForInput } from './attributeInput';
import styles from './attributes.module.css';
import overlayStyles from '../../ui/overlay.module.css';
import uiStyles from '../../ui/ui.module.css';
import { useProject, useChanges } from '../workbench/state/contexts';
import { useDocumentFacets, useDocumentSummary } from '../workbench/state/useDocuments';

/** Whether the panel was last left open, so it stays so from one document to the next. */
let rememberedOpen = false;

/**
 * The open document's attributes, editable in place: one field per attribute the project
 * defines (text, number or date), saved when the field is left or Enter is pressed; an empty
 * field clears the value. Attributes can be added to and deleted from the project here.
 */
export function AttributesPanel({ documentId }: { documentId: string }) {
  const { project } = useProject();
  const { change, showError } = useChanges();
  const doc = useDocumentSummary(documentId);
  const [open, setOpenState] = useState(rememberedOpen);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<AttributeDef | null>(null);
  const bodyId = useId();
  if (!doc) return null;

  function setOpen(value: boolean) {
    rememberedOpen = value;
    setOpenState(value);
  }

  const filled = project.attributes.filter((a) => {
    const v = doc.attributes[a.name];
    return v !== undefined && v !== null && v !== '';
  }).length;

  async function save(def: AttributeDef, value: AttributeValue) {
    await change('document.setAttribute', { documentId, name: def.name, value });
  }

  return (
    <div className={styles.attrs} role="group" aria-label="Document attributes">
      <div className={styles.attrsBar}>
        <button type="button" className={styles.attrsToggle} aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          <svg viewBox="0 0 12 12" width="10" height="10" aria-hidden="true" className={open ? styles.isOpen : undefined}>
            <path d="M4 2.5L7.5 6 4 9.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          Attributes
          <span className={styles.attrsSummary}>
            {filled} of {project.attributes.length} set
          </span>
        </button>
        <DocumentMemoButton documentId={documentId} />
      </div>
      {open ? (
        <div id={bodyId} className={styles.attrsBody}>
          {project.attributes.length > 0 ? (
            <div className={styles.attrsGrid}>
              {project.attributes.map((def) => (
                <AttributeField
                  key={`${documentId}:${def.name}:${def.type}`}
                  def={def}
                  value={doc.attributes[def.name] ?? null}
                  onSave={(value) => save(def, value)}
                  onInvalid={(message) => showError(new Error(message))}
                  onDelete={() => setDeleting(def)}
                />
              ))}
            </div>
          ) : (
            <p className={styles.attrsNone}>No attributes yet. Attributes describe documents (site, group, date) and let you filter them.</p>
          )}
          {adding ? (
            <AddAttributeForm
              existing={project.attributes}
              onCancel={() => setAdding(false)}
              onAdd={async (name, type) => {
                const ok = (await change('attribute.define', { name, type })) !== null;
                if (ok) setAdding(false);
                return ok;
              }}
            />
          ) : (
            <Button size="sm" variant="ghost" className={styles.attrsAdd} onClick={() => setAdding(true)}>
              Add attribute…
            </Button>
          )}
        </div>
      ) : null}
      {deleting ? <DeleteAttributeDialog attribute={deleting} onDone={() => setDeleting(null)} /> : null}
    </div>
  );
}

const inputTypes: Record<AttributeType, string> = { text: 'text', number: 'number', date: 'date' };

function AttributeField({
  def,
  value,
  onSave,
  onInvalid,
  onDelete,
}: {
  def: AttributeDef;
  value: AttributeValue;
  onSave: (value: AttributeValue) => Promise<void>;
  onInvalid: (message: string) => void;
  onDelete: () => void;
}) {
  const id = useId();
  const initial = valueForInput(def.type, value);
  const [draft, setDraft] = useState(initial);
  // A new value from elsewhere (saved, undone, changed by another window) replaces the box's text.
  const [shown, setShown] = useState(initial);
  if (initial !== shown) {
    setShown(initial);
    setDraft(initial);
  }

  function commit() {
    if (draft === initial) return;
    const parsed = parseAttributeInput(def.type, draft);
    if (!parsed.ok) {
      onInvalid(`${def.name}: ${parsed.message}`);
      setDraft(initial);
      return;
    }
    if (parsed.value === value) {
      setDraft(initial);
      return;
    }
    void onSave(parsed.value);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    event.stopPropagation();
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDraft(initial);
    }
  }

  return (
    <div className={styles.attrsField}>
      <label htmlFor={id} className={styles.attrsLabel} title={`${def.name} (${def.type})`}>
        {def.name}
      </label>
      <input
        id={id}
        className={`${uiStyles.fieldInput} ${styles.attrsInput}`}
        type={inputTypes[def.type]}
        step={def.type === 'number' ? 'any' : undefined}
        value={draft}
        placeholder={def.type === 'text' ? '—' : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      <button type="button" className={`${overlayStyles.iconButton} ${styles.attrsDelete}`} aria-label={`Delete attribute ${def.name}`} title={`Delete attribute ${def.name}`} onClick={onDelete}>
        <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
          <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  );
}

function AddAttributeForm({
  existing,
  onAdd,
  onCancel,
}: {
  existing: readonly AttributeDef[];
  onAdd: (name: string, type: AttributeType) => Promise<boolean>;
  onCancel: () => void;
}) {
  const nameId = useId();
  const typeId = useId();
  const [name, setName] = useState('');
  const [type, setType] = useState<AttributeType>('text');
  const [busy, setBusy] = useState(false);
  const clash = existing.some((a) => a.name.toLocaleLowerCase() === name.trim().toLocaleLowerCase());

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim() || clash || busy) return;
    setBusy(true);
    try {
      await onAdd(name.trim(), type);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.attrsNew} onSubmit={submit} aria-label="Add attribute" onKeyDown={(event) => {
      event.stopPropagation();
      if (event.key === 'Escape') onCancel();
    }}>
      <div className={styles.attrsNewField}>
        <label htmlFor={nameId} className={styles.attrsLabel}>
          Name
        </label>
        <input
          id={nameId}
          className={`${uiStyles.fieldInput} ${styles.attrsInput}`}
          value={name}
          maxLength={100}
          autoFocus
          autoComplete="off"
          aria-invalid={clash || undefined}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <div className={styles.attrsNewField}>
        <label htmlFor={typeId} className={styles.attrsLabel}>
          Type
        </label>
        <select id={typeId} className={`${uiStyles.fieldInput} ${uiStyles.fieldSelect} ${styles.attrsInput}`} value={type} onChange={(event) => setType(event.target.value as AttributeType)}>
          <option value="text">Text</option>
          <option value="number">Number</option>
          <option value="date">Date</option>
        </select>
      </div>
      <div className={styles.attrsNewActions}>
        <Button size="sm" variant="primary" type="submit" disabled={!name.trim() || clash || busy}>
          Add
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      {clash ? <p className={styles.attrsClash}>An attribute with this name exists already.</p> : null}
    </form>
  );
}

/** Asks before deleting an attribute, saying how many documents lose their value for it. */
function DeleteAttributeDialog({ attribute, onDone }: { attribute: AttributeDef; onDone: () => void }) {
  const { change, showError } = useChanges();
  const facets = useDocumentFacets(showError) ?? [];
  const usedBy = facets.find((f) => f.name === attribute.name)?.values.reduce((n, v) => n + v.count, 0) ?? 0;
  return (
    <DialogModal
      title={`Delete the attribute “${attribute.name}”?`}
      description={
        usedBy > 0
          ? `It is removed from the project, with its values in ${plural(usedBy, 'document')}. You can undo this.`
          : 'It is removed from the project; no document has a value for it. You can undo this.'
      }
      onClose={onDone}
      onSubmit={async () => {
        if ((await change('attribute.delete', { name: attribute.name })) !== null) onDone();
      }}
      actions={
        <>
          <Button onClick={onDone}>Cancel</Button>
          <Button type="submit" className={overlayStyles.btnDanger} data-autofocus="">
            Delete attribute
          </Button>
        </>
      }
    />
  );
}
