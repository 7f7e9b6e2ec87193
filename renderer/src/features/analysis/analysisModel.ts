import type { CoOccurrenceView, Input, MatrixView, SegmentView } from '../../../../shared/api/contract';
import type { Code } from '../../../../shared/domain/schemas';
import { codeForest } from '../../../../shared/export/code-tree';
import type { CodeNode } from '../../../../shared/export/code-tree';

/**
 * The arithmetic and shapes behind the analysis views, pure so they can be tested: codes as
 * tree-ordered rows, the heat-map shading, the tables the views show (and export exactly as
 * shown), the bar chart's order, and which passages a clicked cell stands for.
 */

/** How a code path is written in exported tables (the same as the Excel workbook's sheets). */
export const PATH_SEPARATOR = ' > ';

export type Measure = MatrixView['measure'];
export type TableExport = Input<'export.table'>;

/** A code as a row of a table: where it sits in the tree, and how it is labelled. */
export interface CodeRow {
  id: string;
  name: string;
  color: string;
  /** A grouping folder (not applied to text). */
  folder: boolean;
  /** 0 for a top-level code. */
  depth: number;
  /** Names from the top of the tree down to the code. */
  path: string[];
  /** The path as one label: "Cross-cutting themes > Isolation and loneliness". */
  label: string;
}

/**
 * The codes in codebook tree order (parents before their sub-codes, siblings in codebook
 * order), each with its depth and path; only those in `keep` when it is given. A code kept
 * without its parent keeps its depth, so the tree still reads.
 */
export function treeRows(codebook: readonly Code[], keep?: Iterable<string>): CodeRow[] {
  const wanted = keep ? new Set(keep) : null;
  const rows: CodeRow[] = [];
  const visit = (node: CodeNode, depth: number, parents: string[]) => {
    const path = [...parents, node.code.name];
    if (!wanted || wanted.has(node.code.id)) {
      rows.push({
        id: node.code.id,
        name: node.code.name,
        color: node.code.color,
        folder: !node.code.codable,
        depth,
        path,
        label: path.join(PATH_SEPARATOR),
      });
    }
    for (const child of node.children) visit(child, depth + 1, path);
  };
  for (const root of codeForest(codebook)) visit(root, 0, []);
  return rows;
}

// ---- Heat map -----------------------------------------------------------------------------

/**
 * The largest value each row is shaded against. Rows that add up their sub-codes would dwarf
 * the rest, so they are shaded among themselves and the other rows among themselves; the
 * diagonal (co-occurrence: a code with itself) is left out of the scale.
 */
export function heatScale(table: Pick<HeatTable, 'rows' | 'diagonal'>): number[] {
  const maxOf = (aggregate: boolean) => {
    let max = 0;
    table.rows.forEach((row, r) => {
      if (row.aggregate !== aggregate) return;
      row.cells.forEach((value, c) => {
        if (!(table.diagonal && r === c) && value > max) max = value;
      });
    });
    return max;
  };
  const plain = maxOf(false);
  const aggregate = maxOf(true);
  return table.rows.map((row) => (row.aggregate ? aggregate : plain));
}

export interface HeatShade {
  /** How much of the accent colour to mix into white: 0 for nothing, 12–90 otherwise. */
  percent: number;
  /** The shade is dark enough that the number must be drawn in white to stay readable. */
  dark: boolean;
}

const LIGHTEST = 12;
const DARKEST = 90;
/**
 * The number is readable (4.5:1) in the dark text colour up to LIGHT_UNTIL % of accent and in
 * white from DARK_FROM %; between them neither is, so shades there are moved to the nearer edge.
 */
const LIGHT_UNTIL = 66;
const DARK_FROM = 80;

/**
 * A cell's shade, relative to the largest cell: nothing for zero (or less), a light tint for
 * the smallest count still visible against an empty cell, the full shade for the largest.
 */
export function heatShade(value: number, max: number): HeatShade {
  if (!(value > 0) || !(max > 0)) return { percent: 0, dark: false };
  const fraction = Math.min(1, value / max);
  const mixed = Math.round(LIGHTEST + (DARKEST - LIGHTEST) * fraction);
  const percent = mixed > LIGHT_UNTIL && mixed < DARK_FROM ? (mixed - LIGHT_UNTIL < DARK_FROM - mixed ? LIGHT_UNTIL : DARK_FROM) : mixed;
  return { percent, dark: percent >= DARK_FROM };
}

// ---- Tables as shown ------------------------------------------------------------------------

export interface HeatColumn {
  key: string;
  /** The full heading, as exported and read out: a document's name, a value, a code's path. */
  label: string;
  /** What the heading shows when space is short: a code's own name; the label otherwise. */
  short: string;
}

export interface HeatRow {
  code: CodeRow;
  cells: number[];
  /** The row's total, when the table has a total column. */
  total: number | null;
  /** The row adds up its sub-codes' rows too (counts rolled up into a parent). */
  aggregate: boolean;
}

/** A codes-down table as a view shows it, and as "Export to Excel" writes it. */
export interface HeatTable {
  /** The sheet's name: "Code × Borough". */
  name: string;
  columns: HeatColumn[];
  rows: HeatRow[];
  /** The bottom row of totals, when the table has one. */
  totals: { cells: number[]; total: number } | null;
  /** Co-occurrence: the diagonal is the codings at each code, not a pair count. */
  diagonal: boolean;
}

/**
 * The matrix as shown: codes in tree order with their counts, totals right and below. With
 * `rollUp`, a code with sub-codes in the table adds up their counts.
 */
