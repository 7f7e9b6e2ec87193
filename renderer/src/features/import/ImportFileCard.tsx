import { useId } from 'react';
import type { ImportInspection } from '../../../../shared/api/contract';
import { formatNumber } from '../../lib/format';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/SelectField';
import { extensionOf, formatBytes, importExtensions, reasonSentence } from './files';
import {
  describeSpeakerChoice,
  exchangeSummary,
  formProblem,
  kindLabel,
  sheetForm,
  sheetOf,
  speakerOptions,
  spreadsheetOutcome,
} from './options';
import type { DocumentForm, ItemForm, SpeakerChoice, SpreadsheetForm } from './options';
import type { EntryPhase, ImportEntry } from './session';
import { RadioGroup } from '../../ui/RadioGroup';
import styles from './import.module.css';

const phaseText: Record<Exclude<EntryPhase, 'ready' | 'refused'>, string> = {
  waiting: 'Waiting…',
  reading: 'Reading the file…',
  uploading: 'Handing it to Marginalia…',
  checking: 'Looking inside…',
};

/** The kind a file looks like before it has been inspected, from its extension; null when Marginalia does not import it. */
function guessKind(fileName: string): ImportInspection['kind'] | null {
  const ext = extensionOf(fileName);
  if (!(importExtensions as readonly string[]).includes(ext)) return null;
  if (ext === '.csv' || ext === '.xlsx') return 'spreadsheet';
  if (ext === '.qdpx') return 'refi-project';
  if (ext === '.qdc') return 'refi-codebook';
  return 'document';
}

/** The backend sends at most this much of each preview turn (import-service.ts inspectFile). */
const PREVIEW_TURN_CHARS = 160;

export interface ImportFileCardProps {
  entry: ImportEntry;
  documentNames: readonly string[];
  onForm: (form: ItemForm) => void;
  onRemove: () => void;
}

/** One file in the import dialog: what it is, how far it got, and its settings. */
export function ImportFileCard({ entry, documentNames, onForm, onRemove }: ImportFileCardProps) {
  const titleId = useId();
  const kind = entry.inspection?.kind ?? guessKind(entry.fileName);
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
          <span className={styles.importSpinner} aria-hidden="true" />
          {phaseText[entry.phase]}
        </p>
      )}
      {refused ? (
        <p className={`${styles.importNote} ${styles.importNoteError}`}>
          {reasonSentence(entry.fileName, entry.problem ?? 'could not be read')} It will be left out.
        </p>
      ) : null}
      {entry.phase === 'ready' && entry.inspection && entry.form ? (
        <FileSettings inspection={entry.inspection} form={entry.form} documentNames={documentNames} onForm={onForm} />
      ) : null}
    </section>
  );
}

