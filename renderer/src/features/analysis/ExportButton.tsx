import { useState } from 'react';
import { useApi } from '../../api/context';
import { saveExportFile } from '../../lib/download';
import { Button } from '../../ui/Button';
import type { TableExport } from './analysisModel';
import styles from './ExportButton.module.css';
import { useChanges } from '../workbench/state/contexts';

/** Makes a file and saves it; resolves to what Excel's limits changed, in words. */
export type ExportRun = () => Promise<string[]>;

/** "Export to Excel": runs an export, and says beside the button anything Excel's limits changed. */
export function ExportButton({ run }: { run: ExportRun | null }) {
  const { showError } = useChanges();
  const [busy, setBusy] = useState(false);
  const [notes, setNotes] = useState<string[]>([]);

  async function start() {
    if (!run) return;
    setBusy(true);
    setNotes([]);
    try {
      setNotes(await run());
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className={styles.analysisExport}>
      {notes.length > 0 ? (
        <span className={styles.analysisExportNotes} role="status">
          {notes.join(' ')}
        </span>
      ) : null}
      <Button size="sm" onClick={() => void start()} disabled={!run || busy}>
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M8 2.5v7.5M4.75 6.75 8 10l3.25-3.25M3 12.5h10" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {busy ? 'Exporting…' : 'Export to Excel'}
      </Button>
    </span>
  );
}

/** The table exactly as the view shows it (`export.table`), saved as a one-sheet workbook. */
export function ExportTableButton({ table }: { table: TableExport | null }) {
  const api = useApi();
  const run = async () => {
    const file = await api.call('export.table', table!);
    saveExportFile(file);
    return file.notes;
  };
  return <ExportButton run={table ? run : null} />;
}
