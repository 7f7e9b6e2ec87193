import { useEffect, useId, useMemo, useState } from 'react';
import type { AgreementResult } from '../../../../shared/api/contract';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { saveExportFile } from '../../lib/download';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { QuietLoading } from '../../ui/QuietLoading';
import { AgreementControls } from './AgreementControls';
import { AgreementReport } from './AgreementReport';
import type { AgreementSettings } from './agreementSettings';
import { agreementRequest, loadSettings, pruneSettings, saveSettings, settingsProblem } from './agreementSettings';
import { DisagreementsView } from './DisagreementsView';
import { PairExchange } from './PairExchange';
import styles from './AgreementView.module.css';
import agreementStyles from './agreement.module.css';
import uiStyles from '../../ui/ui.module.css';
import { useProject, useChanges, useDocument } from '../workbench/state/contexts';
import { useDocumentSummaries } from '../workbench/state/useDocuments';

type Load =
  | { status: 'loading' }
  | { status: 'ready'; key: string; result: AgreementResult }
  | { status: 'failed'; key: string; error: ApiError };

/**
 * Inter-coder agreement: choose coders, codes, documents and a mode; read the figures per code
 * with what each means; open a code to see and settle the passages where two coders differ;
 * export the tables; swap coding with a colleague.
 */
export function AgreementView() {
  const { project } = useProject();
  const { showError } = useChanges();
  const { attributeFilter } = useDocument();
  const api = useApi();
  const titleId = useId();
  // The element the view scrolls in (state, not a ref: the disagreements' window is laid out against it once it is there).
  const [scroller, setScroller] = useState<HTMLElement | null>(null);

  const [stored, setStored] = useState<AgreementSettings>(() => loadSettings(project));
  // The chosen documents only are looked up (to drop any deleted since), never every document.
  const documentOf = useDocumentSummaries(stored.documentIds);
  const settings = useMemo(() => pruneSettings(stored, project, documentOf), [stored, project, documentOf]);
  const update = (patch: Partial<AgreementSettings>) => setStored((s) => ({ ...s, ...patch }));
  useEffect(() => saveSettings(project.id, stored), [project.id, stored]);

  const problem = settingsProblem(settings);
  const request = useMemo(() => (problem ? null : agreementRequest(settings, attributeFilter)), [problem, settings, attributeFilter]);
  const key = request ? JSON.stringify(request) : '';

  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [pairError, setPairError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    if (!request) return;
    let live = true;
    api
      .call('agreement.compute', request)
      .then((result) => {
        if (live) setLoad({ status: 'ready', key, result });
      })
      .catch((error: unknown) => {
        if (live) setLoad({ status: 'failed', key, error: ApiError.from(error) });
      });
    return () => {
      live = false;
    };
    // `project` is here so the figures follow every change, decision and undo.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, project]);

  async function exportTables(format: 'xlsx' | 'json') {
    if (!request) return;
    setExporting(true);
    setNotice(null);
    try {
      const file = await api.call('agreement.export', { ...request, format });
      saveExportFile(file);
      setNotice([`Saved “${file.fileName}”.`, ...file.notes].join(' '));
    } catch (error) {
      showError(error);
    } finally {
      setExporting(false);
    }
  }

  const result = load.status === 'ready' ? load.result : null;
  const stale = load.status !== 'loading' && load.key !== key;

  function openDrill(codeId: string) {
    const report = result?.report;
    const pair =
      report && 'coderA' in report
        ? { coderA: report.coderA, coderB: report.coderB }
        : { coderA: settings.coderIds[0]!, coderB: settings.coderIds[1]! };
    update({ drill: { codeId, ...pair } });
  }

  return (
    <section className={styles.agr} aria-labelledby={titleId} ref={setScroller}>
      <header className={`${uiStyles.viewHeader} ${styles.agrHeader}`}>
        <div className={styles.agrTitlebar}>
          <div>
            <p className={styles.agrEyebrow}>Inter-coder agreement</p>
            <h2 className={styles.agrTitle} id={titleId}>
              How far the coders agree
            </h2>
          </div>
          <div className={styles.agrActions}>
            <div className={styles.agrExport} role="group" aria-label="Export the agreement tables">
              <span className={agreementStyles.agrMuted} aria-hidden="true">
                Export
              </span>
              <Button size="sm" disabled={!request || exporting} title="The agreement tables as an Excel workbook, a sheet per table" onClick={() => void exportTables('xlsx')}>
                Excel
              </Button>
              <Button size="sm" disabled={!request || exporting} title="The whole report as JSON, every figure at full precision" onClick={() => void exportTables('json')}>
                JSON
              </Button>
            </div>
            <PairExchange onError={setPairError} />
          </div>
        </div>
        <AgreementControls project={project} settings={settings} attributeFilter={attributeFilter} update={update} />
        {pairError ? <ErrorAlert error={pairError} onDismiss={() => setPairError(null)} /> : null}
        {notice ? (
          <p className={styles.agrNotice} role="status">
            {notice}
          </p>
        ) : null}
      </header>

      <div className={styles.agrBody}>
        {problem ? (
          <EmptyState title={problem}>
            {project.coders.length < 2
              ? 'Only one coder has coded in this project so far. Import a colleague’s coding (Working as a pair), or code as a second name.'
              : 'Tick the coders above.'}
          </EmptyState>
        ) : settings.drill ? (
          <DisagreementsView
            drill={settings.drill}
            settings={settings}
            attributes={request?.attributes ?? {}}
            result={result}
            scroller={scroller}
            onBack={() => update({ drill: null })}
            onPair={(coderA, coderB) => update({ drill: { codeId: settings.drill!.codeId, coderA, coderB } })}
          />
        ) : (
          <>
            {stale ? (
              <p className={styles.agrUpdating} role="status">
                Updating the figures…
              </p>
            ) : null}
            {load.status === 'loading' ? <QuietLoading label="Comparing the coders…" /> : null}
            {load.status === 'failed' && load.key === key ? <ErrorAlert error={load.error} /> : null}
            {result && !(load.status === 'failed' && load.key === key) ? (
              result.codes.length === 0 ? (
                <EmptyState title="No codes to compare">The codes chosen hold no codable code.</EmptyState>
              ) : (
                <div className={stale ? styles.agrStale : undefined}>
                  <AgreementReport result={result} settings={settings} update={update} onDrill={openDrill} />
                </div>
              )
            ) : null}
          </>
        )}
      </div>
    </section>
  );
}
