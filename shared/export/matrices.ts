/**
 * The arithmetic behind the export's count sheets, on plain arrays so the renderer's matrix
 * views can use it too: cross-tabulations (code × document, code × attribute value) and code
 * co-occurrence.
 */

export interface CountMatrix {
  rowKeys: string[];
  columnKeys: string[];
  /** cells[row][column]. */
  cells: number[][];
  /** Per row, over all columns (an item is counted once per row, or each distinct key once). */
  rowTotals: number[];
  /** Per column, over all rows. */
  columnTotals: number[];
  /** Over the whole table. */
  total: number;
}

export interface CountMatrixOptions<T> {
  /** The rows an item counts in (a coding at a sub-code can count for its parents too). */
  rowsOf: (item: T) => readonly string[];
  /** The column an item counts in, or null to leave it out. */
  columnOf: (item: T) => string | null;
  /**
   * Count distinct values of this key instead of items: e.g. the document of a coding, to count
   * documents rather than codings. Totals then count each distinct key once too.
   */
  distinct?: (item: T) => string;
}

/** A cross-tabulation of items into the given rows and columns; keys not listed are ignored. */
export function countMatrix<T>(
  items: readonly T[],
  rowKeys: readonly string[],
  columnKeys: readonly string[],
  options: CountMatrixOptions<T>,
): CountMatrix {
  const rowIndex = new Map(rowKeys.map((k, i) => [k, i]));
  const columnIndex = new Map(columnKeys.map((k, i) => [k, i]));
  const cells = rowKeys.map(() => new Array<number>(columnKeys.length).fill(0));
  const rowTotals = new Array<number>(rowKeys.length).fill(0);
  const columnTotals = new Array<number>(columnKeys.length).fill(0);
  let total = 0;
  const distinct = options.distinct;
  // With a distinct key: which keys each cell, row, column and the table have counted already.
  const seenCells = new Map<string, Set<string>>();
  const seenRows = rowKeys.map(() => new Set<string>());
  const seenColumns = columnKeys.map(() => new Set<string>());
  const seenTotal = new Set<string>();
  const first = (seen: Set<string>, key: string): boolean => {
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };

  for (const item of items) {
    const column = options.columnOf(item);
    const c = column === null ? undefined : columnIndex.get(column);
    if (c === undefined) continue;
    const rows = [...new Set(options.rowsOf(item))].map((k) => rowIndex.get(k)).filter((r): r is number => r !== undefined);
    if (rows.length === 0) continue;
    const key = distinct?.(item);
    if (key === undefined) {
      for (const r of rows) {
        cells[r]![c]!++;
        rowTotals[r]!++;
      }
      columnTotals[c]!++;
      total++;
      continue;
    }
    for (const r of rows) {
      const cellKey = `${r}:${c}`;
      let seen = seenCells.get(cellKey);
      if (!seen) seenCells.set(cellKey, (seen = new Set()));
      if (first(seen, key)) cells[r]![c]!++;
      if (first(seenRows[r]!, key)) rowTotals[r]!++;
    }
    if (first(seenColumns[c]!, key)) columnTotals[c]!++;
    if (first(seenTotal, key)) total++;
  }
  return { rowKeys: [...rowKeys], columnKeys: [...columnKeys], cells, rowTotals, columnTotals, total };
}

export interface SpanCoding {
  codeId: string;
  documentId: string;
  /** [start, end) in any consistent unit. */
  start: number;
  end: number;
}

/**
 * Code co-occurrence: off the diagonal, the number of pairs of codings (by any coder) at the two
 * codes in the same document whose spans overlap (share at least one character); on the
 * diagonal, the number of codings at the code. Symmetric. Codes not listed are ignored, and so
 * are empty spans. Pairs at the same code (two coders, or one coder twice) are not counted.
 */
export function coOccurrence(codings: readonly SpanCoding[], codeIds: readonly string[]): number[][] {
  const index = new Map(codeIds.map((id, i) => [id, i]));
  const matrix = codeIds.map(() => new Array<number>(codeIds.length).fill(0));
  const byDocument = new Map<string, { code: number; start: number; end: number }[]>();
  for (const coding of codings) {
    const code = index.get(coding.codeId);
    if (code === undefined) continue;
    matrix[code]![code]!++;
    if (!(coding.end > coding.start)) continue;
    let list = byDocument.get(coding.documentId);
    if (!list) byDocument.set(coding.documentId, (list = []));
    list.push({ code, start: coding.start, end: coding.end });
  }
  for (const list of byDocument.values()) {
    list.sort((a, b) => a.start - b.start);
    // A sweep: `open` holds the codings that started earlier and have not ended by this start.
    let open: typeof list = [];
    for (const coding of list) {
      open = open.filter((o) => o.end > coding.start);
      for (const other of open) {
        if (other.code === coding.code) continue;
        matrix[coding.code]![other.code]!++;
        matrix[other.code]![coding.code]!++;
      }
      open.push(coding);
    }
  }
  return matrix;
}
