import { useMemo, useState } from 'react';
import { codePalette, subtreeIds } from '../../../../shared/domain/codebook';
import type { Code, CodeDescription } from '../../../../shared/domain/schemas';
import { plural } from '../../../../shared/text/plural';
import { Button } from '../../ui/Button';
import { DialogModal } from '../../ui/DialogModal';
import { TextAreaField } from '../../ui/TextAreaField';
import { CodePicker } from './CodePicker';
import { codeOptions } from './codeOptions';
import { subtreeCodings } from './codeCounts';
import overlayStyles from '../../ui/overlay.module.css';
import styles from './CodeDialogs.module.css';
import { useProject, useChanges } from '../workbench/state/contexts';

interface CodeDialogProps {
  code: Code;
  /** Called after the change went through (or on cancel, with false). */
  onDone: (changed: boolean) => void;
}

/** Runs a change, keeping the dialog open (and its buttons disabled) until it answers. */
function useBusy() {
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<boolean>): Promise<boolean> {
    setBusy(true);
    try {
      return await action();
    } finally {
      setBusy(false);
    }
  }
  return { busy, run };
}

/** Asks before deleting a code, saying exactly how many codings go with it (all coders, sub-codes included). */
export function DeleteCodeDialog({ code, onDone }: CodeDialogProps) {
  const { project } = useProject();
  const { change } = useChanges();
  const { busy, run } = useBusy();
  const ids = useMemo(() => subtreeIds(project.codebook, code.id), [project.codebook, code.id]);
  const removed = useMemo(() => subtreeCodings(project.codebook, project.codingCounts, ids), [project, ids]);
  const perCoder = project.coders
    .filter((c) => (removed.byCoder[c.id] ?? 0) > 0)
    .map((c) => `${c.name}: ${formatCount(removed.byCoder[c.id] ?? 0)}`);

  const what =
    removed.subcodes > 0
      ? `This deletes “${code.name}” and its ${plural(removed.subcodes, 'sub-code')}, and removes ${plural(removed.total, 'coding')} across all coders, including those at its sub-codes.`
      : `This deletes “${code.name}” and removes ${plural(removed.total, 'coding')} across all coders.`;

  async function submit() {
    const ok = await run(async () => (await change('code.delete', { codeId: code.id })) !== null);
    if (ok) onDone(true);
  }

  return (
    <DialogModal
      title={`Delete “${code.name}”?`}
      description={what}
      onSubmit={submit}
      onClose={() => onDone(false)}
      actions={
        <>
          <Button onClick={() => onDone(false)}>Cancel</Button>
          <Button type="submit" className={overlayStyles.btnDanger} disabled={busy} data-autofocus="">
            Delete code
          </Button>
        </>
      }
    >
      {perCoder.length > 1 ? <p className={styles.codeDialogNote}>{perCoder.join(' · ')}</p> : null}
      <p className={styles.codeDialogNote}>Memos on these codes and codings go too. You can undo this (Ctrl+Z).</p>
    </DialogModal>
  );
}

function formatCount(n: number): string {
  return plural(n, 'coding');
}

/** Merges a code into another one, chosen from a filterable list. */
export function MergeCodeDialog({ code, onDone }: CodeDialogProps) {
  const { project } = useProject();
  const { change } = useChanges();
  const { busy, run } = useBusy();
  const [targetId, setTargetId] = useState<string | null>(null);
  const options = useMemo(
    () => codeOptions(project.codebook, { exclude: new Set(subtreeIds(project.codebook, code.id)), codableOnly: true }),
    [project.codebook, code.id],
  );
  const moving = subtreeCodings(project.codebook, project.codingCounts, [code.id]).total;
  const target = project.codebook.find((c) => c.id === targetId) ?? null;

  async function submit(id: string | null = targetId) {
    if (!id) return;
    const ok = await run(async () => (await change('code.merge', { sourceId: code.id, targetId: id })) !== null);
    if (ok) onDone(true);
  }

  return (
    <DialogModal
      wide
      title={`Merge “${code.name}” into…`}
      description={`Its ${plural(moving, 'coding')} (all coders) and its memos move to the code you choose, its sub-codes move under that code, and “${code.name}” is deleted. You can undo this.`}
      onSubmit={() => void submit()}
      onClose={() => onDone(false)}
      actions={
        <>
          <Button onClick={() => onDone(false)}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy || !target}>
            {target ? `Merge into “${target.name}”` : 'Merge'}
          </Button>
        </>
      }
    >
      <CodePicker
        label="Merge into"
        listLabel="Codes to merge into"
        options={options}
        value={targetId}
        onChange={setTargetId}
        onConfirm={(id) => void submit(id)}
      />
    </DialogModal>
  );
}

