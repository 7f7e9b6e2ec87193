import { useRef } from 'react';
import { Button } from '../../ui/Button';
import { DialogModal } from '../../ui/DialogModal';
import { FileDropZone, ImportFileInput } from './FileInputs';
import { ImportFileCard } from './ImportFileCard';
import { ImportResults } from './ImportResults';
import { ProgressBar } from './ProgressBar';
import { canRun, isSettled } from './session';
import type { ImportSession } from './session';
import type { Importer } from './useImporter';
import styles from './ImportDialog.module.css';

/** The import dialog, while an import is under way: files and settings, progress, results. */
export function ImportDialog({ importer }: { importer: Importer }) {
  const { session } = importer;
  if (!session) return null;
  return <OpenImportDialog session={session} importer={importer} />;
}

function OpenImportDialog({ session, importer }: { session: ImportSession; importer: Importer }) {
  const addInput = useRef<HTMLInputElement>(null);
  const { stage, entries } = session;
  const verdict = canRun(session);
  const settled = entries.filter(isSettled).length;
  const current = entries.find((e) => !isSettled(e));
  const count = verdict.ok ? verdict.count : entries.filter((e) => e.phase === 'ready').length;
  const importLabel = count === 0 ? 'Import files' : `Import ${count === 1 ? '1 file' : `${count} files`}`;

  let body;
  let actions;
  if (stage === 'settings') {
    body = (
      <FileDropZone onFiles={importer.addFiles} prompt="Drop files to add them" className={styles.importDialogDrop}>
        {current ? (
          <ProgressBar
            label="Preparing files"
            value={settled}
            max={entries.length}
            text={`${settled} of ${entries.length} ready · ${current.fileName}`}
            busy
          />
        ) : null}
        <div className={styles.importDialogFiles} tabIndex={-1} data-autofocus>
          <ul className={styles.importFiles} aria-label="Files to import">
            {entries.map((entry) => (
              <li key={entry.key}>
                <ImportFileCard
                  entry={entry}
                  onForm={(form) => importer.setForm(entry.key, form)}
                  onEncoding={(encoding) => void importer.setEncoding(entry.key, encoding)}
                  onRemove={() => importer.remove(entry.key)}
                />
              </li>
            ))}
          </ul>
        </div>
      </FileDropZone>
    );
    actions = (
      <>
        <ImportFileInput ref={addInput} label="Add more files to import" onFiles={importer.addFiles} />
        <Button variant="ghost" className={styles.importDialogAdd} onClick={() => addInput.current?.click()}>
          Add files…
        </Button>
        {!verdict.ok && verdict.reason ? <span className={styles.importDialogWhy}>{verdict.reason}</span> : null}
        <Button onClick={importer.close}>Cancel</Button>
        <Button variant="primary" disabled={!verdict.ok} onClick={() => void importer.run()}>
          {importLabel}
        </Button>
      </>
    );
  } else if (stage === 'running') {
    const { done, total, fileName } = session.progress;
    const text = fileName ? `${done} of ${total} done · importing ${fileName}` : `${done} of ${total} done`;
    body = (
      <div className={styles.importDialogRunning}>
        <ProgressBar label="Importing files" value={done} max={total} text={text} busy />
        <p className={styles.importDialogNote}>Each file is imported completely or not at all: a file that fails leaves the project as it was.</p>
      </div>
    );
    actions = (
      <Button variant="primary" disabled>
        Importing…
      </Button>
    );
  } else {
    body = <ImportResults results={session.results} runError={session.runError} />;
    actions = (
      <Button variant="primary" onClick={importer.close} autoFocus>
        Close
      </Button>
    );
  }

  return (
    <DialogModal
      title="Import files"
      description={
        stage === 'settings'
          ? 'Check how each file will be imported. Transcripts become documents; spreadsheets give documents or attributes; REFI-QDA files bring another program’s project or codebook.'
          : undefined
      }
      wide
      className={styles.importDialog}
      data-stage={stage}
      onClose={importer.close}
      actions={actions}
    >
      {body}
    </DialogModal>
  );
}
