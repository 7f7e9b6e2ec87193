import type { AgreementInput } from './input';

/**
 * The 2×2 character tables of two coders at every code × document cell either of them coded,
 * in flat typed arrays. Character mode visits these cells only (a large study's other cells are
 * all "neither"), and the bootstrap visits them a thousand times, so they are found with one
 * numeric sort instead of nested maps and span objects.
 */
export interface PairTables {
  /** Per code (in input order), its cells are [codeStart[c], codeStart[c + 1]), documents ascending. */
  codeStart: Int32Array;
  /** Per cell: the document (index into input.documents) and its characters by who coded them. */
  document: Int32Array;
  both: Float64Array;
  onlyA: Float64Array;
  onlyB: Float64Array;
}

/** Characters covered by the union of spans (sorted by start), and the union itself into `out`. */
function union(starts: number[], ends: number[], out: { starts: number[]; ends: number[] }): number {
  out.starts.length = 0;
  out.ends.length = 0;
  let covered = 0;
  for (let i = 0; i < starts.length; i++) {
    const last = out.ends.length - 1;
    if (last >= 0 && starts[i]! <= out.ends[last]!) {
      if (ends[i]! > out.ends[last]!) {
        covered += ends[i]! - out.ends[last]!;
        out.ends[last] = ends[i]!;
      }
    } else {
      out.starts.push(starts[i]!);
      out.ends.push(ends[i]!);
      covered += ends[i]! - starts[i]!;
    }
  }
  return covered;
}

/** Characters in both unions (each sorted and disjoint). */
function overlap(a: { starts: number[]; ends: number[] }, b: { starts: number[]; ends: number[] }): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.starts.length && j < b.starts.length) {
    const lo = Math.max(a.starts[i]!, b.starts[j]!);
    const hi = Math.min(a.ends[i]!, b.ends[j]!);
    if (hi > lo) shared += hi - lo;
    if (a.ends[i]! <= b.ends[j]!) i++;
    else j++;
  }
  return shared;
}

export function pairTables(input: AgreementInput, coderA: string, coderB: string): PairTables {
  const D = input.documents.length;
  const codeIndex = new Map(input.codes.map((c, i) => [c.id, i]));
  const docIndex = new Map(input.documents.map((d, i) => [d.id, i]));
  const picked = input.codings.filter((c) => (c.coderId === coderA || c.coderId === coderB) && c.end > c.start && codeIndex.has(c.codeId) && docIndex.has(c.documentId));
  const n = picked.length;
  // Two numeric sorts order the codings by cell (code, then document) and, within a cell, by start:
  // first each coding's rank by start, then one number per coding of its cell and that rank.
  // (Plain loops: Float64Array.from with a mapping function is several times slower.)
  const byStart = new Float64Array(n);
  for (let i = 0; i < n; i++) byStart[i] = picked[i]!.start * n + i;
  byStart.sort();
  const rank = new Int32Array(n);
  for (let r = 0; r < n; r++) rank[byStart[r]! % n] = r;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (codeIndex.get(picked[i]!.codeId)! * D + docIndex.get(picked[i]!.documentId)!) * n + rank[i]!;
  keys.sort();
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = byStart[keys[k]! % n]! % n;

  const codeStart = new Int32Array(input.codes.length + 1);
  const document: number[] = [];
  const both: number[] = [];
  const onlyA: number[] = [];
  const onlyB: number[] = [];
  const spans = { a: { starts: [] as number[], ends: [] as number[] }, b: { starts: [] as number[], ends: [] as number[] } };
  const unions = { a: { starts: [] as number[], ends: [] as number[] }, b: { starts: [] as number[], ends: [] as number[] } };
  let g = 0;
  while (g < n) {
    const cell = Math.floor(keys[g]! / n);
    for (const side of [spans.a, spans.b]) {
      side.starts.length = 0;
      side.ends.length = 0;
    }
    for (; g < n && Math.floor(keys[g]! / n) === cell; g++) {
      const coding = picked[order[g]!]!;
      const side = coding.coderId === coderA ? spans.a : spans.b;
      side.starts.push(coding.start);
      side.ends.push(coding.end);
    }
    const coveredA = union(spans.a.starts, spans.a.ends, unions.a);
    const coveredB = union(spans.b.starts, spans.b.ends, unions.b);
    const shared = overlap(unions.a, unions.b);
    const code = Math.floor(cell / D);
    codeStart[code + 1]!++;
    document.push(cell % D);
    both.push(shared);
    onlyA.push(coveredA - shared);
    onlyB.push(coveredB - shared);
  }
  for (let c = 0; c < input.codes.length; c++) codeStart[c + 1]! += codeStart[c]!;
  return { codeStart, document: Int32Array.from(document), both: Float64Array.from(both), onlyA: Float64Array.from(onlyA), onlyB: Float64Array.from(onlyB) };
}
