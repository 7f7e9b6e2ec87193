import { describe, expect, it } from 'vitest';
import { EntityTable, compareText } from '../../../shared/domain/state/entity-table';

interface Row {
  id: string;
  n: number;
}

const table = (rows: Row[]) => new EntityTable<Row>((r) => r.id, (a, b) => a.n - b.n || compareText(a.id, b.id), rows);

describe('a table read from a file', () => {
  it('keeps a list read in order as its list, and never changes the list it was given', () => {
    const rows = [{ id: 'a', n: 1 }, { id: 'b', n: 2 }, { id: 'c', n: 3 }];
    const given = [...rows];
    const t = table(given);
    expect(t.list()).toEqual(rows);
    t.apply({ id: 'd', before: null, after: { id: 'd', n: 0 } });
    t.apply({ id: 'b', before: { n: 2 }, after: null });
    expect(t.list().map((r) => r.id)).toEqual(['d', 'a', 'c']);
    expect(given).toEqual(rows);
  });

  it('puts a list out of order in order, and keeps the last of two rows with one key, without changing the list it was given', () => {
    const given = [{ id: 'b', n: 2 }, { id: 'a', n: 1 }];
    expect(table(given).list().map((r) => r.id)).toEqual(['a', 'b']);
    expect(given.map((r) => r.id)).toEqual(['b', 'a']);
    const twice = table([{ id: 'a', n: 1 }, { id: 'b', n: 2 }, { id: 'a', n: 3 }]);
    expect(twice.list()).toEqual([{ id: 'b', n: 2 }, { id: 'a', n: 3 }]);
    expect(twice.size).toBe(2);
  });
});
