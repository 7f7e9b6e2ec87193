import { describe, expect, it } from 'vitest';
import type { CoderCoding } from '../../../shared/api/contract';
import { CODINGS_WITH_TEXT, heldCodings, uncoveredIn, withCodings } from '../../../shared/text/coding-pieces';
import { FIRST_PIECE_UNITS, TEXT_PIECE_UNITS } from '../../../shared/text/text-pieces';
import { allDocuments, sampleBackend } from '../../helpers/backend';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** A transcript of about three text pieces, in short turns. */
function longTranscript(): string {
  const turns: string[] = [];
  for (let i = 0, length = 0; length < TEXT_PIECE_UNITS * 2.5; i++) {
    turns.push(`Resident: Week ${i} was long and the waiting list did not move at all, so I rang again.`);
    length += turns[i]!.length + 2;
  }
  return `${turns.join('\n\n')}\n`;
}

/**
 * A project on disk with a long transcript densely coded (every 100 characters, every 20 in its
 * first stretch: more than document.get carries), plus one coding across a text piece's end.
 */
async function codedLongDocument() {
  const root = await tempDir();
  const backend = await sampleBackend(root, 'Test Coder');
  const h = backend.handlers;
  const text = longTranscript();
  const { stagedId } = await h['import.stage']({ fileName: 'Long interview.txt', base64: Buffer.from(text).toString('base64') });
  await h['import.run']({ items: [{ source: { stagedId }, options: {} }] });
  const doc = (await allDocuments(h)).find((d) => d.name === 'Long interview')!;
  const { project } = await h['app.getState']({});
  const [every, across] = project!.codebook.filter((c) => c.codable);
  const spans = [];
  for (let start = 0; start + 50 < text.length; start += 100) spans.push({ documentId: doc.id, start, end: start + 50 });
  for (let start = 10; start < FIRST_PIECE_UNITS; start += 20) if (start % 100 !== 0) spans.push({ documentId: doc.id, start, end: start + 5 });
  await h['coding.applyMany']({ codeId: every!.id, spans });
  await h['coding.apply']({ documentId: doc.id, codeId: across!.id, start: TEXT_PIECE_UNITS - 50, end: TEXT_PIECE_UNITS + 50 });
  const all = await h['document.codings']({ documentId: doc.id });
  return { h, doc, text, all, across: all.find((c) => c.codeId === across!.id)! };
}

const ids = (codings: readonly CoderCoding[]) => codings.map((c) => c.id).sort();
const MB = 1024 * 1024;

describe('a long document as the reader asks for it (issue 16: replies sized to what is shown)', () => {
  it('opens with only the codings at the start of its first stretch; ranges give the rest, each coding held once', async () => {
    const { h, doc, text, all, across } = await codedLongDocument();
    expect(all.length).toBeGreaterThan(6000);

    const outline = await h['document.get']({ documentId: doc.id });
    const firstEnd = outline.first.start + outline.first.text.length;
    expect(firstEnd).toBeLessThan(text.length);
    expect(JSON.stringify(outline).length).toBeLessThan(MB);
    // More codings overlap the first stretch than one reply carries beside its text: those first in the text come.
    const byStart = [...all].sort((a, b) => a.start - b.start);
    expect(byStart.filter((c) => c.start < firstEnd).length).toBeGreaterThan(CODINGS_WITH_TEXT);
    expect(ids(outline.codings)).toEqual(ids(byStart.slice(0, CODINGS_WITH_TEXT)));

    // The reader asks for the codings of each stretch of text as it arrives: every reply under 1 MB.
    let held = heldCodings(0, [], { start: 0, end: firstEnd }, outline.codings);
    const boundary = held.covered[0]!.end;
    const spanning = outline.codings.find((c) => c.end > boundary)!;
    expect(spanning).toBeDefined();
    const loaded = [{ start: 0, end: text.length }];
    const replies: CoderCoding[][] = [];
    for (let range = uncoveredIn(held.covered, loaded); range; range = uncoveredIn(held.covered, loaded)) {
      const piece = await h['document.codings']({ documentId: doc.id, range });
      expect(piece.every((c) => c.start < range!.end && c.end > range!.start)).toBe(true);
      expect(JSON.stringify(piece).length).toBeLessThan(MB);
      held = withCodings(held, range, piece);
      replies.push(piece);
    }
    expect(replies.length).toBeGreaterThanOrEqual(Math.ceil((text.length - boundary) / TEXT_PIECE_UNITS));
    // The coding across the first reply's end came in two replies and is held once.
    expect(replies[0]!.some((c) => c.id === spanning.id)).toBe(true);
    expect(held.list.map((c) => c.id)).toEqual([...new Set(held.list.map((c) => c.id))]);
    expect(ids(held.list)).toEqual(ids(all));
    expect(held.list.find((c) => c.id === across.id)).toEqual(across);
  });

  it('counts the document\'s codings per code and coder without sending them', async () => {
    const { h, doc, all } = await codedLongDocument();
    const counts = await h['document.codingCounts']({ documentId: doc.id });
    const expected: Record<string, Record<string, number>> = {};
    for (const c of all) {
      expected[c.codeId] ??= {};
      expected[c.codeId]![c.coderId] = (expected[c.codeId]![c.coderId] ?? 0) + 1;
    }
    expect(counts).toEqual(expected);
  });

  it('a range outside every coding gives none; an unknown document is named', async () => {
    const { h, doc, text } = await codedLongDocument();
    expect(await h['document.codings']({ documentId: doc.id, range: { start: text.length, end: text.length + 10 } })).toEqual([]);
    await expect(h['document.codings']({ documentId: 'no-such-document', range: { start: 0, end: 10 } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
