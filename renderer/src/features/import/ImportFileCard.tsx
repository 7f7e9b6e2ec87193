import { useId } from 'react';
import type { ImportInspection } from '../../../../shared/api/contract';
import { formatNumber } from '../../lib/format';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/SelectField';
import { extensionOf, formatBytes, importExtensions, reasonSentence } from './files';
import {
  coderFromOptions,
  describeSpeakerChoice,
  exchangeSummary,
  formProblem,
  kindLabel,
  sheetForm,
  sheetOf,
  speakerOptions,
  spreadsheetOutcome,
} from './options';
import type { CoderFrom, DocumentForm, ItemForm, SpeakerChoice, SpreadsheetForm } from './options';
import type { EntryPhase, ImportEntry } from './session';
import './import.css';

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
    <section className={['import-file', refused ? 'import-file--refused' : ''].filter(Boolean).join(' ')} aria-labelledby={titleId}>
      <div className="import-file__header">
        <KindIcon kind={kind} />
        <h3 id={titleId} className="import-file__name">
          {entry.fileName}
        </h3>
        <span className="import-file__meta">
          {kind ? kindLabel(kind) : 'Unsupported file'} · {formatBytes(entry.size)}
        </span>
        <Button size="sm" variant="ghost" className="import-file__remove" aria-label={`Remove ${entry.fileName}`} onClick={onRemove}>
          Remove
        </Button>
      </div>
      {entry.phase === 'ready' || entry.phase === 'refused' ? null : (
        <p className="import-file__status">
          <span className="import-spinner" aria-hidden="true" />
          {phaseText[entry.phase]}
        </p>
      )}
      {refused ? (
        <p className="import-note import-note--error">
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
    const differ = inspection.refi?.codingsWithOtherUser ?? 0;
    return (
      <>
        <p className="import-file__summary">{exchangeSummary(form.kind)}</p>
        {form.kind === 'refi-project' && differ > 0 ? (
          <SelectField
            label="Whose is a coding that names another user than its passage?"
            className="import-doc__select"
            value={form.coderFrom}
            options={coderFromOptions(differ)}
            onChange={(e) => onForm({ ...form, coderFrom: e.target.value as CoderFrom })}
          />
        ) : null}
      </>
    );
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
    <div className="import-doc">
      <p className="import-file__summary">
        Becomes the document <strong>“{doc.name}”</strong> · {formatNumber(doc.characters)} characters
      </p>
      {doc.duplicateOf !== null ? (
        <p className="import-note import-note--warn">
          Same text as <strong>“{doc.duplicateOf}”</strong>, already in the project: it will be skipped.
        </p>
      ) : null}
      <div className="import-doc__speakers">
        <SelectField
          label="Speakers"
          className="import-doc__select"
          value={form.speakers}
          options={speakerOptions(detected)}
          aria-describedby={hintId}
          onChange={(event) => onForm({ kind: 'document', speakers: event.target.value as SpeakerChoice })}
        />
        <p id={hintId} className="import-doc__hint">
          {describeSpeakerChoice(form.speakers, detected)}
        </p>
      </div>
      {turns.length > 0 ? (
        <figure className="import-preview">
          <figcaption className="import-preview__caption">
            {hasSpeakers ? 'Preview: the first turns, with the speakers detected' : 'Preview: the first paragraphs'}
          </figcaption>
          <dl className={['import-turns', hasSpeakers ? '' : 'import-turns--plain'].filter(Boolean).join(' ')}>
            {turns.map((turn, i) => (
              <div key={i} className="import-turn">
                <dt className="import-turn__speaker">{turn.speaker ?? <span className="sr-only">No speaker</span>}</dt>
                <dd className="import-turn__text">
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

function RadioGroup<T extends string>({
  legend,
  value,
  options,
  onChange,
}: {
  legend: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  const name = useId();
  return (
    <fieldset className="import-radios">
      <legend className="import-legend">{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="import-radio">
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

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
    <div className="import-sheet">
      {sheets.length > 1 ? (
        <SelectField
          label="Sheet"
          className="import-sheet__select"
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
          <fieldset className="import-columns">
            <legend className="import-legend">Text columns</legend>
            <div className="import-columns__list">
              {columns.map((c) => (
                <label key={c} className="import-check">
                  <input type="checkbox" checked={form.textColumns.includes(c)} onChange={(event) => toggleText(c, event.target.checked)} />
                  <span>{c}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="import-sheet__row">
            <RadioGroup
              legend="Documents"
              value={form.mode}
              onChange={(mode) => set({ mode })}
              options={[
                { value: 'row', label: 'Each row is a document' },
                { value: 'group', label: 'Rows with the same value in a column are one document' },
              ]}
            />
            <div className="import-sheet__selects">
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
          className="import-sheet__select"
          value={form.matchColumn}
          options={columnOptions(columns, 'Choose a column…')}
          onChange={(event) => set({ matchColumn: event.target.value })}
        />
      )}
      {problem ? (
        <p className="import-note import-note--error">
          {problem}
        </p>
      ) : (
        <p className="import-file__summary">{spreadsheetOutcome(form, inspection)}</p>
      )}
      {form.use === 'attributes' && documentNames.length === 0 ? (
        <p className="import-note import-note--warn">The project has no documents yet, so no row can match one.</p>
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
    <div className="import-table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="import-table">
        <caption id={captionId} className="import-table__caption">
          First {shown === 1 ? 'row' : `${shown} rows`} of {sheet.rowCount}
        </caption>
        <thead>
          <tr>
            {sheet.columns.map((c) => {
              const role = columnRole(c, form);
              return (
                <th key={c} scope="col" className={`import-table__col--${role}`}>
                  <span className="import-table__name">{c}</span>{' '}
                  <span className={`import-tag import-tag--${role}`}>{role}</span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sheet.sample.map((row, r) => (
            <tr key={r}>
              {sheet.columns.map((c, i) => (
                <td key={c} className={`import-table__col--${columnRole(c, form)}`}>
                  <span className="import-table__cell">{row[i] ?? ''}</span>
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
    <span className={`import-kind import-kind--${kind ?? 'unsupported'}`} aria-hidden="true">
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
