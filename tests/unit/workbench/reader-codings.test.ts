import { describe, expect, it } from 'vitest';
import type { CoderCoding } from '../../../shared/api/contract';
import { heldCodings, uncoveredIn, withCodings } from '../../../shared/text/coding-pieces';
import { TEXT_PIECE_UNITS } from '../../../shared/text/text-pieces';
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

/** A project on disk with a long transcript coded every 1,000 characters, plus one coding across the first piece's end. */
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
  for (let start = 0; start + 200 < text.length; start += 1000) spans.push({ documentId: doc.id, start, end: start + 200 });
  await h['coding.applyMany']({ codeId: every!.id, spans });
  await h['coding.apply']({ documentId: doc.id, codeId: across!.id, start: TEXT_PIECE_UNITS - 50, end: TEXT_PIECE_UNITS + 50 });
  const all = await h['document.codings']({ documentId: doc.id });
  return { h, doc, text, all, across: all.find((c) => c.codeId === across!.id)! };
}

const ids = (codings: readonly CoderCoding[]) => codings.map((c) => c.id).sort();

describe('a long document as the reader asks for it (issue 16: replies sized to what is shown)', () => {
  it('opens with only the codings overlapping its first stretch; ranges give the rest, each coding held once', async () => {
    const { h, doc, text, all, across } = await codedLongDocument();
    expect(all.length).toBeGreaterThan(500);

    const outline = await h['document.get']({ documentId: doc.id });
    const firstEnd = outline.first.start + outline.first.text.length;
    expect(firstEnd).toBeLessThan(text.length);
    expect(ids(outline.codings)).toEqual(ids(all.filter((c) => c.start < firstEnd)));
    expect(outline.codings.length).toBeLessThan(all.length / 2);
    // The coding across the piece's end comes whole.
    expect(outline.codings.find((c) => c.id === across.id)).toMatchObject({ start: TEXT_PIECE_UNITS - 50, end: TEXT_PIECE_UNITS + 50 });

    // The reader asks for the codings of each stretch of text as it arrives, a piece per reply.
    let held = heldCodings(0, [], { start: 0, end: firstEnd }, outline.codings);
    const loaded = [{ start: 0, end: text.length }];
    let replies = 0;
    for (let range = uncoveredIn(held.covered, loaded); range; range = uncoveredIn(held.covered, loaded)) {
      const piece = await h['document.codings']({ documentId: doc.id, range });
      expect(piece.every((c) => c.start < range!.end && c.end > range!.start)).toBe(true);
      held = withCodings(held, range, piece);
      replies++;
    }
    expect(replies).toBe(Math.ceil((text.length - firstEnd) / TEXT_PIECE_UNITS));
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
