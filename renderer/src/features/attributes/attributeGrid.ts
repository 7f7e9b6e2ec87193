import type { DocumentSummary } from '../../../../shared/api/contract';
import type { AttributeDef, AttributeValue } from '../../../../shared/domain/schemas';
import { parseAttributeInput } from './attributeInput';

/** Which column the grid is sorted by (null: the document's name), and which way. */
export interface GridSort {
  column: string | null;
  descending: boolean;
}

/**
 * The documents in the grid's order: by name, or by one attribute's value (numbers and dates in
 * order, text alphabetically; documents without a value last either way); ties keep project order.
 */
export function sortedRows(documents: readonly DocumentSummary[], sort: GridSort | null): DocumentSummary[] {
  if (!sort) return [...documents];
  const key = (d: DocumentSummary): AttributeValue | undefined => (sort.column === null ? d.name : d.attributes[sort.column]);
  const sign = sort.descending ? -1 : 1;
  return [...documents].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const missingX = x === undefined || x === null || x === '';
    const missingY = y === undefined || y === null || y === '';
    if (missingX || missingY) return Number(missingX) - Number(missingY);
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * String(x).localeCompare(String(y), undefined, { numeric: true, sensitivity: 'base' });
  });
}

/**
 * A column of values pasted from a spreadsheet (lines; of each, the first tab-separated cell)
 * for `def`, from `rows[first]` down: the values to set, or the first that is not one of its
 * type. Lines past the last row are reported rather than dropped silently.
 */
export function pastedColumn(
  text: string,
  def: AttributeDef,
  rows: readonly DocumentSummary[],
  first: number,
): { ok: true; values: { documentId: string; value: AttributeValue }[] } | { ok: false; message: string } {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  if (first + lines.length > rows.length) {
    return { ok: false, message: `${lines.length} values were pasted, but only ${rows.length - first} documents are from this row down.` };
  }
  const values: { documentId: string; value: AttributeValue }[] = [];
  for (const [i, line] of lines.entries()) {
    const parsed = parseAttributeInput(def.type, line.split('\t')[0]!);
    const doc = rows[first + i]!;
    if (!parsed.ok) return { ok: false, message: `Line ${i + 1} (for “${doc.name}”): ${parsed.message} Nothing was pasted.` };
    values.push({ documentId: doc.id, value: parsed.value });
  }
  return { ok: true, values };
}