const descriptionFields: ReadonlyArray<{ key: keyof CodeDescription; label: string; hint: string }> = [
  { key: 'definition', label: 'Definition', hint: 'What this code means.' },
  { key: 'whenToUse', label: 'When to use', hint: 'The passages it is for.' },
  { key: 'whenNotToUse', label: 'When not to use', hint: 'Near misses, and the code to use instead.' },
  { key: 'example', label: 'Example', hint: 'A typical passage.' },
];

/** The code's definition, inclusion and exclusion criteria and example, for a shared codebook. */
export function DescribeCodeDialog({ code, onDone }: CodeDialogProps) {
  const { change } = useChanges();
  const { busy, run } = useBusy();
  const [draft, setDraft] = useState<CodeDescription>(code.description);
  const changed = descriptionFields.some((f) => draft[f.key] !== code.description[f.key]);

  async function submit() {
    if (!changed) {
      onDone(false);
      return;
    }
    const ok = await run(async () => (await change('code.update', { codeId: code.id, description: draft })) !== null);
    if (ok) onDone(true);
  }

  return (
    <DialogModal
      wide
      title={`Describe “${code.name}”`}
      onSubmit={submit}
      onClose={() => onDone(false)}
      actions={
        <>
          <Button onClick={() => onDone(false)}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            Save description
          </Button>
        </>
      }
    >
      {descriptionFields.map((f) => (
        <TextAreaField
          key={f.key}
          label={f.label}
          placeholder={f.hint}
          rows={f.key === 'definition' ? 3 : 2}
          value={draft[f.key]}
          onChange={(event) => setDraft({ ...draft, [f.key]: event.target.value })}
          onKeyDown={(event) => {
            // Ctrl+Enter saves from any field; plain Enter makes a new line.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void submit();
            }
          }}
        />
      ))}
    </DialogModal>
  );
}

/** A palette of swatches and the system colour picker. */
export function RecolourCodeDialog({ code, onDone }: CodeDialogProps) {
  const { change } = useChanges();
  const { busy, run } = useBusy();
  const [color, setColor] = useState(code.color.toLowerCase());

  async function submit() {
    if (color === code.color.toLowerCase()) {
      onDone(false);
      return;
    }
    const ok = await run(async () => (await change('code.update', { codeId: code.id, color })) !== null);
    if (ok) onDone(true);
  }

  return (
    <DialogModal
      title={`Colour of “${code.name}”`}
      onSubmit={submit}
      onClose={() => onDone(false)}
      actions={
        <>
          <Button onClick={() => onDone(false)}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            Save colour
          </Button>
        </>
      }
    >
      <div role="radiogroup" aria-label="Palette" className={styles.swatches}>
        {codePalette.map((c, i) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={c === color}
            aria-label={`Colour ${i + 1} (${c})`}
            tabIndex={c === color || (i === 0 && !codePalette.includes(color)) ? 0 : -1}
            className={styles.swatch}
            style={{ backgroundColor: c }}
            onClick={() => setColor(c)}
            onKeyDown={(event) => {
              const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
              if (!step) return;
              event.preventDefault();
              const next = codePalette[(i + step + codePalette.length) % codePalette.length]!;
              setColor(next);
              (event.currentTarget.parentElement?.children[(i + step + codePalette.length) % codePalette.length] as HTMLElement | undefined)?.focus();
            }}
          />
        ))}
      </div>
      <label className={styles.swatchCustom}>
        <input type="color" value={color} onChange={(event) => setColor(event.target.value.toLowerCase())} />
        <span>Other colour…</span>
        <code className={styles.swatchCustomHex}>{color}</code>
      </label>
      <p className={styles.swatchPreview}>
        <span className={styles.swatchPreviewMark} style={{ backgroundColor: `${color}33`, borderBottomColor: color }}>
          {code.name}
        </span>{' '}
        as it will look in the text
      </p>
    </DialogModal>
  );
}
