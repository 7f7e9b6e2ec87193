import { added, updated } from '../../../../shared/domain/patch';
import type { Change } from '../../../../shared/domain/patch';
import type { DocumentSet } from '../../../../shared/domain/schemas';
import { nextRank } from '../../../../shared/operations/context';
import { plural } from '../../../../shared/text/plural';
import type { ProjectPlanner } from './project-planner';
import { clean, clip } from './refi-names';

/**
 * A REFI-QDA project's sets as document sets: each keeps the sources imported (or already in the
 * project); a set of the same name the project has gains the new members instead of a twin. Codes
 * and notes in a set, and sources not imported, are reported; a set left with no document is not
 * made (one that was empty in the file is). Run after the documents are planned (each prepared source has its document id).
 */
export function planSets(plan: ProjectPlanner): { changes: Change<DocumentSet>[]; made: number } {
  const documentOf = new Map(plan.prepared.map((p) => [p.source.guid, (p.sameAs ?? p).documentId]));
  // Members in project order: the documents there, then those this import adds, as it adds them.
  const order = new Map([...plan.ctx.project.documents.map((d) => d.id), ...plan.prepared.map((p) => p.documentId)].map((id, i) => [id, i]));
  const inOrder = (ids: Iterable<string>) => [...new Set(ids)].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
  const sets = new Map<string, DocumentSet>(plan.ctx.project.sets.map((s) => [s.name.toLocaleLowerCase(), s]));
  const created = new Map<string, DocumentSet>();
  let rank = nextRank(plan.ctx.project.sets);
  for (const set of plan.project.sets) {
    const name = clip(clean(set.name), 200) || `Set ${set.guid.slice(0, 8)}`;
    const ids = set.sourceRefs.map((guid) => documentOf.get(guid)).filter((id): id is string => id !== undefined);
    const left = [
      set.sourceRefs.length > ids.length && plural(set.sourceRefs.length - ids.length, 'source') + ' not imported',
      set.codeCount > 0 && plural(set.codeCount, 'code'),
      set.noteCount > 0 && plural(set.noteCount, 'note'),
    ].filter(Boolean);
    if (ids.length === 0 && set.sourceRefs.length + set.codeCount + set.noteCount > 0) {
      plan.skip({ kind: 'set', name, reason: set.codeCount + set.noteCount > 0 && set.sourceRefs.length === 0 ? 'it groups codes or notes; Marginalia’s sets group documents' : 'none of its documents was imported' });
      continue;
    }
    if (left.length > 0) plan.warnings.push(`The set “${name}” was imported with its ${plural(ids.length, 'document')}, without its ${left.join(', ')}.`);
    const key = name.toLocaleLowerCase();
    const existing = created.get(key) ?? sets.get(key);
    if (existing) {
      const next = { ...existing, documentIds: inOrder([...existing.documentIds, ...ids]) };
      (created.has(key) ? created : sets).set(key, next);
      continue;
    }
    created.set(key, { id: plan.newId(), name, documentIds: inOrder(ids), rank: rank++ });
  }
  const changes: Change<DocumentSet>[] = [...created.values()].map((s) => added(s.id, s));
  for (const before of plan.ctx.project.sets) {
    const change = updated(before.id, before, sets.get(before.name.toLocaleLowerCase())!);
    if (change) changes.push(change);
  }
  return { changes, made: created.size };
}
