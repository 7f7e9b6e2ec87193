import { describe, expect, it } from 'vitest';
import { findInTexts } from '../../../electron/services/workbench/pattern-search';
import { searchPattern } from '../../../shared/text/search';
import { sampleBackend } from '../../helpers/backend';
import { useTempDirs } from '../../helpers/temp-dir';

/* Autocoding with context on the sample project: a search's matches coded as sentences, paragraphs or turns. */

const tempDir = useTempDirs();
const search = { query: 'waiting list', caseSensitive: false, wholeWord: true, attributes: {} };

async function setup() {
  const backend = await sampleBackend(await tempDir(), 'Test Coder');
  const h = backend.handlers;
  const project = (await h['app.getState']({})).project!;
  const codeId = project.codebook.find((c) => c.name === 'Services there when and where needed')!.id;
  const mine = async () => {
    const coderId = (await h['app.getState']({})).project!.currentCoderId;
    return h['segments.query']({ codeIds: [codeId], includeSubcodes: false, coderIds: coderId ? [coderId] : [], attributes: {}, documentIds: null });
  };
  return { h, project, codeId, mine };
}

describe('code all results as a sentence, paragraph or speaker turn', () => {
  it('previews the count, then codes each sentence with a match once, in one undoable step', async () => {
    const { h, codeId, mine } = await setup();
    const hits = (await h['search.text'](search)).hits;
    const preview = await h['search.autocodePreview']({ ...search, unit: 'sentence', codeId });
    expect(preview).toMatchObject({ matches: hits.length, documents: new Set(hits.map((x) => x.documentId)).size, alreadyCoded: 0, truncated: false });
    expect(preview.passages).toBeLessThanOrEqual(hits.length);

    const result = await h['coding.autocode']({ ...search, unit: 'sentence', codeId });
    expect(result.message).toMatch(new RegExp(`^Code ${preview.passages} sentences with “waiting list” at “Services there when and where needed” in ${preview.documents} documents$`));
    const segments = await mine();
    expect(segments).toHaveLength(preview.passages);
    for (const s of segments) {
      expect(s.text.toLowerCase()).toContain('waiting list');
      expect(s.text).toMatch(/^[A-Z“"'].*[.!?…”"']$/s);
      expect(s.text).not.toContain('\n\n');
    }
    // Each hit lies inside one coded sentence.
    for (const hit of hits) expect(segments.some((s) => s.documentId === hit.documentId && s.start <= hit.start && s.end >= hit.end)).toBe(true);

    await h['history.undo']({});
    expect(await mine()).toHaveLength(0);
  });

  it('run again, or by turn over coded sentences, it merges with the codings there: no duplicates', async () => {
    const { h, codeId, mine } = await setup();
    await h['coding.autocode']({ ...search, unit: 'sentence', codeId });
    const sentences = await mine();
    const again = await h['search.autocodePreview']({ ...search, unit: 'sentence', codeId });
    expect(again.alreadyCoded).toBe(again.passages);
    const rerun = await h['coding.autocode']({ ...search, unit: 'sentence', codeId });
    expect(rerun.message).toBe('Already coded at “Services there when and where needed”');
    expect(await mine()).toEqual(sentences);

    await h['coding.autocode']({ ...search, unit: 'turn', codeId });
    const turns = await mine();
    const turnCount = (await h['search.autocodePreview']({ ...search, unit: 'turn', codeId })).passages;
    expect(turns).toHaveLength(turnCount);
    // Every sentence is now inside exactly one turn-long coding, and no two codings overlap.
    for (const s of sentences) expect(turns.filter((t) => t.documentId === s.documentId && t.start <= s.start && t.end >= s.end)).toHaveLength(1);
    turns.forEach((t, i) => i > 0 && t.documentId === turns[i - 1]!.documentId && expect(t.start).toBeGreaterThanOrEqual(turns[i - 1]!.end));
    // One undo takes back the widening to turns alone.
    await h['history.undo']({});
    expect(await mine()).toEqual(sentences);
  });

  it('whole words and case narrow the matches; a pattern finds what the words alone cannot', async () => {
    const { h } = await setup();
    const count = async (o: Partial<typeof search> & { pattern?: boolean }) => (await h['search.text']({ ...search, ...o })).hits.length;
    expect(await count({ query: 'wait', wholeWord: false })).toBeGreaterThan(await count({ query: 'wait', wholeWord: true }));
    expect(await count({ query: 'Waiting', caseSensitive: true, wholeWord: false })).toBeLessThan(await count({ query: 'Waiting', wholeWord: false }));
    const waits = (await h['search.text']({ ...search, query: 'wait(ed|ing) (list|times?)', pattern: true })).hits.map((x) => x.match.toLowerCase());
    expect(new Set(waits)).toEqual(new Set(['waiting list', 'waiting times', 'waiting time'].filter((w) => waits.includes(w))));
    expect(waits).toContain('waiting list');
    expect(waits.some((w) => w !== 'waiting list')).toBe(true);
    // As literal text the same query finds nothing.
    expect(await count({ query: 'wait(ed|ing) (list|times?)' })).toBe(0);
  });

  it('a broken pattern is refused with the reason, and nothing is coded', async () => {
    const { h, codeId, mine } = await setup();
    await expect(h['search.text']({ ...search, query: 'waiting (list', pattern: true })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^“waiting \(list” is not a pattern Marginalia can search for: .*Unterminated group.*Turn off Pattern/),
    });
    await expect(h['coding.autocode']({ ...search, query: 'waiting (list', pattern: true, unit: 'sentence', codeId })).rejects.toThrow(/not a pattern/);
    await expect(h['coding.autocode']({ ...search, query: 'zzqx', unit: 'sentence', codeId })).rejects.toThrow(/Nothing matches “zzqx”/);
    expect(await mine()).toHaveLength(0);
  });

  it('a pattern that backtracks without end is stopped at the time limit, off the main thread', async () => {
    const pattern = searchPattern('(a+)+$', { caseSensitive: true, wholeWord: false, pattern: true });
    const started = Date.now();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    await expect(findInTexts('(a+)+$', pattern, [`${'a'.repeat(40)}!`], 100, 400)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^The pattern “\(a\+\)\+\$” took too long \(over 0.4 s\) and was stopped/),
    });
    clearInterval(timer);
    // The main thread kept running meanwhile, and the search did not run on past its limit.
    expect(ticks).toBeGreaterThan(5);
    expect(Date.now() - started).toBeLessThan(5000);
    // A sound pattern in the same worker finds its matches, at most the limit in all.
    const sound = searchPattern('a+', { caseSensitive: true, wholeWord: false, pattern: true });
    expect(await findInTexts('a+', sound, ['a b aa', 'aaa'], 3)).toEqual([[{ start: 0, end: 1 }, { start: 4, end: 6 }], [{ start: 0, end: 3 }]]);
    expect(await findInTexts('a+', sound, ['a b aa', 'aaa'], 2)).toEqual([[{ start: 0, end: 1 }, { start: 4, end: 6 }], []]);
  });
});
