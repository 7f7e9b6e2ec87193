import { useId, useMemo } from 'react';
import type { Input } from '../../../../shared/api/contract';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { QuietLoading } from '../../ui/QuietLoading';
import { ToggleGroup } from '../../ui/ToggleGroup';
import { FilterNote } from '../retrieval/FilterNote';
import { coOccurrenceTable, frequencyExport, frequencyRows, heatTableExport, matrixTable, measureCount, measureLabel } from './analysisModel';
import type { MatrixColumns } from './analysisModel';
import { AnalysisControls } from './AnalysisControls';
import { CoOccurrenceBody } from './CoOccurrenceBody';
import { ExportTableButton } from './ExportButton';
import { FrequencyBody } from './FrequencyBody';
import { MatrixBody } from './MatrixBody';
import { useAnalysisSettings } from './useAnalysisSettings';
import type { SubView } from './useAnalysisSettings';
import { useApiQuery } from './useApiQuery';
import styles from './AnalysisView.module.css';
import viewPage from '../../ui/viewPage.module.css';
import uiStyles from '../../ui/ui.module.css';
import { useProject, useDocument, useDocumentActions } from '../workbench/state/contexts';

const subViews: { value: SubView; label: string }[] = [
  { value: 'matrix', label: 'Matrix' },
  { value: 'cooccurrence', label: 'Co-occurrence' },
  { value: 'frequencies', label: 'Frequencies' },
];

/**
 * Findings across the coded material: a code × document (or × attribute value) matrix, code
 * co-occurrence and code frequencies, for all coders or one, over the documents the attribute
 * filter lets through. Clicking a cell lists its passages; each view exports as shown.
 */
