import { useState } from 'react';
import type { AttributeFilter, DocumentTally } from '../../../../shared/api/contract';
import { singleRow } from './listSelection';
import type { ListSelection } from './listSelection';

interface Held {
  filter: AttributeFilter;
  tally: DocumentTally;
  total: number;
  selection: ListSelection;
}

const nothing: ListSelection = { focus: -1, anchor: -1, ranges: [] };

/**
 * The Documents list's selection, held with the list it was made in. The focused row lasts while
 * the filter does (else the open document's row is focused). Several selected rows last only
 * while the documents and the list's length stay as they were: rows are positions, and an
 * import, a deletion or a set's new members move documents to other positions.
 */
export function useListSelection(filter: AttributeFilter, total: number, tally: DocumentTally, openIndex: number) {
  const [held, setHeld] = useState<Held | null>(null);
  const focusHeld = held !== null && held.filter === filter && held.selection.focus < total;
  const focus = focusHeld ? held.selection.focus : openIndex;
  const rangesHeld = focusHeld && held.tally === tally && held.total === total;
  const selection = rangesHeld ? held.selection : focus >= 0 ? singleRow(focus) : nothing;
  const setSelection = (next: ListSelection) => setHeld({ filter, tally, total, selection: next });
  return { selection, setSelection };
}
