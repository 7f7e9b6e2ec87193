import { useMemo } from 'react';
import { formatNumber } from '../../../../shared/text/plural';
import { useDocumentMatches } from '../documents/useDocumentMatches';
import { useDocumentSummaries } from '../workbench/state/useDocuments';
import type { ChecklistItem } from './ChecklistPicker';

/**
 * The Documents checklist's items: the chosen documents first (so they can be unticked), then
 * the first documents whose names hold what was typed, found by the backend; a survey of 20,000
 * answers is never fetched whole. Also the chosen documents' names, and a hint when more match
 * than are shown.
 */
export function useDocumentChoices(chosenIds: readonly string[], query: string): { items: ChecklistItem[]; names: string[]; hint: string | undefined } {
  const matches = useDocumentMatches(query);
  const documentOf = useDocumentSummaries(chosenIds);
  return useMemo(() => {
    const needle = query.trim().toLocaleLowerCase();
    const chosen = chosenIds.flatMap((id) => {
      const doc = documentOf(id);
      return doc ? [{ id, label: doc.name }] : [];
    });
    const chosenSet = new Set(chosenIds);
    const items = [
      ...chosen.filter((item) => item.label.toLocaleLowerCase().includes(needle)),
      ...(matches?.rows ?? []).filter((doc) => !chosenSet.has(doc.id)).map((doc) => ({ id: doc.id, label: doc.name })),
    ];
    const more = matches ? matches.total - matches.rows.length : 0;
    return { items, names: chosen.map((item) => item.label), hint: more > 0 ? `${formatNumber(more)} more: type part of a name to find them.` : undefined };
  }, [chosenIds, documentOf, matches, query]);
}
