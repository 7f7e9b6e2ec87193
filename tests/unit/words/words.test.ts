import { describe, expect, it } from 'vitest';
import { passagesForWord, stemmers, stopWordLists, wordFrequencies, wordFrequenciesIn, wordTokens } from '../../../shared/words';
import type { WordOptions } from '../../../shared/words';
import { handBuiltProject } from '../../helpers/hand-built-project';

const english: WordOptions = { stopWords: stopWordLists.english, stem: null };
const stemmed: WordOptions = { ...english, stem: stemmers.english };

const whole = (text: string, documentId = 'd1') => ({ documentId, text, spans: [{ start: 0, end: text.length }] });
const table = (text: string, options: WordOptions) => wordFrequencies([whole(text)], options).words.map((w) => [w.word, w.count]);

describe('words in a text', () => {
  it('are letters and digits with inner apostrophes and hyphens, folded to lower case, at their offsets', () => {
    const text = 'Don’t CAMHS zero-hours co‑production; 2017 48 café 👋🏽 carer\'s';
    const tokens = wordTokens(text);
    expect(tokens.map((t) => t.folded)).toEqual(["don't", 'camhs', 'zero-hours', 'co-production', 'café', "carer's"]);
    for (const t of tokens) expect(text.slice(t.start, t.end).toLocaleLowerCase().replace('’', "'").replace('‑', '-')).toBe(t.folded);
    // Words of a stretch keep offsets into the whole text.
    expect(wordTokens('one two three', 4, 13)).toEqual([{ start: 4, end: 7, folded: 'two' }, { start: 8, end: 13, folded: 'three' }]);
  });
});

describe('word frequencies', () => {
  it('count case-folded words, commonest first (ties alphabetically), leaving out English stop words', () => {
    expect(table('The stigma is real. Stigma and waiting, and STIGMA; waiting lists.', english)).toEqual([
      ['stigma', 3],
      ['waiting', 2],
      ['lists', 1],
      ['real', 1],
    ]);
    expect(wordFrequencies([whole('The and of')], english)).toEqual({ words: [], totalWords: 0 });
  });

  it('use the stop word list they are given, as edited', () => {
    const edited = [...stopWordLists.english.filter((w) => w !== 'not'), 'stigma'];
    expect(table('Stigma is not the problem, not at all', { ...english, stopWords: edited })).toEqual([
      ['not', 2],
      ['problem', 1],
    ]);
  });

  it('leave out a stop word however its apostrophe was typed in the list', () => {
    expect(table('Don\'t wait. Don’t rush. Waiting.', { ...english, stopWords: ['don’t'] })).toEqual([
      ['rush', 1],
      ['wait', 1],
      ['waiting', 1],
    ]);
  });

  it('with stemming, count a word\'s forms together and list them, commonest first', () => {
    const text = 'Services, service, services. Young carers and a carer\'s stress; caring.';
    const { words } = wordFrequencies([whole(text)], stemmed);
    expect(words.find((w) => w.key === 'servic')).toMatchObject({ word: 'services', count: 3, forms: ['services', 'service'] });
    expect(words.find((w) => w.key === 'carer')).toMatchObject({ count: 2, forms: ['carer\'s', 'carers'] });
    expect(table(text, english)).toContainEqual(['services', 2]);
  });

  it('count the documents a word occurs in', () => {
    const { words, totalWords } = wordFrequencies([whole('waiting waiting', 'a'), whole('waiting lists', 'b')], english);
    expect(words[0]).toMatchObject({ word: 'waiting', count: 3, documents: 2 });
    expect(totalWords).toBe(4);
  });
});