function FileSettings({
  inspection,
  form,
  documentNames,
  onForm,
}: {
  inspection: ImportInspection;
  form: ItemForm;
  documentNames: readonly string[];
  onForm: (form: ItemForm) => void;
}) {
  if (form.kind === 'document' && inspection.document) {
    return <DocumentSettings document={inspection.document} form={form} onForm={onForm} />;
  }
  if (form.kind === 'spreadsheet') {
    return <SpreadsheetSettings inspection={inspection} form={form} documentNames={documentNames} onForm={onForm} />;
  }
  if (form.kind === 'refi-project' || form.kind === 'refi-codebook') {
    return <p className={styles.importFileSummary}>{exchangeSummary(form.kind)}</p>;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Documents

function DocumentSettings({
  document: doc,
  form,
  onForm,
}: {
  document: NonNullable<ImportInspection['document']>;
  form: DocumentForm;
  onForm: (form: ItemForm) => void;
}) {
  const hintId = useId();
  const detected = doc.speakerPattern;
  const hasSpeakers = doc.turns.some((t) => t.speaker !== null);
  const turns = doc.turns.slice(0, 5);
  return (
    <div className={styles.importDoc}>
      <p className={styles.importFileSummary}>
        Becomes the document <strong>“{doc.name}”</strong> · {formatNumber(doc.characters)} characters
      </p>
      {doc.duplicateOf !== null ? (
        <p className={`${styles.importNote} ${styles.importNoteWarn}`}>
          Same text as <strong>“{doc.duplicateOf}”</strong>, already in the project: it will be skipped.
        </p>
      ) : null}
      <div className={styles.importDocSpeakers}>
        <SelectField
          label="Speakers"
          className={styles.importDocSelect}
          value={form.speakers}
          options={speakerOptions(detected)}
          aria-describedby={hintId}
          onChange={(event) => onForm({ kind: 'document', speakers: event.target.value as SpeakerChoice })}
        />
        <p id={hintId} className={styles.importDocHint}>
          {describeSpeakerChoice(form.speakers, detected)}
        </p>
      </div>
      {turns.length > 0 ? (
        <figure className={styles.importPreview}>
          <figcaption className={styles.importPreviewCaption}>
            {hasSpeakers ? 'Preview: the first turns, with the speakers detected' : 'Preview: the first paragraphs'}
          </figcaption>
          <dl className={[styles.importTurns, hasSpeakers ? '' : styles.importTurnsPlain].filter(Boolean).join(' ')}>
            {turns.map((turn, i) => (
              <div key={i} className={styles.importTurn}>
                <dt className={styles.importTurnSpeaker}>{turn.speaker ?? <span className={'sr-only'}>No speaker</span>}</dt>
                <dd className={styles.importTurnText}>
                  {turn.text}
                  {turn.text.length >= PREVIEW_TURN_CHARS ? '…' : ''}
                </dd>
              </div>
            ))}
          </dl>
        </figure>
      ) : null}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Spreadsheets

const columnOptions = (columns: readonly string[], none: string) => [
  { value: '', label: none },
  ...columns.map((c) => ({ value: c, label: c })),
];

function SpreadsheetSettings({
  inspection,
  form,
  documentNames,
  onForm,
}: {
  inspection: ImportInspection;
  form: SpreadsheetForm;
  documentNames: readonly string[];
  onForm: (form: ItemForm) => void;
}) {
  const sheets = inspection.spreadsheet?.sheets ?? [];
  const sheet = sheetOf(inspection, form.sheet);
  const problem = formProblem(form, inspection);
  const set = (patch: Partial<SpreadsheetForm>) => onForm({ ...form, ...patch });
  const columns = sheet?.columns ?? [];

  function toggleText(column: string, on: boolean) {
    const chosen = new Set(form.textColumns);
    if (on) chosen.add(column);
    else chosen.delete(column);
    set({ textColumns: columns.filter((c) => chosen.has(c)) });
  }

  return (
    <div className={styles.importSheet}>
      {sheets.length > 1 ? (
        <SelectField
          label="Sheet"
          className={styles.importSheetSelect}
          value={form.sheet}
          options={sheets.map((s) => ({ value: s.name, label: `${s.name} (${s.rowCount} ${s.rowCount === 1 ? 'row' : 'rows'})` }))}
          onChange={(event) => {
            const next = sheetOf(inspection, event.target.value);
            if (next) onForm(sheetForm(next, documentNames));
          }}
        />
      ) : null}
      <RadioGroup
        legend="The rows are"
        value={form.use}
        onChange={(use) => set({ use })}
        options={[
          { value: 'documents', label: 'Texts to import as documents' },
          { value: 'attributes', label: 'Attributes of documents already in the project' },
        ]}
      />
      {form.use === 'documents' ? (
        <>
          <fieldset className={styles.importColumns}>
            <legend className={styles.importLegend}>Text columns</legend>
            <div className={styles.importColumnsList}>
              {columns.map((c) => (
                <label key={c} className={styles.importCheck}>
                  <input type="checkbox" checked={form.textColumns.includes(c)} onChange={(event) => toggleText(c, event.target.checked)} />
                  <span>{c}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className={styles.importSheetRow}>
            <RadioGroup
              legend="Documents"
              value={form.mode}
              onChange={(mode) => set({ mode })}
              options={[
                { value: 'row', label: 'Each row is a document' },
                { value: 'group', label: 'Rows with the same value in a column are one document' },
              ]}
            />
            <div className={styles.importSheetSelects}>
              {form.mode === 'group' ? (
                <>
                  <SelectField
                    label="Group rows by"
                    value={form.groupColumn}
                    options={columnOptions(columns, 'Choose a column…')}
                    onChange={(event) => set({ groupColumn: event.target.value })}
                  />
                  <SelectField
                    label="Speaker of each row"
                    value={form.nameColumn}
                    options={columnOptions(columns, 'None (row numbers)')}
                    onChange={(event) => set({ nameColumn: event.target.value })}
                  />
                </>
              ) : (
                <SelectField
                  label="Document names from"
                  value={form.nameColumn}
                  options={columnOptions(columns, 'Row numbers')}
                  onChange={(event) => set({ nameColumn: event.target.value })}
                />
              )}
            </div>
          </div>
        </>
      ) : (
        <SelectField
          label="Match documents by"
          className={styles.importSheetSelect}
          value={form.matchColumn}
          options={columnOptions(columns, 'Choose a column…')}
          onChange={(event) => set({ matchColumn: event.target.value })}
        />
      )}
      {problem ? (
        <p className={`${styles.importNote} ${styles.importNoteError}`}>
          {problem}
        </p>
      ) : (
        <p className={styles.importFileSummary}>{spreadsheetOutcome(form, inspection)}</p>
      )}
      {form.use === 'attributes' && documentNames.length === 0 ? (
        <p className={`${styles.importNote} ${styles.importNoteWarn}`}>The project has no documents yet, so no row can match one.</p>
      ) : null}
      {sheet && sheet.sample.length > 0 ? <SampleTable sheet={sheet} form={form} /> : null}
    </div>
  );
}

type Sheet = NonNullable<ImportInspection['spreadsheet']>['sheets'][number];

function columnRole(column: string, form: SpreadsheetForm): string {
  if (form.use === 'attributes') return column === form.matchColumn ? 'match' : 'attribute';
  if (form.textColumns.includes(column)) return 'text';
  if (form.mode === 'group' && column === form.groupColumn) return 'group';
  if (column === form.nameColumn) return form.mode === 'group' ? 'speaker' : 'name';
  return 'attribute';
}

function SampleTable({ sheet, form }: { sheet: Sheet; form: SpreadsheetForm }) {
  const captionId = useId();
  const shown = sheet.sample.length;
  return (
    <div className={styles.importTableWrap} role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.importTable}>
        <caption id={captionId} className={styles.importTableCaption}>
          First {shown === 1 ? 'row' : `${shown} rows`} of {sheet.rowCount}
        </caption>
        <thead>
          <tr>
            {sheet.columns.map((c) => {
              const role = columnRole(c, form);
              return (
                <th key={c} scope="col" data-role={role}>
                  <span className={styles.importTableName}>{c}</span>{' '}
                  <span className={styles.importTag} data-role={role}>{role}</span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sheet.sample.map((row, r) => (
            <tr key={r}>
              {sheet.columns.map((c, i) => (
                <td key={c} data-role={columnRole(c, form)}>
                  <span className={styles.importTableCell}>{row[i] ?? ''}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
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
