import { createHash } from 'node:crypto';
import type { CoderFile, ProjectFile } from '../../shared/domain/schemas';

/**
 * A project's content as the crash test compares it: the codebook (in order), the documents,
 * and each coder's codings and memos. Times and backups are left out; everything a researcher
 * made is in.
 */
export function canonicalState(project: Readonly<ProjectFile>, coderFile: (coderId: string) => Readonly<CoderFile>) {
  return {
    codebook: project.codebook.map((c) => [c.id, c.name, c.parentId, c.codable, c.color]),
    attributes: project.attributes,
    documents: project.documents.map((d) => [d.id, d.name, d.hash, d.length, d.attributes]),
    coders: [...project.coders]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((coder) => {
        const file = coderFile(coder.id);
        return {
          id: coder.id,
          name: coder.name,
          codings: [...file.codings].sort((a, b) => a.id.localeCompare(b.id)).map((c) => [c.id, c.documentId, c.codeId, c.start, c.end]),
          memos: [...file.memos].sort((a, b) => a.id.localeCompare(b.id)).map((m) => [m.id, m.target, m.text]),
        };
      }),
  };
}

export type CanonicalState = ReturnType<typeof canonicalState>;

export function digest(state: CanonicalState): string {
  return createHash('sha256').update(JSON.stringify(state)).digest('hex').slice(0, 24);
}

/** A small, seedable generator (mulberry32): the same seed gives the same stream everywhere. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [min, max]. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  };
}

/** One line the writer child prints on stdout. */
export type ChildLine =
  | { type: 'opened'; digest: string }
  /** About to apply change `seq`; `predicted` is the digest the project will have once it is saved. */
  | { type: 'begin'; seq: number; kind: string; predicted: string }
  /** Change `seq` is acknowledged: its promise resolved, so it is on disk. */
  | { type: 'ack'; seq: number; digest: string }
  | { type: 'error'; message: string };
