import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../shared/api/contract';
import { pastedColumn, sortedRows } from '../../../renderer/src/features/attributes/attributeGrid';

const doc = (id: string, attributes: DocumentSummary['attributes']) => ({ id, name: `Doc ${id}`, attributes }) as DocumentSummary;
const rows = [doc('3', { Participants: 12 }), doc('1', {}), doc('2', { Participants: 9 }), doc('10', { Participants: 100 })];
const participants = { name: 'Participants', type: 'number', rank: 0 } as const;

describe('the attribute grid', () => {
  it('sorts by a column (numbers as numbers, no value last either way) or by name', () => {
    expect(sortedRows(rows, { column: 'Participants', descending: false }).map((d) => d.id)).toEqual(['2', '3', '10', '1']);
    expect(sortedRows(rows, { column: 'Participants', descending: true }).map((d) => d.id)).toEqual(['10', '3', '2', '1']);
    expect(sortedRows(rows, { column: null, descending: false }).map((d) => d.id)).toEqual(['1', '2', '3', '10']);
    expect(sortedRows(rows, null)).toEqual(rows);
  });

  it('reads a pasted column: first cell of each line, CRLF, a final newline; empty lines empty the cell', () => {
    expect(pastedColumn('4\tx\r\n\r\n6\r\n', participants, rows, 1)).toEqual({
      ok: true,
      values: [
        { documentId: '1', value: 4 },
        { documentId: '2', value: null },
        { documentId: '10', value: 6 },
      ],
    });
  });

  it('refuses the whole paste for one bad value, or more lines than rows, saying which', () => {
    expect(pastedColumn('4\nmany', participants, rows, 0)).toEqual({ ok: false, message: 'Line 2 (for “Doc 1”): “many” is not a number. Nothing was pasted.' });
    expect(pastedColumn('1\n2\n3', participants, rows, 2)).toEqual({ ok: false, message: '3 values were pasted, but only 2 documents are from this row down.' });
  });
});
