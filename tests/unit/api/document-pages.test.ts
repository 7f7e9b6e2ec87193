import { SET_FILTER_KEY } from '../../../shared/api/limits';
import { describe, expect, it } from 'vitest';
import { attributeFacets, documentPage, documentTally, locateDocument } from '../../../shared/api/document-pages';
import type { DocumentMeta } from '../../../shared/domain/schemas';

/** A survey's worth of answers: one document each, Borough cycling through three values. */
const BOROUGHS = ['Hackney', 'Lambeth', 'Newham'];
const answers: DocumentMeta[] = Array.from({ length: 20_000 }, (_, i) => ({
  id: `d${i}`,
  name: `Respondent ${String(i + 1).padStart(5, '0')}`,
  hash: '0'.repeat(64),
  length: 100,
  turnCount: 1,
  attributes: { Borough: BOROUGHS[i % 3]!, Wave: (i % 2) + 1 },
  importedFrom: 'survey.csv',
  importedAt: '2026-01-05T00:00:00.000Z',
  rank: i,
}));

describe('the Documents list a page at a time', () => {
  it('sends the rows asked for, in the list order, with how many pass the filter and how many there are', () => {
    const page = documentPage(answers, {}, [], 19_950, 100);
    expect(page.rows).toHaveLength(50);
    expect(page.rows[0]).toEqual({ id: 'd19950', name: 'Respondent 19951', length: 100, turnCount: 1, attributes: { Borough: 'Hackney', Wave: 1 }, rank: 19_950 });
    expect(page).toMatchObject({ offset: 19_950, total: 20_000, count: 20_000 });
    // A summary carries what the list shows, never the document's hash or import record.
    expect(Object.keys(page.rows[0]!)).not.toContain('hash');
  });

  it('filters by attributes before paging: either value of one attribute, every attribute named', () => {
    const hackney = documentPage(answers, { Borough: ['Hackney'] }, [], 0, 3);
    expect(hackney.total).toBe(6667);
    expect(hackney.rows.map((d) => d.id)).toEqual(['d0', 'd3', 'd6']);
    const both = documentPage(answers, { Borough: ['Hackney', 'Newham'], Wave: [2] }, [], 0, 2);
    expect(both.rows.map((d) => d.id)).toEqual(['d3', 'd5']);
    expect(both.total).toBe(6666);
    // An attribute with no values ticked does not narrow the list.
    expect(documentPage(answers, { Borough: [] }, [], 0, 0)).toMatchObject({ rows: [], total: 20_000 });
  });

  it('narrows to names holding some text (case ignored) before paging: a picker finds one answer among 20,000', () => {
    const page = documentPage(answers, {}, [], 0, 50, { nameContains: 'DENT 1999' });
    expect(page.rows.map((d) => d.name)).toEqual(['Respondent 19990', 'Respondent 19991', 'Respondent 19992', 'Respondent 19993', 'Respondent 19994', 'Respondent 19995', 'Respondent 19996', 'Respondent 19997', 'Respondent 19998', 'Respondent 19999']);
    expect(page.total).toBe(10);
    expect(documentPage(answers, { Borough: ['Lambeth'] }, [], 0, 50, { nameContains: '1999' }).rows.every((d) => d.attributes.Borough === 'Lambeth')).toBe(true);
    // Blank text narrows nothing.
    expect(documentPage(answers, {}, [], 0, 0, { nameContains: '  ' }).total).toBe(20_000);
  });

  it('filters by document set, with attributes, before paging and locating', () => {
    const sets = [{ id: 'set-a', documentIds: ['d1', 'd3', 'd9', 'd19000'] }];
    expect(documentPage(answers, { [SET_FILTER_KEY]: ['set-a'] }, sets, 0, 10).rows.map((d) => d.id)).toEqual(['d1', 'd3', 'd9', 'd19000']);
    expect(documentPage(answers, { [SET_FILTER_KEY]: ['set-a'], Borough: ['Hackney'] }, sets, 0, 10).rows.map((d) => d.id)).toEqual(['d3', 'd9']);
    expect(locateDocument(answers, { [SET_FILTER_KEY]: ['set-a'] }, sets, { id: 'd19000' })).toBe(3);
    expect(documentPage(answers, { [SET_FILTER_KEY]: ['deleted'] }, sets, 0, 10).total).toBe(0);
  });

  it('finds where a document stands among those passing the filter, or null when it does not pass', () => {
    expect(locateDocument(answers, {}, [], { id: 'd15000' })).toBe(15_000);
    expect(locateDocument(answers, { Borough: ['Lambeth'] }, [], { id: 'd4' })).toBe(1);
    expect(locateDocument(answers, { Borough: ['Lambeth'] }, [], { id: 'd3' })).toBeNull();
    expect(locateDocument(answers, {}, [], { id: 'gone' })).toBeNull();
  });

  it('type-ahead: the next name after the selection starting with the letters, ignoring case, wrapping round', () => {
    const named: DocumentMeta[] = ['Alder', 'beech', 'Birch', 'Cedar'].map((name, i) => ({ ...answers[i]!, id: name, name }));
    expect(locateDocument(named, {}, [], { prefix: 'b', after: -1 })).toBe(1);
    expect(locateDocument(named, {}, [], { prefix: 'B', after: 1 })).toBe(2);
    expect(locateDocument(named, {}, [], { prefix: 'b', after: 2 })).toBe(1);
    expect(locateDocument(named, {}, [], { prefix: 'z', after: 0 })).toBeNull();
    expect(locateDocument(answers, {}, [], { prefix: 'respondent 12', after: 0 })).toBe(11_999);
  });

  it('counts each attribute value for the filter, and tallies the documents for the snapshot', () => {
    const facets = attributeFacets(answers, [
      { name: 'Borough', type: 'text', rank: 0 },
      { name: 'Wave', type: 'number', rank: 1 },
      { name: 'Unused', type: 'text', rank: 2 },
    ]);
    expect(facets).toEqual([
      { name: 'Borough', type: 'text', values: [{ value: 'Hackney', count: 6667 }, { value: 'Lambeth', count: 6667 }, { value: 'Newham', count: 6666 }] },
      { name: 'Wave', type: 'number', values: [{ value: 1, count: 10_000 }, { value: 2, count: 10_000 }] },
    ]);
    expect(documentTally(answers)).toEqual({ count: 20_000, firstId: 'd0' });
    expect(documentTally([])).toEqual({ count: 0, firstId: null });
  });
});
