import type { AttributeFilter } from '../../../../shared/api/contract';
import { EmptyState } from '../../ui/EmptyState';
import type { HeatTable } from './analysisModel';
import { CellSegments, OverlapSegments } from './CellSegments';
import { HeatmapTable } from './HeatmapTable';
import type { PairPick } from './useAnalysisSettings';

export interface CoOccurrenceBodyProps {
  table: HeatTable;
  coderIds: string[] | null;
  attributes: AttributeFilter;
  pick: PairPick | null;
  onPick: (pick: PairPick | null) => void;
}

/** The code × code overlap heat map, and the passages of the pair picked in it (a code's own, on the diagonal). */
export function CoOccurrenceBody({ table, coderIds, attributes, pick, onPick }: CoOccurrenceBodyProps) {
  const rowIndex = pick ? table.rows.findIndex((r) => r.code.id === pick.rowCodeId) : -1;
  const columnIndex = pick ? table.columns.findIndex((c) => c.key === pick.columnCodeId) : -1;
  const picked = rowIndex >= 0 && columnIndex >= 0 ? { row: rowIndex, column: columnIndex } : null;
  const a = picked ? table.rows[picked.row]!.code : null;
  const b = picked ? table.rows[picked.column]!.code : null;
  const pairLabel = (row: number, column: number, value: number) => {
    const first = table.rows[row]!.code.label;
    if (row === column) return `${first}: ${value === 1 ? '1 coding' : `${value} codings`} (the code itself)`;
    return `${first} × ${table.rows[column]!.code.label}: ${value === 1 ? '1 overlap' : `${value} overlaps`}`;
  };
  return (
    <>
      {table.rows.length === 0 ? (
        <EmptyState title="No codes to compare">Codes that can be applied to text appear here.</EmptyState>
      ) : (
        <HeatmapTable
          table={table}
          caption="Overlapping codings per pair of codes; the diagonal counts the codings at each code"
          rotateHeaders
          selected={picked}
          onSelect={({ row, column }) => onPick({ rowCodeId: table.rows[row]!.code.id, columnCodeId: table.columns[column]!.key })}
          cellLabel={({ row, column }, value) => pairLabel(row, column, value)}
        />
      )}
      {a && b ? (
        a.id === b.id ? (
          <CellSegments
            key={a.id}
            title={a.name}
            query={{ codeIds: [a.id], includeSubcodes: false, coderIds, attributes, documentIds: null }}
            onClose={() => onPick(null)}
          />
        ) : (
          <OverlapSegments
            key={`${a.id}:${b.id}`}
            title={`${a.name} × ${b.name}`}
            codeA={a.id}
            codeB={b.id}
            query={{ codeIds: [a.id, b.id], includeSubcodes: false, coderIds, attributes, documentIds: null }}
            onClose={() => onPick(null)}
          />
        )
      ) : null}
    </>
  );
}
