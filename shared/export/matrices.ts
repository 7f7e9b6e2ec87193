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
  /** What decides the rows an item counts in (a coding's code); items with the same key count in the same rows. */
  rowKey: (item: T) => string;
  /** The rows for a row key (a code, and its parents when sub-codes count for them); asked once per key. */
  rowsFor: (rowKey: string) => readonly string[];
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
  const rowsByKey = new Map<string, readonly number[]>();
  /** The row numbers an item counts in, each once (empty when none is listed). */
  const rowsOf = (item: T): readonly number[] => {
    const key = options.rowKey(item);
    let rows = rowsByKey.get(key);
    if (!rows) {
      rows = [...new Set(options.rowsFor(key))].map((k) => rowIndex.get(k)).filter((r): r is number => r !== undefined);
      rowsByKey.set(key, rows);
    }
    return rows;
  };
  /** The column number of an item, or -1 when it counts in none. */
  const columnOf = (item: T): number => {
    const column = options.columnOf(item);
    return column === null ? -1 : (columnIndex.get(column) ?? -1);
  };

  if (!options.distinct) {
    for (const item of items) {
      const c = columnOf(item);
      const rows = c === -1 ? [] : rowsOf(item);
      if (rows.length === 0) continue;
      for (const r of rows) {
        cells[r]![c]!++;
        rowTotals[r]!++;
      }
      columnTotals[c]!++;
      total++;
    }
  } else {
    // Distinct keys: the items of one key at a time, each cell, row and column stamped with the
    // key's number when first counted for it. Cheap whatever the number of items.
    const groups = new Map<string, T[]>();
    for (const item of items) {
      const key = options.distinct(item);
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
    const cellStamps = new Map<number, number>();
    const rowStamps = new Int32Array(rowKeys.length);
    const columnStamps = new Int32Array(columnKeys.length);
    let stamp = 0;
    for (const group of groups.values()) {
      stamp++;
      let counted = false;
      for (const item of group) {
        const c = columnOf(item);
        const rows = c === -1 ? [] : rowsOf(item);
        if (rows.length === 0) continue;
        counted = true;
        for (const r of rows) {
          const cell = r * columnKeys.length + c;
          if (cellStamps.get(cell) !== stamp) {
            cellStamps.set(cell, stamp);
            cells[r]![c]!++;
          }
          if (rowStamps[r] !== stamp) {
            rowStamps[r] = stamp;
            rowTotals[r]!++;
          }
        }
        if (columnStamps[c] !== stamp) {
          columnStamps[c] = stamp;
          columnTotals[c]!++;
        }
      }
      if (counted) total++;
    }
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
    // A sweep: `open` holds the codings that started earlier and have not ended by this start
    // (kept in place: no new array per coding).
    const open: typeof list = [];
    for (const coding of list) {
      let kept = 0;
      for (const other of open) {
        if (other.end <= coding.start) continue;
        open[kept++] = other;
        if (other.code === coding.code) continue;
        matrix[coding.code]![other.code]!++;
        matrix[other.code]![coding.code]!++;
      }
      open.length = kept;
      open.push(coding);
    }
  }
  return matrix;
}
