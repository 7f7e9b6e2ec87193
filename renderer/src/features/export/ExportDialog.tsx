import { useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { AgreementMode, ExportFile, ServerEvents } from '../../../../shared/api/contract';
import { documentMatches } from '../../../../shared/domain/filters';
import { ApiError } from '../../api/client';
import { useApi, useApiEvents } from '../../api/context';
import { saveExportFile } from '../../lib/download';
import { plural } from '../../lib/format';
import { Button } from '../../ui/Button';
import { DialogModal } from '../../ui/DialogModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { describeFilter } from '../documents/attributeFilter';
import { ProgressBar } from '../import/ProgressBar';
import { useWorkbench } from '../workbench/context';
import { CodeChecklist } from './CodeChecklist';
import { exportRequest, hasFilter, initialExportForm, toggleIn } from './exportOptions';
import type { ExportForm, ExportFormat, ExportRequest } from './exportOptions';
import './export.css';

const formats: { value: ExportFormat; label: string; hint: string }[] = [
  {
    value: 'xlsx',
    label: 'Excel workbook (.xlsx)',
    hint: 'Coded segments, the codebook, counts by document and attribute, co-occurrence and memos, a sheet each.',
  },
  { value: 'csv', label: 'CSV of coded segments (.csv)', hint: 'One row per coded passage, for R, Python, SPSS or Stata.' },
  { value: 'qdpx', label: 'REFI-QDA project (.qdpx)', hint: 'The whole project, to open in NVivo, ATLAS.ti, MAXQDA and others.' },
  { value: 'qdc', label: 'REFI-QDA codebook (.qdc)', hint: 'Just the codes and their descriptions.' },
];

const agreementModes: { value: AgreementMode; label: string }[] = [
  { value: 'character', label: 'Characters (κ and α, as NVivo)' },
  { value: 'segment', label: 'Segments (as MAXQDA)' },
  { value: 'presence', label: 'Code presence per document' },
  { value: 'unitized', label: 'Passage boundaries (α_U)' },
];

type Phase =
  | { kind: 'form' }
  | { kind: 'running'; progress: ServerEvents['export.progress'] | null }
  | { kind: 'done'; file: ExportFile }
  | { kind: 'failed'; error: ApiError };

/**
 * The export dialog: the format, then for Excel and CSV which codes, documents, coders and
 * attribute columns, and for Excel what to cross the codes with, how to count, a sheet per
 * code and agreement sheets. While the backend works a progress bar follows its
 * `export.progress` events; the file is then saved and anything cut or renamed is listed.
 */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const { project, attributeFilter } = useWorkbench();
  const [form, setForm] = useState<ExportForm>(() => initialExportForm(project, attributeFilter));
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  /** Bumped when the dialog closes or starts over: a reply for an abandoned export is dropped. */
  const generation = useRef(0);
  const ids = useId();

  useApiEvents((event) => {
    if (event.name === 'export.progress') setPhase((p) => (p.kind === 'running' ? { kind: 'running', progress: event.payload } : p));
  });

  const verdict = exportRequest(form, project, attributeFilter);
  const set = <K extends keyof ExportForm>(key: K, value: ExportForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  async function run(request: ExportRequest) {
    const gen = ++generation.current;
    setPhase({ kind: 'running', progress: null });
    try {
      const file =
        request.channel === 'export.workbook'
          ? await api.call('export.workbook', request.input)
          : request.channel === 'export.csv'
            ? await api.call('export.csv', request.input)
            : await api.call('export.refi', request.input);
      if (generation.current !== gen) return;
      saveExportFile(file);
      setPhase({ kind: 'done', file });
    } catch (error) {
      if (generation.current === gen) setPhase({ kind: 'failed', error: ApiError.from(error) });
    }
  }

  function close() {
    generation.current++;
    onClose();
  }

  function submit() {
    if (phase.kind === 'form' && verdict.ok) void run(verdict.request);
  }

  let body: ReactNode;
  let actions: ReactNode;
  if (phase.kind === 'running') {
    const p = phase.progress;
    const text = p ? `${p.stage} · ${p.done} of ${p.total}` : 'Starting…';
    body = (
      <div className="export-dialog__running">
        <ProgressBar label="Exporting" value={p?.done ?? 0} max={p?.total ?? 1} text={text} busy />
        <p className="export-dialog__note">You can keep working: the export runs in the background and is saved when it is ready.</p>
      </div>
    );
    actions = (
      <>
        <Button onClick={close}>Cancel</Button>
        <Button variant="primary" disabled>
          Exporting…
        </Button>
      </>
    );
  } else if (phase.kind === 'done') {
    body = (
      <div className="export-dialog__done" role="status">
        <p className="export-dialog__saved">
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <circle cx="8" cy="8" r="7" fill="var(--c-accent)" />
            <path d="M4.8 8.2 7 10.3l4.2-4.6" fill="none" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span>
            Saved <strong className="export-dialog__file">{phase.file.fileName}</strong>
          </span>
        </p>
        {phase.file.notes.length > 0 ? (
          <div className="export-dialog__notes">
            <p className="export-dialog__notes-title">To fit Excel’s limits</p>
            <ul aria-label="Notes on the export">
              {phase.file.notes.map((note, i) => (
                <li key={i}>{note}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="export-dialog__note">Everything fitted: nothing was cut or renamed.</p>
        )}
      </div>
    );
    actions = (
      <>
        <Button onClick={() => setPhase({ kind: 'form' })}>Export something else</Button>
        <Button variant="primary" onClick={close} autoFocus>
          Close
        </Button>
      </>
    );
  } else {
    body = (
      <>
        {phase.kind === 'failed' ? <ErrorAlert error={phase.error} onDismiss={() => setPhase({ kind: 'form' })} /> : null}
        <ExportFormFields form={form} set={set} ids={ids} />
      </>
    );
    actions = (
      <>
        {!verdict.ok ? <span className="export-dialog__why">{verdict.reason}</span> : null}
        <Button onClick={close}>Cancel</Button>
        <Button variant="primary" type="submit" disabled={!verdict.ok}>
          Export
        </Button>
      </>
    );
  }

  return (
    <DialogModal
      title="Export"
      description={phase.kind === 'form' || phase.kind === 'failed' ? 'Save the coded material for a report, a statistics package or another QDA program.' : undefined}
      wide
      className="export-dialog"
      onSubmit={submit}
      onClose={close}
      actions={actions}
    >
      {body}
    </DialogModal>
  );
}

interface FieldsProps {
  form: ExportForm;
  set: <K extends keyof ExportForm>(key: K, value: ExportForm[K]) => void;
  ids: string;
}

function ExportFormFields({ form, set, ids }: FieldsProps) {
  const { project, attributeFilter } = useWorkbench();
  const attributes = project.attributes.map((a) => a.name);
  const filtered = hasFilter(attributeFilter);
  const passing = project.documents.filter((d) => documentMatches(d, attributeFilter)).length;
  const filterWords = describeFilter(attributeFilter, project.attributes)
    .map((p) => `${p.name} is ${p.values}`)
    .join(' and ');
  const spreadsheet = form.format === 'xlsx' || form.format === 'csv';
  const coders = project.coders;

  return (
    <>
      <fieldset className="export-group">
        <legend className="export-group__legend">Format</legend>
        <div className="export-formats">
          {formats.map((f) => (
            <label key={f.value} className="export-format">
              <input type="radio" name={`${ids}-format`} value={f.value} checked={form.format === f.value} onChange={() => set('format', f.value)} />
              <span className="export-format__text">
                <span className="export-format__label">{f.label}</span>
                <span className="export-format__hint">{f.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {spreadsheet ? (
        <>
          <fieldset className="export-group">
            <legend className="export-group__legend">Codes</legend>
            <Radios
              name={`${ids}-codes`}
              value={form.codes}
              onChange={(v) => set('codes', v)}
              options={[
                { value: 'all', label: `All codes (${project.codebook.length})` },
                { value: 'chosen', label: form.codes === 'chosen' ? `Only the codes ticked (${form.codeIds.length})` : 'Only some codes…' },
              ]}
            />
            {form.codes === 'chosen' ? <CodeChecklist codebook={project.codebook} ticked={form.codeIds} onChange={(ticked) => set('codeIds', ticked)} /> : null}
          </fieldset>

          <fieldset className="export-group">
            <legend className="export-group__legend">Documents</legend>
            <Radios
              name={`${ids}-documents`}
              value={form.documents}
              onChange={(v) => set('documents', v)}
              options={[
                { value: 'all', label: `All documents (${project.documents.length})` },
                {
                  value: 'filtered',
                  label: filtered ? `Only the ${plural(passing, 'document')} where ${filterWords}` : 'Only those passing the attribute filter (no filter is set)',
                  disabled: !filtered,
                },
              ]}
            />
          </fieldset>

          {coders.length > 0 ? (
            <fieldset className="export-group">
              <legend className="export-group__legend">Coders</legend>
              <div className="export-chips">
                {coders.map((c) => (
                  <label key={c.id} className="export-chip">
                    <input
                      type="checkbox"
                      checked={form.coderIds.includes(c.id)}
                      onChange={(event) => set('coderIds', toggleIn(form.coderIds, c.id, event.target.checked))}
                    />
                    <span className="export-chip__dot" style={{ backgroundColor: c.color }} aria-hidden="true" />
                    {c.name}
                    {c.id === project.currentCoderId ? ' (you)' : ''}
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}

          {attributes.length > 0 ? (
            <fieldset className="export-group">
              <legend className="export-group__legend">Attribute columns</legend>
              <Radios
                name={`${ids}-attributes`}
                value={form.attributeColumns}
                onChange={(v) => set('attributeColumns', v)}
                options={[
                  { value: 'all', label: 'Every attribute' },
                  { value: 'chosen', label: 'Only these:' },
                ]}
                inline
              />
              {form.attributeColumns === 'chosen' ? (
                <div className="export-chips" role="group" aria-label="Attribute columns to include">
                  {attributes.map((name) => (
                    <label key={name} className="export-chip">
                      <input
                        type="checkbox"
                        checked={form.chosenAttributes.includes(name)}
                        onChange={(event) => set('chosenAttributes', toggleIn(form.chosenAttributes, name, event.target.checked))}
                      />
                      {name}
                    </label>
                  ))}
                </div>
              ) : null}
            </fieldset>
          ) : null}
        </>
      ) : null}

      {form.format === 'xlsx' ? (
        <>
          {attributes.length > 0 ? (
            <fieldset className="export-group">
              <legend className="export-group__legend">Cross codes with</legend>
              <p className="export-group__hint">A sheet of counts per code and value for each attribute ticked.</p>
              <div className="export-chips">
                {attributes.map((name) => (
                  <label key={name} className="export-chip">
                    <input
                      type="checkbox"
                      checked={form.crossAttributes.includes(name)}
                      disabled={!form.crossAttributes.includes(name) && form.crossAttributes.length >= 20}
                      onChange={(event) => set('crossAttributes', toggleIn(form.crossAttributes, name, event.target.checked))}
                    />
                    {name}
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}

          <fieldset className="export-group">
            <legend className="export-group__legend">Sheets</legend>
            <label className="export-check">
              <input type="checkbox" checked={form.rollUp} onChange={(event) => set('rollUp', event.target.checked)} />
              Include sub-code codings in parent counts
            </label>
            <label className="export-check">
              <input type="checkbox" checked={form.sheetPerCode} onChange={(event) => set('sheetPerCode', event.target.checked)} />
              One sheet per code, with everything coded at it
            </label>
            {coders.length >= 2 ? (
              <>
                <label className="export-check">
                  <input type="checkbox" checked={form.agreement} onChange={(event) => set('agreement', event.target.checked)} />
                  Add agreement sheets for two coders
                </label>
                {form.agreement ? (
                  <div className="export-agreement">
                    <SelectInline
                      label="Coder A"
                      value={form.agreementCoders[0]}
                      options={coders.map((c) => ({ value: c.id, label: c.name }))}
                      onChange={(v) => set('agreementCoders', [v, form.agreementCoders[1]])}
                    />
                    <SelectInline
                      label="Coder B"
                      value={form.agreementCoders[1]}
                      options={coders.map((c) => ({ value: c.id, label: c.name }))}
                      onChange={(v) => set('agreementCoders', [form.agreementCoders[0], v])}
                    />
                    <SelectInline label="Compare" value={form.agreementMode} options={agreementModes} onChange={(v) => set('agreementMode', v)} />
                  </div>
                ) : null}
              </>
            ) : null}
          </fieldset>
        </>
      ) : null}

      {!spreadsheet ? (
        <p className="export-dialog__note">
          {form.format === 'qdpx'
            ? 'Everything in the project goes into the file: documents, codes, every coder’s codings, memos and attributes.'
            : 'The codebook alone: code names, colours, hierarchy and descriptions.'}
        </p>
      ) : null}
      {form.format === 'qdpx' ? (
        <label className="export-check">
          <input type="checkbox" checked={form.forNvivo} onChange={(event) => set('forNvivo', event.target.checked)} />
          For NVivo: count passage positions as NVivo does (UTF-16), so passages after an emoji land where they should
        </label>
      ) : null}
    </>
  );
}

function Radios<T extends string>({
  name,
  value,
  options,
  onChange,
  inline,
}: {
  name: string;
  value: T;
  options: { value: T; label: string; disabled?: boolean }[];
  onChange: (value: T) => void;
  inline?: boolean;
}) {
  return (
    <div className={inline ? 'export-radios export-radios--inline' : 'export-radios'}>
      {options.map((o) => (
        <label key={o.value} className="export-radio">
          <input type="radio" name={name} value={o.value} checked={value === o.value} disabled={o.disabled} onChange={() => onChange(o.value)} />
          {o.label}
        </label>
      ))}
    </div>
  );
}

function SelectInline<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <span className="export-select">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="field__input field__select" value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
}
