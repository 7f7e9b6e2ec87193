import { formatCount, formatFigure, formatInterval } from '../../../../shared/agreement/format';
import type { CellValue, Column, TableModel, TableRow } from '../../../../shared/agreement/table-model';
import type { SortState } from './agreementTable';
import { exactFigure, nextSort } from './agreementTable';
import styles from './AgreementTable.module.css';
import agreementStyles from './agreement.module.css';

/** A figure as the tables show it: three decimals (two for %), "undefined" with its footnote, never 0 or blank. */
export function Figure({ cell, footnotes }: { cell: CellValue; footnotes: ReadonlyMap<string, number> }) {
  if (cell.kind === 'count') return <>{formatCount(cell.value)}</>;
  if (!cell.value.defined) {
    const n = footnotes.get(cell.value.reason);
    return (
      <span className={styles.agrUndefined} data-undefined="" title={`Undefined: ${cell.value.reason}`}>
        undefined
        {n !== undefined ? <sup className={styles.agrNoteRef}>{n}</sup> : null}
      </span>
    );
  }
  // The interval and the reading come with the figure (the view shows them in full later).
  const interval = formatInterval(cell.interval);
  const title = [exactFigure(cell.value.value, cell.format), interval, cell.band ? `Reading: ${cell.band.label}` : null, cell.note].filter(Boolean).join('\n');
  return (
    <span title={title}>
      {formatFigure(cell.value.value, cell.format)}
      {cell.note ? (
        <span className={styles.agrMeanMark} aria-label={`(${cell.note})`}>
          *
        </span>
      ) : null}
    </span>
  );
}

function ariaSort(sort: SortState, id: string): 'ascending' | 'descending' | undefined {
  return sort.column === id ? sort.direction : undefined;
}

function SortButton({ label, detail, active, direction, onClick }: { label: string; detail?: string | undefined; active: boolean; direction: SortState['direction']; onClick: () => void }) {
  return (
    <button type="button" className={agreementStyles.agrSort} onClick={onClick}>
      <span className={agreementStyles.agrSortLabel}>
        {label}
        {detail ? <span className={styles.agrSortDetail}> ({detail})</span> : null}
      </span>
      <svg className={[styles.agrSortIcon, active ? styles.agrSortIconActive : ''].join(' ')} viewBox="0 0 10 10" width="9" height="9" aria-hidden="true">
        {active && direction === 'descending' ? <path d="M1.5 3l3.5 4 3.5-4z" fill="currentColor" /> : <path d="M1.5 7l3.5-4 3.5 4z" fill="currentColor" />}
      </svg>
    </button>
  );
}

export interface AgreementTableProps {
  model: TableModel;
  rows: TableRow[];
  sort: SortState;
  onSort: (sort: SortState) => void;
  footnotes: ReadonlyMap<string, number>;
  /** Opens a code's disagreements; null when the mode has none to show. */
  onDrill: ((codeId: string) => void) | null;
  caption: string;
}

/**
 * The figures per code: a real table, headers sortable by click (sort state in aria-sort),
 * worst first by default, the Overall row pinned below.
 */
export function AgreementTable({ model, rows, sort, onSort, footnotes, onDrill, caption }: AgreementTableProps) {
  const header = (column: Column) => (
    <th key={column.id} scope="col" className={agreementStyles.agrTableNum} aria-sort={ariaSort(sort, column.id)} title={column.title}>
      <SortButton label={column.label} detail={column.detail} active={sort.column === column.id} direction={sort.direction} onClick={() => onSort(nextSort(sort, column))} />
    </th>
  );
  return (
    <div className={agreementStyles.agrTableWrap}>
      <table className={agreementStyles.agrTable}>
        <caption className={'sr-only'}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={agreementStyles.agrTableCode} aria-sort={ariaSort(sort, 'code')}>
              <SortButton label="Code" active={sort.column === 'code'} direction={sort.direction} onClick={() => onSort(nextSort(sort, 'code'))} />
            </th>
            {model.columns.map(header)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.codeId} className={onDrill ? styles.agrTableRowDrill : ''} onClick={onDrill ? () => onDrill(row.codeId) : undefined}>
              <th scope="row" className={agreementStyles.agrTableCode}>
                {onDrill ? (
                  <button
                    type="button"
                    className={styles.agrCode}
                    title={`Show the passages where the coders differ at ${row.name}`}
                    onClick={(event) => {
                      event.stopPropagation();
                      onDrill(row.codeId);
                    }}
                  >
                    <span className={agreementStyles.agrCodeSwatch} style={{ backgroundColor: row.color }} aria-hidden="true" />
                    <span className={styles.agrCodeText}>
                      {row.path.length > 1 ? <span className={styles.agrCodePath}>{row.path.slice(0, -1).join(' › ')} › </span> : null}
                      <span>{row.name}</span>
                    </span>
                  </button>
                ) : (
                  <span className={styles.agrCode}>
                    <span className={agreementStyles.agrCodeSwatch} style={{ backgroundColor: row.color }} aria-hidden="true" />
                    <span>{row.name}</span>
                  </span>
                )}
              </th>
              {model.columns.map((column) => (
                <td key={column.id} className={column.kind === 'measure' ? `${agreementStyles.agrTableNum} ${agreementStyles.agrTableMeasure}` : agreementStyles.agrTableNum}>
                  {row.cells[column.id] ? <Figure cell={row.cells[column.id]!} footnotes={footnotes} /> : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className={styles.agrTableOverall}>
            <th scope="row" className={agreementStyles.agrTableCode}>
              {model.overall.label}
            </th>
            {model.columns.map((column) => (
              <td key={column.id} className={column.kind === 'measure' ? `${agreementStyles.agrTableNum} ${agreementStyles.agrTableMeasure}` : agreementStyles.agrTableNum}>
                {model.overall.cells[column.id] ? <Figure cell={model.overall.cells[column.id]!} footnotes={footnotes} /> : null}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