export function matrixTable(view: MatrixView, codebook: readonly Code[], name: string, rollUp: boolean): HeatTable {
  const index = new Map(view.rowKeys.map((k, i) => [k, i]));
  const parents = new Set(codebook.filter((c) => index.has(c.id)).map((c) => c.parentId));
  const rows = treeRows(codebook, view.rowKeys).map((code): HeatRow => {
    const i = index.get(code.id)!;
    return { code, cells: [...view.cells[i]!], total: view.rowTotals[i]!, aggregate: rollUp && parents.has(code.id) };
  });
  return {
    name,
    columns: view.columnKeys.map((key, i) => {
      const label = view.columnLabels[i] ?? key;
      return { key, label, short: label };
    }),
    rows,
    totals: { cells: [...view.columnTotals], total: view.total },
    diagonal: false,
  };
}

/** Co-occurrence as shown: codable codes both ways, in tree order; no totals (pairs don't add up). */
export function coOccurrenceTable(view: CoOccurrenceView, codebook: readonly Code[]): HeatTable {
  const index = new Map(view.codeIds.map((k, i) => [k, i]));
  const codes = treeRows(codebook, view.codeIds).filter((c) => !c.folder);
  const columns = codes.map((c) => ({ key: c.id, label: c.label, short: c.name }));
  return {
    name: 'Co-occurrence',
    columns,
    rows: codes.map((code) => {
      const row = view.matrix[index.get(code.id)!]!;
      return { code, cells: codes.map((other) => row[index.get(other.id)!] ?? 0), total: null, aggregate: false };
    }),
    totals: null,
    diagonal: true,
  };
}

/** A table exactly as shown: code paths down the side, the column labels, numbers as numbers. */
export function heatTableExport(table: HeatTable): TableExport {
  const withTotals = table.totals !== null;
  return {
    name: table.name,
    columns: [
      { header: 'Code', type: 'text', width: 40 },
      ...table.columns.map((c) => ({ header: c.label, type: 'number' as const, width: Math.max(10, Math.min(30, c.label.length + 2)) })),
      ...(withTotals ? [{ header: 'Total', type: 'number' as const, width: 10 }] : []),
    ],
    rows: [
      ...table.rows.map((r) => [r.code.label, ...r.cells, ...(withTotals ? [r.total] : [])]),
      ...(table.totals ? [['Total', ...table.totals.cells, table.totals.total]] : []),
    ],
  };
}

// ---- Frequencies --------------------------------------------------------------------------

export interface FrequencyRow {
  code: CodeRow;
  count: number;
}

/**
 * The bar chart's bars: each code's total from a matrix, most first (ties in tree order).
 * Folders are left out unless their sub-codes roll up into them: on their own they hold no codings.
 */
export function frequencyRows(view: MatrixView, codebook: readonly Code[], rollUp: boolean): FrequencyRow[] {
  const index = new Map(view.rowKeys.map((k, i) => [k, i]));
  return treeRows(codebook, view.rowKeys)
    .filter((code) => rollUp || !code.folder)
    .map((code, order) => ({ code, count: view.rowTotals[index.get(code.id)!] ?? 0, order }))
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .map(({ code, count }) => ({ code, count }));
}

export function frequencyExport(rows: readonly FrequencyRow[], measure: Measure): TableExport {
  return {
    name: 'Code frequencies',
    columns: [
      { header: 'Code', type: 'text', width: 50 },
      { header: measureLabel(measure), type: 'number', width: 16 },
    ],
    rows: rows.map((r) => [r.code.label, r.count]),
  };
}

// ---- Words --------------------------------------------------------------------------------

export function measureLabel(measure: Measure): string {
  return measure === 'segments' ? 'Coded segments' : measure === 'characters' ? 'Coded characters' : 'Documents';
}

/** "1 segment", "12 segments", "1,204 characters". */
export function measureCount(n: number, measure: Measure): string {
  const one = measure === 'segments' ? 'segment' : measure === 'characters' ? 'character' : 'document';
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : `${one}s`}`;
}

// ---- What a cell stands for ---------------------------------------------------------------

export type MatrixColumns = { kind: 'documents' } | { kind: 'attribute'; name: string };

/**
 * The documents behind a matrix column, as the passages query narrows to them: the document
 * itself, or (found by the backend, among every document passing the filter) those whose value
 * of the attribute is the column's, "(no value)" for none.
 */
export function columnDocuments(columns: MatrixColumns, columnKey: string): Pick<Input<'segments.query'>, 'documentIds' | 'column'> {
  return columns.kind === 'documents' ? { documentIds: [columnKey] } : { documentIds: null, column: { attribute: columns.name, value: columnKey } };
}

/** A pair of overlapping codings at two codes: what one co-occurrence count stands for. */
export interface OverlapPair {
  first: SegmentView;
  second: SegmentView;
  documentId: string;
  /** The two passages together, to open in the reader. */
  start: number;
  end: number;
}

/**
 * Pairs of codings at `codeA` and `codeB` in the same document, by the same coder, whose
 * passages share at least one character, counted as the co-occurrence matrix counts them; in
 * document order.
 */
export function overlappingPairs(segments: readonly SegmentView[], codeA: string, codeB: string): OverlapPair[] {
  const pairs: OverlapPair[] = [];
  const atA = segments.filter((s) => s.codeId === codeA && s.end > s.start);
  const atB = segments.filter((s) => s.codeId === codeB && s.end > s.start);
  for (const a of atA) {
    for (const b of atB) {
      if (a.documentId !== b.documentId || a.coderId !== b.coderId || !(a.start < b.end && b.start < a.end)) continue;
      pairs.push({ first: a, second: b, documentId: a.documentId, start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) });
    }
  }
  const order = new Map<string, number>();
  for (const s of segments) if (!order.has(s.documentId)) order.set(s.documentId, order.size);
  return pairs.sort((x, y) => order.get(x.documentId)! - order.get(y.documentId)! || x.start - y.start || x.end - y.end);
}
