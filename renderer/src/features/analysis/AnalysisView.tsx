import { useEffect, useId, useMemo, useState } from 'react';
import type { Input } from '../../../../shared/api/contract';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { QuietLoading } from '../../ui/QuietLoading';
import { ToggleGroup } from '../../ui/ToggleGroup';
import { FilterNote } from '../retrieval/FilterNote';
import { CoderSelect } from '../retrieval/SegmentCard';
import {
  coOccurrenceTable,
  columnDocumentIds,
  frequencyExport,
  frequencyRows,
  heatTableExport,
  matrixTable,
  measureCount,
  measureLabel,
} from './analysisModel';
import type { MatrixColumns, Measure } from './analysisModel';
import { CellSegments, OverlapSegments } from './CellSegments';
import { ExportTableButton } from './ExportTableButton';
import { FrequencyChart } from './FrequencyChart';
import { HeatmapTable } from './HeatmapTable';
import { useApiQuery } from './useApiQuery';
import styles from './AnalysisView.module.css';
import analysisStyles from './analysis.module.css';
import viewPage from '../../ui/viewPage.module.css';
import uiStyles from '../../ui/ui.module.css';
import { useProject, useDocument, useDocumentActions } from '../workbench/state/contexts';

type SubView = 'matrix' | 'cooccurrence' | 'frequencies';

const subViews: { value: SubView; label: string }[] = [
  { value: 'matrix', label: 'Matrix' },
  { value: 'cooccurrence', label: 'Co-occurrence' },
  { value: 'frequencies', label: 'Frequencies' },
];

const measures: { value: Measure; label: string }[] = [
  { value: 'segments', label: 'Coded segments' },
  { value: 'characters', label: 'Coded characters' },
  { value: 'documents', label: 'Documents' },
];

/** A matrix cell by what it stands for, so it survives the table being redrawn. */
type MatrixPick = { codeId: string; columnKey: string };
type PairPick = { rowCodeId: string; columnCodeId: string };

interface Settings {
  view: SubView;
  coderId: string;
  rollUp: boolean;
  measure: Measure;
  /** An attribute's name, or '' for documents. */
  columnsName: string;
  matrixPick: MatrixPick | null;
  pairPick: PairPick | null;
  barPick: string | null;
}

const defaultSettings: Settings = {
  view: 'matrix',
  coderId: 'all',
  rollUp: true,
  measure: 'segments',
  columnsName: '',
  matrixPick: null,
  pairPick: null,
  barPick: null,
};