export function AnalysisView() {
  const { project } = useProject();
  const { attributeFilter } = useDocument();
  const { setAttributeFilter } = useDocumentActions();
  const ids = useId();
  const [settings, set] = useAnalysisSettings(project.path);
  const { view, coderId, rollUp, measure, columnsName } = settings;

  // An attribute chosen for the columns and since deleted: back to documents.
  const attributeNames = project.attributes.map((a) => a.name);
  const columns: MatrixColumns = attributeNames.includes(columnsName) ? { kind: 'attribute', name: columnsName } : { kind: 'documents' };
  const coderIds = coderId !== 'all' && project.coders.some((c) => c.id === coderId) ? [coderId] : null;
  const selection = { codeIds: null, documentIds: null, attributes: attributeFilter, coderIds };

  // Per-coder sums until the view lists a cell's passages joined across coders, so a cell's
  // count and the codings it lists stay the same (the backend's default counts distinct passages).
  const counting = 'perCoder';
  const matrixInput: Input<'analysis.matrix'> | null =
    view === 'matrix'
      ? { selection, columns, measure, rollUp, counting }
      : view === 'frequencies'
        ? { selection, columns: { kind: 'documents' }, measure, rollUp, counting }
        : null;
  const matrix = useApiQuery('analysis.matrix', matrixInput);
  const cooccurrence = useApiQuery('analysis.cooccurrence', view === 'cooccurrence' ? { selection } : null);
  const query = view === 'cooccurrence' ? cooccurrence : matrix;

  const columnsTitle = columns.kind === 'documents' ? 'document' : columns.name;
  const sheetName = `Code × ${columnsTitle}${measure === 'segments' ? '' : ` (${measure})`}`;
  const heat = useMemo(() => (matrix.value && view === 'matrix' ? matrixTable(matrix.value, project.codebook, sheetName, rollUp) : null), [matrix.value, view, project.codebook, sheetName, rollUp]);
  const coTable = useMemo(() => (cooccurrence.value ? coOccurrenceTable(cooccurrence.value, project.codebook) : null), [cooccurrence.value, project.codebook]);
  const bars = useMemo(() => (matrix.value && view === 'frequencies' ? frequencyRows(matrix.value, project.codebook, rollUp) : null), [matrix.value, view, project.codebook, rollUp]);

  const exportTable = view === 'matrix' ? (heat ? heatTableExport(heat) : null) : view === 'cooccurrence' ? (coTable ? heatTableExport(coTable) : null) : bars ? frequencyExport(bars, measure) : null;
  const ready = !query.stale && exportTable !== null;

  const title = view === 'matrix' ? `Code × ${columnsTitle}` : view === 'cooccurrence' ? 'Code co-occurrence' : 'Code frequencies';
  const coderName = coderIds ? (project.coders.find((c) => c.id === coderId)?.name ?? '') : 'all coders';
  const summary =
    view === 'cooccurrence'
      ? (cooccurrence.value?.statement ?? '')
      : `${measureLabel(measure)} by ${coderName}${rollUp ? ', sub-codes counted in their parents' : ''}${matrix.value && !matrix.stale ? ` · ${measureCount(matrix.value.total, measure)} in all${coderIds ? '' : ` · ${matrix.value.statement}`}` : ''}`;

  let body;
  if (project.codebook.length === 0) {
    body = <EmptyState title="No codes yet">Create codes in the codebook and apply them to text to see them counted here.</EmptyState>;
  } else if (project.documents.count === 0) {
    body = <EmptyState title="No documents yet">Import transcripts and code them to see the figures here.</EmptyState>;
  } else if (query.error) {
    body = <ErrorAlert error={query.error} />;
  } else if (query.loading || (!heat && !coTable && !bars)) {
    body = <QuietLoading label="Counting…" />;
  } else if (view === 'matrix' && heat) {
    body = (
      <MatrixBody
        heat={heat}
        measure={measure}
        columns={columns}
        columnsTitle={columnsTitle}
        rollUp={rollUp}
        coderIds={coderIds}
        attributes={attributeFilter}
        pick={settings.matrixPick}
        onPick={(pick) => set('matrixPick', pick)}
      />
    );
  } else if (view === 'cooccurrence' && coTable) {
    body = <CoOccurrenceBody table={coTable} coderIds={coderIds} attributes={attributeFilter} pick={settings.pairPick} onPick={(pick) => set('pairPick', pick)} />;
  } else if (bars) {
    body = (
      <FrequencyBody
        bars={bars}
        measure={measure}
        rollUp={rollUp}
        coderIds={coderIds}
        attributes={attributeFilter}
        pick={settings.barPick}
        onPick={(pick) => set('barPick', pick)}
      />
    );
  }

  return (
    <section className={viewPage.page} aria-labelledby={`${ids}-title`}>
      <header className={`${uiStyles.viewHeader} ${viewPage.header}`}>
        <div className={styles.analysisTop}>
          <div className={styles.analysisHeading}>
            <p className={viewPage.eyebrow}>Analysis</p>
            <h2 className={viewPage.title} id={`${ids}-title`}>
              {title}
            </h2>
          </div>
          <ToggleGroup label="View" value={view} options={subViews} onChange={(v) => set('view', v)} className={styles.analysisViews} />
        </div>
        <AnalysisControls
          idBase={ids}
          view={view}
          attributeNames={attributeNames}
          columnsName={columns.kind === 'documents' ? '' : columns.name}
          onColumnsName={(name) => set('columnsName', name)}
          measure={measure}
          onMeasure={(m) => set('measure', m)}
          coders={project.coders}
          currentCoderId={project.currentCoderId}
          coderId={coderIds ? coderId : 'all'}
          onCoderId={(id) => set('coderId', id)}
          rollUp={rollUp}
          onRollUp={(r) => set('rollUp', r)}
        />
        <FilterNote filter={attributeFilter} project={project} onClear={() => setAttributeFilter({})} />
        <div className={styles.analysisCaption}>
          <p className={viewPage.count} role="status" aria-live="polite">
            {summary}
            {query.stale ? <span className={viewPage.updating}> · updating…</span> : null}
          </p>
          <ExportTableButton table={ready ? exportTable : null} />
        </div>
      </header>
      <div className={`${viewPage.body} ${styles.analysisBody}`} data-view={view}>{body}</div>
    </section>
  );
}
