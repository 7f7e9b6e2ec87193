import { useId } from 'react';
import { importKindOf } from '../../../../shared/import/formats';
import type { ImportInspection } from '../../../../shared/api/contract';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/SelectField';
import { formatBytes } from '../../../../shared/import/formats';
import { reasonSentence } from './files';
import { coderFromOptions, exchangeSummary, kindLabel, overlapNotice } from './options';
import type { CoderFrom, ItemForm } from './options';
import type { EntryPhase, ImportEntry } from './session';
import { DocumentSettings } from './DocumentSettings';
import { EncodingField } from './EncodingField';
import { readEncoding } from './encoding-choice';
import type { TextEncodingName } from '../../../../shared/text/encodings';
import { SpreadsheetSettings } from './SpreadsheetSettings';
import documentStyles from './DocumentSettings.module.css';
import styles from './ImportFileCard.module.css';
import importStyles from './import.module.css';

const phaseText: Record<Exclude<EntryPhase, 'ready' | 'refused'>, string> = {
  waiting: 'Waiting…',
  reading: 'Reading the file…',
  uploading: 'Handing it to Marginalia…',
  checking: 'Looking inside…',
};

export interface ImportFileCardProps {
  entry: ImportEntry;
  onForm: (form: ItemForm) => void;
  onEncoding: (encoding: TextEncodingName) => void;
  onRemove: () => void;
}

/** One file in the import dialog: what it is, how far it got, and its settings. */
export function ImportFileCard({ entry, onForm, onEncoding, onRemove }: ImportFileCardProps) {
  const titleId = useId();
  const encoding = entry.phase === 'ready' ? readEncoding(entry.inspection) : null;
  const kind = entry.inspection?.kind ?? importKindOf(entry.fileName);
  const refused = entry.phase === 'refused';
  return (
    <section className={[styles.importFile, refused ? styles.importFileRefused : ''].filter(Boolean).join(' ')} aria-labelledby={titleId}>
      <div className={styles.importFileHeader}>
        <KindIcon kind={kind} />
        <h3 id={titleId} className={styles.importFileName}>
          {entry.fileName}
        </h3>
        <span className={styles.importFileMeta}>
          {kind ? kindLabel(kind) : 'Unsupported file'} · {formatBytes(entry.size)}
        </span>
        <Button size="sm" variant="ghost" className={styles.importFileRemove} aria-label={`Remove ${entry.fileName}`} onClick={onRemove}>
          Remove
        </Button>
      </div>
      {entry.phase === 'ready' || entry.phase === 'refused' ? null : (
        <p className={styles.importFileStatus}>
          <span className={importStyles.importSpinner} aria-hidden="true" />
          {phaseText[entry.phase]}
        </p>
      )}
      {refused ? (
        <p className={`${styles.importNote} ${styles.importNoteError}`}>
          {reasonSentence(entry.fileName, entry.problem ?? 'could not be read')} It will be left out.
        </p>
      ) : null}
      {encoding !== null ? <EncodingField shown={encoding} detected={entry.detectedEncoding} problem={entry.encodingProblem} onChoose={onEncoding} /> : null}
      {entry.phase === 'ready' && entry.inspection && entry.form ? (
        <FileSettings inspection={entry.inspection} form={entry.form} namesTaken={entry.namesTaken} onForm={onForm} />
      ) : null}
    </section>
  );
}

function FileSettings({
  inspection,
  form,
  namesTaken,
  onForm,
}: {
  inspection: ImportInspection;
  form: ItemForm;
  namesTaken: readonly string[];
  onForm: (form: ItemForm) => void;
}) {
  if (form.kind === 'document' && inspection.document) {
    return <DocumentSettings document={inspection.document} form={form} onForm={onForm} />;
  }
  if (form.kind === 'spreadsheet') {
    return <SpreadsheetSettings inspection={inspection} form={form} namesTaken={namesTaken} onForm={onForm} />;
  }
  if (form.kind === 'refi-project' || form.kind === 'refi-codebook') {
    const differ = inspection.refi?.codingsWithOtherUser ?? 0;
    const overlapping = inspection.refi?.codingsOverlapping ?? 0;
    return (
      <>
        <p className={styles.importFileSummary}>{exchangeSummary(form.kind)}</p>
        {form.kind === 'refi-project' && differ > 0 ? (
          <SelectField
            label="Whose is a coding that names another user than its passage?"
            className={documentStyles.importDocSelect}
            value={form.coderFrom}
            options={coderFromOptions(differ)}
            onChange={(e) => onForm({ ...form, coderFrom: e.target.value as CoderFrom })}
          />
        ) : null}
        {form.kind === 'refi-project' && overlapping > 0 ? (
          <div className={styles.importFileMerge}>
            <p className={styles.importFileSummary}>{overlapNotice(overlapping)}</p>
            <label className={styles.importFileCheck}>
              <input type="checkbox" checked={form.mergeOverlaps} onChange={(e) => onForm({ ...form, mergeOverlaps: e.target.checked })} />
              <span>Merge them (one coding per overlapping group, as coding in Marginalia does)</span>
            </label>
          </div>
        ) : null}
      </>
    );
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

function KindIcon({ kind }: { kind: ImportInspection['kind'] | null }) {
  return (
    <span className={styles.importKind} data-kind={kind ?? 'unsupported'} aria-hidden="true">
      <svg viewBox="0 0 16 16" width="16" height="16">
        {kind === 'spreadsheet' ? (
          <>
            <rect x="2.5" y="2.5" width="11" height="11" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.2" />
            <path d="M2.5 6.2h11M2.5 9.8h11M6.5 2.5v11" stroke="currentColor" strokeWidth="1.1" />
          </>
        ) : kind === 'document' || kind === null ? (
          <>
            <path d="M4 1.75h5.25L12.5 5v9.25H4z" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
            <path d="M6 7.5h4.5M6 9.75h4.5M6 12h3" stroke="currentColor" strokeWidth="1.1" strokeLinecap="round" />
          </>
        ) : (
          <>
            <path d="M2 4.5h4l1.3 1.5H14v7.5H2z" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
            <circle cx="8" cy="9.6" r="1.6" fill="currentColor" />
          </>
        )}
      </svg>
    </span>
  );
}
