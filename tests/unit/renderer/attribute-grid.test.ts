import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../shared/api/contract';
import { gridMove, pastedColumn, pastedLines } from '../../../renderer/src/features/attributes/attributeGrid';

const doc = (id: string, attributes: DocumentSummary['attributes']) => ({ id, name: `Doc ${id}`, attributes }) as DocumentSummary;
const rows = [doc('3', { Participants: 12 }), doc('1', {}), doc('2', { Participants: 9 }), doc('10', { Participants: 100 })];
const participants = { name: 'Participants', type: 'number', rank: 0 } as const;

describe('the attribute grid', () => {
  it('reads a pasted column: first cell of each line, CRLF, a final newline; empty lines empty the cell', () => {
    const lines = pastedLines('4\tx\r\n\r\n6\r\n');
    expect(lines).toEqual(['4\tx', '', '6']);
    expect(pastedColumn(lines, participants, rows.slice(1), 3)).toEqual({
      ok: true,
      values: [
        { documentId: '1', value: 4 },
        { documentId: '2', value: null },
        { documentId: '10', value: 6 },
      ],
    });
  });

  it('refuses the whole paste for one bad value, or more lines than rows, saying which', () => {
    expect(pastedColumn(pastedLines('4\nmany'), participants, rows, 4)).toEqual({ ok: false, message: 'Line 2 (for “Doc 1”): “many” is not a number. Nothing was pasted.' });
    expect(pastedColumn(pastedLines('1\n2\n3'), participants, [], 2)).toEqual({ ok: false, message: '3 values were pasted, but only 2 documents are from this row down.' });
  });

  it('moves the active cell by key, stopping at the edges; Ctrl+Home/End reach the first and last document', () => {
    const at = { row: 5, col: 2 };
    expect(gridMove('ArrowDown', false, at, 20_000, 4, 10)).toEqual({ row: 6, col: 2 });
    expect(gridMove('ArrowLeft', false, { row: 5, col: 0 }, 20_000, 4, 10)).toEqual({ row: 5, col: 0 });
    expect(gridMove('Home', false, at, 20_000, 4, 10)).toEqual({ row: 5, col: 0 });
    expect(gridMove('End', false, at, 20_000, 4, 10)).toEqual({ row: 5, col: 3 });
    expect(gridMove('End', true, at, 20_000, 4, 10)).toEqual({ row: 19_999, col: 3 });
    expect(gridMove('Home', true, at, 20_000, 4, 10)).toEqual({ row: 0, col: 0 });
    expect(gridMove('PageDown', false, { row: 19_995, col: 1 }, 20_000, 4, 10)).toEqual({ row: 19_999, col: 1 });
    expect(gridMove('PageUp', false, at, 20_000, 4, 10)).toEqual({ row: 0, col: 2 });
    expect(gridMove('a', false, at, 20_000, 4, 10)).toBeNull();
  });
});
