import type { AgreementInput } from './input';

/**
 * The 2×2 character tables of two coders at every code × document cell either of them coded,
 * in flat typed arrays. Character mode visits these cells only (a large study's other cells are
 * all "neither"), and the bootstrap visits them a thousand times, so they are found with two
 * numeric sorts and typed arrays instead of nested maps and span objects.
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

/**
 * Joins one coder's spans of a cell (given in order of start) into `out` (starts at 2i, ends at
 * 2i + 1); returns how many joined spans there are. Their covered length is left to the caller.
 */
function join(starts: Float64Array, ends: Float64Array, from: number, to: number, out: Float64Array): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    if (count > 0 && starts[i]! <= out[2 * count - 1]!) {
      if (ends[i]! > out[2 * count - 1]!) out[2 * count - 1] = ends[i]!;
    } else {
      out[2 * count] = starts[i]!;
      out[2 * count + 1] = ends[i]!;
      count++;
    }
  }
  return count;
}

function covered(spans: Float64Array, count: number): number {
  let sum = 0;
  for (let i = 0; i < count; i++) sum += spans[2 * i + 1]! - spans[2 * i]!;
  return sum;
}

/** Characters in both joined span lists (each sorted and disjoint). */
function overlap(a: Float64Array, countA: number, b: Float64Array, countB: number): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < countA && j < countB) {
    const lo = Math.max(a[2 * i]!, b[2 * j]!);
    const hi = Math.min(a[2 * i + 1]!, b[2 * j + 1]!);
    if (hi > lo) shared += hi - lo;
    if (a[2 * i + 1]! <= b[2 * j + 1]!) i++;
    else j++;
  }
  return shared;
}

export function pairTables(input: AgreementInput, coderA: string, coderB: string): PairTables {
  const D = input.documents.length;
  const codeIndex = new Map(input.codes.map((c, i) => [c.id, i]));
  const docIndex = new Map(input.documents.map((d, i) => [d.id, i]));
  // Each coding of the pair as numbers: its cell (code · D + document), side, start and end.
  const total = input.codings.length;
  const cellOf = new Float64Array(total);
  const sideOf = new Uint8Array(total);
  const startOf = new Float64Array(total);
  const endOf = new Float64Array(total);
  let n = 0;
  for (const c of input.codings) {
    const side = c.coderId === coderA ? 0 : c.coderId === coderB ? 1 : -1;
    const code = codeIndex.get(c.codeId);
    const doc = docIndex.get(c.documentId);
    if (side < 0 || code === undefined || doc === undefined || !(c.end > c.start)) continue;
    cellOf[n] = code * D + doc;
    sideOf[n] = side;
    startOf[n] = c.start;
    endOf[n] = c.end;
    n++;
  }
  // Two numeric sorts order the codings by cell and, within a cell, by side and start: first
  // each coding's rank by start, then one number per coding of its cell, side and that rank.
  const byStart = new Float64Array(n);
  for (let i = 0; i < n; i++) byStart[i] = startOf[i]! * n + i;
  byStart.sort();
  const rank = new Float64Array(n);
  for (let r = 0; r < n; r++) rank[byStart[r]! % n] = r;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (cellOf[i]! * 2 + sideOf[i]!) * n + rank[i]!;
  keys.sort();
  // The codings in that order, as starts and ends.
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const cells = new Float64Array(n);
  const sides = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const i = byStart[keys[k]! % n]! % n;
    starts[k] = startOf[i]!;
    ends[k] = endOf[i]!;
    cells[k] = cellOf[i]!;
    sides[k] = sideOf[i]!;
  }

  const codeStart = new Int32Array(input.codes.length + 1);
  const document: number[] = [];
  const both: number[] = [];
  const onlyA: number[] = [];
  const onlyB: number[] = [];
  const joinedA = new Float64Array(2 * n);
  const joinedB = new Float64Array(2 * n);
  let g = 0;
  while (g < n) {
    const cell = cells[g]!;
    let split = g;
    while (split < n && cells[split] === cell && sides[split] === 0) split++;
    let end = split;
    while (end < n && cells[end] === cell) end++;
    const countA = join(starts, ends, g, split, joinedA);
    const countB = join(starts, ends, split, end, joinedB);
    const shared = overlap(joinedA, countA, joinedB, countB);
    codeStart[Math.floor(cell / D) + 1]!++;
    document.push(cell % D);
    both.push(shared);
    onlyA.push(covered(joinedA, countA) - shared);
    onlyB.push(covered(joinedB, countB) - shared);
    g = end;
  }
  for (let c = 0; c < input.codes.length; c++) codeStart[c + 1]! += codeStart[c]!;
  return { codeStart, document: Int32Array.from(document), both: Float64Array.from(both), onlyA: Float64Array.from(onlyA), onlyB: Float64Array.from(onlyB) };
}
