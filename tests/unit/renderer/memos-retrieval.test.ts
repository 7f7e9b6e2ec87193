import { describe, expect, it } from 'vitest';
import type { MemoView, SearchHit } from '../../../shared/api/contract';
import type { Code, DocumentMeta } from '../../../shared/domain/schemas';
import { memoAuthors, memoSubjectKind, memoSubjectLabel, memosOn, passageOpening, visibleMemos } from '../../../renderer/src/features/memos/memoSubjects';
import { codedMessage, countSummary, documentCount, groupByDocument, previewText, trimContext } from '../../../renderer/src/features/retrieval/retrievalText';

const description = { definition: '', whenToUse: '', whenNotToUse: '', example: '' };
const codebook: Code[] = [{ id: 'k1', name: 'Tackling stigma', color: '#2a9d8f', parentId: null, codable: true, description, rank: 0 }];
const documents = [{ id: 'd1', name: '03 Newham: people who use services' }] as DocumentMeta[];
const project = { codebook, documentOf: (id: string) => documents.find((d) => d.id === id) ?? null };

const memo = (id: string, coderId: string, target: MemoView['target'], createdAt: string): MemoView => ({
  id,
  coderId,
  author: coderId === 'amara' ? 'Amara Okafor' : 'Tom Reilly',
  target,
  text: `memo ${id}`,
  createdAt,
  updatedAt: createdAt,
});

const memos = [
  memo('m1', 'amara', { type: 'project' }, '2024-05-01T10:00:00.000Z'),
  memo('m2', 'tom', { type: 'code', id: 'k1' }, '2024-05-03T10:00:00.000Z'),
  memo('m3', 'amara', { type: 'coding', id: 'c9' }, '2024-05-02T10:00:00.000Z'),
  memo('m4', 'tom', { type: 'document', id: 'd1' }, '2024-05-04T10:00:00.000Z'),
];

describe('memo subjects', () => {
  it('names what a memo is about', () => {
    const places = new Map([['c9', { documentId: 'd1', codeId: 'k1', start: 0, end: 5, text: 'the waiting list was months long and nobody told us' }]]);
    expect(memoSubjectLabel({ type: 'project' }, project, places)).toBe('Project journal');
    expect(memoSubjectLabel({ type: 'document', id: 'd1' }, project, places)).toBe('03 Newham: people who use services');
    expect(memoSubjectLabel({ type: 'code', id: 'k1' }, project, places)).toBe('Tackling stigma');
    expect(memoSubjectLabel({ type: 'coding', id: 'c9' }, project, places)).toBe(
      'Tackling stigma: “the waiting list was months long and nobody…” in 03 Newham: people who use services',
    );
    expect(memoSubjectLabel({ type: 'coding', id: 'c9' }, project, new Map())).toBe('A coding');
    expect(memoSubjectLabel({ type: 'code', id: 'gone' }, project, places)).toMatch(/no longer/);
    expect(memoSubjectKind({ type: 'code', id: 'k1' })).toBe('Code');
  });

  it('opens a coding’s memo label with the passage’s first whole words', () => {
    expect(passageOpening('  Short  passage ')).toBe('Short passage');
    expect(passageOpening('one two three four five six seven eight nine')).toBe('one two three four five six seven eight…');
    expect(passageOpening(`${'x'.repeat(30)} ${'y'.repeat(40)} z`)).toBe(`${'x'.repeat(30)}…`);
    expect(passageOpening('')).toBe('');
  });

  it('lists memos newest first, filtered by kind and author', () => {
    expect(visibleMemos(memos, { kind: 'all', authorId: 'all' }).map((m) => m.id)).toEqual(['m4', 'm2', 'm3', 'm1']);
    expect(visibleMemos(memos, { kind: 'all', authorId: 'amara' }).map((m) => m.id)).toEqual(['m3', 'm1']);
    expect(visibleMemos(memos, { kind: 'code', authorId: 'all' }).map((m) => m.id)).toEqual(['m2']);
    expect(visibleMemos(memos, { kind: 'project', authorId: 'tom' })).toEqual([]);
  });

  it('finds the memos on one subject and the people who wrote any', () => {
    expect(memosOn(memos, { type: 'code', id: 'k1' }).map((m) => m.id)).toEqual(['m2']);
    expect(memosOn(memos, { type: 'project' }).map((m) => m.id)).toEqual(['m1']);
    const coders = [
      { id: 'amara', name: 'Amara Okafor', color: '#1d70b8', rank: 0 },
      { id: 'tom', name: 'Tom Reilly', color: '#d4351c', rank: 1 },
      { id: 'sam', name: 'Sam', color: '#000000', rank: 2 },
    ];
    expect(memoAuthors(memos, coders).map((c) => c.id)).toEqual(['amara', 'tom']);
  });
});