/** The settings each project's analysis view was left with, by project path. */
const memory = new Map<string, Settings>();

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
  // The view is unmounted while another centre tab shows (a passage opened in the reader): it
  // comes back as it was left, for this project, while the app runs.
  const [remembered] = useState(() => ({ ...defaultSettings, ...memory.get(project.path) }));
  const [view, setView] = useState<SubView>(remembered.view);
  const [coderId, setCoderId] = useState(remembered.coderId);
  const [rollUp, setRollUp] = useState(remembered.rollUp);
  const [measure, setMeasure] = useState<Measure>(remembered.measure);
  const [columnsName, setColumnsName] = useState<string>(remembered.columnsName);
  const [matrixPick, setMatrixPick] = useState<MatrixPick | null>(remembered.matrixPick);
  const [pairPick, setPairPick] = useState<PairPick | null>(remembered.pairPick);
  const [barPick, setBarPick] = useState<string | null>(remembered.barPick);
  useEffect(() => {
    memory.set(project.path, { view, coderId, rollUp, measure, columnsName, matrixPick, pairPick, barPick });
  }, [project.path, view, coderId, rollUp, measure, columnsName, matrixPick, pairPick, barPick]);

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
  } else if (project.documents.length === 0) {
    body = <EmptyState title="No documents yet">Import transcripts and code them to see the figures here.</EmptyState>;
  } else if (query.error) {
    body = <ErrorAlert error={query.error} />;
  } else if (query.loading || (!heat && !coTable && !bars)) {
    body = <QuietLoading label="Counting…" />;
  } else if (view === 'matrix' && heat) {
    const rowIndex = matrixPick ? heat.rows.findIndex((r) => r.code.id === matrixPick.codeId) : -1;
    const columnIndex = matrixPick ? heat.columns.findIndex((c) => c.key === matrixPick.columnKey) : -1;
    const picked = rowIndex >= 0 && columnIndex >= 0 ? { row: rowIndex, column: columnIndex } : null;
    const pickedRow = picked ? heat.rows[picked.row]! : null;
    const pickedColumn = picked ? heat.columns[picked.column]! : null;
    body = (
      <>
        {heat.columns.length === 0 ? (
          <EmptyState title="No documents pass the filter">Clear the attribute filter to count across the project.</EmptyState>
        ) : (
          <HeatmapTable
            table={heat}
            caption={`${measureLabel(measure)} per code and ${columnsTitle}`}
            shadingNote={heat.rows.some((r) => r.aggregate) ? 'Rows that add up their sub-codes are shaded among themselves.' : undefined}
            rotateHeaders={columns.kind === 'documents'}
            selected={picked}
            onSelect={({ row, column }) => setMatrixPick({ codeId: heat.rows[row]!.code.id, columnKey: heat.columns[column]!.key })}
            cellLabel={({ row, column }, value) => `${heat.rows[row]!.code.label} × ${heat.columns[column]!.label}: ${measureCount(value, measure)}`}
          />
        )}
        {pickedRow && pickedColumn ? (
          <CellSegments
            key={`${pickedRow.code.id}:${pickedColumn.key}`}
            title={`${pickedRow.code.name} × ${pickedColumn.label}`}
            {...(measure === 'segments' ? {} : { figure: measureCount(pickedRow.cells[picked!.column]!, measure) })}
            query={{
              codeIds: [pickedRow.code.id],
              includeSubcodes: rollUp,
              coderIds,
              attributes: attributeFilter,
              documentIds: columnDocumentIds(project.documents, attributeFilter, columns, pickedColumn.key),
            }}
            onClose={() => setMatrixPick(null)}
          />
        ) : null}
      </>
    );
  } else if (view === 'cooccurrence' && coTable) {
    const rowIndex = pairPick ? coTable.rows.findIndex((r) => r.code.id === pairPick.rowCodeId) : -1;
    const columnIndex = pairPick ? coTable.columns.findIndex((c) => c.key === pairPick.columnCodeId) : -1;
    const picked = rowIndex >= 0 && columnIndex >= 0 ? { row: rowIndex, column: columnIndex } : null;
    const a = picked ? coTable.rows[picked.row]!.code : null;
    const b = picked ? coTable.rows[picked.column]!.code : null;
    const pairLabel = (row: number, column: number, value: number) => {
      const first = coTable.rows[row]!.code.label;
      if (row === column) return `${first}: ${value === 1 ? '1 coding' : `${value} codings`} (the code itself)`;
      return `${first} × ${coTable.rows[column]!.code.label}: ${value === 1 ? '1 overlap' : `${value} overlaps`}`;
    };
    body = (
      <>
        {coTable.rows.length === 0 ? (
          <EmptyState title="No codes to compare">Codes that can be applied to text appear here.</EmptyState>
        ) : (
          <HeatmapTable
            table={coTable}
            caption="Overlapping codings per pair of codes; the diagonal counts the codings at each code"
            rotateHeaders
            selected={picked}
            onSelect={({ row, column }) => setPairPick({ rowCodeId: coTable.rows[row]!.code.id, columnCodeId: coTable.columns[column]!.key })}
            cellLabel={({ row, column }, value) => pairLabel(row, column, value)}
          />
        )}
        {a && b ? (
          a.id === b.id ? (
            <CellSegments
              key={a.id}
              title={a.name}
              query={{ codeIds: [a.id], includeSubcodes: false, coderIds, attributes: attributeFilter, documentIds: null }}
              onClose={() => setPairPick(null)}
            />
          ) : (
            <OverlapSegments
              key={`${a.id}:${b.id}`}
              title={`${a.name} × ${b.name}`}
              codeA={a.id}
              codeB={b.id}
              query={{ codeIds: [a.id, b.id], includeSubcodes: false, coderIds, attributes: attributeFilter, documentIds: null }}
              onClose={() => setPairPick(null)}
            />
          )
        ) : null}
      </>
    );
  } else if (bars) {
    const picked = barPick ? bars.find((r) => r.code.id === barPick) : undefined;
    body = (
      <>
        <div className={analysisStyles.freqScroll}>
          <FrequencyChart rows={bars} measure={measure} selectedCodeId={picked ? picked.code.id : null} onSelect={setBarPick} />
        </div>
        {picked ? (
          <CellSegments
            key={picked.code.id}
            title={picked.code.name}
            {...(measure === 'segments' ? {} : { figure: measureCount(picked.count, measure) })}
            query={{ codeIds: [picked.code.id], includeSubcodes: rollUp, coderIds, attributes: attributeFilter, documentIds: null }}
            onClose={() => setBarPick(null)}
          />
        ) : null}
      </>
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
          <ToggleGroup label="View" value={view} options={subViews} onChange={setView} className={styles.analysisViews} />
        </div>
        <div className={`${viewPage.controls} ${styles.analysisControls}`}>
          {view === 'matrix' ? (
            <span className={viewPage.select}>
              <label htmlFor={`${ids}-columns`}>Columns</label>
              <select
                id={`${ids}-columns`}
                className={`${uiStyles.fieldInput} ${uiStyles.fieldSelect}`}
                value={columns.kind === 'documents' ? '' : columns.name}
                onChange={(event) => setColumnsName(event.target.value)}
              >
                <option value="">Documents</option>
                {attributeNames.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </span>
          ) : null}
          {view !== 'cooccurrence' ? (
            <span className={viewPage.select}>
              <label htmlFor={`${ids}-measure`}>Count</label>
              <select id={`${ids}-measure`} className={`${uiStyles.fieldInput} ${uiStyles.fieldSelect}`} value={measure} onChange={(event) => setMeasure(event.target.value as Measure)}>
                {measures.map((m) => (
                  <option key={m.value} value={m.value}>
                    {m.label}
                  </option>
                ))}
              </select>
            </span>
          ) : null}
          <CoderSelect
            id={`${ids}-coder`}
            value={coderIds ? coderId : 'all'}
            onChange={setCoderId}
            coders={project.coders}
            currentCoderId={project.currentCoderId}
          />
          {view !== 'cooccurrence' ? (
            <label className={viewPage.check} title="A coding at a sub-code also counts for its parent codes">
              <input type="checkbox" checked={rollUp} onChange={(event) => setRollUp(event.target.checked)} />
              Include sub-codes
            </label>
          ) : null}
        </div>
        <FilterNote filter={attributeFilter} attributes={project.attributes} onClear={() => setAttributeFilter({})} />
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
