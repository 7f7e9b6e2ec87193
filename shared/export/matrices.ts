import { unionSpans } from '../text/spans';

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
  /** Whose coding it is: co-occurrence pairs a coder's codings with their own only. */
  coderId: string;
  /** [start, end) in any consistent unit. */
  start: number;
  end: number;
}

/**
 * How several coders' work is counted in a code × column table. `distinct`: a passage several
 * coders coded at a code counts once (the union of their spans); `perCoder`: each coder's
 * passages are counted and added up. With one coder both give the same.
 */
export type Counting = 'distinct' | 'perCoder';
export const DEFAULT_COUNTING: Counting = 'distinct';

/** The counting rule in a sentence, for the view to show above a table and the workbook beside it. */
export function countingStatement(counting: Counting): string {
  return counting === 'distinct'
    ? 'Counting distinct passages: where coders coded overlapping or touching text at a code, it counts once (the union of their passages).'
    : "Counting per coder: each coder's passages are counted and added up, so a passage two coders coded counts twice.";
}

export const CO_OCCURRENCE_STATEMENT =
  "Co-occurrence: pairs of overlapping codings at two codes, in the same document, by the same coder (another coder's codings never pair with yours), added up over the coders; the diagonal is the number of codings at the code.";

/** A stretch of text counted once at a row: the union of codings there (of all coders, or of one). */
export interface Passage {
  row: string;
  documentId: string;
  /** The coder whose passage it is; null when coders' passages are joined. */
  coderId: string | null;
  start: number;
  end: number;
}

/**
 * The passages a code × column table counts: per row (a coding counts in `rowsOf` rows: its
 * code, and with roll-up its parents), document and — counting per coder — coder, the union of
 * the codings there, one passage per joined stretch.
 */
export function passages<T extends SpanCoding>(codings: readonly T[], rowsOf: (codeId: string) => readonly string[], counting: Counting): Passage[] {
  const groups = new Map<string, { row: string; documentId: string; coderId: string | null; spans: { start: number; end: number }[] }>();
  for (const c of codings) {
    if (!(c.end > c.start)) continue;
    const coderId = counting === 'perCoder' ? c.coderId : null;
    for (const row of new Set(rowsOf(c.codeId))) {
      const key = `${row}\u0000${c.documentId}\u0000${coderId ?? ''}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { row, documentId: c.documentId, coderId, spans: [] }));
      group.spans.push(c);
    }
  }
  return [...groups.values()].flatMap((g) => unionSpans(g.spans).map((s) => ({ row: g.row, documentId: g.documentId, coderId: g.coderId, start: s.start, end: s.end })));
}

export interface CodeTableOptions {
  measure: 'segments' | 'characters' | 'documents';
  counting: Counting;
  /** The rows a coding at a code counts in (the code, and with roll-up its parents). */
  rowsOf: (codeId: string) => readonly string[];
  /** The row of a code itself, if listed: totals count each passage once, at its own code. */
  ownRow: (codeId: string) => string | null;
  /** The column of a document, or null to leave it out. */
  columnOf: (documentId: string) => string | null;
}

/**
 * Codes × documents or attribute values under a counting rule: passages, their characters, or
 * documents (per coder: coder–document pairs). Row totals add a row's cells; column totals and
 * the grand total count each passage (or document) once, at its own code, so a rolled-up parent
 * does not count its sub-codes' passages a second time.
 */
export function codeTable<T extends SpanCoding>(codings: readonly T[], rowKeys: readonly string[], columnKeys: readonly string[], options: CodeTableOptions): CountMatrix {
  const { measure, counting } = options;
  const own = (codeId: string) => {
    const row = options.ownRow(codeId);
    return row === null ? [] : [row];
  };
  if (measure === 'documents') {
    const key = (c: T) => (counting === 'perCoder' ? `${c.coderId}\u0000${c.documentId}` : c.documentId);
    const byCode = { rowKey: (c: T) => c.codeId, columnOf: (c: T) => options.columnOf(c.documentId), distinct: key };
    const cells = countMatrix(codings, rowKeys, columnKeys, { ...byCode, rowsFor: options.rowsOf });
    const totals = countMatrix(codings, rowKeys, columnKeys, { ...byCode, rowsFor: own });
    return { ...cells, columnTotals: totals.columnTotals, total: totals.total };
  }
  const weight = (p: Passage) => (measure === 'characters' ? p.end - p.start : 1);
  const tally = (list: Passage[]): CountMatrix => {
    const rowIndex = new Map(rowKeys.map((k, i) => [k, i]));
    const columnIndex = new Map(columnKeys.map((k, i) => [k, i]));
    const cells = rowKeys.map(() => new Array<number>(columnKeys.length).fill(0));
    for (const p of list) {
      const r = rowIndex.get(p.row);
      const column = options.columnOf(p.documentId);
      const c = column === null ? undefined : columnIndex.get(column);
      if (r !== undefined && c !== undefined) cells[r]![c]! += weight(p);
    }
    const rowTotals = cells.map((row) => row.reduce((a, b) => a + b, 0));
    const columnTotals = columnKeys.map((_, c) => cells.reduce((a, row) => a + row[c]!, 0));
    return { rowKeys: [...rowKeys], columnKeys: [...columnKeys], cells, rowTotals, columnTotals, total: columnTotals.reduce((a, b) => a + b, 0) };
  };
  const cells = tally(passages(codings, options.rowsOf, counting));
  const totals = tally(passages(codings, own, counting));
  return { ...cells, columnTotals: totals.columnTotals, total: totals.total };
}

/**
 * Code co-occurrence: off the diagonal, the number of pairs of codings at the two codes in the
 * same document, by the same coder, whose spans overlap (share at least one character), added up
 * over coders; on the diagonal, the number of codings at the code. Symmetric. Codes not listed
 * are ignored, and so are empty spans. Pairs at the same code are not counted.
 */
export function coOccurrence(codings: readonly SpanCoding[], codeIds: readonly string[]): number[][] {
  const index = new Map(codeIds.map((id, i) => [id, i]));
  const matrix = codeIds.map(() => new Array<number>(codeIds.length).fill(0));
  const byDocumentAndCoder = new Map<string, { code: number; start: number; end: number }[]>();
  for (const coding of codings) {
    const code = index.get(coding.codeId);
    if (code === undefined) continue;
    matrix[code]![code]!++;
    if (!(coding.end > coding.start)) continue;
    const key = `${coding.documentId}\u0000${coding.coderId}`;
    let list = byDocumentAndCoder.get(key);
    if (!list) byDocumentAndCoder.set(key, (list = []));
    list.push({ code, start: coding.start, end: coding.end });
  }
  for (const list of byDocumentAndCoder.values()) {
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