function project() {
  return handBuiltProject({
    attributes: [{ name: 'Group', type: 'text' }],
    codes: ['Services', 'Services/Waiting', 'Stigma'],
    coders: ['Amara', 'Tom'],
    documents: [
      { name: 'Hackney', text: 'Youth worker: Waiting lists for services. Stigma at school.\nStudent: The service was slow.', attributes: { Group: 'Young people' } },
      { name: 'Camden', text: 'Commissioner: Services cost money.\nChair: Waiting times are down.', attributes: { Group: 'Commissioners' } },
    ],
    codings: [
      { coder: 'Amara', document: 'Hackney', code: 'Services/Waiting', quote: 'Waiting lists for services' },
      { coder: 'Tom', document: 'Hackney', code: 'Services', quote: 'The service was slow' },
      { coder: 'Tom', document: 'Hackney', code: 'Stigma', quote: 'Stigma at school' },
      { coder: 'Amara', document: 'Camden', code: 'Services', quote: 'Services cost money' },
    ],
  });
}

const counts = async (scope: Parameters<typeof wordFrequenciesIn>[1], options = stemmed, view = project()) =>
  Object.fromEntries((await wordFrequenciesIn(view, scope, options)).words.map((w) => [w.word, w.count]));

describe('word frequencies in a project', () => {
  it('per document and per set of documents, speaker labels left out ("Youth worker:" is nobody\'s word)', async () => {
    const view = project();
    const hackney = await counts({ kind: 'documents', documentIds: [view.documentId('Hackney')] }, stemmed, view);
    // "service" and "services" once each: the tie shows the first in the alphabet.
    expect(hackney).toEqual({ service: 2, waiting: 1, lists: 1, stigma: 1, school: 1, slow: 1 });
    expect(await counts({ kind: 'documents', documentIds: view.documents.map((d) => d.id) })).toMatchObject({ services: 3, waiting: 2 });
  });

  it('in every document without naming them (a survey of 20,000 answers sends no list of ids)', async () => {
    const view = project();
    expect(await counts({ kind: 'all' }, stemmed, view)).toEqual(await counts({ kind: 'documents', documentIds: view.documents.map((d) => d.id) }, stemmed, view));
  });

  it('per attribute value', async () => {
    expect(await counts({ kind: 'attribute', name: 'Group', value: 'Commissioners' })).toEqual({ services: 1, cost: 1, money: 1, waiting: 1, times: 1 });
  });

  it('per code: only the coded passages, sub-codes included, by every coder or the chosen ones', async () => {
    const view = project();
    expect(await counts({ kind: 'code', codeId: view.codeId('Services'), coderIds: null }, stemmed, view)).toEqual({ services: 3, waiting: 1, lists: 1, slow: 1, cost: 1, money: 1 });
    expect(await counts({ kind: 'code', codeId: view.codeId('Services'), coderIds: ['coder-2'] }, english, view)).toEqual({ service: 1, slow: 1 });
  });

  it('in a coding query\'s results', async () => {
    expect(await counts({ kind: 'query', query: 'Services WHERE Group = Commissioners' })).toEqual({ services: 1, cost: 1, money: 1 });
  });

  it('gives the passages of a clicked word: every form of it, in its context', async () => {
    const view = project();
    const scope = { kind: 'documents' as const, documentIds: view.documents.map((d) => d.id) };
    const { passages, total } = await passagesForWord(view, scope, 'servic', stemmed);
    expect(total).toBe(3);
    expect(passages.map((p) => [p.document, p.text, p.speaker])).toEqual([
      ['Hackney', 'services', 'Youth worker'],
      ['Hackney', 'service', 'Student'],
      ['Camden', 'Services', 'Commissioner'],
    ]);
    expect(passages[1]).toMatchObject({ ...view.spanOf('Hackney', 'service', 2), before: expect.stringMatching(/Student: The $/), after: ' was slow.' });
    expect(await passagesForWord(view, { kind: 'code', codeId: view.codeId('Stigma'), coderIds: null }, 'servic', stemmed)).toEqual({ passages: [], total: 0 });
    // A common word's first passages only are made, all of them counted.
    expect(await passagesForWord(view, scope, 'servic', stemmed, 2)).toEqual({ passages: passages.slice(0, 2), total: 3 });
  });
});
