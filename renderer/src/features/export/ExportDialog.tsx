import { useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { ExportedFile, ServerEvents } from '../../../../shared/api/contract';
import { ApiError } from '../../api/client';
import { useApi, useApiEvents } from '../../api/context';
import { saveExportedFile } from '../../lib/download';
import { Button } from '../../ui/Button';
import { DialogModal } from '../../ui/DialogModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ProgressBar } from '../import/ProgressBar';
import { exportRequest, initialExportForm } from './exportOptions';
import type { ExportForm, ExportRequest } from './exportOptions';
import styles from './export.module.css';
import { useProject, useDocument } from '../workbench/state/contexts';
import { ExportFormFields } from './ExportFormFields';

type Phase =
  | { kind: 'form' }
  | { kind: 'running'; progress: ServerEvents['export.progress'] | null }
  | { kind: 'done'; file: ExportedFile }
  | { kind: 'failed'; error: ApiError };

/**
 * The export dialog: the format, then for Excel, CSV and the coding report which codes,
 * documents and coders, for Excel and CSV which attribute columns, and for Excel what to cross the codes with, how to count, a sheet per
 * code and agreement sheets. While the backend works a progress bar follows its
 * `export.progress` events; the file is then read back in pieces (export.read) and saved,
 * and anything cut or renamed is listed.
 */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const { project } = useProject();
  const { attributeFilter } = useDocument();
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
            : request.channel === 'export.report'
              ? await api.call('export.report', request.input)
              : await api.call('export.refi', request.input);
      if (await saveExportedFile(api, file, () => generation.current === gen)) setPhase({ kind: 'done', file });
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
      <div className={styles.exportDialogRunning}>
        <ProgressBar label="Exporting" value={p?.done ?? 0} max={p?.total ?? 1} text={text} busy />
        <p className={styles.exportDialogNote}>You can keep working: the export runs in the background and is saved when it is ready.</p>
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
      <div className={styles.exportDialogDone} role="status">
        <p className={styles.exportDialogSaved}>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <circle cx="8" cy="8" r="7" fill="var(--c-accent)" />
            <path d="M4.8 8.2 7 10.3l4.2-4.6" fill="none" stroke="var(--c-text-on-accent)" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span>
            Saved <strong className={styles.exportDialogFile}>{phase.file.fileName}</strong>
          </span>
        </p>
        {phase.file.notes.length > 0 ? (
          <div className={styles.exportDialogNotes}>
            <p className={styles.exportDialogNotesTitle}>To fit Excel’s limits</p>
            <ul aria-label="Notes on the export">
              {phase.file.notes.map((note, i) => (
                <li key={i}>{note}</li>
              ))}
            </ul>
          </div>
        ) : phase.file.fileName.endsWith('.xlsx') ? (
          <p className={styles.exportDialogNote}>Everything fitted: nothing was cut or renamed.</p>
        ) : null}
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
        {!verdict.ok ? <span className={styles.exportDialogWhy}>{verdict.reason}</span> : null}
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
      className={styles.exportDialog}
      onSubmit={submit}
      onClose={close}
      actions={actions}
    >
      {body}
    </DialogModal>
  );
}

