import { useRef, useState } from 'react';
import type { CSSProperties, KeyboardEvent } from 'react';
import { formatNumber } from '../../../../shared/text/plural';
import { CodeGlyph } from '../codebook/CodeGlyph';
import { heatScale, heatShade } from './analysisModel';
import type { HeatTable } from './analysisModel';
import styles from './HeatmapTable.module.css';
import analysisStyles from './analysis.module.css';

export interface CellPosition {
  row: number;
  column: number;
}

export interface HeatmapTableProps {
  table: HeatTable;
  /** Read out as the table's caption. */
  caption: string;
  /** Column headings turned on their side (many long labels: documents, codes). */
  rotateHeaders: boolean;
  selected: CellPosition | null;
  onSelect: (cell: CellPosition) => void;
  /** The accessible name of a cell's button: "Zero suicide × Young people: 3 segments". */
  cellLabel: (cell: CellPosition, value: number) => string;
  /** How the shading is scaled, when that needs saying (shown under the table). */
  shadingNote?: string | undefined;
  /** Shown on hover over a cell; the cell label when not given. */
  cellTitle?: (cell: CellPosition, value: number) => string;
}

/**
 * A codes-down table as a heat map: each cell shaded by its value relative to the largest
 * (the diagonal, when the table has one, drawn apart and left out of the scale), totals in
 * plain cells, the header row and the code column sticky while the table scrolls. Each cell is
 * a button; one of them is in the tab order and the arrow keys, Home and End move between them.
 */
export function HeatmapTable({ table, caption, rotateHeaders, selected, onSelect, cellLabel, cellTitle, shadingNote }: HeatmapTableProps) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [focus, setFocus] = useState<CellPosition>({ row: 0, column: 0 });
  const rowCount = table.rows.length;
  const columnCount = table.columns.length;
  const active = selected ?? focus;
  // The cell in the tab order: the selected one, else the last focused, kept inside the table.
  const tabRow = Math.min(active.row, rowCount - 1);
  const tabColumn = Math.min(active.column, columnCount - 1);
  const scale = heatScale(table);

  function moveFocus(event: KeyboardEvent<HTMLTableSectionElement>) {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    if (!cell) return;
    const [row, column] = cell.dataset.cell!.split(':').map(Number) as [number, number];
    let next: CellPosition | null = null;
    if (event.key === 'ArrowRight') next = { row, column: Math.min(columnCount - 1, column + 1) };
    else if (event.key === 'ArrowLeft') next = { row, column: Math.max(0, column - 1) };
    else if (event.key === 'ArrowDown') next = { row: Math.min(rowCount - 1, row + 1), column };
    else if (event.key === 'ArrowUp') next = { row: Math.max(0, row - 1), column };
    else if (event.key === 'Home') next = event.ctrlKey ? { row: 0, column: 0 } : { row, column: 0 };
    else if (event.key === 'End') next = event.ctrlKey ? { row: rowCount - 1, column: columnCount - 1 } : { row, column: columnCount - 1 };
    if (!next) return;
    event.preventDefault();
    setFocus(next);
    bodyRef.current?.querySelector<HTMLElement>(`[data-cell="${next.row}:${next.column}"]`)?.focus();
  }

  return (
    <div className={analysisStyles.heatmap}>
      <table className={[styles.heatmapTable, rotateHeaders ? styles.heatmapTableRotated : ''].filter(Boolean).join(' ')}>
        <caption className={'sr-only'}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.heatmapCorner}>
              Code
            </th>
            {table.columns.map((column) => (
              <th key={column.key} scope="col" className={styles.heatmapColhead} title={column.label}>
                <span className={styles.heatmapColheadText}>
                  {column.short !== column.label && column.label.endsWith(column.short) ? (
                    <span className={'sr-only'}>{column.label.slice(0, column.label.length - column.short.length)}</span>
                  ) : null}
                  {column.short}
                </span>
              </th>
            ))}
            {table.totals ? (
              <th scope="col" className={`${styles.heatmapColhead} ${styles.heatmapColheadTotal}`}>
                <span className={styles.heatmapColheadText}>Total</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody ref={bodyRef} onKeyDown={moveFocus}>
          {table.rows.map((row, r) => (
            <tr key={row.code.id} className={row.code.folder ? styles.heatmapRowFolder : ''}>
              <th scope="row" className={styles.heatmapRowhead} title={row.code.label}>
                <span className={styles.heatmapCode} style={{ paddingLeft: row.code.depth * 14 }}>
                  <CodeGlyph color={row.code.color} folder={row.code.folder} />
                  <span className={styles.heatmapCodeName}>
                    {row.code.label !== row.code.name ? <span className={'sr-only'}>{row.code.label.slice(0, row.code.label.length - row.code.name.length)}</span> : null}
                    {row.code.name}
                  </span>
                </span>
              </th>
              {row.cells.map((value, c) => {
                const diagonal = table.diagonal && r === c;
                const shade = diagonal ? { percent: 0, dark: false } : heatShade(value, scale[r]!);
                const isSelected = selected?.row === r && selected.column === c;
                const position = { row: r, column: c };
                const label = cellLabel(position, value);
                const style = shade.percent > 0 ? ({ '--heat': `${shade.percent}%` } as CSSProperties) : undefined;
                return (
                  <td
                    key={table.columns[c]!.key}
                    className={[
                      styles.heatmapCell,
                      shade.percent > 0 ? styles.heatmapCellHeat : '',
                      shade.dark ? styles.heatmapCellDark : '',
                      value === 0 ? styles.heatmapCellZero : '',
                      diagonal ? styles.heatmapCellDiagonal : '',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                    style={style}
                  >
                    <button
                      type="button"
                      className={styles.heatmapButton}
                      data-cell={`${r}:${c}`}
                      tabIndex={r === tabRow && c === tabColumn ? 0 : -1}
                      aria-label={label}
                      aria-pressed={isSelected}
                      title={cellTitle ? cellTitle(position, value) : label}
                      onFocus={() => setFocus(position)}
                      onClick={() => onSelect(position)}
                    >
                      {formatNumber(value)}
                    </button>
                  </td>
                );
              })}
              {row.total !== null && table.totals ? <td className={styles.heatmapTotal}>{formatNumber(row.total)}</td> : null}
            </tr>
          ))}
          {table.totals ? (
            <tr className={styles.heatmapTotals}>
              <th scope="row" className={styles.heatmapRowhead}>
                Total
              </th>
              {table.totals.cells.map((value, c) => (
                <td key={table.columns[c]!.key} className={styles.heatmapTotal}>
                  {formatNumber(value)}
                </td>
              ))}
              <td className={`${styles.heatmapTotal} ${styles.heatmapTotalGrand}`}>{formatNumber(table.totals.total)}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {shadingNote ? <p className={styles.heatmapNote}>{shadingNote}</p> : null}
    </div>
  );
}
