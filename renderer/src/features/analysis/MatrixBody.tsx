import type { AttributeFilter } from '../../../../shared/api/contract';
import { EmptyState } from '../../ui/EmptyState';
import { columnDocuments, measureCount, measureLabel } from './analysisModel';
import type { HeatTable, MatrixColumns, Measure } from './analysisModel';
import { CellSegments } from './CellSegments';
import { HeatmapTable } from './HeatmapTable';
import type { MatrixPick } from './useAnalysisSettings';

export interface MatrixBodyProps {
  heat: HeatTable;
  measure: Measure;
  columns: MatrixColumns;
  columnsTitle: string;
  rollUp: boolean;
  coderIds: string[] | null;
  attributes: AttributeFilter;
  pick: MatrixPick | null;
  onPick: (pick: MatrixPick | null) => void;
}

/** The code × document (or × attribute value) heat map, and the passages of the cell picked in it. */
export function MatrixBody({ heat, measure, columns, columnsTitle, rollUp, coderIds, attributes, pick, onPick }: MatrixBodyProps) {
  const rowIndex = pick ? heat.rows.findIndex((r) => r.code.id === pick.codeId) : -1;
  const columnIndex = pick ? heat.columns.findIndex((c) => c.key === pick.columnKey) : -1;
  const picked = rowIndex >= 0 && columnIndex >= 0 ? { row: rowIndex, column: columnIndex } : null;
  const pickedRow = picked ? heat.rows[picked.row]! : null;
  const pickedColumn = picked ? heat.columns[picked.column]! : null;
  return (
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
          onSelect={({ row, column }) => onPick({ codeId: heat.rows[row]!.code.id, columnKey: heat.columns[column]!.key })}
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
            attributes,
            ...columnDocuments(columns, pickedColumn.key),
          }}
          onClose={() => onPick(null)}
        />
      ) : null}
    </>
  );
}
