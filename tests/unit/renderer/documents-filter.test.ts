import { typeaheadIndex } from '../../../renderer/src/lib/typeahead';
import { describe, expect, it } from 'vitest';
import { SET_FILTER_KEY } from '../../../shared/api/limits';
import { documentFilter } from '../../../shared/domain/filters';
import { attributeFacets } from '../../../shared/api/document-pages';
import type { AttributeDef, DocumentMeta } from '../../../shared/domain/schemas';
import {
  activeFilterCount,
  attributeFilterOptions,
  describeFilter,
  toggleFilterValue,
} from '../../../renderer/src/features/documents/attributeFilter';
import { parseAttributeInput, valueForInput } from '../../../renderer/src/features/attributes/attributeInput';

const defs: AttributeDef[] = [
  { name: 'Borough', type: 'text', rank: 0 },
  { name: 'Date', type: 'date', rank: 1 },
  { name: 'Participants', type: 'number', rank: 2 },
  { name: 'Unused', type: 'text', rank: 3 },
];

const doc = (id: string, attributes: DocumentMeta['attributes']): DocumentMeta => ({
  id,
  name: id,
  hash: '0'.repeat(64),
  length: 10,
  turnCount: 1,
  attributes,
  importedFrom: `${id}.txt`,
  importedAt: '2024-01-01T00:00:00.000Z',
  rank: 0,
});

const docs = [
  doc('d1', { Borough: 'Newham', Date: '2017-03-14', Participants: 48 }),
  doc('d2', { Borough: 'Hackney', Date: '2017-01-25', Participants: 9 }),
  doc('d3', { Borough: 'Newham', Participants: 120 }),
  doc('d4', { Borough: '  ' }),
];

describe('attribute filter choices', () => {
  it('lists the values present, sorted by type, with counts; empty values and unused attributes left out', () => {
    const options = attributeFilterOptions(attributeFacets(docs, defs));
    expect(options.map((o) => o.name)).toEqual(['Borough', 'Date', 'Participants']);
    expect(options[0]!.values).toEqual([
      { value: 'Hackney', label: 'Hackney', count: 1 },
      { value: 'Newham', label: 'Newham', count: 2 },
    ]);
    expect(options[1]!.values.map((v) => v.label)).toEqual(['25 Jan 2017', '14 Mar 2017']);
    expect(options[2]!.values.map((v) => v.value)).toEqual([9, 48, 120]);
  });

  it('toggles values on and off, dropping an attribute with none left, and keeps numbers as numbers', () => {
    let filter = toggleFilterValue({}, 'Borough', 'Newham', true);
    filter = toggleFilterValue(filter, 'Participants', 48, true);
    expect(filter).toEqual({ Borough: ['Newham'], Participants: [48] });
    expect(activeFilterCount(filter)).toBe(2);
    expect(docs.filter(documentFilter(filter, [])).map((d) => d.id)).toEqual(['d1']);
    filter = toggleFilterValue(filter, 'Participants', 48, false);
    expect(filter).toEqual({ Borough: ['Newham'] });
    expect(docs.filter(documentFilter(filter, [])).map((d) => d.id)).toEqual(['d1', 'd3']);
    expect(toggleFilterValue(filter, 'Borough', 'Newham', true)).toEqual(filter);
  });

  it('filters by document set with the attributes: in any set listed, and every attribute', () => {
    const sets = [
      { id: 's1', name: 'Pilot', documentIds: ['d1', 'd2'], rank: 0 },
      { id: 's2', name: 'Late', documentIds: ['d3'], rank: 1 },
    ];
    let filter = toggleFilterValue({}, SET_FILTER_KEY, 's1', true);
    expect(docs.filter(documentFilter(filter, sets)).map((d) => d.id)).toEqual(['d1', 'd2']);
    filter = toggleFilterValue(filter, SET_FILTER_KEY, 's2', true);
    expect(docs.filter(documentFilter(filter, sets)).map((d) => d.id)).toEqual(['d1', 'd2', 'd3']);
    filter = toggleFilterValue(filter, 'Borough', 'Newham', true);
    expect(activeFilterCount(filter)).toBe(2);
    expect(docs.filter(documentFilter(filter, sets)).map((d) => d.id)).toEqual(['d1', 'd3']);
    // A set deleted since holds nothing.
    expect(docs.filter(documentFilter({ [SET_FILTER_KEY]: ['gone'] }, sets))).toEqual([]);
  });

  it('puts the filter in words', () => {
    const project = { attributes: defs, sets: [{ id: 's1', name: 'Pilot', documentIds: [], rank: 0 }] };
    expect(describeFilter({ Borough: ['Newham', 'Hackney', 'Barnet'], Date: ['2017-03-14'], [SET_FILTER_KEY]: ['s1', 'gone'] }, project)).toEqual([
      { name: 'Borough', values: 'Barnet, Hackney or Newham' },
      { name: 'Date', values: '14 Mar 2017' },
      { name: 'Document set', values: 'Pilot or a deleted set' },
    ]);
    expect(describeFilter({ Borough: [] }, project)).toEqual([]);
  });
});

describe('attribute boxes', () => {
  it('shows stored values as the inputs expect them', () => {
    expect(valueForInput('number', 48)).toBe('48');
    expect(valueForInput('date', '2017-03-14')).toBe('2017-03-14');
    expect(valueForInput('date', 'March 2017')).toBe('');
    expect(valueForInput('text', null)).toBe('');
  });

  it('reads what was typed: empty is no value, numbers and dates are checked', () => {
    expect(parseAttributeInput('text', '  Newham ')).toEqual({ ok: true, value: 'Newham' });
    expect(parseAttributeInput('text', '   ')).toEqual({ ok: true, value: null });
    expect(parseAttributeInput('number', '1,200')).toEqual({ ok: true, value: 1200 });
    expect(parseAttributeInput('number', 'twelve').ok).toBe(false);
    expect(parseAttributeInput('date', '2017-03-14')).toEqual({ ok: true, value: '2017-03-14' });
    expect(parseAttributeInput('date', '14/03/2017').ok).toBe(false);
    expect(parseAttributeInput('date', '2017-13-01').ok).toBe(false);
  });
});

describe('type-ahead', () => {
  const names = ['Barnet', 'Brent', 'Camden', 'bexley'];
  const at = (i: number) => names[i]!;
  it('finds the next name starting with the letter, wrapping, ignoring case', () => {
    expect(typeaheadIndex(names.length, at, -1, 'b')).toBe(0);
    expect(typeaheadIndex(names.length, at, 0, 'B')).toBe(1);
    expect(typeaheadIndex(names.length, at, 1, 'b')).toBe(3);
    expect(typeaheadIndex(names.length, at, 3, 'b')).toBe(0);
    expect(typeaheadIndex(names.length, at, 0, 'z')).toBe(-1);
    expect(typeaheadIndex(names.length, at, 0, ' ')).toBe(-1);
  });
});
