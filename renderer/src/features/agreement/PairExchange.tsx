import { useRef, useState } from 'react';
import type { ExchangeImportResult } from '../../../../shared/api/contract';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { saveExportFile } from '../../lib/download';
import { plural } from '../../../../shared/text/plural';
import { Button } from '../../ui/Button';
import { DialogModal } from '../../ui/DialogModal';
import { MenuPopup } from '../../ui/MenuPopup';
import { FolderChooser } from '../start/FolderChooser';
import { textToBase64 } from './passageMarks';
import styles from './PairExchange.module.css';
import agreementStyles from './agreement.module.css';
import uiStyles from '../../ui/ui.module.css';
import { useProject, useChanges } from '../workbench/state/contexts';

/** What an import brought, per colleague: placed, not matched, left out. */
export function ExchangeReport({ result }: { result: ExchangeImportResult }) {
  return (
    <div className={styles.agrExchangeReport}>
      {result.reports.map((r) => (
        <section key={r.coder} aria-label={`Imported: ${r.coder}`}>
          <h3 className={agreementStyles.agrH3}>{r.coder}</h3>
          <ul>
            <li>
              {plural(r.codings, 'coding')} placed{r.memos > 0 ? `, ${plural(r.memos, 'memo')}` : ''}
              {r.replacedEarlierImport ? ' (replacing their earlier import)' : ''}.
            </li>
            {r.unmatchedDocuments.length > 0 ? (
              <li>
                Documents that could not be matched in this project: <strong>{r.unmatchedDocuments.join(', ')}</strong>.
              </li>
            ) : null}
            {r.unmatchedCodes.length > 0 ? (
              <li>
                Codes that could not be matched: <strong>{r.unmatchedCodes.join(', ')}</strong>.
              </li>
            ) : null}
            {r.skippedCodings > 0 || r.skippedMemos > 0 ? (
              <li>
                Skipped: {plural(r.skippedCodings, 'coding')}
                {r.skippedMemos > 0 ? ` and ${plural(r.skippedMemos, 'memo')}` : ''} with nowhere to go.
              </li>
            ) : null}
          </ul>
        </section>
      ))}
      {result.skippedCoders.length > 0 ? (
        <section aria-label="Left out">
          <h3 className={agreementStyles.agrH3}>Left out</h3>
          <ul>
            {result.skippedCoders.map((s) => (
              <li key={s.coder}>
                <strong>{s.coder}</strong>: {s.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className={agreementStyles.agrMuted}>{result.change.message}. Undo (Ctrl+Z) takes it back.</p>
    </div>
  );
}

type Dialog = { kind: 'folder' } | { kind: 'report'; title: string; result: ExchangeImportResult };

/**
 * Working as a pair: send your coding to a colleague, bring theirs in (their file, or their
 * project folder), then compare. Imports are undoable steps; your own coding is never replaced.
 */
export function PairExchange({ onError }: { onError: (error: ApiError | null) => void }) {
  const api = useApi();
  const { project } = useProject();
  const { applyChange } = useChanges();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [working, setWorking] = useState(false);

  async function exportMine() {
    onError(null);
    setWorking(true);
    try {
      const file = await api.call('exchange.exportCoder', { coderId: null });
      saveExportFile({ fileName: file.fileName, mimeType: 'application/json', base64: textToBase64(file.content), notes: [] });
    } catch (error) {
      onError(ApiError.from(error));
    } finally {
      setWorking(false);
    }
  }

  async function importFile(file: File) {
    onError(null);
    setWorking(true);
    try {
      const content = await file.text();
      const result = await api.call('exchange.importCoder', { fileName: file.name, content });
      applyChange(result.change);
      setDialog({ kind: 'report', title: `Imported from ${file.name}`, result });
    } catch (error) {
      onError(ApiError.from(error));
    } finally {
      setWorking(false);
    }
  }

  async function importFolder(path: string) {
    onError(null);
    setDialog(null);
    setWorking(true);
    try {
      const result = await api.call('exchange.importProject', { path });
      applyChange(result.change);
      setDialog({ kind: 'report', title: 'Imported from the project folder', result });
    } catch (error) {
      onError(ApiError.from(error));
    } finally {
      setWorking(false);
    }
  }

  /** Their folder, as the user picks it (never typed): the native dialog, or browser mode's folder chooser. */
  async function chooseFolder() {
    try {
      const { shell } = await api.call('app.getState', {});
      if (shell !== 'electron') return setDialog({ kind: 'folder' });
      const picked = await api.call('dialog.pickProjectFolder', {});
      if (picked) await importFolder(picked);
    } catch (error) {
      onError(ApiError.from(error));
    }
  }

  const readOnly = project.readOnly !== null;

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={`${uiStyles.btn} ${uiStyles.btnSm}`}
        aria-haspopup="menu"
        aria-expanded={menu !== null}
        disabled={working}
        onClick={() => {
          const rect = buttonRef.current?.getBoundingClientRect();
          setMenu(rect ? { x: rect.left, y: rect.bottom + 4 } : { x: 0, y: 0 });
        }}
      >
        Working as a pair
        <svg viewBox="0 0 10 6" width="10" height="6" aria-hidden="true">
          <path d="M1 1l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <input
        ref={fileRef}
        type="file"
        accept=".json,application/json"
        className={'sr-only'}
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {menu ? (
        <MenuPopup
          label="Working as a pair"
          x={menu.x}
          y={menu.y}
          onClose={(chosen) => {
            setMenu(null);
            if (!chosen) buttonRef.current?.focus();
          }}
          items={[
            { id: 'export', label: 'Export my coding…', onSelect: () => void exportMine() },
            { id: 'import', label: 'Import a colleague’s coding…', disabled: readOnly, onSelect: () => fileRef.current?.click() },
            {
              id: 'folder',
              label: 'Import from a colleague’s project folder…',
              disabled: readOnly,
              onSelect: () => void chooseFolder(),
            },
          ]}
        />
      ) : null}
      {dialog?.kind === 'folder' ? <FolderChooser purpose="colleague" onChoose={(path) => void importFolder(path)} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'report' ? (
        <DialogModal
          title={dialog.title}
          onClose={() => setDialog(null)}
          actions={
            <Button variant="primary" onClick={() => setDialog(null)}>
              Done
            </Button>
          }
        >
          <ExchangeReport result={dialog.result} />
        </DialogModal>
      ) : null}
    </>
  );
}