describe('retrieval text', () => {
  const hit = (documentId: string, start: number): SearchHit => ({ documentId, start, end: start + 4, before: '', match: 'wait', after: '', speaker: null });

  it('groups hits by document in the order given', () => {
    const groups = groupByDocument([hit('d2', 5), hit('d1', 1), hit('d2', 9)]);
    expect(groups.map((g) => [g.documentId, g.hits.map((h) => h.start)])).toEqual([
      ['d2', [5, 9]],
      ['d1', [1]],
    ]);
    expect(documentCount([hit('d2', 5), hit('d1', 1), hit('d2', 9)])).toBe(2);
  });

  it('says what coding all results did, in the unit coded, those already coded included', () => {
    const count = (passages: number, alreadyCoded: number) => ({ matches: 9, passages, documents: 2, alreadyCoded });
    expect(codedMessage(count(4, 0), 'Waiting lists', 'match')).toBe('Coded 4 matches at “Waiting lists”.');
    expect(codedMessage(count(4, 1), 'Waiting lists', 'sentence')).toBe('Coded 3 sentences at “Waiting lists”. 1 other was already coded there.');
    expect(codedMessage(count(2, 2), 'Waiting lists', 'turn')).toBe('All 2 speaker turns were already coded at “Waiting lists”: nothing changed.');
    expect(codedMessage(count(1, 1), 'Waiting lists', 'paragraph')).toBe('The paragraph was already coded at “Waiting lists”: nothing changed.');
  });

  it('previews what coding all results will code', () => {
    const count = { matches: 17, passages: 14, documents: 6, alreadyCoded: 3 };
    expect(previewText(count, 'sentence', 'Waiting lists')).toBe('14 sentences in 6 documents (from 17 matches); 3 are already coded at “Waiting lists”, so 11 will be coded.');
    expect(previewText({ ...count, alreadyCoded: 0 }, 'turn', 'Waiting lists')).toBe('14 speaker turns in 6 documents (from 17 matches).');
    expect(previewText({ matches: 1, passages: 1, documents: 1, alreadyCoded: 1 }, 'match', 'X')).toBe('1 match in 1 document; 1 is already coded at “X”, so 0 will be coded.');
    expect(previewText(count, 'paragraph', null)).toBe('14 paragraphs in 6 documents (from 17 matches).');
  });

  it('words the counts', () => {
    expect(countSummary(0, 0, 'segment')).toBe('No segments');
    expect(countSummary(1, 1, 'segment')).toBe('1 segment in 1 document');
    expect(countSummary(12, 7, 'result')).toBe('12 results in 7 documents');
  });

  it('cuts long context at a word, on the side away from the passage', () => {
    const long = 'word '.repeat(100).trim();
    const before = trimContext(long, 'before', 50);
    expect(before.startsWith('…')).toBe(true);
    expect(before.endsWith('word')).toBe(true);
    expect(before.length).toBeLessThanOrEqual(51);
    const after = trimContext(long, 'after', 50);
    expect(after.endsWith('…')).toBe(true);
    expect(after.startsWith('word')).toBe(true);
    expect(trimContext('short\n text', 'after')).toBe('short text');
  });
});
